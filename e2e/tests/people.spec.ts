import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { Api, type Account } from '../support/api.js';
import { installTestClock } from '../support/clock.js';
import { watchCsp } from '../support/csp.js';
import { createAccount, expect, signIn, test } from '../support/fixtures.js';
import { runCli, type RunningServer } from '../support/server.js';

const SHOTS = '/tmp/shots-people';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A workspace admin made through the CLI (`user create --admin`). */
async function createAdmin(server: RunningServer): Promise<Account> {
  const account = {
    email: `wanda.${randomBytes(4).toString('hex')}@e2e.sextant.test`,
    name: 'Wanda Admin',
    password: `pw-${randomBytes(12).toString('hex')}`,
  };
  await runCli(
    server.dataDir,
    [
      'user',
      'create',
      '--email',
      account.email,
      '--name',
      account.name,
      '--admin',
      '--password-stdin',
    ],
    account.password,
  );
  return account;
}

async function openPeople(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'People' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
}

test('an admin deactivates a signed-in member, who is sent to sign in, then reactivates them', async ({
  page,
  browser,
  server,
}) => {
  const admin = await createAdmin(server);
  const member = await createAccount(server, 'Mia Member');
  const adminApi = await Api.forAccount(server, admin);
  const team = await adminApi.post<{ id: string }>('/teams', { name: 'Maintenance analytics' });
  await adminApi.post(`/teams/${team.id}/members`, { email: member.email, role: 'member' });

  // The member is signed in in another browser.
  const elsewhere = await browser.newContext({ baseURL: server.url });
  await installTestClock(elsewhere);
  const memberPage = await elsewhere.newPage();
  await signIn(memberPage, member);
  // Members see no People link.
  await expect(
    memberPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }),
  ).toHaveCount(0);

  const csp = watchCsp(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, admin);
  await openPeople(page);
  const search = page.getByRole('searchbox');
  await search.fill(member.email.slice(0, 14));
  const row = page.getByRole('row').filter({ hasText: member.email });
  await expect(row).toContainText('Mia Member');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Maintenance analytics (member)');
  // Yourself: no deactivate button.
  await search.fill(admin.email);
  const self = page.getByRole('row').filter({ hasText: admin.email });
  await expect(self).toContainText('You');
  await expect(self.getByRole('button')).toHaveCount(0);

  await search.fill(member.email);
  await row.getByRole('button', { name: 'Deactivate Mia Member' }).click();
  await row
    .getByRole('group', { name: 'Confirm' })
    .getByRole('button', { name: 'Deactivate' })
    .click();
  await expect(row).toContainText('Deactivated');
  await expect(
    page.getByRole('status').filter({ hasText: 'Mia Member is deactivated' }),
  ).toBeVisible();

  // The member's very next navigation lands on the sign-in page, and sign-in is refused.
  await memberPage.goto('/projects');
  await expect(memberPage).toHaveURL(/\/login$/);
  await memberPage.getByLabel('Email').fill(member.email);
  await memberPage.getByLabel('Password').fill(member.password);
  await memberPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(memberPage.getByRole('alert')).toHaveText('Email or password is wrong.');

  await search.fill('');
  await expect(page.getByRole('row').filter({ hasText: admin.email })).toBeVisible();
  await shot(page, 'people-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = () => page.evaluate<number>('document.scrollingElement.scrollWidth');
  expect(await overflow()).toBeLessThanOrEqual(390);
  await shot(page, 'people-390');
  expect(await csp.take()).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });

  await search.fill(member.email);
  await row.getByRole('button', { name: 'Reactivate Mia Member' }).click();
  await expect(row).toContainText('Active');
  // Signing in works again (and goes back to the page the member was sent away from).
  await memberPage.getByLabel('Password').fill(member.password);
  await memberPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  await elsewhere.close();
});

test('a person changes their name and email on the account page', async ({ page, account }) => {
  const csp = watchCsp(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, account);
  await page.getByRole('banner').getByRole('link', { name: account.name }).click();
  const form = page.getByRole('form', { name: 'Your name and email' });
  await expect(form.getByLabel('Current password')).toHaveCount(0);

  const newEmail = `renamed.${account.email}`;
  await form.getByLabel('Name').fill('Tess Renamed');
  await form.getByLabel('Email').fill(newEmail);
  // A new email asks for the password; a wrong one is refused under that field.
  const password = form.getByLabel('Current password');
  await password.fill('not my password');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/The current password is wrong/);

  await password.fill(account.password);
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('status')).toHaveText(`Saved. You sign in with ${newEmail}.`);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Tess Renamed' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText(newEmail);
  await shot(page, 'account-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await form.getByLabel('Email').fill(`again.${newEmail}`);
  await expect(form.getByLabel('Current password')).toBeVisible();
  const overflow = () => page.evaluate<number>('document.scrollingElement.scrollWidth');
  expect(await overflow()).toBeLessThanOrEqual(390);
  await shot(page, 'account-390');
  expect(await csp.take()).toEqual([]);

  // The new email signs in.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, { ...account, email: newEmail });
});
