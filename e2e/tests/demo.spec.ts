import { saveScreenshot } from '../support/screenshots.js';
import { startServer, type RunningServer } from '../support/server.js';
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

  test('signs in with the printed demo credentials and opens the demo project in POC', async ({
    page,
  }) => {
    const output = demo.output();
    const email = /^\s*email:\s+(\S+)\s*$/m.exec(output)?.[1];
    const password = /^\s*password:\s+(\S+)\s*$/m.exec(output)?.[1];
    expect(email, output).toBe('demo@sextant.local');
    expect(password, output).toBeTruthy();

    await page.goto(`${demo.url}/login`);
    await page.getByLabel('Email').fill(email ?? '');
    await page.getByLabel('Password').fill(password ?? '');
    await page.getByRole('button', { name: 'Sign in' }).click();

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
    await expect(page.getByRole('region', { name: 'Success criterion' })).toContainText(
      'Hit rate@10',
    );
    await expect(page.getByRole('region', { name: 'Risks' }).getByRole('row')).toHaveCount(3);
    await saveScreenshot(page, 'demo-project-page');
  });
});
