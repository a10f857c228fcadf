import { testNow } from '../support/clock.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';
import { saveScreenshot } from '../support/screenshots.js';

/** The month `n` months from the current UTC month, as YYYY-MM. */
function monthFromNow(n: number): string {
  const now = testNow();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + n, 1));
  return d.toISOString().slice(0, 7);
}

test('records costs and returns, sees ROI with and without estimates and the break-even month', async ({
  page,
  account,
  api,
}, testInfo) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Maintenance analytics') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Pump failure prediction'),
  });
  // The last six months: 10,000 EUR of costs a month; realized savings 0, 2,000 … 10,000.
  // Monthly net −10,000 … 0 rises by 2,000 a month; cumulative −30,000 now; the projection
  // adds 2,000, 4,000, 6,000, 8,000, 10,000: break-even five months from now.
  for (let i = 0; i < 6; i += 1) {
    const month = monthFromNow(i - 5);
    await api.post(`/projects/${project.id}/ledger`, {
      kind: 'cost',
      category: 'infrastructure',
      amount: 10_000,
      currency: 'EUR',
      status: 'realized',
      date: `${month}-01`,
      note: 'GPU cluster',
    });
    if (i > 0) {
      await api.post(`/projects/${project.id}/ledger`, {
        kind: 'return',
        category: 'savings',
        amount: 2_000 * i,
        currency: 'EUR',
        status: 'realized',
        date: `${month}-01`,
      });
    }
  }

  await signIn(page, account);
  await page.goto(`/projects/${project.id}`);
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'ROI' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Return on investment' })).toBeVisible();

  const tiles = page.getByRole('list', { name: 'ROI figures' });
  const tile = (label: string) => tiles.getByRole('listitem').filter({ hasText: label });
  // (30,000 − 60,000) / 60,000 = −50 %.
  await expect(tile('ROI (realized)')).toContainText('−50 %');
  await expect(tile('Break-even')).toContainText(`Projected for ${monthFromNow(5)}`);

  // An estimated 90,000 EUR of revenue, through the form: (120,000 − 60,000) / 60,000 = +100 %.
  await page.getByRole('button', { name: 'Add an entry' }).click();
  const form = page.getByRole('form', { name: 'Add a ledger entry' });
  await form.getByLabel('Kind').selectOption('return');
  await form.getByLabel('Category').selectOption('revenue');
  await form.getByLabel('Status').selectOption('estimated');
  await form.getByLabel('Amount').fill('90000');
  await form.getByLabel('Note').fill('Spare parts no longer rushed');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(form).toHaveCount(0);
  await expect(tile('ROI with estimates')).toContainText('+100 %');
  await expect(tile('ROI (realized)')).toContainText('−50 %');

  // A cost in dollars is refused: the ledger is in euros.
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await form.getByLabel('Amount').fill('500');
  await form.getByLabel('Currency').fill('USD');
  await form.getByRole('button', { name: 'Add entry' }).click();
  await expect(form).toContainText('ledger is in EUR');
  await form.getByRole('button', { name: 'Cancel' }).click();

  const ledger = page.getByRole('table', { name: 'Ledger entries' });
  await expect(ledger.getByRole('row')).toHaveCount(1 + 6 + 5 + 1);
  await expect(ledger).toContainText('Spare parts no longer rushed');
  await expect(ledger).toContainText('€90,000');

  const chart = page.getByRole('img', { name: /Cumulative cost and return by month/ });
  await expect(chart).toHaveAttribute('aria-label', new RegExp(`break-even ${monthFromNow(5)}`));
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart).toContainText(`Break-even (projected) ${monthFromNow(5)}`);

  await saveScreenshot(page, 'roi-page', testInfo);
});
