import type { Page } from '@playwright/test';
import { expectStrictPolicy, parsePolicy, watchCsp, type CspViolation } from '../support/csp.js';
import { expect, signIn, test } from '../support/fixtures.js';
import { saveScreenshot } from '../support/screenshots.js';
import { startServer, type RunningServer } from '../support/server.js';

// Every page of the app, filled with the demo workspace's data so every chart is drawn,
// under the Content-Security-Policy the server sends: the policy must be strict and the
// browser must have refused nothing.

interface Listed<T> {
  items: T[];
}
interface ProjectRow {
  id: string;
  name: string;
}
interface SprintRow {
  id: string;
  state: string;
}
interface RunRow {
  id: string;
}

/** The project's tabs, as ProjectTabs lists them. */
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
  '/production/list',
];

test.describe('Content-Security-Policy on every page', () => {
  test.describe.configure({ timeout: 240_000 });
  let demo: RunningServer;

  test.beforeAll(async () => {
    demo = await startServer({ demo: true });
  });
  test.afterAll(async () => {
    await demo?.stop();
  });

  /**
   * Opens `path`, checks the policy it came with, waits until it is drawn (charts too) and
   * opens every chart's tooltip, which ECharts writes into the page as HTML.
   */
  async function visit(page: Page, path: string): Promise<void> {
    const response = await page.goto(`${demo.url}${path}`);
    expect(response?.status(), path).toBe(200);
    expectStrictPolicy(response);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.loading')).toHaveCount(0);
    for (const chart of await page.locator('.chart__canvas').all()) {
      await expect(chart.locator('svg').first()).toBeVisible();
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      const tip = chart.locator('.chart-tip');
      let shown = false;
      // Bar charts answer only over a bar: try points across the chart until one does.
      for (const fy of [0.15, 0.5, 0.3, 0.7, 0.85]) {
        for (const fx of [0.3, 0.6, 0.45, 0.75]) {
          if (shown || !box) break;
          await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
          shown = await tip
            .waitFor({ state: 'visible', timeout: 500 })
            .then(() => true)
            .catch(() => false);
        }
      }
      expect(shown, `a tooltip on a chart of ${path}`).toBe(true);
      await page.mouse.move(0, 0);
    }
  }

  test('the demo workspace, the login page, the report and the API docs, with zero violations', async ({
    page,
  }) => {
    const csp = watchCsp(page);
    const violations: CspViolation[] = [];
    const seen: string[] = [];
    const check = async (path: string) => {
      await visit(page, path);
      violations.push(...(await csp.take()));
      seen.push(path);
    };

    await check('/login');
    const email = /^\s*email:\s+(\S+)\s*$/m.exec(demo.output())?.[1] ?? '';
    const password = /^\s*password:\s+(\S+)\s*$/m.exec(demo.output())?.[1] ?? '';
    await signIn(page, { email, password, name: 'Demo' }, demo.url);
    violations.push(...(await csp.take()));

    const api = async <T>(path: string): Promise<T> => {
      const reply = await page.request.get(`${demo.url}/api/v1${path}`);
      expect(reply.status(), path).toBe(200);
      return (await reply.json()) as T;
    };
    const projects = (await api<Listed<ProjectRow>>('/projects?limit=200')).items;
    expect(projects.length).toBeGreaterThanOrEqual(3);
    const teams = (await api<Listed<{ id: string }>>('/teams')).items;

    for (const path of ['/portfolio', '/projects', '/artifacts', '/teams', '/tokens', '/account']) {
      await check(path);
    }
    for (const team of teams) await check(`/teams/${team.id}`);

    // The demo project has every tab filled: all of them, a sprint board and its review, a
    // run and two runs compared. The other projects: their ROI curves.
    const demoProject = projects.find((p) => p.name.startsWith('Predictive maintenance'));
    expect(demoProject).toBeTruthy();
    const base = `/projects/${demoProject?.id}`;
    for (const tab of PROJECT_TABS) await check(`${base}${tab}`);
    const sprints = (await api<Listed<SprintRow>>(`${base}/sprints`)).items;
    const closed = sprints.filter((s) => s.state === 'closed').at(-1);
    expect(closed).toBeTruthy();
    await check(`${base}/sprints/${closed?.id}`);
    await check(`${base}/sprints/${closed?.id}/review`);
    const runs = (await api<Listed<RunRow>>(`${base}/runs?limit=2`)).items;
    expect(runs).toHaveLength(2);
    await check(`${base}/runs/${runs[0]?.id}`);
    await check(`${base}/runs?compare=${runs[0]?.id},${runs[1]?.id}`);
    for (const project of projects.filter((p) => p.id !== demoProject?.id)) {
      await check(`/projects/${project.id}/roi`);
    }
    await saveScreenshot(page, 'csp-roi');

    // The sprint-demo report keeps its own, stricter policy: no script at all.
    const report = await page.goto(`${demo.url}/api/v1/sprints/${closed?.id}/report.html`);
    expect(report?.status()).toBe(200);
    const reportPolicy = parsePolicy(report?.headers()['content-security-policy']);
    expect(reportPolicy.get('default-src')).toEqual(["'none'"]);
    expect(reportPolicy.has('script-src')).toBe(false);
    await expect(page.locator('svg').first()).toBeVisible();
    violations.push(...(await csp.take()));
    seen.push('report.html');

    // The interactive OpenAPI page: its own policy, drawn in full.
    const docs = await page.goto(`${demo.url}/api/docs`);
    expectStrictPolicy(docs);
    // Swagger UI draws some 150 operations: seconds on a busy machine.
    await expect(page.getByRole('heading', { name: /Sextant API/ })).toBeVisible({
      timeout: 60_000,
    });
    await page
      .getByRole('button', { name: /GET\s*\/api\/v1\/health/ })
      .first()
      .click();
    await expect(page.getByRole('button', { name: 'Try it out' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'csp-api-docs');
    violations.push(...(await csp.take()));
    seen.push('/api/docs');

    expect(violations, `violations on ${seen.length} pages`).toEqual([]);
    expect(seen.length).toBeGreaterThanOrEqual(25);
  });
});
