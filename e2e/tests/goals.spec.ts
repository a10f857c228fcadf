import { saveScreenshot } from '../support/screenshots.js';
import { dayFromNow } from '../support/api.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/** A day `days` from the suite's today, written as the page writes dates: `2 Dec 2026`. */
function day(days: number): string {
  const [y, m, d] = dayFromNow(days).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

test('a goal is edited in place, to a new target and a relative one; a past deadline is refused inline', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Goal team') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Churn early warning'),
  });
  const deadline = dayFromNow(200);
  await api.post(`/projects/${project.id}/goals`, {
    statement: 'Reduce monthly churn',
    metric: 'Monthly churn rate',
    direction: 'decrease',
    baseline: 3.1,
    target: 2.8,
    deadline,
    unit: '%',
  });

  await signIn(page, account);
  await page.goto(`/projects/${project.id}`);
  const section = page.getByRole('region', { name: 'Goals' });
  const goals = section.getByRole('list', { name: 'Goals' });
  await expect(goals).toContainText('3.1 % → 2.8 %');
  const edit = goals.getByRole('button', { name: 'Edit goal Reduce monthly churn' });

  // The Add goal form, pre-filled, in place of the card.
  await edit.click();
  const form = section.getByRole('form', { name: 'Edit goal' });
  await expect(form.getByLabel('Statement')).toHaveValue('Reduce monthly churn');
  await expect(form.getByLabel('Metric', { exact: true })).toHaveValue('Monthly churn rate');
  await expect(form.getByLabel('Direction')).toHaveValue('decrease');
  await expect(form.getByLabel('Baseline')).toHaveValue('3.1');
  await expect(form.getByRole('radio', { name: 'A value' })).toBeChecked();
  await expect(form.getByLabel('Target', { exact: true })).toHaveValue('2.8');
  await expect(form.getByLabel('Unit')).toHaveValue('%');
  await expect(form.getByLabel('Deadline')).toHaveValue(deadline);
  await expect(section.getByRole('button', { name: 'Add goal' })).toHaveCount(0);

  await form.getByLabel('Target', { exact: true }).fill('2.5');
  await form.getByRole('button', { name: 'Save goal' }).click();
  await expect(form).toHaveCount(0);
  await expect(goals).toContainText('3.1 % → 2.5 %');
  await page.reload();
  await expect(goals).toContainText('3.1 % → 2.5 %');

  // A change in % replaces the absolute target.
  await edit.click();
  // The radio itself is hidden inside its segmented-control label: click the label.
  await form.getByText('A change in %').click();
  await expect(form.getByRole('radio', { name: 'A change in %' })).toBeChecked();
  await form.getByLabel('Change (%)').fill('-20');
  await form.getByRole('button', { name: 'Save goal' }).click();
  await expect(form).toHaveCount(0);
  await expect(goals).toContainText('3.1 % → 2.48 % (−20 %)');

  // A deadline in the past is refused, on the deadline field, and nothing changes.
  await edit.click();
  await expect(form.getByRole('radio', { name: 'A change in %' })).toBeChecked();
  await expect(form.getByLabel('Change (%)')).toHaveValue('-20');
  await form.getByLabel('Deadline').fill('2020-01-15');
  await form.getByRole('button', { name: 'Save goal' }).click();
  const refusal = form.getByRole('alert');
  await expect(refusal).toContainText('This goal was refused.');
  await expect(refusal).toContainText('deadline 2020-01-15 is in the past');
  const deadlineField = form.getByLabel('Deadline');
  await expect(deadlineField).toHaveAttribute('aria-invalid', 'true');
  await expect(deadlineField).toHaveAccessibleDescription('Deadline 2020-01-15 is in the past.');
  await saveScreenshot(page, 'goal-edit-refused');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);
  await page.reload();
  await expect(goals).toContainText('3.1 % → 2.48 % (−20 %)');
  await expect(goals.locator('time')).toHaveAttribute('datetime', deadline);

  // An archived project's goals are read-only.
  await api.post(`/projects/${project.id}/archive`);
  await page.reload();
  await expect(page.getByText('This project is archived.')).toBeVisible();
  await expect(goals).toContainText('Reduce monthly churn');
  await expect(edit).toHaveCount(0);
});

test('a business goal is measured on its own metric: no measurement yet, then where it stands and its pace', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Goal team') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Pump downtime'),
  });
  const goal = await api.post<{ id: string }>(`/projects/${project.id}/goals`, {
    statement: 'Halve unplanned pump downtime',
    metric: 'Unplanned downtime hours per month',
    direction: 'decrease',
    baseline: 120,
    target: 60,
    deadline: dayFromNow(200),
    unit: 'h',
  });
  await api.post(`/goals/${goal.id}/measurements`, {
    value: 114,
    measuredAt: `${dayFromNow(-60)}T00:00:00Z`,
    source: 'Maintenance report',
  });

  await signIn(page, account);
  await page.goto(`/projects/${project.id}`);
  const panel = page.getByLabel('Measurements of Unplanned downtime hours per month');
  await expect(panel).toContainText('Pace not known yet');
  await expect(panel).toContainText('10 % of the way: latest 114 h');

  // A second measurement from the page: −9 h in 30 days is on pace for 60 h.
  await panel.getByRole('button', { name: 'Add measurement' }).click();
  await panel.getByLabel('Value (h)').fill('105');
  await panel.getByRole('button', { name: 'Save measurement' }).click();
  // No date and no source: both fields say so, and nothing was written.
  await expect(panel.locator('.field__error')).toHaveCount(2);
  await expect(panel).toContainText('Pace not known yet');
  await panel.getByLabel('Measured on').fill(dayFromNow(-30));
  await panel.getByLabel('Source').fill('Downtime dashboard');
  await panel.getByRole('button', { name: 'Save measurement' }).click();
  await expect(panel).toContainText('On pace');
  await expect(panel).toContainText('25 % of the way: latest 105 h');
  await expect(panel).toContainText('2 measurements');
  // The small chart: both measurements, baseline and target, and where the pace leads.
  // −9 h in 30 days = −0.3 h a day; 230 days from the latest to the deadline: 105 − 69 = 36.
  const chart = panel.getByRole('img', {
    name: `Unplanned downtime hours per month over time (h): 2 measurements, from 114 on ${day(-60)} to 105 on ${day(-30)}; baseline 120, target 60 by ${day(200)}; at this pace 36 h by the deadline.`,
  });
  await expect(chart.locator('svg')).toBeVisible();
  await expect(chart.locator('svg')).toContainText('target 60');
  await expect(chart.locator('svg')).toContainText('baseline 120');
  // Axis dates are written like the rest of the page: `2 Dec 2026`.
  await expect(
    chart
      .locator('svg text')
      .filter({ hasText: /^\d{1,2} [A-Z][a-z]{2} \d{4}$/ })
      .first(),
  ).toBeVisible();
  // Near the deadline the tooltip tells where the pace leads.
  const box = await chart.boundingBox();
  if (!box) throw new Error('the goal chart has no box');
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.5);
  await expect(chart.locator('.chart-tip')).toHaveText(`At this pace36 h on ${day(200)}`);
  await page.mouse.move(0, 0);
  await saveScreenshot(page, 'goal-measurements');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(chart.locator('svg')).toBeVisible();
  await saveScreenshot(page, 'goal-measurements-mobile');
});
