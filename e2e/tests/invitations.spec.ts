import type { Browser, BrowserContext, Page } from '@playwright/test';
import { installTestClock } from '../support/clock.js';
import { watchCsp } from '../support/csp.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

const SHOTS = '/tmp/shots-invite';

/** Full-page screenshots at the two widths the app must work at, for review. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A second browser, signed in as nobody, on the suite's day. */
async function freshContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await installTestClock(context);
  return context;
}

/** Invites an email on the team page and returns the link shown once. */
async function invite(page: Page, email: string, role: string): Promise<string> {
  const form = page.getByRole('form', { name: 'Invite someone' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Create invitation link' }).click();
  const reveal = page.getByRole('region', { name: 'New invitation link secret' });
  await expect(reveal).toContainText('It is shown only this once');
  return reveal.getByRole('textbox', { name: 'Invitation link secret' }).inputValue();
}

test('an admin invites by link; the invitee sets a name and password and lands in the team; a revoked link is refused', async ({
  page,
  account,
  browser,
  server,
}) => {
  test.setTimeout(90_000);
  const teamName = unique('Field operations');
  const invitee = `olga.${Date.now().toString(36)}@e2e.sextant.test`;

  await signIn(page, account);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
  await page.getByLabel('Team name').fill(teamName);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible();
  const pending = page.getByRole('region', { name: 'Pending invitations' });
  await expect(pending).toContainText('No pending invitations');

  const link = await invite(page, invitee, 'member');
  expect(link).toMatch(new RegExp(`^${server.url}/invitations/[A-Za-z0-9_-]{43}$`));
  const row = pending.getByRole('row').filter({ hasText: invitee });
  await expect(row).toContainText('member');
  await expect(row).toContainText(account.name);
  // A second invitation, to revoke.
  const revokedEmail = `rex.${Date.now().toString(36)}@e2e.sextant.test`;
  const revokedLink = await invite(page, revokedEmail, 'viewer');
  await expect(pending.getByRole('row')).toHaveCount(3);
  await shoot(page, 'team-page-invitations');

  await page.getByRole('button', { name: 'I have stored it' }).click();
  await expect(page.getByRole('region', { name: 'New invitation link secret' })).toHaveCount(0);
  const revokedRow = pending.getByRole('row').filter({ hasText: revokedEmail });
  await revokedRow
    .getByRole('button', { name: `Revoke the invitation of ${revokedEmail}` })
    .click();
  await revokedRow.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(pending.getByRole('row').filter({ hasText: revokedEmail })).toHaveCount(0);
  expect(await page.content()).not.toContain(revokedLink);

  // The invitee, in a browser of their own.
  const theirs = await freshContext(browser, server.url);
  const other = await theirs.newPage();
  const csp = watchCsp(other);
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: `Join ${teamName}` })).toBeVisible();
  await expect(other.getByText(`${account.name} invited you as member`)).toBeVisible();
  await expect(other.getByLabel('Email')).toHaveValue(invitee);
  await shoot(other, 'accept-invitation');
  await other.getByLabel('Your name').fill('Olga Operator');
  await other.getByLabel('Password', { exact: true }).fill('short');
  await other.getByLabel('Repeat the password').fill('short');
  await other.getByRole('button', { name: `Join ${teamName}` }).click();
  await expect(other.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
    /at least 12 characters/i,
  );
  await other.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
  await other.getByLabel('Repeat the password').fill('a long enough passphrase');
  // Typing again clears the refusal of the last try.
  await expect(other.getByText('Must be at least 12 characters.')).toHaveCount(0);
  await shoot(other, 'accept-invitation-filled');
  await other.getByRole('button', { name: `Join ${teamName}` }).click();
  await expect(other.getByRole('heading', { level: 1, name: teamName })).toBeVisible();
  await expect(other.getByText('Your role:')).toContainText('member');
  expect(await csp.take()).toEqual([]);

  // Used once: opening it again says so.
  await other.goto(link);
  await expect(other.getByText('This invitation has already been used')).toBeVisible();

  // The admin now sees them as a member, and no pending invitation.
  await page.reload();
  await expect(page.getByRole('table', { name: 'Members' })).toContainText('Olga Operator');
  await expect(pending).toContainText('No pending invitations');

  // The revoked link, in yet another browser: refused, nothing to fill in.
  const stranger = await freshContext(browser, server.url);
  const refused = await stranger.newPage();
  await refused.goto(revokedLink);
  await expect(refused.getByText('This invitation link is not valid')).toBeVisible();
  await expect(refused.getByLabel('Your name')).toHaveCount(0);
  await shoot(refused, 'invitation-refused');
  await theirs.close();
  await stranger.close();
});
