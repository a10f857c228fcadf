import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS, SQLITE_FILE_NAME } from '@sextant/db';
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
      ['user', 'deactivate', '--help'],
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
        // A password in the URL (trust auth never asks for it) that no output may show.
        const url = database.url ? new URL(database.url) : null;
        if (url) url.password = 'never-printed-pw';
        env = { SEXTANT_DATA_DIR: database.dataDir, DATABASE_URL: url?.toString() ?? '' };
      });
      afterAll(async () => database?.drop());

      /** The line every admin command prints first on stderr: which database it uses. */
      const databaseLine = () =>
        kind === 'sqlite'
          ? `sextant: database: SQLite ${join(database.dataDir, SQLITE_FILE_NAME)}\n`
          : `sextant: database: PostgreSQL database "${new URL(database.url ?? '').pathname.slice(1)}" on 127.0.0.1:5432 as postgres\n`;

      it('refuses user and token commands where no database exists, saying what to set, and creates none', async () => {
        for (const [args, stdin] of [
          [
            ['user', 'create', '--email', 'first@example.test', '--password-stdin', '--admin'],
            `${PASSWORD}\n`,
          ],
          [
            ['user', 'set-password', '--email', 'first@example.test', '--password-stdin'],
            `${PASSWORD}\n`,
          ],
          [['token', 'create', '--user', 'first@example.test', '--name', 'laptop'], ''],
        ] as const) {
          const run = await runCli([...args], env, stdin);
          expect(run.code, args.join(' ')).toBe(1);
          expect(run.stdout).toBe('');
          const [announced, error] = run.stderr.split(/(?<=\n)/);
          expect(announced).toBe(databaseLine());
          expect(error).toMatch(/^sextant: error: /);
          for (const hint of ['SEXTANT_DATA_DIR', 'DATABASE_URL', '`sextant migrate`']) {
            expect(error).toContain(hint);
          }
          expect(error).not.toContain('no account');
        }
        if (kind === 'sqlite') {
          const file = join(database.dataDir, SQLITE_FILE_NAME);
          expect(existsSync(file)).toBe(false);
          // A file that is there but was never migrated (an empty one) is refused too.
          writeFileSync(file, '');
          const run = await runCli(
            ['token', 'create', '--user', 'a@example.test', '--name', 'x'],
            env,
          );
          expect(run.code).toBe(1);
          expect(run.stderr).toContain('has no Sextant schema');
          rmSync(file);
        } else {
          // The database exists but was never migrated: still refused, and left as it was.
          const run = await runCli(
            ['token', 'create', '--user', 'a@example.test', '--name', 'x'],
            env,
          );
          expect(run.code).toBe(1);
          expect(run.stderr).toContain('has no Sextant schema');
          const connection = database.connect();
          try {
            expect(await connection.db.introspection.getTables()).toEqual([]);
          } finally {
            await connection.close();
          }
        }
      });

      it('migrates, creates the first account as admin, and refuses a duplicate with one line', async () => {
        const migrated = await runCli(['migrate'], env);
        expect(migrated.code, migrated.stderr).toBe(0);
        expect(migrated.stderr).toBe(databaseLine());
        expect(migrated.stdout).toContain(`schema ${Object.keys(MIGRATIONS).at(-1)}`);

        const created = await runCli(
          ['user', 'create', '--email', 'First@Example.test', '--password-stdin'],
          env,
          `${PASSWORD}\n`,
        );
        expect(created.code, created.stderr).toBe(0);
        expect(created.stderr).toBe(databaseLine());
        expect(created.stdout).toMatch(/^created first@example.test \(workspace admin\) id=/);

        const again = await runCli(
          ['user', 'create', '--email', 'first@example.test', '--password-stdin'],
          env,
          `${PASSWORD}\n`,
        );
        expect(again.code).toBe(1);
        expect(again.stderr).toBe(
          `${databaseLine()}sextant: error: An account with email first@example.test already exists.\n`,
        );

        const short = await runCli(
          ['user', 'create', '--email', 'b@example.test', '--password-stdin'],
          env,
          'short\n',
        );
        expect(short.code).toBe(1);
        // Refused before any database is opened.
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
        // stdout is the token alone (scripts capture it); where it was made goes to stderr.
        expect(printed.stdout).toMatch(/^sxt_[A-Za-z0-9_-]{43}\n$/);
        expect(printed.stderr).toBe(databaseLine());
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
          `${databaseLine()}sextant: error: --project: no project nope in a team of first@example.test\n`,
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

      it('deactivates and reactivates an account, and never the last active admin', async () => {
        const last = await runCli(['user', 'deactivate', 'first@example.test'], env);
        expect(last.code).toBe(1);
        expect(last.stderr).toContain('last active workspace admin');

        const made = await runCli(
          ['user', 'create', '--email', 'leaver@example.test', '--password-stdin'],
          env,
          `${PASSWORD}\n`,
        );
        expect(made.code, made.stderr).toBe(0);
        const off = await runCli(['user', 'deactivate', 'Leaver@example.test'], env);
        expect(off.code, off.stderr).toBe(0);
        expect(off.stdout).toBe('leaver@example.test deactivated\n');
        const on = await runCli(['user', 'reactivate', 'leaver@example.test'], env);
        expect(on.code, on.stderr).toBe(0);
        expect(on.stdout).toBe('leaver@example.test reactivated\n');

        const nobody = await runCli(['user', 'deactivate', 'nobody@example.test'], env);
        expect(nobody.code).toBe(1);
        expect(nobody.stderr).toContain('no account with email nobody@example.test');
      });
    },
  );
}
