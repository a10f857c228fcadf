import { expect, type Page } from '@playwright/test';
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

for (const size of WIDTHS) {
  test(`every page at ${size.width} px looks as it did`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const shots: string[] = [];
    const failures: string[] = [];
    const shoot = async (name: string, path: string) => {
      await settle(page, path);
      const file = `${size.name}-${name}.png`;
      shots.push(file);
      try {
        // A CI token's prefix is random in every demo.
        await expect(page).toHaveScreenshot(file, {
          fullPage: true,
          timeout: 15_000,
          mask: [page.getByText(/^sxt_[A-Za-z0-9_-]+/)],
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
