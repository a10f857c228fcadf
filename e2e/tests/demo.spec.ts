import { writeControls } from '../support/controls.js';
import { saveScreenshot } from '../support/screenshots.js';
import { startServer, type RunningServer } from '../support/server.js';
import type { Page } from '@playwright/test';
import { expect, openProjectList, test } from '../support/fixtures.js';

const DEMO_PROJECT = 'Predictive maintenance — press line 3';

test.describe('demo workspace', () => {
  let demo: RunningServer;

  test.beforeAll(async () => {
    demo = await startServer({ demo: true });
  });

  test.afterAll(async () => {
    await demo?.stop();
  });

  /** Signs in with the credentials the demo printed. */
  async function signInAsDemo(page: Page) {
    const output = demo.output();
    const email = /^\s*email:\s+(\S+)\s*$/m.exec(output)?.[1];
    const password = /^\s*password:\s+(\S+)\s*$/m.exec(output)?.[1];
    expect(email, output).toBe('demo@sextant.local');
    expect(password, output).toBeTruthy();

    await page.goto(`${demo.url}/login`);
    await page.getByLabel('Email').fill(email ?? '');
    await page.getByLabel('Password').fill(password ?? '');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  test('signs in as the printed operator and finds yesterday’s list to work through', async ({
    page,
  }) => {
    const output = demo.output();
    const printed = /The operator[^\n]*\n\s*email:\s+(\S+)\s*\n\s*password:\s+(\S+)/.exec(output);
    expect(printed?.[1], output).toBe('maria.jensen@sextant.local');
    await page.goto(`${demo.url}/login`);
    await page.getByLabel('Email').fill(printed?.[1] ?? '');
    await page.getByLabel('Password').fill(printed?.[2] ?? '');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
    await openProjectList(page);
    await page.getByRole('link', { name: DEMO_PROJECT }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Production' })).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Project' })
      .getByRole('link', { name: 'Daily list' })
      .click();
    const rows = page.getByRole('list', { name: /^Top 10 for/ }).getByRole('listitem');
    await expect(rows).toHaveCount(10);
    await expect(rows.filter({ hasText: 'Decision: not recorded yet' })).toHaveCount(10);
    await saveScreenshot(page, 'demo-operator-list');
  });

  test('signs in with the printed demo credentials and opens the demo project in POC', async ({
    page,
  }) => {
    await signInAsDemo(page);

    // Signing in lands on the portfolio; the project list is one click away.
    await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
    await openProjectList(page);
    const row = page.getByRole('row').filter({ hasText: DEMO_PROJECT });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(1)).toHaveText('Reliability Analytics');
    await expect(row.getByRole('cell').nth(2)).toHaveText('POC');
    await saveScreenshot(page, 'projects-list');

    await row.getByRole('link', { name: DEMO_PROJECT }).click();
    await expect(page.getByRole('heading', { level: 1, name: DEMO_PROJECT })).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Stage', exact: true })
        .getByRole('list', { name: 'Stages' })
        .locator('[aria-current="step"]'),
    ).toContainText('POC');
    await expect(page.getByRole('region', { name: 'Scope' })).toContainText('Maria Jensen');
    await expect(page.getByRole('list', { name: 'Goals' })).toContainText(
      'Cut unplanned downtime of press line 3 by 30 %',
    );
    // The goal's three monthly measurements, charted against its baseline and target.
    const goalChart = page.getByLabel('Measurements of Unplanned downtime').getByRole('img', {
      name: /^Unplanned downtime over time \(hours\/year\): 3 measurements, from 1,240 on .+ to 1,130 on .+; baseline 1,240, target 868 by /,
    });
    await expect(goalChart.locator('svg')).toBeVisible();
    // The best CI run (1.6 a day) against the planner's 0.4: (1.6 − 0.4) × €25,000 a day.
    const money = page
      .getByRole('list', { name: 'Project KPIs' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Metric in money', exact: true }) });
    await expect(money.locator('.tile__value')).toHaveText('+€11 M a year');
    await expect(money).toContainText('today’s process €2,000: +€30,000 a day');
    await expect(page.getByRole('region', { name: 'Success criterion' })).toContainText(
      'Hit rate@10',
    );
    await expect(page.getByRole('region', { name: 'Risks' }).getByRole('row')).toHaveCount(3);
    await saveScreenshot(page, 'demo-project-page');
  });

  test('the portfolio shows the demo projects by health; one opens on its tiles and alerts, another on its ROI curves', async ({
    page,
  }) => {
    await signInAsDemo(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
    await expect(page.getByText('2 of 6 (33 %) reached production')).toBeVisible();
    const table = page.getByRole('table', { name: 'Projects' });
    const row = (name: string) => table.getByRole('row').filter({ hasText: name });
    await expect(row('Weld-seam inspection')).toContainText('Off track');
    await expect(row('Paint-shop energy forecast')).toContainText('On track');
    await expect(row('Supplier delay early warning')).toContainText('At risk');
    await expect(row(DEMO_PROJECT)).toContainText('On track');
    // Only the demo project's criterion is priced: the others show a dash.
    await expect(row(DEMO_PROJECT).getByRole('cell').nth(8)).toHaveText('+€11 M');
    await expect(row('Weld-seam inspection').getByRole('cell').nth(8)).toHaveText('—');
    // Worst first: the red project leads the list.
    await expect(table.getByRole('row').nth(1)).toContainText('Weld-seam inspection');
    await saveScreenshot(page, 'demo-portfolio');

    await row('Weld-seam inspection').getByRole('link').first().click();
    await expect(page.getByRole('list', { name: 'Project KPIs' })).toBeVisible();
    const alerts = page.getByRole('list', { name: 'Open alerts' });
    await expect(alerts).toContainText('No production deployment for 75 days');
    await expect(alerts).toContainText('ROI is not projected to break even');
    await saveScreenshot(page, 'demo-overview-red');

    await page.getByRole('link', { name: 'Portfolio' }).first().click();
    await row('Paint-shop energy forecast').getByRole('link').first().click();
    // The project's ROI tab: the overview's ROI tile links there too, once the tiles are in.
    await page
      .getByRole('navigation', { name: 'Project' })
      .getByRole('link', { name: 'ROI', exact: true })
      .click();
    const chart = page.getByRole('img', { name: /Cumulative cost and return by month/ });
    await expect(chart.locator('svg')).toBeVisible();
    await expect(page.getByRole('list', { name: 'ROI figures' })).toContainText('+53.8 %');
    await saveScreenshot(page, 'demo-roi');
  });
  test('the demo project’s production page shows the Azure sample: hit rate beside the bar, reasons', async ({
    page,
  }) => {
    await signInAsDemo(page);
    await openProjectList(page);
    await page.getByRole('link', { name: DEMO_PROJECT }).click();
    await page
      .getByRole('navigation', { name: 'Project' })
      .getByRole('link', { name: 'Production' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Production' })).toBeVisible();
    // The page's 60 days are the sample's last (it ends yesterday): 100 machines, 10 checks a
    // day, and its failures within the 2-day horizon.
    const tile = page
      .getByRole('list', { name: 'Production figures' })
      .getByRole('listitem')
      .filter({ hasText: 'Production hit rate@10' });
    await expect(tile).toContainText('46 of 219 events caught over 60 days');
    await expect(tile).toContainText('The bar (longest-unchecked)');
    const chart = page.getByRole('img', { name: /Model hit rate@10 and the bar/ });
    await expect(chart.locator('svg')).toBeVisible();
    await expect(chart).toContainText('Threshold 2 a day');
    const reasons = page.getByRole('table', { name: 'Disagreement reasons' });
    await expect(reasons.getByRole('row')).toHaveCount(1 + 5);
    await expect(reasons).toContainText('Not checked for the longest time');
    await saveScreenshot(page, 'demo-production');
  });

  test('the view-only project reads what it lacks, with no control to change it', async ({
    page,
  }) => {
    await signInAsDemo(page);
    await openProjectList(page);
    await page.getByRole('link', { name: 'Churn early warning' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Churn early warning' }),
    ).toBeVisible();
    await expect(page.getByText('You can view this project.')).toBeVisible();
    const alerts = page.getByRole('list', { name: 'Open alerts' });
    await expect(alerts).toContainText('No named user: nobody has been named');
    await expect(alerts).toContainText('No goal: the project has no business goal');
    await expect(page.getByRole('list', { name: 'Unmet gates for POC' })).toContainText(
      'No one is named yet who will use the solution',
    );
    await expect(page.locator('.loading')).toHaveCount(0);
    expect(await writeControls(page)).toEqual([]);
    await saveScreenshot(page, 'demo-view-only-project');
  });
});
