import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '@sextant/db';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.js';
import { assertBuilt, runCli, startServerProcess, waitForExit } from '../support/server-process.js';

const PASSWORD = 'a password for the cli';

describe('sextant --help', () => {
  beforeAll(assertBuilt);

  it('documents every command and exits 0', async () => {
    for (const args of [
      ['--help'],
      ['serve', '--help'],
      ['migrate', '--help'],
      ['user', 'create', '--help'],
      ['user', 'set-password', '--help'],
      ['token', 'create', '--help'],
      ['import', 'jira', '--help'],
      ['run', 'report', '--help'],
      ['evaluate', '--help'],
    ]) {
      const run = await runCli(args, {});
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/^Usage: sextant/m);
    }
  });

  it('exits non-zero with a one-line reason on a usage error', async () => {
    const run = await runCli(['token', 'create', '--name', 'x'], {});
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe("error: required option '--user <email>' not specified");
  });
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !inject('postgresAvailable'))(
    `sextant admin commands [${kind}]`,
    () => {
      let database: TestDatabase;
      let env: NodeJS.ProcessEnv;

      beforeAll(async () => {
        assertBuilt();
        database = await createTestDatabase(kind);
        env = { SEXTANT_DATA_DIR: database.dataDir, DATABASE_URL: database.url ?? '' };
      });
      afterAll(async () => database?.drop());

      it('migrates, creates the first account as admin, and refuses a duplicate with one line', async () => {
        const migrated = await runCli(['migrate'], env);
        expect(migrated.code, migrated.stderr).toBe(0);
        expect(migrated.stdout).toContain(`schema ${Object.keys(MIGRATIONS).at(-1)}`);

        const created = await runCli(
          ['user', 'create', '--email', 'First@Example.test', '--password-stdin'],
          env,
          `${PASSWORD}\n`,
        );
        expect(created.code, created.stderr).toBe(0);
        expect(created.stdout).toMatch(/^created first@example.test \(workspace admin\) id=/);

        const again = await runCli(
          ['user', 'create', '--email', 'first@example.test', '--password-stdin'],
          env,
          `${PASSWORD}\n`,
        );
        expect(again.code).toBe(1);
        expect(again.stderr).toBe(
          'sextant: error: An account with email first@example.test already exists.\n',
        );

        const short = await runCli(
          ['user', 'create', '--email', 'b@example.test', '--password-stdin'],
          env,
          'short\n',
        );
        expect(short.code).toBe(1);
        expect(short.stderr).toBe('sextant: error: password: must be at least 12 characters\n');

        const noStdin = await runCli(['user', 'create', '--email', 'c@example.test'], env);
        expect(noStdin.code).toBe(1);
        expect(noStdin.stderr).toContain('--password-stdin');
      });

      it('prints only a working token, and refuses a CI token for a project outside the user’s teams', async () => {
        const printed = await runCli(
          [
            'token',
            'create',
            '--user',
            'first@example.test',
            '--name',
            'cli',
            '--expires-in',
            '30d',
          ],
          env,
        );
        expect(printed.code, printed.stderr).toBe(0);
        expect(printed.stdout).toMatch(/^sxt_[A-Za-z0-9_-]{43}\n$/);
        const token = printed.stdout.trim();

        const server = await startServerProcess(env);
        try {
          const me = await fetch(`${server.url}/api/v1/me`, {
            headers: { authorization: `Bearer ${token}` },
          });
          expect(me.status).toBe(200);
          expect(((await me.json()) as { user: { email: string } }).user.email).toBe(
            'first@example.test',
          );
        } finally {
          server.child.kill('SIGTERM');
          await waitForExit(server.child);
        }

        const ci = await runCli(
          [
            'token',
            'create',
            '--user',
            'first@example.test',
            '--name',
            'gh',
            '--project',
            'nope',
            '--ci',
          ],
          env,
        );
        expect(ci.code).toBe(1);
        expect(ci.stderr).toBe(
          'sextant: error: --project: no project nope in a team of first@example.test\n',
        );

        const badDuration = await runCli(
          [
            'token',
            'create',
            '--user',
            'first@example.test',
            '--name',
            'x',
            '--expires-in',
            'soon',
          ],
          env,
        );
        expect(badDuration.code).toBe(1);
        expect(badDuration.stderr).toContain('--expires-in');
      });
    },
  );
}
