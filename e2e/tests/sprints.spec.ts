import { dayFromNow } from '../support/api.js';
import { saveScreenshot } from '../support/screenshots.js';
import { addStory, planSprint } from '../support/sprints.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

test('sprint journey: plan a sprint, add stories, move them, close it with a carry-over, and see the delivery chart', async ({
  page,
  account,
  api,
}, testInfo) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Reliability Analytics') });
  const projectName = unique('Pump failure prediction');
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: projectName,
  });

  await signIn(page, account);
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();

  // The project page leads to its sprints.
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Sprints' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sprints' })).toBeVisible();
  await expect(page.getByText('No sprints yet')).toBeVisible();

  // Plan a sprint: the dates come prefilled with the next Monday and two weeks.
  await page.getByRole('button', { name: 'Plan a sprint' }).click();
  const plan = page.getByRole('form', { name: 'Plan a sprint' });
  await expect(plan.getByText('14 days (2 weeks)')).toBeVisible();
  const startDate = await plan.getByLabel('Start date').inputValue();
  expect(new Date(`${startDate}T12:00:00Z`).getUTCDay()).toBe(1);
  await plan.getByLabel('Goal').fill('A first model scored against the planners’ list');
  await plan.getByRole('button', { name: 'Plan sprint' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Sprint 1/ })).toBeVisible();
  await expect(page.locator('.sprint-header')).toContainText('Planned');
  await expect(page.locator('.sprint-header')).toContainText('A first model scored');

  // Add three stories; a story without a deliverable description is refused, naming the field.
  await page.getByRole('button', { name: 'Add story' }).click();
  const add = page.getByRole('form', { name: 'Add story' });
  await add.getByLabel('Title').fill('Collect three years of sensor history');
  await add.getByRole('button', { name: 'Add story' }).click();
  const description = add.getByLabel('What exactly is handed over');
  await expect(description).toHaveAttribute('aria-invalid', 'true');

  const stories = [
    {
      title: 'Collect three years of sensor history',
      type: 'dataset',
      what: 'Table of daily readings per pump since 2022, in the lake',
      points: '3',
    },
    {
      title: 'Baseline model on daily features',
      type: 'model',
      what: 'Gradient-boosting model scored on the last quarter',
      points: '5',
    },
    {
      title: 'Data quality report for the sensor feed',
      type: 'report',
      what: 'Gaps and flat lines per sensor, per week',
      points: '2',
    },
  ];
  for (const story of stories) {
    await add.getByLabel('Title').fill(story.title);
    await add.getByLabel('Deliverable').selectOption(story.type);
    await description.fill(story.what);
    await add.getByLabel('Assignee').selectOption({ label: account.name });
    await add.getByLabel('Points').fill(story.points);
    await add.getByRole('button', { name: 'Add story' }).click();
    await expect(add.getByRole('status')).toContainText(`Added “${story.title}”.`);
  }
  await add.getByRole('button', { name: 'Done' }).click();

  const column = (name: string) => page.getByRole('region', { name, exact: true });
  const card = (title: string) => page.getByRole('article', { name: title });
  await expect(column('To do').getByRole('article')).toHaveCount(3);
  await expect(card(stories[1]!.title)).toContainText('Gradient-boosting model');
  await expect(card(stories[1]!.title)).toContainText('5 pts');
  await expect(card(stories[1]!.title)).toContainText(account.name);

  // Start the sprint: the three stories are the commitment.
  await page.getByRole('button', { name: 'Start sprint' }).click();
  await expect(page.locator('.sprint-header')).toContainText('Active');

  // One story moves by drag and drop…
  await card(stories[0]!.title).dragTo(column('Done'));
  await expect(column('Done').getByRole('article', { name: stories[0]!.title })).toBeVisible();

  // …and one with the keyboard, through its Move buttons.
  const toInProgress = card(stories[1]!.title).getByRole('button', { name: 'Move to In progress' });
  await toInProgress.focus();
  await page.keyboard.press('Enter');
  const moved = column('In progress').getByRole('article', { name: stories[1]!.title });
  await expect(moved).toBeVisible();
  await expect(moved.getByRole('button', { name: 'Move to Done' })).toBeFocused();
  await expect(column('To do').getByRole('article')).toHaveCount(1);

  // Close it, carrying the story in progress into a next sprint planned in the dialog.
  await page.getByRole('button', { name: 'Close sprint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close Sprint 1' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 of 3 stories done → 33 % delivered');
  await dialog
    .getByRole('checkbox', { name: `Carry “${stories[1]!.title}” into the next sprint` })
    .check();
  await expect(dialog.getByLabel('Start date')).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Close sprint' }).click();
  await expect(dialog).toContainText('Sprint 1 is closed.');
  await expect(dialog).toContainText('1 story carried into Sprint 2');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The closed board is read-only and shows each outcome and where the carried story went.
  await expect(page.locator('.sprint-header')).toContainText('Closed');
  await expect(page.getByText('Its stories and outcomes are frozen')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Move to/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add story' })).toHaveCount(0);
  await expect(card(stories[0]!.title)).toContainText('Delivered');
  await expect(card(stories[2]!.title)).toContainText('Not delivered');
  await expect(
    card(stories[1]!.title).getByRole('link', { name: 'Carried over → Sprint 2' }),
  ).toBeVisible();
  await saveScreenshot(page, 'sprint-board', testInfo);

  // The delivery page plots the closed sprint: 1 of 3 delivered, under the 50 % line.
  await page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Delivery' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delivery' })).toBeVisible();
  const chart = page.getByRole('img', { name: /Sprint success rate per closed sprint/ });
  await expect(chart).toHaveAccessibleName(/Sprint 1 33 %/);
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart.locator('svg text', { hasText: '33 %' })).toBeVisible();
  await expect(chart.locator('svg text', { hasText: '50 % line' })).toBeVisible();
  const figures = page.getByRole('table', { name: 'Success rate per sprint' });
  await expect(figures.getByRole('row', { name: /Sprint 1/ })).toContainText('33 %');
  await expect(page.getByRole('list', { name: 'Delivery figures' })).toContainText('33 %');
  await expect(page.getByRole('table', { name: 'Delivery per person' })).toContainText(
    account.name,
  );
  await saveScreenshot(page, 'delivery-page', testInfo);

  // The carried story waits in Sprint 2, linked back to its original.
  await page.goBack();
  await card(stories[1]!.title).getByRole('link', { name: 'Carried over → Sprint 2' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sprint 2/ })).toBeVisible();
  await expect(
    card(stories[1]!.title).getByRole('link', { name: 'Carried from Sprint 1' }),
  ).toBeVisible();
});

