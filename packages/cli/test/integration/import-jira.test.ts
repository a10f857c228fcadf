import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.js';
import {
  assertBuilt,
  runCli,
  startServerWithToken,
  waitForExit,
  type ServerProcess,
} from '../support/server-process.js';

const EXPORT = fileURLToPath(
  new URL('../../../server/test/fixtures/jira-export.csv', import.meta.url),
);

/** The command against a real server process; the import itself is tested on both databases in server/. */
describe('sextant import jira', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let apiEnv: NodeJS.ProcessEnv;
  let projectId: string;

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('sqlite');
    const dbEnv = { SEXTANT_DATA_DIR: database.dataDir };
    const started = await startServerWithToken(dbEnv, 'lead@example.test');
    server = started.server;
    apiEnv = { SEXTANT_URL: server.url, SEXTANT_TOKEN: started.token };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${apiEnv.SEXTANT_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as { id: string };
    };
    const team = await post('/teams', { name: 'Reliability Analytics' });
    projectId = (await post('/projects', { teamId: team.id, name: 'Predictive maintenance' })).id;
  });

  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await waitForExit(server.child);
    }
    await database?.drop();
  });

  it('uploads the export, prints what it made and the row it could not use, and changes nothing the second time', async () => {
    const first = await runCli(['import', 'jira', EXPORT, '--project', projectId], apiEnv);
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines[0]).toBe(
      '14 rows: 3 sprints created, 0 already there; 16 stories created, 0 already there; 1 row not imported',
    );
    expect(lines).toContain('  PDM Sprint 1: created 2024-02-26 → 2024-03-10 (closed), 5 stories');
    expect(lines).toContain(
      '  line 7: PDM-13 not imported: "Custom field (Story Points)" is "lots", not a number of zero or more.',
    );
    // Progress goes to stderr, so stdout stays a clean report.
    expect(first.stderr).toContain('uploading 100 %');

    const again = await runCli(['import', 'jira', EXPORT, '--project', projectId], apiEnv);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe(
      '14 rows: 0 sprints created, 3 already there; 0 stories created, 16 already there; 1 row not imported',
    );

    const strict = await runCli(
      ['import', 'jira', EXPORT, '--project', projectId, '--strict'],
      apiEnv,
    );
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('sextant: error: 1 row could not be imported');
  });

  it('exits 1 with one line for a missing file, a bad length, an unknown project and no token', async () => {
    const missing = await runCli(['import', 'jira', '/nope.csv', '--project', projectId], apiEnv);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('sextant: error: cannot read /nope.csv\n');

    const badLength = await runCli(
      ['import', 'jira', EXPORT, '--project', projectId, '--sprint-length', '6w'],
      apiEnv,
    );
    expect(badLength.code).toBe(1);
    expect(badLength.stderr.trim().split('\n').at(-1)).toMatch(
      /^sextant: error: 422 sprint_length_invalid: sprintLength "6w" is 42 days/,
    );

    const unknown = await runCli(['import', 'jira', EXPORT, '--project', 'nope'], apiEnv);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n').at(-1)).toBe(
      'sextant: error: 404 not_found: Project not found',
    );

    const noToken = await runCli(['import', 'jira', EXPORT, '--project', projectId], {
      SEXTANT_URL: apiEnv.SEXTANT_URL,
      SEXTANT_TOKEN: '',
    });
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toContain('no token: set SEXTANT_TOKEN');
  });
});
