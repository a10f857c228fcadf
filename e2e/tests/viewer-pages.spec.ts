import type { Page } from '@playwright/test';
import { productionFixture } from '../../packages/server/test/support/production-fixture.js';
import { dayFromNow, type Api } from '../support/api.js';
import { writeControls } from '../support/controls.js';
import { createAccount, expect, signIn, test, unique } from '../support/fixtures.js';
import { postRun, seedReviewHistory, seedRunsProject } from '../support/runs.js';
import { saveScreenshot } from '../support/screenshots.js';
import { planSprint } from '../support/sprints.js';

const COMMIT = '5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c';

interface EveryPage {
  projectId: string;
  projectName: string;
  teamId: string;
  closedSprint: string;
  activeSprint: string;
  plannedSprint: string;
  ciRun: string;
  manualRun: string;
}

/**
 * A project with something on every page, all through the API: a scope (whose named user is
 * then removed, so the "no named user" alert is open), a measured goal, a criterion, a risk,
 * a closed sprint with its decision, an active and a planned sprint, CI and manual runs,
 * deployments of a run's commit, a backlog idea, insights, ledger entries, operator
 * feedback and an artifact.
 */
async function seedEveryPage(server: Parameters<typeof seedRunsProject>[0], api: Api) {
  const projectName = unique('Pump failure prediction');
  const { teamId, projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: projectName,
  });
  await api.post(`/projects/${projectId}/risks`, {
    description: 'Planners stop trusting the list after one bad morning.',
    affectedRoles: ['Maintenance planner'],
    likelihood: 'medium',
    impact: 'high',
    mitigation: 'Maria reviews the list at every demo.',
    owner: 'Plant manager',
    status: 'open',
  });
  const goals = await api.call<{ items: { id: string }[] }>('GET', `/projects/${projectId}/goals`);
  await api.post(`/goals/${goals.items[0]!.id}/measurements`, {
    value: 110,
    measuredAt: `${dayFromNow(-20)}T00:00:00Z`,
    source: 'Maintenance report',
  });
  await api.post(`/projects/${projectId}/stage`, { stage: 'poc', note: 'Scope signed off.' });
  const { first, second } = await seedReviewHistory(api, ci, projectId);
  await api.post(`/sprints/${first.id}/decision`, {
    decision: 'continue',
    rationale: 'The hit rate climbs; two more sprints to the threshold.',
  });
  const planned = await planSprint(api, projectId, 4, 17, 'Night-shift features');
  const ciRun = await postRun(ci, projectId, { value: 0.4, day: -2, commit: COMMIT });
  const manualRun = await postRun(api, projectId, { value: 0.5, day: -1 }, false);
  const deploy = (version: string, day: number, extra: Record<string, unknown> = {}) =>
    ci.post(`/projects/${projectId}/deployments`, {
      version,
      environment: 'production',
      status: 'succeeded',
      finishedAt: `${dayFromNow(day)}T12:00:00Z`,
      ci: { provider: 'github-actions', jobId: `deploy-${version}`, jobUrl: 'https://ci.test/d' },
      ...extra,
    });
  await deploy('1.0.0', -9, { status: 'failed' });
  await deploy('1.1.0', -1, { commit: COMMIT });
  await api.post(`/projects/${projectId}/backlog`, {
    observation: 'The largest misses were pumps serviced in the last week',
    proposedChange: 'Add days since the last service as a feature',
    effort: { size: 'S' },
    expectedImpact: '+0.05 hit rate@10',
    runId: ciRun.id,
  });
  const seals = await api.post<{ id: string }>(`/projects/${projectId}/insights`, {
    title: 'Reorder pump seals when stock falls under 40',
    businessArea: 'inventory',
    estimatedValue: { amount: 5000, currency: 'EUR' },
  });
  await api.call('PATCH', `/insights/${seals.id}`, { status: 'accepted' });
  await api.post(`/projects/${projectId}/ledger`, {
    kind: 'cost',
    category: 'infrastructure',
    amount: 10_000,
    currency: 'EUR',
    status: 'realized',
    date: dayFromNow(-30),
  });
  await api.post(`/projects/${projectId}/ledger`, {
    kind: 'return',
    category: 'savings',
    amount: 4_000,
    currency: 'EUR',
    status: 'realized',
    date: dayFromNow(-10),
  });
  const fixture = productionFixture(dayFromNow(-3), dayFromNow(-2), dayFromNow(-1));
  await api.post(`/projects/${projectId}/feedback/predictions`, { items: fixture.predictions });
  await api.post(`/projects/${projectId}/feedback/decisions`, { items: fixture.decisions });
  await api.post(`/projects/${projectId}/feedback/outcomes`, { items: fixture.outcomes });
  await api.post('/artifacts', {
    name: 'Pump sensor history, cleaned',
    kind: 'dataset',
    description: 'Five years of vibration and temperature readings per pump',
    projectId,
  });
  // The named user leaves the scope: the overview now carries the "no named user" alert.
  await api.call('PATCH', `/projects/${projectId}`, { scope: { users: [] } });
  return {
    projectId,
    projectName,
    teamId,
    closedSprint: first.id,
    activeSprint: second.id,
    plannedSprint: planned.id,
    ciRun: ciRun.id,
    manualRun: manualRun.id,
  } satisfies EveryPage;
}

