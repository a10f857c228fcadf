import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { dayFromNow, seedProject } from '../support/api.js';
import { watchCsp } from '../support/csp.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

const SHOTS = '/tmp/shots-notifications';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that keeps every request and answers 200. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/sextant`, received, server };
}

/** What a receiver checks: t=<seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>. */
function signedBy(secret: string, got: Received): boolean {
  const header = String(got.headers['sextant-signature'] ?? '');
  const t = /t=(\d+)/.exec(header)?.[1];
  const v1 = /v1=([0-9a-f]+)/.exec(header)?.[1];
  if (!t || !v1) return false;
  return createHmac('sha256', secret).update(`${t}.${got.body}`).digest('hex') === v1;
}

/** Widest content on the page, in CSS pixels: more than the viewport means sideways scrolling. */
const overflow = (page: Page) => page.evaluate<number>('document.scrollingElement.scrollWidth');

/** Full-page screenshots at the two widths the app must work at, for review. */
async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate('window.scrollTo(0, 0)');
    expect(await overflow(page), `${name} at ${width} px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * An unsubscribe link as an email would carry it (the e2e server sends no email): its hash
 * written straight into the server's SQLite file, as the mail pipeline writes it.
 */
function unsubscribeLink(
  dataDir: string,
  userId: string,
  projectId: string,
  kind: 'events' | 'weekly',
): string {
  const token = randomBytes(32).toString('base64url');
  const db = new Database(join(dataDir, 'sextant.db'));
  try {
    db.prepare(
      'insert into notification_unsubscribes (token_hash, user_id, project_id, kind, created_at) values (?, ?, ?, ?, ?)',
    ).run(
      createHash('sha256').update(token).digest('hex'),
      userId,
      projectId,
      kind,
      new Date().toISOString(),
    );
  } finally {
    db.close();
  }
  return `/unsubscribe/${token}`;
}

