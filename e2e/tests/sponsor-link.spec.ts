import type { Page } from '@playwright/test';
import { installTestClock } from '../support/clock.js';
import { watchCsp } from '../support/csp.js';
import { dayFromNow } from '../support/api.js';
import { seedReviewHistory, seedRunsProject } from '../support/runs.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

const SHOTS = '/tmp/shots-sponsor';

/** Widest content on the page, in CSS pixels: more than the viewport means sideways scrolling. */
const overflow = (page: Page) => page.evaluate<number>('document.scrollingElement.scrollWidth');

/** Full-page screenshots at the two widths the app must work at, for review. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate('window.scrollTo(0, 0)');
    expect(await overflow(page), `${name} at ${width} px`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('an admin shares a sponsor link; a browser without an account reads the project through it, and nothing else; revoked, it is refused', async ({
  page,
  server,
  account,
  api,
  browser,
}) => {
  test.setTimeout(120_000);
  const projectName = unique('Pump failure prediction');
  const { projectId, ci } = await seedRunsProject(server, api, {
    team: unique('Reliability Analytics'),
    project: projectName,
  });
  await seedReviewHistory(api, ci, projectId);
  const goals = await api.call<{ items: { id: string }[] }>('GET', `/projects/${projectId}/goals`);
  await api.post(`/goals/${goals.items[0]?.id}/measurements`, {
    value: 90,
    measuredAt: `${dayFromNow(-2)}T08:00:00Z`,
    source: 'Maintenance report',
  });
  await api.post(`/projects/${projectId}/risks`, {
    description: 'Planners keep their own list and ignore the model',
    likelihood: 'medium',
    impact: 'high',
    mitigation: 'Weekly review of the list with the planners',
  });
  await api.post(`/projects/${projectId}/ledger`, {
    kind: 'cost',
    category: 'infrastructure',
    amount: 12000,
    currency: 'EUR',
    status: 'realized',
    date: dayFromNow(-20),
  });
  await api.post(`/projects/${projectId}/ledger`, {
    kind: 'return',
    category: 'savings',
    amount: 5000,
    currency: 'EUR',
    status: 'realized',
    date: dayFromNow(-5),
  });

  const adminCsp = watchCsp(page);
  await signIn(page, account);
  await page.goto(`/projects/${projectId}`);
  const section = page.getByRole('region', { name: 'Sponsor links' });
  await expect(section).toContainText('No sponsor links yet');
  const form = section.getByRole('form', { name: 'New sponsor link' });
  await form.getByLabel('For whom').fill('Anna, head of maintenance');
  await expect(form.getByLabel('Valid for (days)')).toHaveValue('30');
  await form.getByRole('button', { name: 'Create sponsor link' }).click();
  const reveal = section.getByRole('region', { name: 'New sponsor link secret' });
  await expect(reveal).toContainText('It is shown only this once');
  const link = await reveal.getByRole('textbox', { name: 'Sponsor link secret' }).inputValue();
  expect(link).toMatch(new RegExp(`^${server.url}/sponsor/[A-Za-z0-9_-]{43}$`));
  const row = section.getByRole('row').filter({ hasText: 'Anna, head of maintenance' });
  await expect(row).toContainText('Never');
  await expect(row).toContainText('Active');
  await section.scrollIntoViewIfNeeded();
  await shoot(page, 'project-sponsor-links');
  await section.getByRole('button', { name: 'I have stored it' }).click();

  // A browser that never signed in opens the link.
  const context = await browser.newContext({ baseURL: server.url });
  await installTestClock(context);
  const sponsor = await context.newPage();
  const sponsorCsp = watchCsp(sponsor);
  await sponsor.goto(link);
  await expect(sponsor.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  await expect(sponsor.getByText('Halve unplanned pump downtime')).toBeVisible();
  await expect(sponsor.getByText('50 % of the way.')).toBeVisible();
  await expect(sponsor.getByRole('heading', { name: /Latest sprint review/ })).toBeVisible();
  await expect(sponsor.locator('.review-chart canvas, .review-chart svg').first()).toBeVisible();
  await expect(sponsor.getByText('Return on investment', { exact: true }).first()).toBeVisible();
  await expect(
    sponsor.getByText('Planners keep their own list and ignore the model'),
  ).toBeVisible();
  const pdf = sponsor.getByRole('link', { name: 'Download the report (PDF)' });
  await expect(pdf).toBeVisible();
  const href = await pdf.getAttribute('href');
  const pdfReply = await context.request.get(`${server.url}${href}`);
  expect(pdfReply.status()).toBe(200);
  expect(pdfReply.headers()['content-type']).toBe('application/pdf');
  // No app navigation on the sponsor's page.
  await expect(sponsor.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await shoot(sponsor, 'sponsor-view');

  // The link opens nothing else: the app sends this browser to sign in.
  await sponsor.goto('/projects');
  await expect(sponsor).toHaveURL(/\/login/);

  // The admin sees the use, then revokes the link.
  await page.reload();
  const used = page.getByRole('region', { name: 'Sponsor links' }).getByRole('row').filter({
    hasText: 'Anna, head of maintenance',
  });
  await expect(used).not.toContainText('Never');
  await used.getByRole('button', { name: 'Revoke sponsor link Anna, head of maintenance' }).click();
  await used
    .getByRole('button', { name: /Revoke/ })
    .last()
    .click();
  await expect(used).toContainText('Revoked');

  await sponsor.goto(link);
  await expect(sponsor.getByRole('alert')).toContainText('This link is no longer valid');
  await shoot(sponsor, 'sponsor-view-revoked');

  expect(await adminCsp.take()).toEqual([]);
  expect(await sponsorCsp.take()).toEqual([]);
  await context.close();
});
