import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { Api, dayFromNow, seedProject } from '../support/api.js';
import { saveScreenshot } from '../support/screenshots.js';
import { createAccount, expect, signIn, test, unique } from '../support/fixtures.js';
import { productionFixture } from '../../packages/server/test/support/production-fixture.js';

const D1 = dayFromNow(-3);
const D2 = dayFromNow(-2);
const D3 = dayFromNow(-1);
const { criterion, predictions, decisions, outcomes } = productionFixture(D1, D2, D3);

const SHOTS = '/tmp/shots-op';

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await saveScreenshot(page, name);
}

test('an operator works through the daily list on a phone, partly by keyboard, and the production page shows it', async ({
  page,
  server,
  api,
}) => {
  const { teamId, projectId } = await seedProject(api, {
    team: unique('Plant maintenance'),
    project: unique('Pump failure scoring'),
  });
  await api.put(`/projects/${projectId}/success-criterion`, criterion);
  await api.post(`/projects/${projectId}/feedback/predictions`, { items: predictions });
  // Day 1 decided; day 2 (the latest with predictions) is the operator's to work through.
  await api.post(`/projects/${projectId}/feedback/decisions`, {
    items: decisions.filter((d) => d.period === D1),
  });
  await api.post(`/projects/${projectId}/feedback/outcomes`, { items: outcomes });
  const operator = await createAccount(server, 'Maria Operator');
  await api.post(`/teams/${teamId}/members`, { email: operator.email, role: 'operator' });

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, operator);
  await page.goto(`/projects/${projectId}`);
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/production$`));
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Daily list' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daily list' })).toBeVisible();
  await expect(page.getByLabel('Day', { exact: true })).toHaveValue(D2);

  // Day 2's top 2: D (0.9), then B and C tie at 0.7 and B comes first by name.
  const rows = page.getByRole('list', { name: /^Top 2 for/ }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  const rowD = page.getByRole('listitem', { name: 'Rank 1: D' });
  const rowB = page.getByRole('listitem', { name: 'Rank 2: B' });
  await expect(rowD).toContainText('score 0.9 · model v1');
  await expect(rowB).toContainText('score 0.7 · model v1');
  await expect(rowD).toContainText('Decision: not recorded yet');
  // The project's recent reasons are offered first.
  await expect(page.locator('#operator-list-reasons option[value="sensor glitch"]')).toHaveCount(1);
  await expect(page.getByText('Event happened records an outcome')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shoot(page, 'operator-list-390');

  // A tap on "Acted" on a bad connection: the first try fails, the retry sends the same key.
  const keys: string[] = [];
  let dropped = false;
  await page.route('**/feedback/decisions', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (!dropped) {
      dropped = true;
      await route.abort('failed');
    } else {
      await route.continue();
    }
  });
  await rowD.getByRole('button', { name: 'Acted', exact: true }).click();
  await expect(rowD).toContainText('Decision: not saved');
  await rowD.getByRole('button', { name: 'Retry' }).click();
  await expect(rowD).toContainText('Decision: saved');
  await expect(rowD.getByRole('button', { name: 'Acted', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^list-[0-9a-f]{32}$/);
  expect(keys[1]).toBe(keys[0]);
  await page.unroute('**/feedback/decisions');

  // By keyboard: j to the next row, r to the reason, Esc back to the row, n = not acted.
  await rowD.focus();
  await page.keyboard.press('j');
  await expect(rowB).toBeFocused();
  await page.keyboard.press('r');
  await expect(rowB.getByRole('combobox', { name: 'Reason for B' })).toBeFocused();
  await page.keyboard.type('Parts not in stock');
  await page.keyboard.press('Escape');
  await expect(rowB).toBeFocused();
  await page.keyboard.press('n');
  await expect(rowB).toContainText('Decision: saved');
  await expect(rowB.getByRole('button', { name: 'Not acted' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // k back up; h = the event happened on D.
  await page.keyboard.press('k');
  await expect(rowD).toBeFocused();
  await page.keyboard.press('h');
  await expect(rowD).toContainText('Outcome: saved');
  await expect(rowD.getByText('Event happened (reported by operator)')).toBeVisible();
  // And by a tap on B: the event happened there too.
  await rowB.getByRole('button', { name: 'Event happened' }).click();
  await expect(rowB).toContainText('Outcome: saved');
  await shoot(page, 'operator-list-390-done');

  // Stored: the list read again shows them, as the API does.
  await page.reload();
  await expect(rowB.getByRole('combobox', { name: 'Reason for B' })).toHaveValue(
    'Parts not in stock',
  );
  await expect(rowD).toContainText('Decision: saved');
  const operatorApi = await Api.forAccount(server, operator);
  const list = await operatorApi.call<{ rows: { entity: string; decision: unknown }[] }>(
    'GET',
    `/projects/${projectId}/production/list`,
  );
  expect(list.rows.map((r) => [r.entity, r.decision])).toEqual([
    ['D', { acted: true, reason: null, decidedBy: null }],
    ['B', { acted: false, reason: 'Parts not in stock', decidedBy: null }],
  ]);

  // The production page shows the decisions at once: B passed over for "Parts not in stock".
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Production' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Production' })).toBeVisible();
  const reasons = page.getByRole('table', { name: 'Disagreement reasons' });
  await expect(reasons).toContainText('Parts not in stock');
  // Day 1: A of the top 2 failed (1 of 1 event); day 2: D and B of the top 2 now failed, A
  // and C too (2 of 4): 3 of 5.
  const tile = page
    .getByRole('list', { name: 'Production figures' })
    .getByRole('listitem')
    .filter({ hasText: 'Production hit rate@2' });
  await expect(tile).toContainText('3 of 5 events caught over 2 days');

  // The earlier day is one choice away, and the wide layout.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/projects/${projectId}/production/list`);
  await page.getByLabel('Day', { exact: true }).selectOption(D1);
  await expect(page.getByRole('listitem', { name: 'Rank 1: A' })).toContainText(
    'Event happened (failure)',
  );
  await page.getByLabel('Day', { exact: true }).selectOption(D2);
  await expect(page.getByRole('listitem', { name: 'Rank 1: D' })).toBeVisible();
  await shoot(page, 'operator-list-1440');
});

test('without predictions the daily list shows the request the pipeline sends', async ({
  page,
  account,
  api,
}) => {
  const { projectId } = await seedProject(api, {
    team: unique('Plant maintenance'),
    project: unique('Pump scoring, not yet fed'),
  });
  await api.put(`/projects/${projectId}/success-criterion`, criterion);
  await signIn(page, account);
  await page.goto(`/projects/${projectId}/production/list`);
  await expect(page.getByText('No predictions yet')).toBeVisible();
  const request = page.locator('pre code');
  await expect(request).toContainText(
    `curl -X POST '${new URL(page.url()).origin}/api/v1/projects/${projectId}/feedback/predictions'`,
  );
  await expect(request).toContainText(`"period": "${dayFromNow(0)}"`);
  await expect(request).toContainText('"score": 0.91');
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing wider than the phone: the request scrolls inside its box.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(390);
  await shoot(page, 'operator-list-empty-390');
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot(page, 'operator-list-empty-1440');
});
