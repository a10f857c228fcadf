import { seedProject } from '../support/api.js';
import { saveScreenshot } from '../support/screenshots.js';
import { expect, signIn, test, unique } from '../support/fixtures.js';

test.use({ viewport: { width: 390, height: 844 } });

test('at 390 px the project page fits the screen and the menu opens', async ({
  page,
  account,
  api,
}) => {
  const projectName = unique('Churn early warning with a rather long project name');
  const { projectId } = await seedProject(api, {
    team: unique('Customer Analytics'),
    project: projectName,
  });

  await signIn(page, account);
  // A string, so this Node-side code needs no DOM types.
  const overflow = () => page.evaluate<number>('document.scrollingElement.scrollWidth');
  expect(await overflow()).toBeLessThanOrEqual(390);

  // The navigation folds into a menu.
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await menu.click();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }),
  ).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Projects' })
    .click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();

  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Risks' })).toContainText(
    'Account managers’ call lists',
  );
  await expect(page.getByRole('region', { name: 'CI tokens' })).toContainText('No CI tokens yet.');
  expect(await overflow()).toBeLessThanOrEqual(390);

  // Editing forms fit too.
  await page.getByRole('button', { name: 'Edit scope' }).click();
  await page.getByRole('button', { name: 'Edit criterion' }).click();
  await page.getByRole('button', { name: 'Add risk' }).click();
  expect(await overflow()).toBeLessThanOrEqual(390);
  await page.getByRole('form', { name: 'Scope' }).getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('form', { name: 'Success criterion' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await page
    .getByRole('form', { name: 'Add risk' })
    .getByRole('button', { name: 'Cancel' })
    .click();

  await saveScreenshot(page, 'project-page-390');
});
