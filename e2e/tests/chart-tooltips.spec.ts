import { dayFromNow } from '../support/api.js';
import { addStory } from '../support/sprints.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

test('a chart tooltip shows a typed name as text, never as markup', async ({
  page,
  account,
  api,
}) => {
  const team = await api.post<{ id: string }>('/teams', { name: unique('Reliability Analytics') });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: unique('Pump failure prediction'),
  });
  // ECharts writes tooltips with innerHTML; a sprint name is anyone's to type.
  const hostile = '<img src="/x" id="tooltip-probe"> Sprint <b>1</b>';
  const sprint = await api.post<{ id: string }>(`/projects/${project.id}/sprints`, {
    name: hostile,
    goal: 'Baseline model',
    startDate: dayFromNow(-20),
    endDate: dayFromNow(-7),
  });
  await addStory(api, sprint.id, {
    title: 'Baseline gradient boosting',
    type: 'model',
    done: true,
  });
  await api.post(`/sprints/${sprint.id}/start`);
  await api.post(`/sprints/${sprint.id}/close`, { carryOver: [] });

  await signIn(page, account);
  await page.goto(`/projects/${project.id}/delivery`);
  const chart = page.locator('.chart__canvas');
  await expect(chart.locator('svg').first()).toBeVisible();
  const box = await chart.boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);

  // The tooltip: the innermost element of the chart holding the figures.
  const tip = chart.locator('div', { hasText: '1 of 1 delivered (100 %)' }).last();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(hostile);
  await expect(page.locator('#tooltip-probe')).toHaveCount(0);
  await expect(tip.locator('img, b')).toHaveCount(0);
});