test('sprint rules: refusals are shown where they happen, and an admin corrects a recorded outcome', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Reliability Analytics') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Pump failure prediction'),
  });
  const first = await planSprint(api, project.id, -21, -8);
  await addStory(api, first.id, { title: 'Label past failures', done: true });
  await addStory(api, first.id, { title: 'Agree on hit rate@N' });
  await api.post(`/sprints/${first.id}/start`);

  await signIn(page, account);
  await page.goto(`/projects/${project.id}/sprints`);

  // Too short a sprint: the length rule's message, as the server words it.
  await page.getByRole('button', { name: 'Plan a sprint' }).click();
  const plan = page.getByRole('form', { name: 'Plan a sprint' });
  await plan.getByLabel('Start date').fill(dayFromNow(30));
  await plan.getByLabel('End date').fill(dayFromNow(32));
  await expect(plan.getByText(/is 3 days/)).toBeVisible();
  await plan.getByRole('button', { name: 'Plan sprint' }).click();
  await expect(plan.getByRole('alert')).toContainText('A sprint lasts 1 to 4 weeks');
  // Overlapping the active sprint: the server names it.
  await plan.getByLabel('Start date').fill(dayFromNow(-10));
  await plan.getByLabel('End date').fill(dayFromNow(3));
  await plan.getByRole('button', { name: 'Plan sprint' }).click();
  await expect(plan.getByRole('alert')).toContainText('overlaps Sprint 1');
  // A free fortnight is planned, and its board opens.
  await plan.getByLabel('Start date').fill(dayFromNow(-7));
  await plan.getByLabel('End date').fill(dayFromNow(6));
  await plan.getByRole('button', { name: 'Plan sprint' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sprint 2/ })).toBeVisible();

  // Its goal and end date can still change while it is planned.
  await page.getByRole('button', { name: 'Edit sprint' }).click();
  const edit = page.getByRole('form', { name: 'Edit sprint' });
  await edit.getByLabel('Goal').fill('Nightly scoring in CI');
  await edit.getByLabel('End date').fill(dayFromNow(2));
  await expect(edit.getByText('10 days')).toBeVisible();
  await edit.getByRole('button', { name: 'Save sprint' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.sprint-header')).toContainText('Nightly scoring in CI');
  await expect(page.locator('.sprint-header')).toContainText('10 days');

  // Starting it while Sprint 1 is still active is refused with the reason.
  await page.getByRole('button', { name: 'Start sprint' }).click();
  await expect(page.getByRole('alert')).toContainText('Sprint 1 is still active');

  // On the active sprint, a story committed at the start cannot be deleted.
  await page.goto(`/projects/${project.id}/sprints/${first.id}`);
  const committed = page.getByRole('article', { name: 'Agree on hit rate@N' });
  await committed.getByRole('button', { name: 'Delete story' }).click();
  await committed.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(committed.getByRole('alert')).toContainText(
    'was committed when Sprint 1 started, so it stays in the record',
  );

  // Closing with nothing carried over needs no next sprint.
  await page.getByRole('button', { name: 'Close sprint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Close Sprint 1' });
  await expect(dialog).toContainText('1 of 2 stories done → 50 % delivered');
  await expect(dialog.getByRole('checkbox', { name: /Carry “Agree on hit rate@N”/ })).toBeFocused();
  await dialog.getByRole('button', { name: 'Close sprint' }).click();
  await expect(dialog).toContainText('No story was carried over.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The team admin corrects a recorded outcome, with the reason kept on the story.
  const story = page.getByRole('article', { name: 'Label past failures' });
  await expect(story).toContainText('Delivered');
  await story.getByRole('button', { name: 'Correct outcome' }).click();
  const correction = story.getByRole('form', { name: 'Correct outcome' });
  await expect(correction.getByLabel('Recorded outcome')).toHaveValue('not_delivered');
  await correction.getByLabel('Reason').fill('The labels were never handed to the modelling team.');
  await correction.getByRole('button', { name: 'Save correction' }).click();
  await expect(story).toContainText('Not delivered');
  await expect(story).toContainText(`Corrected by ${account.name}`);
  await expect(story).toContainText('The labels were never handed to the modelling team.');
});
