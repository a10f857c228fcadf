import { saveScreenshot } from '../support/screenshots.js';
import { createAccount, expect, signIn, test, unique } from '../support/fixtures.js';

test('a team admin adds a member, changes roles, and cannot remove the last admin', async ({
  page,
  server,
  account,
}) => {
  const colleague = await createAccount(server, 'Carl Colleague');
  const teamName = unique('Forecasting');

  await signIn(page, account);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
  await page.getByLabel('Team name').fill(teamName);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible();

  // Someone without an account is named under the email field.
  const addForm = page.getByRole('form', { name: 'Add member' });
  await addForm.getByLabel('Email').fill('nobody@e2e.sextant.test');
  await addForm.getByRole('button', { name: 'Add member' }).click();
  await expect(addForm.getByLabel('Email')).toHaveAccessibleDescription(/No account with email/);

  await addForm.getByLabel('Email').fill(colleague.email);
  await addForm.getByLabel('Role').selectOption('viewer');
  await addForm.getByRole('button', { name: 'Add member' }).click();
  await expect(addForm.getByRole('status')).toContainText('Carl Colleague was added as viewer.');

  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('row')).toHaveCount(3);
  await members.getByLabel('Role of Carl Colleague').selectOption('member');
  await expect(members.getByLabel('Role of Carl Colleague')).toHaveValue('member');

  // The only admin may not step down: the refusal explains why.
  await members.getByLabel(`Role of ${account.name}`).selectOption('member');
  await expect(page.getByRole('alert')).toContainText('A team keeps at least one admin');
  await expect(members.getByLabel(`Role of ${account.name}`)).toHaveValue('admin');
  await saveScreenshot(page, 'team-page');

  await members.getByRole('button', { name: 'Remove Carl Colleague' }).click();
  await members.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(members.getByRole('row')).toHaveCount(2);

  await page.getByRole('link', { name: 'Teams', exact: true }).first().click();
  const row = page.getByRole('row').filter({ hasText: teamName });
  await expect(row).toContainText('admin');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
});
