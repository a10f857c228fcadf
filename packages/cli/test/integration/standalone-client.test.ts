import { spawn } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, Page, Run } from '@sextant/core';
import { SEXTANT_VERSION } from '@sextant/core/version';
import { HIT_RATE_CRITERION, quantifiableGoal } from '../../../server/test/support/factory.js';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.js';
import { TEST_NOW, testDay } from '../../../server/test/support/test-now.js';
import {
  apiClient,
  assertBuilt,
  startServerWithToken,
  waitForExit,
  type ApiCall,
  type ServerProcess,
} from '../support/server-process.js';
import { githubActionsEnv } from '../support/ci-job.js';

/**
 * The client a CI job gets from the server itself: one file, downloaded over HTTP, run from an
 * empty folder outside the repository with nothing on PATH but node and no node_modules near.
 */
describe('the standalone client served at /cli/sextant.mjs', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let api: ApiCall;
  let jobDir: string;
  let client: string;
  let personalToken: string;

  /** Runs the downloaded file the way a CI job would: its env only, nothing inherited. */
  function runClient(args: string[], env: Record<string, string>) {
    return new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, [client, ...args], {
          cwd: jobDir,
          env: { PATH: dirname(process.execPath), HOME: jobDir, ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end();
      },
    );
  }

  beforeAll(async () => {
    assertBuilt();
    jobDir = mkdtempSync(join(tmpdir(), 'sextant-ci-job-'));
    database = await createTestDatabase('sqlite');
    const started = await startServerWithToken(
      { SEXTANT_DATA_DIR: database.dataDir },
      'lead@example.test',
    );
    server = started.server;
    personalToken = started.token;
    api = apiClient(server.url, started.token);

    const bundle = await fetch(`${server.url}/cli/sextant.mjs`);
    const bytes = Buffer.from(await bundle.arrayBuffer());
    expect(bundle.status, `${bytes.toString().slice(0, 300)} (run npm run build)`).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(bundle.headers.get('content-security-policy')).toBeTruthy();
    const sum = await fetch(`${server.url}/cli/sextant.mjs.sha256`);
    expect(sum.status).toBe(200);
    const hex = createHash('sha256').update(bytes).digest('hex');
    expect(await sum.text()).toBe(`${hex}  sextant.mjs\n`);
    client = join(jobDir, 'sextant.mjs');
    writeFileSync(client, bytes);
  });

  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await waitForExit(server.child);
    }
    await database?.drop();
    if (jobDir) rmSync(jobDir, { recursive: true, force: true });
  });

  async function ciProject(name: string) {
    const team = await api<{ id: string }>('POST', '/teams', { name: `${name} team` });
    const project = await api<{ id: string }>('POST', '/projects', {
      teamId: team.body.id,
      name,
      scope: { users: [{ name: 'Maria Jensen', role: 'Maintenance planner' }] },
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const projectId = project.body.id;
    expect(
      (await api('POST', `/projects/${projectId}/goals`, quantifiableGoal(TEST_NOW))).status,
    ).toBe(201);
    expect(
      (await api('PUT', `/projects/${projectId}/success-criterion`, HIT_RATE_CRITERION)).status,
    ).toBe(200);
    await api('POST', `/projects/${projectId}/sprints`, {
      startDate: testDay(-3),
      endDate: testDay(10),
    });
    const ci = await api<{ token: string }>('POST', `/projects/${projectId}/ci-tokens`, {
      name: 'GitHub Actions',
    });
    expect(ci.status).toBe(201);
    return { projectId, ciToken: ci.body.token };
  }

  it('prints its version and the version of the server it came from', async () => {
    const version = await runClient(['--version'], {});
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout).toBe(
      `sextant-client ${SEXTANT_VERSION} (from server ${SEXTANT_VERSION})\n`,
    );
  });

  it('reports a run and a deployment from a simulated GitHub Actions job with a CI token', async () => {
    const { projectId, ciToken } = await ciProject('Predictive maintenance');
    const sha = '3f2a9c1d8e7b6a5f4c3d2e1f0a9b8c7d6e5f4a3b';
    const env = {
      ...githubActionsEnv(sha, '7012345678'),
      SEXTANT_URL: server.url,
      SEXTANT_TOKEN: ciToken,
    };
    writeFileSync(join(jobDir, 'metrics.json'), JSON.stringify({ hit_rate_at_10: 0.42 }));

    const run = await runClient(
      ['run', 'report', '--project', projectId, '--metrics-file', 'metrics.json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const runUrl = /^(.*)\/projects\/([^/]+)\/runs\/([^/\n]+)\n$/.exec(run.stdout);
    expect(runUrl?.[1]).toBe(server.url);
    expect(runUrl?.[2]).toBe(projectId);
    const recorded = await api<Run>('GET', `/runs/${runUrl![3]}`);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      provenance: 'ci',
      commit: sha,
      branch: 'main',
      metrics: { hit_rate_at_10: 0.42 },
      ci: { provider: 'github-actions', jobId: '7012345678-1' },
    });
    // Same versions: no warning about a newer server.
    expect(run.stderr).not.toMatch(/warning/);

    const deploy = await runClient(
      [
        'deploy',
        'report',
        '--project',
        projectId,
        '--version',
        '1.4.0',
        '--environment',
        'production',
        '--status',
        'succeeded',
      ],
      env,
    );
    expect(deploy.code, deploy.stderr).toBe(0);
    const deployments = await api<Page<Deployment>>('GET', `/projects/${projectId}/deployments`);
    const [deployment] = deployments.body.items;
    expect(deployment).toMatchObject({ version: '1.4.0', provenance: 'ci', commit: sha });
    expect(deploy.stdout).toBe(
      `${server.url}/projects/${projectId}/deployments#${deployment!.id}\n`,
    );
  });

  it('imports a Jira export with a personal token', async () => {
    const team = await api<{ id: string }>('POST', '/teams', { name: 'Jira team' });
    const project = await api<{ id: string }>('POST', '/projects', {
      teamId: team.body.id,
      name: 'Jira project',
    });
    copyFileSync(
      fileURLToPath(new URL('../../../server/test/fixtures/jira-export.csv', import.meta.url)),
      join(jobDir, 'jira.csv'),
    );
    const imported = await runClient(['import', 'jira', 'jira.csv', '--project', project.body.id], {
      SEXTANT_URL: server.url,
      SEXTANT_TOKEN: personalToken,
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout.split('\n')[0]).toBe(
      '14 rows: 3 sprints created, 0 already there; 16 stories created, 0 already there; 1 row not imported',
    );
  });

  it('evaluates a predictions file on its own thread, with no server', async () => {
    writeFileSync(
      join(jobDir, 'predictions.csv'),
      'period,entity,score,label\n2027-03-01,A,0.9,1\n2027-03-01,B,0.8,0\n2027-03-02,B,0.5,1\n2027-03-02,A,0.4,0\n',
    );
    const run = await runClient(
      ['evaluate', 'predictions.csv', '--top', '1', '--threads', '2'],
      {},
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'model: hit rate@1 1 events caught a day over 2 days; caught 2 of 2 events',
    );
  });

  it('warns in one line when the server it reports to is newer than itself', async () => {
    const { projectId, ciToken } = await ciProject('Churn');
    // The same server, as a later release would answer: only its version header differs.
    const newer: Server = createServer((incoming, outgoing) => {
      const upstream = new URL(server.url);
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, {
            ...answer.headers,
            'x-sextant-version': '99.0.0',
          });
          answer.pipe(outgoing);
        },
      );
      incoming.pipe(forward);
    });
    await new Promise<void>((resolve) => newer.listen(0, '127.0.0.1', resolve));
    const address = newer.address();
    const newerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const run = await runClient(
        ['run', 'report', '--project', projectId, '--metric', 'hit_rate_at_10=0.4'],
        {
          ...githubActionsEnv('4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f', '7012345679'),
          SEXTANT_URL: newerUrl,
          SEXTANT_TOKEN: ciToken,
        },
      );
      expect(run.code, run.stderr).toBe(0);
      const warnings = run.stderr.split('\n').filter((line) => line.includes('warning'));
      expect(warnings).toEqual([
        `sextant: warning: the server runs Sextant 99.0.0, this client is ${SEXTANT_VERSION}; get the server's: curl -fsSO ${newerUrl}/cli/sextant.mjs`,
      ]);
    } finally {
      await new Promise((resolve) => newer.close(resolve));
    }
  });
});
