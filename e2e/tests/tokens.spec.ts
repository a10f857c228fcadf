import { saveScreenshot } from '../support/screenshots.js';
import { expect, signIn, test } from '../support/fixtures.js';

test('a personal token is shown once, then listed by prefix only, and can be revoked', async ({
  page,
  account,
}) => {
  await signIn(page, account);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Tokens' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();
  await expect(page.getByText('No personal tokens yet')).toBeVisible();

  await page.getByLabel('Token name').fill('laptop CLI');
  await page.getByLabel('Expires').selectOption({ label: 'In 30 days' });
  await page.getByRole('button', { name: 'Create token' }).click();

  const reveal = page.getByRole('region', { name: 'New token secret' });
  await expect(reveal).toContainText('It is shown only this once');
  const secret = await reveal.getByRole('textbox', { name: 'Token secret' }).inputValue();
  expect(secret).toMatch(/^sxt_/);
  await saveScreenshot(page, 'tokens-created');

  const table = page.getByRole('table', { name: 'Personal tokens' });
  const row = table.getByRole('row').filter({ hasText: 'laptop CLI' });
  await expect(row).toContainText('Active');
  const prefix = (await row.getByRole('cell').nth(1).textContent())?.replace('…', '') ?? '';
  expect(prefix.length).toBeGreaterThan(4);
  expect(secret.startsWith(prefix)).toBe(true);

  // After a reload the secret is gone for good; only its prefix is listed.
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByRole('region', { name: 'New token secret' })).toHaveCount(0);
  await expect(row.getByRole('cell').nth(1)).toHaveText(`${prefix}…`);
  expect(await page.content()).not.toContain(secret);

  await row.getByRole('button', { name: 'Revoke token laptop CLI' }).click();
  await row.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(row).toContainText('Revoked');
  await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  await saveScreenshot(page, 'tokens-page');
});