/** Each page of the project, with the heading that says it has loaded and what it shows. */
function everyPage(seed: EveryPage): { path: string; heading: RegExp | string; shows: string }[] {
  const base = `/projects/${seed.projectId}`;
  return [
    { path: base, heading: seed.projectName, shows: 'Halve unplanned pump downtime' },
    { path: `${base}/sprints`, heading: 'Sprints', shows: 'Night-shift features' },
    {
      path: `${base}/sprints/${seed.activeSprint}`,
      heading: /Sprint 2/,
      shows: 'Rolling vibration features',
    },
    {
      path: `${base}/sprints/${seed.closedSprint}`,
      heading: /Sprint 1/,
      shows: 'Baseline gradient boosting',
    },
    { path: `${base}/sprints/${seed.plannedSprint}`, heading: /Sprint 3/, shows: 'Night-shift' },
    {
      path: `${base}/sprints/${seed.closedSprint}/review`,
      heading: /Sprint 1/,
      shows: 'two more sprints to the threshold',
    },
    {
      path: `${base}/sprints/${seed.activeSprint}/review`,
      heading: /Sprint 2/,
      shows: 'Rolling vibration features',
    },
    { path: `${base}/delivery`, heading: 'Delivery', shows: 'Sprint 1' },
    { path: `${base}/runs`, heading: 'Runs', shows: '5d4c3b2' },
    { path: `${base}/runs/${seed.ciRun}`, heading: /^Run 5d4c3b2/, shows: 'github-actions' },
    { path: `${base}/runs/${seed.manualRun}`, heading: /^Run /, shows: 'Manual run.' },
    { path: `${base}/backlog`, heading: /Backlog|Improvement/, shows: 'days since the last' },
    { path: `${base}/deployments`, heading: 'Deployments', shows: '1.1.0' },
    { path: `${base}/insights`, heading: 'Insights', shows: 'Reorder pump seals' },
    { path: `${base}/roi`, heading: 'Return on investment', shows: '€10,000' },
    { path: `${base}/production`, heading: 'Production', shows: 'Hit rate' },
    { path: '/artifacts', heading: 'Artifacts', shows: 'Pump sensor history, cleaned' },
    {
      path: `${base}/runs?compare=${seed.ciRun},${seed.manualRun}`,
      heading: 'Runs',
      shows: 'Dataset version',
    },
  ];
}

