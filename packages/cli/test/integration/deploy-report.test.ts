import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, Page } from '@sextant/core';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.js';
import {
  apiClient,
  assertBuilt,
  runCli,
  startServerWithToken,
  waitForExit,
  type ApiCall,
  type ServerProcess,
} from '../support/server-process.js';
import { CLEAN_CI, githubActionsEnv, startLossyProxy } from '../support/ci-job.js';

/** The command against a real server process; the deployments API itself is tested in server/. */
describe('sextant deploy report', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let personalToken: string;

  /** The API as the person who made the projects. */
  let api: ApiCall;

  const deploymentsOf = async (projectId: string) =>
    (await api<Page<Deployment>>('GET', `/projects/${projectId}/deployments?limit=200`)).body.items;

  async function cdProject(name: string) {
    const team = await api<{ id: string }>('POST', '/teams', { name: `${name} team` });
    expect(team.status).toBe(201);
    const project = await api<{ id: string }>('POST', '/projects', { teamId: team.body.id, name });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const ci = await api<{ token: string }>('POST', `/projects/${project.body.id}/ci-tokens`, {
      name: 'GitHub Actions',
    });
    expect(ci.status, JSON.stringify(ci.body)).toBe(201);
    return { projectId: project.body.id, ciToken: ci.body.token };
  }

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('sqlite');
    const started = await startServerWithToken(
      { SEXTANT_DATA_DIR: database.dataDir },
      'cd-lead@example.test',
    );
    personalToken = started.token;
    server = started.server;
    api = apiClient(server.url, personalToken);
  });

  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await waitForExit(server.child);
    }
    await database?.drop();
  });

  it('posts a CI deployment from a simulated GitHub Actions job and prints its URL', async () => {
    const { projectId, ciToken } = await cdProject('Predictive maintenance');
    const sha = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b';
    const report = await runCli(
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
        '--started-at',
        '2026-11-20T09:50:00Z',
        '--finished-at',
        '2026-11-20T10:00:00Z',
      ],
      {
        ...CLEAN_CI,
        ...githubActionsEnv(sha, '8012345678', '2'),
        SEXTANT_URL: server.url,
        SEXTANT_TOKEN: ciToken,
      },
    );
    expect(report.code, report.stderr).toBe(0);
    const [deployment] = await deploymentsOf(projectId);
    expect(deployment).toMatchObject({
      version: '1.4.0',
      environment: 'production',
      status: 'succeeded',
      commit: sha,
      startedAt: '2026-11-20T09:50:00.000Z',
      finishedAt: '2026-11-20T10:00:00.000Z',
      provenance: 'ci',
      ci: {
        provider: 'github-actions',
        jobId: '8012345678-2',
        jobUrl: 'https://github.com/acme/predictive-maintenance/actions/runs/8012345678',
      },
    });
    expect(report.stdout).toBe(
      `${server.url}/projects/${projectId}/deployments#${deployment!.id}\n`,
    );
    expect(report.stderr).toBe(
      `sextant: recorded production deployment 1.4.0 (succeeded) as ${deployment!.id}\n`,
    );
  });

  it('records a deployment posted with a personal token as manual and says why', async () => {
    const { projectId } = await cdProject('Churn model');
    const report = await runCli(
      [
        'deploy',
        'report',
        '--project',
        projectId,
        '--version',
        '2.0.0',
        '--environment',
        'staging',
        '--status',
        'rolled_back',
        '--commit',
        'abc1234',
      ],
      {
        ...CLEAN_CI,
        ...githubActionsEnv('env-sha', '8012345679', '2'),
        SEXTANT_URL: server.url,
        SEXTANT_TOKEN: personalToken,
      },
    );
    expect(report.code, report.stderr).toBe(0);
    const [deployment] = await deploymentsOf(projectId);
    expect(deployment).toMatchObject({
      provenance: 'manual',
      commit: 'abc1234',
      status: 'rolled_back',
    });
    expect(report.stderr).toBe(
      `sextant: note: recorded as a manual deployment because the token is not a CI token of project ${projectId}\n`,
    );
  });

  it('exits 1 with one line for bad flags and for an API refusal, storing nothing', async () => {
    const { projectId, ciToken } = await cdProject('Pricing');
    const env = {
      ...CLEAN_CI,
      ...githubActionsEnv('bad-sha', '8012345680', '2'),
      SEXTANT_URL: server.url,
      SEXTANT_TOKEN: ciToken,
    };
    const base = ['deploy', 'report', '--project', projectId, '--version', '1.0'];
    const badStatus = await runCli(
      [...base, '--environment', 'production', '--status', 'done'],
      env,
    );
    expect(badStatus.code).toBe(1);
    expect(badStatus.stdout).toBe('');
    expect(badStatus.stderr).toMatch(/^sextant: error: --status: [^\n]+\n$/);

    const noEnvironment = await runCli([...base, '--status', 'succeeded'], env);
    expect(noEnvironment.code).toBe(1);
    expect(noEnvironment.stderr).toBe('sextant: error: no environment: pass --environment\n');

    const unknownRun = await runCli(
      [...base, '--environment', 'production', '--status', 'failed', '--run-id', 'nope'],
      env,
    );
    expect(unknownRun.code).toBe(1);
    expect(unknownRun.stderr).toBe(
      'sextant: error: 422 rule_violation: runId: the run must be one of this project’s runs.\n',
    );
    expect(await deploymentsOf(projectId)).toEqual([]);
  });

  it('retries a lost answer with the same Idempotency-Key and stores the deployment once', async () => {
    const { projectId, ciToken } = await cdProject('Routing');
    const proxy = await startLossyProxy(server.url);
    const { seen } = proxy;
    const proxyUrl = proxy.url;
    try {
      const report = await runCli(
        [
          'deploy',
          'report',
          '--project',
          projectId,
          '--version',
          '3.1.0',
          '--environment',
          'production',
          '--status',
          'succeeded',
        ],
        {
          ...CLEAN_CI,
          ...githubActionsEnv('retried-sha', '8012345681', '2'),
          SEXTANT_URL: proxyUrl,
          SEXTANT_TOKEN: ciToken,
        },
      );
      expect(report.code, report.stderr).toBe(0);
      expect(report.stderr.split('\n')[0]).toBe('sextant: 502 Bad Gateway; retry 1 of 3 in 0.5 s');
      expect(seen).toHaveLength(2);
      expect(seen[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen[1]).toEqual(seen[0]);
      const stored = await deploymentsOf(projectId);
      expect(stored).toHaveLength(1);
      expect(report.stdout).toBe(
        `${proxyUrl}/projects/${projectId}/deployments#${stored[0]!.id}\n`,
      );
    } finally {
      await proxy.close();
    }
  });
});
