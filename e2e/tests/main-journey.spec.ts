import { testNow } from '../support/clock.js';
import { saveScreenshot } from '../support/screenshots.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

test('main journey: scope a project, get a goal refused then accepted, and move it to POC', async ({
  page,
  account,
}, testInfo) => {
  const teamName = unique('Retention Analytics');
  const projectName = unique('Churn early warning');
  const nextYear = testNow().getFullYear() + 1;

  await signIn(page, account);

  // A new account has no team: the project list says to create one first.
  await expect(page.getByText('You are not in a team yet')).toBeVisible();
  await page.getByRole('link', { name: 'Create a team' }).click();
  await page.getByLabel('Team name').fill(teamName);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: teamName })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Members' })).toContainText(account.email);

  // Start a project in that team.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Projects' })
    .click();
  await page.getByRole('button', { name: 'New project' }).click();
  const newProject = page.getByRole('form', { name: 'New project' });
  await expect(newProject.getByLabel('Team')).toHaveValue(/.+/);
  await newProject.getByLabel('Project name').fill(projectName);
  await newProject.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  await expect(page).toHaveTitle(`${projectName} · Sextant`);
  await expect(page.locator('.project-header__meta')).toContainText('Scoping');

  // Fill the scope canvas, naming a user.
  await page.getByRole('button', { name: 'Edit scope' }).click();
  const scope = page.getByRole('form', { name: 'Scope' });
  await scope
    .getByLabel('Why', { exact: true })
    .fill(
      'Monthly churn rose from 2.2 % to 3.1 % in a year; the CCO wants to act before customers leave.',
    );
  await scope.getByLabel('Sponsor').fill('Chief Commercial Officer');
  await scope.getByRole('button', { name: 'Add user' }).click();
  await scope.getByLabel('Name of user 1').fill('Sofia Berg');
  await scope.getByLabel('Role of user 1').fill('Account manager');
  await scope
    .getByLabel('Current process')
    .fill('Account managers call customers whose usage dropped last month.');
  await scope.getByLabel('Metric name').fill('Monthly churn rate');
  await scope.getByLabel('Value').fill('3.1');
  await scope.getByLabel('Unit').fill('%');
  await scope.getByRole('radio', { name: /^Push to production/ }).check();
  await scope.getByRole('checkbox', { name: /^Resources/ }).check();
  await scope.getByRole('checkbox', { name: /^Accuracy/ }).check();
  await expect(scope.getByRole('checkbox', { name: /^Time/ })).toBeDisabled();
  await expect(scope.getByText('Time is what gives.')).toBeVisible();
  await scope.getByRole('button', { name: 'Save scope' }).click();

  const canvas = page.getByRole('region', { name: 'Scope' });
  await expect(canvas.getByText('Sofia Berg')).toBeVisible();
  await expect(canvas).toContainText('Monthly churn rate: 3.1 %');
  await expect(canvas).toContainText('Fixed: resources and accuracy');
  await expect(canvas).toContainText('Push to production');

  // An ambiguous goal is refused, and the form says what is missing, field by field.
  const goalForm = page.getByRole('form', { name: 'Add goal' });
  await goalForm.getByLabel('Statement').fill('We want to keep our customers');
  await goalForm.getByRole('button', { name: 'Add goal' }).click();
  const refusal = goalForm.getByRole('alert');
  await expect(refusal).toContainText('This goal was refused.');
  await expect(refusal).toContainText('Goal is not quantifiable');
  await expect(refusal).toContainText('no baseline number');
  await expect(refusal).toContainText('no deadline');
  for (const [label, problem] of [
    ['Metric', /No metric/],
    ['Direction', /No direction/],
    ['Baseline', /No baseline number/],
    ['Target', /No target number/],
    ['Deadline', /No deadline/],
  ] as const) {
    const field = goalForm.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(problem);
  }
  await expect(page.getByRole('list', { name: 'Goals' })).toHaveCount(0);

  // The same form, filled with numbers and a deadline, is accepted.
  await goalForm.getByLabel('Statement').fill('Reduce monthly churn');
  await goalForm.getByLabel('Metric', { exact: true }).fill('Monthly churn rate');
  await goalForm.getByLabel('Direction').selectOption('decrease');
  await goalForm.getByLabel('Baseline').fill('3.1');
  await goalForm.getByLabel('Target', { exact: true }).fill('2.8');
  await goalForm.getByLabel('Unit').fill('%');
  await goalForm.getByLabel('Deadline').fill(`${nextYear}-06-30`);
  await goalForm.getByRole('button', { name: 'Add goal' }).click();
  const goals = page.getByRole('list', { name: 'Goals' });
  await expect(goals).toContainText('Reduce monthly churn');
  await expect(goals).toContainText('3.1 % → 2.8 %');
  await expect(goals).toContainText(`30 Jun ${nextYear}`);

  // The success criterion: hit rate@10 of at least 2, with a value model.
  const criterion = page.getByRole('form', { name: 'Success criterion' });
  await expect(criterion.getByRole('radio', { name: /^Hit rate@N/ })).toBeChecked();
  await criterion.getByLabel('N (interventions per period)').fill('10');
  await criterion.getByLabel('Threshold').fill('2');
  await criterion.getByLabel('Train window').selectOption('expanding');
  await criterion.getByLabel('Test window').fill('1w');
  await criterion.getByLabel('Step').fill('1w');
  await criterion.getByLabel('Horizon').fill('2w');
  await criterion.getByRole('checkbox', { name: /Turn the metric into money/ }).check();
  await criterion.getByLabel('Cost of a missed failure').fill('1200');
  await criterion.getByLabel('Cost of an intervention').fill('40');
  await criterion.getByRole('button', { name: 'Save criterion' }).click();
  const criterionSection = page.getByRole('region', { name: 'Success criterion' });
  await expect(criterionSection).toContainText('Hit rate@10');
  await expect(criterionSection).toContainText('≥ 2');
  await expect(criterionSection.getByLabel('Evaluation fingerprint')).toHaveText(/^[0-9a-f]{8,}$/);

  // Every gate is met: move to POC with a note.
  const stage = page.getByRole('region', { name: 'Stage', exact: true });
  await expect(stage).toContainText('Ready for POC: every gate is met.');
  await stage.getByRole('button', { name: 'Move to POC' }).click();
  await stage.getByLabel('Note').fill('Scope signed off by the CCO; Sofia named as the user.');
  await stage.getByRole('button', { name: 'Move to POC' }).click();

  await expect(page.locator('.project-header__meta')).toContainText('POC');
  await expect(
    stage.getByRole('list', { name: 'Stages' }).locator('[aria-current="step"]'),
  ).toContainText('POC');
  const history = page.getByRole('region', { name: 'Stage history' });
  await expect(history).toContainText('Scoping → POC');
  await expect(history).toContainText('Scope signed off by the CCO');
  // The next gate is the sprint review: productization waits for "objectives met".
  await expect(stage).toContainText('Record "objectives met" at a sprint review');

  const screenshot = await saveScreenshot(page, 'project-page');
  await testInfo.attach('project-page', { body: screenshot, contentType: 'image/png' });
});
