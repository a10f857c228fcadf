import { expect, signIn, test, unique } from '../support/fixtures.js';

const GATES = [
  'Name at least one person who will use the solution (scope → users).',
  'Add a quantifiable goal: metric, baseline, target and a deadline not in the past.',
  'Set the success criterion: the model metric, its threshold and evaluation strategy.',
];

test('moving to POC with unmet gates shows every gate message', async ({ page, account, api }) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Gates team') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Gated project'),
    // A role alone does not count as a named user.
    scope: { users: [{ role: 'Planner' }] },
  });

  await signIn(page, account);
  await page.goto(`/projects/${project.id}`);
  const stage = page.getByRole('region', { name: 'Stage', exact: true });

  // The stage bar lists what the next stage still needs, before anyone tries.
  const unmet = stage.getByRole('list', { name: 'Unmet gates for POC' });
  const expectUnmet = async (gates: string[]) => {
    await expect(unmet.getByRole('listitem')).toHaveCount(gates.length);
    for (const [index, gate] of gates.entries()) {
      await expect(unmet.getByRole('listitem').nth(index)).toContainText(gate);
    }
  };
  await expectUnmet(GATES);
  // Each gate links to where it is met.
  await expect(unmet.getByRole('link', { name: 'Go to scope' })).toHaveAttribute('href', '#scope');

  // Trying anyway: the refusal lists the same gates.
  await stage.getByRole('button', { name: 'Move to POC' }).click();
  await stage.getByLabel('Note').fill('Trying our luck');
  await stage.getByRole('button', { name: 'Move to POC' }).click();
  const refusal = stage.getByRole('alert');
  await expect(refusal).toContainText('The project cannot move to POC yet');
  for (const gate of GATES) await expect(refusal).toContainText(gate);
  await expect(page.locator('.project-header__meta')).toContainText('Scoping');

  // Naming a user meets one gate: the list shrinks to the other two.
  await stage.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Edit scope' }).click();
  const scope = page.getByRole('form', { name: 'Scope' });
  await scope.getByLabel('Name of user 1').fill('Maria Jensen');
  await scope.getByRole('button', { name: 'Save scope' }).click();
  await expectUnmet(GATES.slice(1));
});
