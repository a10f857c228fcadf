import { testNow } from '../support/clock.js';
import { expect, test, unique } from '../support/fixtures.js';
import { signIn } from '../support/fixtures.js';
import { saveScreenshot } from '../support/screenshots.js';

test('proposes an insight, moves it across the board and sees the quarter tiles count it', async ({
  page,
  account,
  api,
}, testInfo) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Maintenance analytics') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Pump failure prediction'),
  });
  // Two insights made through the API: one to reject, one already accepted (5,000 EUR).
  const seals = await api.post<{ id: string }>(`/projects/${project.id}/insights`, {
    title: 'Reorder pump seals when stock falls under 40',
    businessArea: 'inventory',
    estimatedValue: { amount: 5000, currency: 'EUR' },
  });
  await api.call('PATCH', `/insights/${seals.id}`, { status: 'accepted' });
  await api.post(`/projects/${project.id}/insights`, {
    title: 'Move the night shift to weekends',
    businessArea: 'operations',
  });

  await signIn(page, account);
  await page.goto(`/projects/${project.id}`);
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Insights' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();

  const tiles = page.getByRole('list', { name: 'Insight figures' });
  const tile = (label: string) =>
    tiles.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
  // The value alone: the tile's other text names the quarter, whose digits would match too.
  const value = (label: string) => tile(label).locator('.tile__value');
  await expect(value('Delivered this quarter')).toHaveText('1');

  // Propose one through the form.
  await page.getByRole('button', { name: 'Propose an insight' }).click();
  const form = page.getByRole('form', { name: 'Propose an insight' });
  await form
    .getByLabel('Recommendation')
    .fill('Send the crew to the 10 highest-scored pumps each morning');
  await form.getByLabel('Business area').fill('operations');
  await form.getByLabel('Estimated value').fill('12000');
  await form.getByLabel('Currency').fill('EUR');
  await form.getByRole('button', { name: 'Propose' }).click();
  await expect(form).toHaveCount(0);

  const column = (name: string) => page.getByRole('region', { name });
  const card = (name: string) => page.getByRole('listitem', { name });
  const crew = 'Send the crew to the 10 highest-scored pumps each morning';
  await expect(column('Proposed').getByRole('listitem', { name: crew })).toContainText('€12,000');
  await expect(column('Proposed').getByRole('listitem', { name: crew })).toContainText(
    'operations',
  );

  // Accept it: it moves to the Accepted column and the tiles count it.
  await card(crew).getByRole('button', { name: 'Accept' }).click();
  await expect(column('Accepted').getByRole('listitem', { name: crew })).toBeVisible();
  await expect(column('Proposed').getByRole('listitem', { name: crew })).toHaveCount(0);
  await expect(value('Delivered this quarter')).toHaveText('2');
  // 5,000 + 12,000 EUR accepted this quarter.
  await expect(value('Value delivered this quarter')).toHaveText('€17,000');

  // Implement the seals, reject the night shift.
  await card('Reorder pump seals when stock falls under 40')
    .getByRole('button', { name: 'Mark implemented' })
    .click();
  await expect(
    column('Implemented').getByRole('listitem', {
      name: 'Reorder pump seals when stock falls under 40',
    }),
  ).toBeVisible();
  await card('Move the night shift to weekends').getByRole('button', { name: 'Reject' }).click();
  await expect(
    column('Rejected').getByRole('listitem', { name: 'Move the night shift to weekends' }),
  ).toBeVisible();
  await expect(column('Rejected').getByRole('button')).toHaveCount(0);
  await expect(value('Implemented this quarter')).toHaveText('1');

  // The quarter table: this quarter delivered 2 (17,000 EUR) and implemented 1.
  const now = testNow();
  const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  const quarterRow = page
    .getByRole('table', { name: 'Insights per quarter' })
    .getByRole('row')
    .filter({ hasText: quarter });
  await expect(quarterRow.getByRole('cell')).toHaveText([quarter, '2', '1', '€17,000']);

  await saveScreenshot(page, 'insights-board', testInfo);
});
