import { saveScreenshot } from '../support/screenshots.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

test('account page: profile and teams, then a password change that signs out the other sessions', async ({
  page,
  browser,
  server,
  account,
  api,
}) => {
  const teamName = unique('Forecasting');
  const team = await api.post<{ id: string }>('/teams', { name: teamName });
  const me = await api.call<{ user: { isAdmin: boolean } }>('GET', '/me');
  const newPassword = 'correct horse battery staple';

  // A second session of the same person, signed in before the change (another laptop).
  const elsewhere = await browser.newContext({ baseURL: server.url });
  const otherPage = await elsewhere.newPage();
  await signIn(otherPage, account);

  // The name in the header leads to the account page.
  await signIn(page, account);
  await page.getByRole('banner').getByRole('link', { name: account.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page).toHaveTitle('Your account · Sextant');

  const profile = page.getByRole('region', { name: 'Profile' });
  await expect(profile).toContainText(account.name);
  await expect(profile).toContainText(account.email);
  await expect(profile).toContainText(`Workspace admin${me.user.isAdmin ? 'Yes' : 'No'}`);
  const teams = page.getByRole('list', { name: 'Your teams' });
  const row = teams.getByRole('listitem').filter({ hasText: teamName });
  await expect(row).toContainText('admin');
  await expect(row).toContainText('Also manages members');

  // A wrong current password is refused under that field.
  const form = page.getByRole('form', { name: 'Change password' });
  const current = form.getByLabel('Current password');
  const next = form.getByLabel('New password', { exact: true });
  const confirm = form.getByLabel('Confirm new password');
  await expect(next).toHaveAccessibleDescription(/At least 12 characters/);
  await current.fill('not-my-password-at-all');
  await next.fill(newPassword);
  await confirm.fill(newPassword);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription('The current password is wrong.');

  // The two new passwords must match: said inline, and nothing is sent.
  await current.fill(account.password);
  await confirm.fill(`${newPassword}!`);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(confirm).toHaveAccessibleDescription('The two new passwords differ.');
  await expect(current).not.toHaveAttribute('aria-invalid');
  // The message goes as soon as they match.
  await confirm.fill(newPassword);
  await expect(confirm).not.toHaveAttribute('aria-invalid');

  // Too short a new password is refused by the API, under the new password.
  await next.fill('too short');
  await confirm.fill('too short');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(next).toHaveAccessibleDescription(/Must be at least 12 characters/);
  await expect(current).not.toHaveAttribute('aria-invalid');

  await next.fill(newPassword);
  await confirm.fill(newPassword);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('status')).toHaveText(
    'Password changed. You stay signed in here; other sessions were signed out.',
  );
  for (const field of [current, next, confirm]) await expect(field).toHaveValue('');
  await saveScreenshot(page, 'account-page');

  // A team link leads to the team.
  await row.getByRole('link', { name: teamName }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible();

  // This session goes on writing with its renewed CSRF token…
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
  const secondTeam = unique('Pricing');
  await page.getByLabel('Team name').fill(secondTeam);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: secondTeam })).toBeVisible();

  // …while the other session was signed out.
  await otherPage.goto('/tokens');
  await expect(otherPage).toHaveURL(/\/login$/);
  await elsewhere.close();

  // The old password no longer signs in; the new one does.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Sextant' })).toBeVisible();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is wrong.');
  await signIn(page, { ...account, password: newPassword });
});

test('at 390 px the account page fits the screen and is reached through the menu', async ({
  page,
  account,
  api,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const teamNames = [unique('Customer Analytics with a long team name'), unique('Pricing')];
  for (const name of teamNames) await api.post('/teams', { name });

  await signIn(page, account);
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('banner').getByRole('link', { name: account.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const teams = page.getByRole('list', { name: 'Your teams' });
  for (const name of teamNames) await expect(teams.getByRole('link', { name })).toBeVisible();

  // The confirmation mismatch shows inline, at this width too.
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('New password', { exact: true }).fill('one long passphrase');
  await form.getByLabel('Confirm new password').fill('another long passphrase');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByLabel('Confirm new password')).toHaveAccessibleDescription(
    'The two new passwords differ.',
  );
  await expect(form.getByLabel('Current password')).toHaveAccessibleDescription(
    'Type your current password.',
  );

  const overflow = () => page.evaluate<number>('document.scrollingElement.scrollWidth');
  expect(await overflow()).toBeLessThanOrEqual(390);
  await saveScreenshot(page, 'account-page-390');
});
