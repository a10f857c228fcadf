import type { Page } from '@playwright/test';
import { artifactPath } from '../support/paths.js';
import { saveScreenshot } from '../support/screenshots.js';
import { seedDeliveryHistory } from '../support/sprints.js';
import { createAccount, expect, signIn, test, unique } from '../support/fixtures.js';

/** Widest content on the page, in CSS pixels: more than the viewport means sideways scrolling. */
const overflow = (page: Page) => page.evaluate<number>('document.scrollingElement.scrollWidth');

for (const width of [1280, 390] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 390 ? 844 : 800 } });

    test(`sprint pages at ${width} px: sprints, board, close dialog, delivery and warnings fit`, async ({
      page,
      server,
      account,
      api,
    }) => {
      const suffix = width === 390 ? '-390' : '';
      const team = await api.post<{ id: string }>('/teams', {
        name: unique('Reliability Analytics'),
      });
      const projectName = unique('Pump failure prediction');
      const project = await api.post<{ id: string }>('/projects', {
        teamId: team.id,
        name: projectName,
      });
      const colleague = await createAccount(server, 'Priya Data');
      const colleagueRef = await api.post<{ userId: string }>(`/teams/${team.id}/members`, {
        email: colleague.email,
        role: 'member',
      });
      const me = await api.call<{ user: { id: string } }>('GET', '/me');
      const { active } = await seedDeliveryHistory(api, project.id, [
        me.user.id,
        colleagueRef.userId,
      ]);

      await signIn(page, account);

      // The project page: the low-delivery warning among the alerts near the top.
      await page.goto(`/projects/${project.id}`);
      await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Open alerts' })).toContainText(
        '2 sprints in a row delivered under 50 %',
      );
      expect(await overflow(page)).toBeLessThanOrEqual(width);
      await saveScreenshot(page, `project-page-warnings${suffix}`);

      // Sprints: the list, the plan form, the Jira import form.
      await page.goto(`/projects/${project.id}/sprints`);
      await expect(page.getByRole('table', { name: 'Sprints' }).locator('tbody tr')).toHaveCount(5);
      await page.getByRole('button', { name: 'Plan a sprint' }).click();
      await expect(page.getByRole('form', { name: 'Plan a sprint' })).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(width);
      await saveScreenshot(page, `sprints-page${suffix}`);

      // The active sprint's board, with the add-story form open.
      await page.goto(`/projects/${project.id}/sprints/${active.id}`);
      await expect(
        page.getByRole('heading', { level: 1, name: new RegExp(active.name) }),
      ).toBeVisible();
      await expect(page.getByRole('article', { name: /Sprint demo report/ })).toContainText('Late');
      expect(await overflow(page)).toBeLessThanOrEqual(width);
      await saveScreenshot(page, `sprint-board-active${suffix}`);
      await page.getByRole('button', { name: 'Add story' }).click();
      await expect(page.getByRole('form', { name: 'Add story' })).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(width);

      // The close dialog, with a story ticked for carrying over (a sprint is planned after).
      await page.getByRole('button', { name: 'Close sprint' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText('1 of 4 stories done → 25 % delivered');
      await dialog.getByRole('checkbox').first().check();
      await expect(dialog).toContainText('Ticked stories are copied into Sprint 5');
      await page.screenshot({ path: artifactPath(`close-dialog${suffix}.png`) });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('button', { name: 'Close sprint' })).toBeFocused();

      // Delivery: tiles, chart, figures, people.
      await page.goto(`/projects/${project.id}/delivery`);
      await expect(
        page.getByRole('img', { name: /Sprint success rate per closed sprint/ }).locator('svg'),
      ).toBeVisible();
      await expect(page.getByRole('table', { name: 'Delivery per person' })).toContainText(
        'Priya Data',
      );
      expect(await overflow(page)).toBeLessThanOrEqual(width);
      await saveScreenshot(page, `delivery-page-history${suffix}`);
    });
  });
}
