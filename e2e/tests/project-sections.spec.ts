import { expect, signIn, test, unique } from '../support/fixtures.js';
import { artifactPath } from '../support/paths.js';

test('risks are added, their status changed and edited, then removed', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Risk team') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Risky project'),
  });

  await signIn(page, account);
  await page.goto(`/projects/${project.id}`);
  const risks = page.getByRole('region', { name: 'Risks' });
  await expect(risks).toContainText('No risks recorded');

  await risks.getByRole('button', { name: 'Add risk' }).click();
  const form = risks.getByRole('form', { name: 'Add risk' });
  await form
    .getByLabel('Description')
    .fill('Planners lose the say over which machines are checked.');
  await form.getByLabel('Affected roles or teams').fill('Maintenance planner, Technicians');
  await form.getByLabel('Likelihood').selectOption('high');
  await form.getByLabel('Impact').selectOption('medium');
  await form.getByLabel('Owner').fill('Henrik Dahl');
  await form.getByLabel('Mitigation').fill('The list keeps a manual override.');
  await form.getByRole('button', { name: 'Add risk' }).click();

  const row = risks.getByRole('row').filter({ hasText: 'Planners lose the say' });
  await expect(row).toContainText('Affects: Maintenance planner, Technicians');
  await expect(row).toContainText('Mitigation: The list keeps a manual override.');
  await expect(row.getByRole('cell').nth(1)).toHaveText('high');

  // The status changes in place and survives a reload.
  await row.getByRole('combobox', { name: /Status of risk/ }).selectOption('mitigating');
  await page.reload();
  await expect(row.getByRole('combobox', { name: /Status of risk/ })).toHaveValue('mitigating');

  await row.getByRole('button', { name: 'Edit risk' }).click();
  const edit = risks.getByRole('form', { name: 'Edit risk' });
  await expect(edit.getByLabel('Description')).toHaveValue(/Planners lose the say/);
  await edit.getByLabel('Impact').selectOption('high');
  await edit.getByRole('button', { name: 'Save risk' }).click();
  await expect(row.getByRole('cell').nth(2)).toHaveText('high');

  await row.getByRole('button', { name: 'Delete risk' }).click();
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(risks).toContainText('No risks recorded');
});

test('a CI token for the project is shown once and can be revoked by the team admin', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('CI team') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Pipeline project'),
  });

  await signIn(page, account);
  await page.goto(`/projects/${project.id}`);
  const ci = page.getByRole('region', { name: 'CI tokens' });
  await expect(ci).toContainText('No CI tokens yet.');
  await ci.getByRole('button', { name: 'New CI token' }).click();
  await ci.getByLabel('Token name').fill('github-actions');
  await ci.getByLabel('Expires').selectOption({ label: 'Never' });
  await ci.getByRole('button', { name: 'Create CI token' }).click();

  const secret = await ci.getByRole('textbox', { name: 'Token secret' }).inputValue();
  expect(secret).toMatch(/^sxt_/);
  // Beside it, the steps to paste into a pipeline, filled in with this project and server.
  const setup = ci.getByRole('region', { name: 'Report runs from CI' });
  await expect(setup.getByRole('figure', { name: 'GitHub Actions' })).toContainText(
    `node sextant.mjs run report --project ${project.id} --metrics-file metrics.json`,
  );
  await expect(setup.getByRole('figure', { name: 'GitLab CI' })).toContainText(
    `SEXTANT_URL: ${new URL(page.url()).origin}`,
  );
  await ci.screenshot({ path: artifactPath('ci-token-setup.png') });
  await ci.getByRole('button', { name: 'I have stored it' }).click();
  await expect(ci.getByRole('textbox', { name: 'Token secret' })).toHaveCount(0);

  const tokens = ci.getByRole('table', { name: 'CI tokens' });
  const row = tokens.getByRole('row').filter({ hasText: 'github-actions' });
  await expect(row).toContainText('Active');
  await expect(row).toContainText('Never');
  await row.getByRole('button', { name: 'Revoke token github-actions' }).click();
  await row.getByRole('button', { name: 'Revoke', exact: true }).click();
  await expect(row).toContainText('Revoked');
  expect(await page.content()).not.toContain(secret);
});
