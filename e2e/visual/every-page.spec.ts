import { expect, type Page } from '@playwright/test';
import { TEST_NOW } from '../support/clock.js';
import { signIn, test } from '../support/fixtures.js';
import { startServer, type RunningServer } from '../support/server.js';

// Every page of the demo workspace at a desktop and a phone width, compared pixel for pixel
// with the baseline (see playwright.visual.config.ts).

interface Listed<T> {
  items: T[];
}

const PROJECT_TABS = [
  '',
  '/sprints',
  '/runs',
  '/delivery',
  '/backlog',
  '/deployments',
  '/insights',
  '/roi',
  '/production',
];

const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

let demo: RunningServer;
test.beforeAll(async () => {
  demo = await startServer({ demo: true });
});
test.afterAll(async () => {
  await demo?.stop();
});

/**
 * What differs from one demo to the next whatever the code: a CI token's random prefix, the
 * server's port and ids in a command to copy.
 */
function unstable(page: Page) {
  return [page.getByText(/^sxt_[A-Za-z0-9_-]+/), page.getByText(/127\.0\.0\.1:\d+/)];
}

/**
 * The browser's clock stands still an hour after the demo's seed, so "1 hour ago" reads the
 * same however long the run took to get to a page.
 */
async function stopClock(page: Page): Promise<void> {
  await page.clock.setFixedTime(new Date(TEST_NOW.getTime() + 60 * 60 * 1000));
}

