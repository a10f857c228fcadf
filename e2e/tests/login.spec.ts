import { expect, test } from '../support/fixtures.js';

test('login says when credentials are wrong, and when to retry after too many failures', async ({
  page,
  account,
}) => {
  // A page that needs a session sends the visitor to sign in, and back afterwards.
  await page.goto('/tokens');
  await expect(page).toHaveURL(/\/login$/);

  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password');
  const signIn = page.getByRole('button', { name: 'Sign in' });
  await email.fill(account.email);

  // Five wrong passwords are each refused plainly…
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await password.fill(`wrong-password-${attempt}`);
    await signIn.click();
    await expect(page.getByRole('alert')).toHaveText('Email or password is wrong.');
  }
  // …the sixth attempt is throttled, even with the right password, and says when to retry.
  await password.fill(account.password);
  await signIn.click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    /Too many failed password attempts; try again in \d+ seconds\./,
  );
  await expect(alert).toContainText(/You can try again at \d{2}:\d{2} \(in about \d+ minutes?\)\./);
  await expect(page).toHaveURL(/\/login$/);
});

test('signing in returns to the page asked for, and signing out ends the session', async ({
  page,
  account,
}) => {
  await page.goto('/tokens');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tokens' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(account.name);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Sextant' })).toBeVisible();
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/login$/);
});
