import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import { Api, type Account } from './api.js';
import { installTestClock } from './clock.js';
import { runCli, startServer, type RunningServer } from './server.js';

let counter = 0;

/** Makes an account through the CLI, as an operator would. */
export async function createAccount(server: RunningServer, name: string): Promise<Account> {
  counter += 1;
  const slug = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${counter}.${randomBytes(3).toString('hex')}`;
  const account = {
    email: `${slug}@e2e.sextant.test`,
    name,
    password: `pw-${randomBytes(12).toString('hex')}`,
  };
  await runCli(
    server.dataDir,
    ['user', 'create', '--email', account.email, '--name', account.name, '--password-stdin'],
    account.password,
  );
  return account;
}

/** Signs in through the login page and waits for the landing page, the portfolio. */
export async function signIn(page: Page, account: Account, baseUrl?: string): Promise<void> {
  await page.goto(`${baseUrl ?? ''}/login`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
}

/** Opens the project list through the main navigation. */
export async function openProjectList(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Projects' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
}

interface TestFixtures {
  /** A fresh account for this test, not in any team. */
  account: Account;
  /** The API as `account`, for setting things up quickly. */
  api: Api;
}

interface WorkerFixtures {
  /** One server per worker, on a free port with an empty database (no demo). */
  server: RunningServer;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    // Playwright requires the first fixture argument to be destructured, even when empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  // Every page lives on the suite's day (support/clock.ts), like the servers it talks to.
  context: async ({ context }, use) => {
    await installTestClock(context);
    await use(context);
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  account: async ({ server }, use, testInfo) => {
    await use(await createAccount(server, `Tess ${testInfo.title.split(' ')[0] ?? 'User'}`));
  },
  api: async ({ server, account }, use) => {
    await use(await Api.forAccount(server, account));
  },
});

export { expect };

/** A name unique to this run, so tests never see each other's data. */
export function unique(prefix: string): string {
  return `${prefix} ${randomBytes(2).toString('hex')}`;
}