/** Opens a page and waits until it has drawn what it shows (no section still loading). */
async function openPage(page: Page, target: ReturnType<typeof everyPage>[number]) {
  await page.goto(target.path);
  await expect(page.getByRole('heading', { level: 1, name: target.heading })).toBeVisible();
  await expect(page.getByText(target.shows).first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
}

test('a viewer sees no control to change anything on any page of a project full of data; the owner does', async ({
  page,
  server,
  account: owner,
  api,
}) => {
  test.setTimeout(180_000);
  const seed = await seedEveryPage(server, api);
  const viewer = await createAccount(server, 'Vera Viewer');
  await api.post(`/teams/${seed.teamId}/members`, { email: viewer.email, role: 'viewer' });
  const pages = everyPage(seed);

  await signIn(page, viewer);
  const found: Record<string, string[]> = {};
  for (const target of pages) {
    await openPage(page, target);
    const writes = await writeControls(page);
    if (writes.length > 0) found[target.path.replace(seed.projectId, ':id')] = writes;
  }
  expect(found).toEqual({});

  // What is missing reads as what is missing, not as something to do.
  await openPage(page, pages[0]!);
  const alerts = page.getByRole('list', { name: 'Open alerts' });
  await expect(alerts).toContainText('No named user: nobody has been named');
  await expect(alerts.getByRole('link', { name: 'Name a user in the scope' })).toHaveCount(0);
  const gates = page.getByRole('list', { name: 'Unmet gates for Productization' });
  await expect(page.getByRole('heading', { level: 3, name: /Before moving/ })).toHaveText(
    'Before moving to Productization, 1 thing is missing:',
  );
  await expect(gates).toHaveText(
    'No sprint review has recorded "objectives met" yet: the POC must reach its success criterion first.',
  );
  await saveScreenshot(page, 'viewer-overview');
  await openPage(page, pages[5]!);
  await expect(page.getByText('No decision recorded yet')).toHaveCount(0);
  await saveScreenshot(page, 'viewer-review');

  // The owner, on the same pages, still has the controls.
  await page.context().clearCookies();
  await signIn(page, owner);
  const ownerSees = async (index: number, names: string[]) => {
    await openPage(page, pages[index]!);
    expect(await writeControls(page)).toEqual(
      expect.arrayContaining(names.map((name) => expect.stringContaining(`"${name}"`))),
    );
  };
  await ownerSees(0, [
    'Name a user in the scope',
    'Edit scope',
    'Rename',
    'Move to Productization',
  ]);
  await ownerSees(1, ['Plan a sprint']);
  await ownerSees(2, ['Add story']);
  await ownerSees(5, ['Record a new decision']);
  await ownerSees(9, ['Add an improvement idea']);
  await ownerSees(11, ['Add an idea']);
  await ownerSees(13, ['Propose an insight']);
  await ownerSees(14, ['Add an entry']);
});

test('a viewer of a project with nothing in it yet is told so, and not asked to add anything', async ({
  page,
  server,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Customer Analytics') });
  const projectName = unique('Churn early warning');
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: projectName,
  });
  // One sprint planned, with no story yet: its board and review have nothing to show either.
  const sprint = await planSprint(api, project.id, 3, 16);
  const viewer = await createAccount(server, 'Vera Viewer');
  await api.post(`/teams/${team.id}/members`, { email: viewer.email, role: 'viewer' });

  await signIn(page, viewer);
  const base = `/projects/${project.id}`;
  const found: Record<string, string[]> = {};
  const nothingYet: [path: string, heading: string | RegExp, says: string][] = [
    [base, projectName, 'Before moving to POC, 3 things are missing:'],
    [`${base}/sprints`, 'Sprints', 'You can view these sprints.'],
    [`${base}/sprints/${sprint.id}`, /Sprint 1/, 'You can view this sprint.'],
    [`${base}/sprints/${sprint.id}/review`, /Sprint 1/, 'No success criterion yet to chart'],
    [`${base}/delivery`, 'Delivery', 'No sprint closed yet'],
    [`${base}/runs`, 'Runs', 'None has arrived yet.'],
    [`${base}/backlog`, 'Backlog', 'None is written down yet.'],
    [`${base}/deployments`, 'Deployments', 'None has arrived yet.'],
    [`${base}/insights`, 'Insights', 'none is proposed yet'],
    [`${base}/roi`, 'Return on investment', 'Nothing is recorded yet.'],
    [`${base}/production`, 'Production', 'once the project has a hit rate@N criterion'],
  ];
  for (const [path, heading, says] of nothingYet) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator('.loading')).toHaveCount(0);
    await expect(page.getByText(says)).toBeVisible();
    // Nothing on the page asks the viewer to do what only a member may.
    await expect(page.locator('main')).not.toContainText(
      /Propose one|Record what the project costs|Write down what you saw|Create a CI token|sextant (run|deploy) report|Set the success criterion|still need doing/,
    );
    const writes = await writeControls(page);
    if (writes.length > 0) found[path.replace(project.id, ':id')] = writes;
  }
  expect(found).toEqual({});
  await expect(page.getByRole('list', { name: 'Unmet gates for POC' })).toHaveCount(0);
  await page.goto(base);
  await expect(page.getByRole('list', { name: 'Unmet gates for POC' })).toContainText(
    'No one is named yet who will use the solution',
  );
  // Each alert says what is missing; the one link left opens the page that shows the matter.
  const alerts = page.getByRole('list', { name: 'Open alerts' });
  await expect(alerts).toContainText('No named user: nobody has been named');
  await expect(alerts).toContainText('No goal: the project has no business goal');
  await expect(alerts).toContainText('Sprint 1 (planned, from');
  await expect(alerts.getByRole('link')).toHaveText(['Sprints']);

  // The workspace catalogue, searched for nothing, does not ask someone with no project to write to.
  await page.goto('/artifacts');
  await page.getByRole('searchbox', { name: 'Search' }).fill('no such artifact anywhere');
  await expect(page.getByText('No artifact matches')).toBeVisible();
  await expect(page.getByText('Projects list here what they built for others')).toBeVisible();
  await expect(page.locator('main')).not.toContainText('add it here');
  expect(await writeControls(page)).toEqual([]);
});