async function settle(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${demo.url}${path}`);
  expect(response?.status(), path).toBe(200);
  await expect(page.locator('h1, .empty__title').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.loading')).toHaveCount(0);
  for (const chart of await page.locator('.chart__canvas').all()) {
    await expect(chart.locator('svg').first()).toBeVisible();
  }
  // Charts animate in; ECharts' animation is not a CSS one.
  await page.waitForTimeout(1500);
  await page.evaluate('window.scrollTo(0, 0)');
}

/** Each form or dialog, opened by the button a user clicks (`path`, then the button's name). */
const FORMS: {
  name: string;
  path: (ids: DemoIds) => string;
  open: (string | RegExp)[];
  submit?: string;
}[] = [
  { name: 'scope', path: (d) => d.project, open: ['Edit scope'] },
  { name: 'goal', path: (d) => d.project, open: ['Add goal'] },
  { name: 'goal-errors', path: (d) => d.project, open: ['Add goal'], submit: 'Add goal' },
  { name: 'measurement', path: (d) => d.project, open: ['Add measurement'] },
  { name: 'criterion', path: (d) => d.project, open: ['Edit criterion'] },
  { name: 'risk', path: (d) => d.project, open: ['Add risk'] },
  { name: 'ci-token', path: (d) => d.project, open: ['New CI token'] },
  { name: 'rename', path: (d) => d.project, open: ['Rename'] },
  { name: 'plan-sprint', path: (d) => `${d.project}/sprints`, open: ['Plan a sprint'] },
  { name: 'edit-sprint', path: (d) => d.openSprint, open: ['Edit sprint'] },
  { name: 'add-story', path: (d) => d.openSprint, open: ['Add story'] },
  { name: 'close-sprint', path: (d) => d.openSprint, open: ['Close sprint'] },
  { name: 'correct-outcome', path: (d) => d.closedSprint, open: ['Correct outcome'] },
  { name: 'ledger', path: (d) => `${d.project}/roi`, open: ['Add an entry'] },
  { name: 'idea', path: (d) => `${d.project}/backlog`, open: ['Add an idea'] },
  { name: 'insight', path: (d) => `${d.project}/insights`, open: ['Propose an insight'] },
  { name: 'artifact', path: () => '/artifacts', open: ['Add an artifact'] },
  { name: 'reuse', path: () => '/artifacts', open: [/^Record a reuse of /] },
  { name: 'new-project', path: () => '/projects', open: ['New project'] },
];

interface DemoIds {
  project: string;
  openSprint: string;
  closedSprint: string;
}

for (const size of WIDTHS) {
  test(`every page at ${size.width} px looks as it did`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await stopClock(page);
    const shots: string[] = [];
    const failures: string[] = [];
    const shoot = async (name: string, path: string) => {
      await settle(page, path);
      const file = `${size.name}-${name}.png`;
      shots.push(file);
      try {
        await expect(page).toHaveScreenshot(file, {
          fullPage: true,
          timeout: 15_000,
          mask: unstable(page),
        });
      } catch (error) {
        failures.push(`${file}: ${String(error).split('\n')[0]}`);
      }
    };

    await shoot('login', '/login');
    const email = /^\s*email:\s+(\S+)\s*$/m.exec(demo.output())?.[1] ?? '';
    const password = /^\s*password:\s+(\S+)\s*$/m.exec(demo.output())?.[1] ?? '';
    await signIn(page, { email, password, name: 'Demo' }, demo.url);
    const api = async <T>(path: string): Promise<T> => {
      const reply = await page.request.get(`${demo.url}/api/v1${path}`);
      expect(reply.status(), path).toBe(200);
      return (await reply.json()) as T;
    };
    const projects = (await api<Listed<{ id: string; name: string }>>('/projects?limit=200')).items;
    const teams = (await api<Listed<{ id: string }>>('/teams')).items;
    for (const path of ['/portfolio', '/projects', '/artifacts', '/teams', '/tokens', '/account']) {
      await shoot(path.slice(1), path);
    }
    for (const [i, team] of teams.entries()) await shoot(`team-${i}`, `/teams/${team.id}`);
    for (const [i, project] of projects.entries()) {
      const base = `/projects/${project.id}`;
      const tabs = project.name.startsWith('Predictive maintenance') ? PROJECT_TABS : ['', '/roi'];
      for (const tab of tabs)
        await shoot(`p${i}${tab.replace('/', '-') || '-overview'}`, `${base}${tab}`);
      if (!project.name.startsWith('Predictive maintenance')) continue;
      const sprints = (await api<Listed<{ id: string; state: string }>>(`${base}/sprints`)).items;
      for (const [s, sprint] of sprints.entries()) {
        await shoot(`p${i}-sprint-${s}`, `${base}/sprints/${sprint.id}`);
        await shoot(`p${i}-sprint-${s}-review`, `${base}/sprints/${sprint.id}/review`);
      }
      const runs = (await api<Listed<{ id: string }>>(`${base}/runs?limit=2`)).items;
      await shoot(`p${i}-run`, `${base}/runs/${runs[0]?.id}`);
      await shoot(`p${i}-compare`, `${base}/runs?compare=${runs[0]?.id},${runs[1]?.id}`);
    }
    await shoot('not-found', '/no-such-page');
    expect(failures, `${failures.length} of ${shots.length} pages differ`).toEqual([]);
  });
}

for (const size of WIDTHS) {
  test(`every form and dialog at ${size.width} px looks as it did`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await stopClock(page);
    const email = /^\s*email:\s+(\S+)\s*$/m.exec(demo.output())?.[1] ?? '';
    const password = /^\s*password:\s+(\S+)\s*$/m.exec(demo.output())?.[1] ?? '';
    await signIn(page, { email, password, name: 'Demo' }, demo.url);
    const api = async <T>(path: string): Promise<T> => {
      const reply = await page.request.get(`${demo.url}/api/v1${path}`);
      expect(reply.status(), path).toBe(200);
      return (await reply.json()) as T;
    };
    const projects = (await api<Listed<{ id: string; name: string }>>('/projects?limit=200')).items;
    const demoProject = projects.find((p) => p.name.startsWith('Predictive maintenance'));
    const project = `/projects/${demoProject?.id}`;
    const sprints = (await api<Listed<{ id: string; state: string }>>(`${project}/sprints`)).items;
    const open = sprints.find((s) => s.state !== 'closed');
    const closed = sprints.filter((s) => s.state === 'closed').at(-1);
    const ids: DemoIds = {
      project,
      openSprint: `${project}/sprints/${open?.id}`,
      closedSprint: `${project}/sprints/${closed?.id}`,
    };
    const failures: string[] = [];
    for (const form of FORMS) {
      await settle(page, form.path(ids));
      for (const name of form.open) {
        await page.getByRole('button', { name, exact: true }).first().click({ timeout: 10_000 });
      }
      if (form.submit) {
        await page
          .getByRole('button', { name: form.submit, exact: true })
          .last()
          .click({ timeout: 10_000 });
        await page.waitForLoadState('networkidle');
      }
      await page.waitForTimeout(300);
      await page.evaluate('window.scrollTo(0, 0)');
      const file = `${size.name}-form-${form.name}.png`;
      try {
        await expect(page).toHaveScreenshot(file, {
          fullPage: true,
          timeout: 15_000,
          mask: unstable(page),
        });
      } catch (error) {
        failures.push(`${file}: ${String(error).split('\n')[0]}`);
      }
      await page.keyboard.press('Escape');
    }
    expect(failures, `${failures.length} of ${FORMS.length} forms differ`).toEqual([]);
  });
}
