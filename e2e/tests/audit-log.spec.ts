import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Api } from '../support/api.js';
import { watchCsp } from '../support/csp.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';
import { runCli } from '../support/server.js';

const EVIL = '=HYPERLINK("http://evil.test","Open")';
const SHOTS = '/tmp/shots-audit';

test('a workspace admin filters the audit log by action and project and downloads it as CSV', async ({
  page,
  server,
}) => {
  const admin = {
    email: `audit.admin.${randomBytes(3).toString('hex')}@e2e.sextant.test`,
    name: 'Ada Auditor',
    password: `pw-${randomBytes(12).toString('hex')}`,
  };
  await runCli(
    server.dataDir,
    ['user', 'create', '--email', admin.email, '--name', admin.name, '--admin', '--password-stdin'],
    admin.password,
  );
  const api = await Api.forAccount(server, admin);
  const team = await api.post<{ id: string; name: string }>('/teams', { name: unique('Audit') });
  const p1 = await api.post<{ id: string; name: string }>('/projects', {
    teamId: team.id,
    name: unique('Pump failures'),
  });
  const p2 = await api.post<{ id: string; name: string }>('/projects', {
    teamId: team.id,
    name: unique('Churn'),
  });
  await api.post(`/projects/${p1.id}/ci-tokens`, { name: EVIL });
  await api.post(`/projects/${p2.id}/ci-tokens`, { name: 'churn pipeline' });

  const csp = watchCsp(page);
  await signIn(page, admin);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit events' });
  await expect(table.getByRole('row').filter({ hasText: 'churn pipeline' })).toBeVisible();

  await page.getByLabel('Action').selectOption('token.created');
  await page.getByLabel('Project').selectOption(p1.id);
  await expect(page).toHaveURL(new RegExp(`action=token.created.*project=${p1.id}`));
  const rows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(EVIL);
  await expect(rows.first()).toContainText('Created a token');
  await expect(rows.first()).toContainText(admin.name);
  await expect(rows.first()).toContainText(p1.name);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/audit-filtered-1440.png`, fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^sextant-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'time,who,email,token,action,what,object type,object id,object name,project id,project,ip,details',
  );
  expect(lines).toHaveLength(2);
  // The token's name is a formula: the CSV cell is quoted and starts with a single quote.
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"",""Open"")"`);
  expect(lines[1]).toContain(',token.created,');
  expect(lines[1]).not.toContain('churn pipeline');

  // Reloaded, the filters come back from the address.
  await page.reload();
  await expect(page.getByLabel('Action')).toHaveValue('token.created');
  await expect(rows).toHaveCount(1);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(rows.first()).toContainText(EVIL);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/audit-filtered-390.png`, fullPage: true });

  // A filter that keeps nothing says so, and clears.
  await page.getByLabel('From (UTC)').fill('2099-01-01');
  await expect(page.getByText('No event matches these filters')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/audit-empty-390.png`, fullPage: true });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'churn pipeline' })).toBeVisible();

  // The team's admin reaches the team's own log from the team page.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/teams/${team.id}`);
  await expect(page.getByRole('heading', { level: 1, name: team.name })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team.id}/audit`));
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'churn pipeline' })).toBeVisible();
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/team-audit-1440.png`, fullPage: true });
  expect(await csp.take()).toEqual([]);
});
