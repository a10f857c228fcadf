import { dayFromNow } from '../support/api.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';
import { postRun, seedRunsProject } from '../support/runs.js';
import { saveScreenshot } from '../support/screenshots.js';
import { productionFixture } from '../../packages/server/test/support/production-fixture.js';

const D1 = dayFromNow(-3);
const D2 = dayFromNow(-2);
const D3 = dayFromNow(-1);

const {
  criterion: CRITERION,
  predictions: PREDICTIONS,
  decisions: DECISIONS,
  outcomes: OUTCOMES,
} = productionFixture(D1, D2, D3);

test('shows production hit rate beside the bar, money, disagreement, and turns a reason into a backlog item', async ({
  page,
  account,
  api,
  server,
}, testInfo) => {
  const { projectId } = await seedRunsProject(server, api, {
    team: unique('Plant maintenance'),
    project: unique('Pump failure scoring'),
  });
  await api.put(`/projects/${projectId}/success-criterion`, CRITERION);
  await api.post(`/projects/${projectId}/feedback/predictions`, { items: PREDICTIONS });
  await api.post(`/projects/${projectId}/feedback/decisions`, { items: DECISIONS });
  await api.post(`/projects/${projectId}/feedback/outcomes`, { items: OUTCOMES });

  await signIn(page, account);
  await page.goto(`/projects/${projectId}`);
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Production' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Production' })).toBeVisible();

  const tiles = page.getByRole('list', { name: 'Production figures' });
  const tile = (label: string) => tiles.getByRole('listitem').filter({ hasText: label });
  // Day 1: top 2 = A, B; A failed → 1 caught. Day 2: top 2 = D, B; A and C failed → 0.
  // Mean 0.5 a day. The bar: day 1 A, B (A caught); day 2 D, A (A caught) → 1 a day.
  await expect(tile('Production hit rate@2')).toContainText('0.5 a day');
  await expect(tile('Production hit rate@2')).toContainText('The bar (longest-unchecked): 1 a day');
  await expect(tile('Production hit rate@2')).toContainText('threshold 1 a day');
  await expect(tile('Production hit rate@2')).toContainText('1 of 3 events caught over 2 days');
  // Operators acted on A, C (day 1: A caught) and D, C (day 2: C caught): 2 × 100 − 4 × 10
  // = 160; following the model: (100 − 20) + (0 − 20) = 60.
  await expect(tile('Money realized')).toContainText('€160.00');
  await expect(tile('Money realized')).toContainText('Had they followed the model: €60.00');
  // Each day B ignored and C acted on outside the top 2, of 3 cases: 4 / 6 = 67 %.
  await expect(tile('Disagreement rate')).toContainText('67 %');

  const chart = page.getByRole('img', { name: /Model hit rate@2 and the bar/ });
  await expect(chart).toHaveAttribute('aria-label', /threshold 1 a day/);
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart).toContainText('Threshold 1 a day');
  const disagreement = page.getByRole('img', { name: /Operator disagreement rate per day/ });
  await expect(disagreement.locator('svg')).toBeVisible();

  const reasons = page.getByRole('table', { name: 'Disagreement reasons' });
  await expect(reasons.getByRole('row')).toHaveCount(1 + 3);
  await expect(reasons.getByRole('row').nth(1)).toContainText('sensor glitch');
  await expect(reasons.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('2');

  await saveScreenshot(page, 'production-page', testInfo);

  await reasons.getByRole('button', { name: 'Make “sensor glitch” a backlog item' }).click();
  await reasons.getByRole('link', { name: 'In the backlog' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/backlog$`));
  await expect(page.getByText(/giving the reason "sensor glitch"/)).toBeVisible();

  // By week: the page redraws with the same totals.
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Production' })
    .click();
  // The radio itself is hidden inside its segmented-control label: click the label.
  await page.locator('label', { hasText: 'Week' }).click();
  await expect(page.getByRole('radio', { name: 'Week' })).toBeChecked();
  await expect(page.getByRole('img', { name: /per week/ }).first()).toBeVisible();
  await expect(tile('Production hit rate@2')).toContainText('0.5 a day');
});

test('without a hit rate@N criterion the production page says how to set one', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Churn team') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Churn scoring'),
  });
  await signIn(page, account);
  await page.goto(`/projects/${project.id}/production`);
  await expect(page.getByText('No hit rate@N success criterion')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Set the success criterion' })).toHaveAttribute(
    'href',
    `/projects/${project.id}#success-criterion`,
  );
});

test('a run posted by sextant evaluate shows its evaluation in words', async ({
  page,
  account,
  api,
  server,
}) => {
  const { projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Plant maintenance'),
    project: unique('Pump evaluation'),
  });
  const evaluated = await postRun(ci, projectId, {
    value: 0.5,
    day: -1,
    extra: {
      events_caught: 30,
      interventions: 120,
      money_net: 3000,
      baseline_hit_rate_at_10: 0.35,
    },
  });
  const plain = await postRun(ci, projectId, { value: 0.4, day: -2 });

  await signIn(page, account);
  await page.goto(`/projects/${projectId}/runs/${evaluated.id}`);
  const panel = page.getByRole('list', { name: 'Evaluation results' });
  await expect(panel).toContainText('Hit rate@10: 0.5 events caught per period');
  await expect(panel).toContainText('Events caught: 30');
  await expect(panel).toContainText('Interventions: 120');
  await expect(panel).toContainText('Net money: €3,000');
  // 0.5 − 0.35 = 0.15.
  await expect(panel).toContainText('the model beats it by 0.15');

  await page.goto(`/projects/${projectId}/runs/${plain.id}`);
  await expect(page.getByRole('heading', { name: /Run / }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Metrics' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Evaluation' })).toHaveCount(0);
});