test('an admin adds a webhook, sees its signed deliveries in the log and sends one again; then subscribes to the weekly digest', async ({
  page,
  account,
  api,
  server,
  browser,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
    const projectName = unique('Churn prediction');
    const { projectId } = await seedProject(api, {
      team: unique('Retention Analytics'),
      project: projectName,
    });
    const csp = watchCsp(page);
    await signIn(page, account);

    // The project's Notifications tab, empty, says what to do.
    await page.goto(`/projects/${projectId}`);
    await page
      .getByRole('navigation', { name: 'Project' })
      .getByRole('link', { name: 'Notifications' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const endpoints = page.getByRole('region', { name: 'Webhooks, Slack and Teams' });
    await expect(endpoints).toContainText('No endpoint yet.');
    const subscribers = page.getByRole('region', { name: 'Who is subscribed' });
    await expect(subscribers).toContainText("Nobody gets this project's emails yet.");

    // A refused address is named under its field.
    await endpoints.getByRole('button', { name: 'Add endpoint' }).first().click();
    const form = endpoints.getByRole('form', { name: 'Add an endpoint' });
    await form.getByLabel('Name').fill('Ops receiver');
    await form.getByLabel('URL').fill('ftp://example.com/hook');
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(form.getByText('must be an http:// or https:// URL')).toBeVisible();

    await form.getByLabel('URL').fill(receiver.url);
    await form.getByRole('checkbox', { name: 'Deployment failed' }).check();
    await form.getByRole('checkbox', { name: 'Stage changed' }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();

    // The signing secret, once, with a copy button.
    const reveal = endpoints.getByRole('region', { name: 'New signing secret secret' });
    await expect(reveal).toContainText('It is shown only this once');
    await expect(reveal.getByRole('button', { name: 'Copy' })).toBeVisible();
    const secret = await reveal
      .getByRole('textbox', { name: 'Signing secret secret' })
      .inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await reveal.getByRole('button', { name: 'I have stored it' }).click();
    await expect(reveal).toHaveCount(0);
    const row = endpoints.getByRole('row').filter({ hasText: 'Ops receiver' });
    await expect(row).toContainText('Deployment failed, Stage changed');
    await expect(row).toContainText('Enabled');
    await expect(page.getByText(secret)).toHaveCount(0);

    // A failed deployment is an event: the runner delivers it, signed.
    await api.post(`/projects/${projectId}/deployments`, {
      version: '2.4.0',
      environment: 'production',
      status: 'failed',
      finishedAt: `${dayFromNow(0)}T09:00:00Z`,
    });
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
    const first = receiver.received[0]!;
    expect(first.headers['sextant-event']).toBe('deployment.failed');
    expect(signedBy(secret, first)).toBe(true);
    const eventId = first.headers['sextant-event-id'];
    expect(JSON.parse(first.body)).toMatchObject({
      id: eventId,
      type: 'deployment.failed',
      project: { id: projectId, name: projectName },
    });

    // The log shows it; "Send again" sends the same event (same id) a second time.
    await row.getByRole('button', { name: 'Deliveries of Ops receiver' }).click();
    const log = endpoints.getByRole('region', { name: 'Deliveries to Ops receiver' });
    const delivery = log.getByRole('row').filter({ hasText: 'Deployment failed' });
    await expect(delivery).toContainText('Delivered');
    await expect(delivery).toContainText('HTTP 200');
    await expect(delivery.getByRole('cell', { name: '1', exact: true })).toBeVisible();
    await delivery.getByRole('button', { name: 'Send Deployment failed again' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    const second = receiver.received[1]!;
    expect(second.headers['sextant-event-id']).toBe(eventId);
    expect(second.headers['sextant-delivery']).toBe(first.headers['sextant-delivery']);
    expect(signedBy(secret, second)).toBe(true);
    await expect(delivery).toContainText('Delivered');
    await expect(delivery.getByRole('cell', { name: '2', exact: true })).toBeVisible();
    await expect(row).toContainText(/ago|now/);

    // The test send appears in the log too.
    await row.getByRole('button', { name: 'Send a test to Ops receiver' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(3);
    expect(receiver.received[2]!.headers['sextant-event']).toBe('ping');
    await expect(log.getByRole('row').filter({ hasText: 'Test' })).toContainText('Delivered');
    await shoot(page, 'project-notifications');

    // My notifications: the weekly sponsor digest of this project.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Notifications' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'My notifications' })).toBeVisible();
    const mine = page.getByRole('form', { name: `Notifications for ${projectName}` });
    await expect(mine.getByRole('radio', { name: 'Off' })).toBeChecked();
    await mine.getByText('Daily digest').click();
    await expect(mine.getByRole('radio', { name: 'Daily digest' })).toBeChecked();
    await mine.getByRole('checkbox', { name: 'Alert opened' }).check();
    await mine.getByRole('checkbox', { name: /Weekly sponsor digest/ }).check();
    await mine.getByRole('button', { name: 'Save' }).click();
    await expect(mine.getByRole('status')).toHaveText('Saved');
    await page.reload();
    const reloaded = page.getByRole('form', { name: `Notifications for ${projectName}` });
    await expect(reloaded.getByRole('checkbox', { name: /Weekly sponsor digest/ })).toBeChecked();
    await expect(reloaded.getByRole('radio', { name: 'Daily digest' })).toBeChecked();
    await expect(reloaded.getByRole('checkbox', { name: 'Alert opened' })).toBeChecked();
    await shoot(page, 'my-notifications');

    // The project lists me among its subscribers.
    await page.goto(`/projects/${projectId}/notifications`);
    const who = page.getByRole('region', { name: 'Who is subscribed' });
    await expect(who.getByRole('row').filter({ hasText: account.name })).toContainText(
      'Daily digest',
    );
    await expect(who).toContainText('Weekly digest');

    // The weekly digest's one-click unsubscribe link, opened without an account.
    const me = await api.call<{ user: { id: string } }>('GET', '/me');
    const link = unsubscribeLink(server.dataDir, me.user.id, projectId, 'weekly');
    const stranger = await browser.newPage();
    await stranger.goto(`${server.url}${link}`);
    await expect(
      stranger.getByText(`Stop sending the weekly sponsor digest of ${projectName}`),
    ).toBeVisible();
    await expect(stranger.getByText(account.email)).toBeVisible();
    await shoot(stranger, 'unsubscribe');
    await stranger.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(stranger.getByText('You are unsubscribed.')).toBeVisible();
    await shoot(stranger, 'unsubscribed');
    await stranger.close();
    await page.goto('/account/notifications');
    const after = page.getByRole('form', { name: `Notifications for ${projectName}` });
    await expect(after.getByRole('checkbox', { name: /Weekly sponsor digest/ })).not.toBeChecked();
    await expect(after.getByRole('radio', { name: 'Daily digest' })).toBeChecked();

    // An unknown unsubscribe link says so, and what to do.
    await page.goto('/unsubscribe/not-a-real-link-0000000000000');
    await expect(page.getByText('This link is not valid.')).toBeVisible();
    await shoot(page, 'unsubscribe-unknown');

    expect(await csp.take()).toEqual([]);
  } finally {
    await new Promise((resolve) => receiver.server.close(resolve));
  }
});
