import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Run, SprintReview } from '@sextant/core';
import { HIT_RATE_CRITERION, quantifiableGoal } from '../../../server/test/support/factory.js';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/databases.js';
import { TEST_NOW, testDay } from '../../../server/test/support/test-now.js';
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

const day = testDay;

/** The command against a real server process; the runs API itself is tested on both databases in server/. */
describe('sextant run report', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let personalToken: string;
  let workDir: string;

  /** The API as the person who made the projects. */
  let api: ApiCall;

  const runsOf = async (projectId: string) =>
    (await api<Page<Run>>('GET', `/projects/${projectId}/runs?limit=200`)).body.items;

  /** A project ready for CI runs: goal, success criterion, a sprint holding today, a CI token. */
  async function ciProject(name: string) {
    const team = await api<{ id: string }>('POST', '/teams', { name: `${name} team` });
    expect(team.status).toBe(201);
    const project = await api<{ id: string }>('POST', '/projects', {
      teamId: team.body.id,
      name,
      scope: { users: [{ name: 'Maria Jensen', role: 'Maintenance planner' }] },
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    const projectId = project.body.id;
    const goal = await api('POST', `/projects/${projectId}/goals`, quantifiableGoal(TEST_NOW));
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    const criterion = await api(
      'PUT',
      `/projects/${projectId}/success-criterion`,
      HIT_RATE_CRITERION,
    );
    expect(criterion.status, JSON.stringify(criterion.body)).toBe(200);
    // A sprint holding today, so a run posted now lands on its point of the chart.
    const sprint = await api<{ id: string }>('POST', `/projects/${projectId}/sprints`, {
      startDate: day(-3),
      endDate: day(10),
    });
    expect(sprint.status, JSON.stringify(sprint.body)).toBe(201);
    const ci = await api<{ token: string }>('POST', `/projects/${projectId}/ci-tokens`, {
      name: 'GitHub Actions',
    });
    expect(ci.status, JSON.stringify(ci.body)).toBe(201);
    return { projectId, sprintId: sprint.body.id, ciToken: ci.body.token };
  }

  beforeAll(async () => {
    assertBuilt();
    workDir = mkdtempSync(join(tmpdir(), 'sextant-run-report-'));
    database = await createTestDatabase('sqlite');
    const dbEnv = { SEXTANT_DATA_DIR: database.dataDir };
    const started = await startServerWithToken(dbEnv, 'lead@example.test');
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
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('posts a CI run from a simulated GitHub Actions job, prints its URL, and the run is on the chart', async () => {
    const { projectId, sprintId, ciToken } = await ciProject('Predictive maintenance');
    const sha = '3f2a9c1d8e7b6a5f4c3d2e1f0a9b8c7d6e5f4a3b';
    const report = await runCli(
      ['run', 'report', '--metric', 'hit_rate_at_10=0.42', '--project', projectId],
      {
        ...CLEAN_CI,
        ...githubActionsEnv(sha, '7012345678'),
        SEXTANT_URL: server.url,
        SEXTANT_TOKEN: ciToken,
      },
    );
    expect(report.code, report.stderr).toBe(0);

    const [run] = (await runsOf(projectId)).filter((r) => r.commit === sha);
    expect(run).toMatchObject({
      provenance: 'ci',
      commit: sha,
      branch: 'main',
      metrics: { hit_rate_at_10: 0.42 },
      sprintId,
      ci: {
        provider: 'github-actions',
        jobId: '7012345678-1',
        jobUrl: 'https://github.com/acme/predictive-maintenance/actions/runs/7012345678',
      },
    });
    expect(report.stdout).toBe(`${server.url}/projects/${projectId}/runs/${run!.id}\n`);
    // stderr says how the run compares; the first CI run becomes the baseline itself.
    expect(report.stderr).toBe(
      'sextant: hit_rate_at_10 0.42 is the baseline (the project’s first CI run).\n',
    );

    const review = await api<SprintReview>('GET', `/sprints/${sprintId}/review`);
    expect(review.status).toBe(200);
    expect(review.body.points.find((p) => p.sprintId === sprintId)).toMatchObject({
      bestCiValue: 0.42,
      bestRunId: run!.id,
    });
  });

  it('reads a metrics file and flags, and prints the run as JSON with --json', async () => {
    const { projectId, ciToken } = await ciProject('Demand forecast');
    const file = join(workDir, 'metrics.json');
    writeFileSync(
      file,
      JSON.stringify({ metrics: { hit_rate_at_10: 0.3, mae: 1.5 }, params: { model: 'xgb' } }),
    );
    const report = await runCli(
      [
        'run',
        'report',
        '--metrics-file',
        file,
        '--metric',
        'mae=1.25',
        '--param',
        'lr=0.05',
        '--commit',
        'explicit-sha',
        '--branch',
        'tuning',
        '--dataset-version',
        'sensors-2024-06',
        '--json',
      ],
      {
        ...CLEAN_CI,
        ...githubActionsEnv('env-sha', '7012345679'),
        SEXTANT_PROJECT: projectId,
        SEXTANT_URL: server.url,
        SEXTANT_TOKEN: ciToken,
      },
    );
    expect(report.code, report.stderr).toBe(0);
    const printed = JSON.parse(report.stdout) as Run;
    expect(printed).toMatchObject({
      provenance: 'ci',
      commit: 'explicit-sha',
      branch: 'tuning',
      datasetVersion: 'sensors-2024-06',
      metrics: { hit_rate_at_10: 0.3, mae: 1.25 },
      params: { model: 'xgb', lr: 0.05 },
      comparison: { status: 'comparable' },
    });
    expect(report.stderr).toBe(
      'sextant: hit_rate_at_10 0.3 is the baseline (the project’s first CI run).\n',
    );
    expect((await runsOf(projectId)).map((r) => r.id)).toEqual([printed.id]);
  });

  it('records a run posted with a personal token as manual and says why on stderr', async () => {
    const { projectId, sprintId, ciToken } = await ciProject('Churn model');
    const report = await runCli(
      ['run', 'report', '--metric', 'hit_rate_at_10=0.9', '--project', projectId],
      {
        ...CLEAN_CI,
        ...githubActionsEnv('personal-sha', '7012345680'),
        SEXTANT_URL: server.url,
        SEXTANT_TOKEN: personalToken,
      },
    );
    expect(report.code, report.stderr).toBe(0);
    const [run] = (await runsOf(projectId)).filter((r) => r.commit === 'personal-sha');
    expect(run?.provenance).toBe('manual');
    expect(report.stdout).toBe(`${server.url}/projects/${projectId}/runs/${run!.id}\n`);
    expect(report.stderr).toBe(
      `sextant: note: recorded as a manual run because the token is not a CI token of project ${projectId}; manual runs never set baselines or count on the charts\n`,
    );

    // A CI token without CI metadata (outside a CI system, no SEXTANT_JOB_*) is manual too.
    const local = await runCli(
      ['run', 'report', '--metric', 'hit_rate_at_10=0.95', '--project', projectId],
      {
        ...CLEAN_CI,
        SEXTANT_COMMIT: 'local-sha',
        SEXTANT_URL: server.url,
        SEXTANT_TOKEN: ciToken,
      },
    );
    expect(local.code, local.stderr).toBe(0);
    expect(local.stderr).toBe(
      'sextant: note: recorded as a manual run because no CI metadata (missing provider (SEXTANT_CI_PROVIDER), job id (SEXTANT_JOB_ID), job URL (SEXTANT_JOB_URL)); manual runs never set baselines or count on the charts\n',
    );

    // Neither moved the chart.
    const review = await api<SprintReview>('GET', `/sprints/${sprintId}/review`);
    const point = review.body.points.find((p) => p.sprintId === sprintId);
    expect(point).toMatchObject({ bestCiValue: null, manualRuns: 2 });
  });

  it('exits 1 with one line for a bad metric, a missing commit or project, and an API refusal', async () => {
    const { projectId, ciToken } = await ciProject('Pricing');
    const env = {
      ...CLEAN_CI,
      ...githubActionsEnv('bad-sha', '7012345681'),
      SEXTANT_URL: server.url,
      SEXTANT_TOKEN: ciToken,
    };
    const bad = await runCli(['run', 'report', '--metric', 'x=abc', '--project', projectId], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('sextant: error: --metric x: "abc" is not a finite number\n');

    const noCommit = await runCli(['run', 'report', '--metric', 'x=1', '--project', projectId], {
      ...env,
      GITHUB_ACTIONS: '',
    });
    expect(noCommit.code).toBe(1);
    expect(noCommit.stderr).toMatch(/^sextant: error: no commit: pass --commit[^\n]*\n$/);

    const noProject = await runCli(['run', 'report', '--metric', 'x=1'], env);
    expect(noProject.code).toBe(1);
    expect(noProject.stderr).toBe(
      'sextant: error: no project: pass --project <id> or set SEXTANT_PROJECT\n',
    );

    const noMetric = await runCli(['run', 'report', '--project', projectId], env);
    expect(noMetric.code).toBe(1);
    expect(noMetric.stderr).toBe(
      'sextant: error: no metrics: pass --metric name=value (repeatable) or --metrics-file FILE\n',
    );

    const badFile = join(workDir, 'bad.json');
    writeFileSync(badFile, '{"auc": "high"}');
    const fileError = await runCli(
      ['run', 'report', '--metrics-file', badFile, '--project', projectId],
      env,
    );
    expect(fileError.code).toBe(1);
    expect(fileError.stderr).toBe(
      `sextant: error: ${badFile}: metric "auc" is "high", not a finite number\n`,
    );

    // 4xx answers are not retried: one request, one line.
    const unknown = await runCli(['run', 'report', '--metric', 'x=1', '--project', 'nope'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('sextant: error: 404 not_found: Project not found\n');

    const revokedToken = await runCli(
      ['run', 'report', '--metric', 'x=1', '--project', projectId],
      { ...env, SEXTANT_TOKEN: 'sxt_not_a_real_token' },
    );
    expect(revokedToken.code).toBe(1);
    expect(revokedToken.stderr).toMatch(/^sextant: error: 401 [^\n]+\n$/);

    expect(await runsOf(projectId)).toEqual([]);
  });

  it('exits 1 with one line after its retries when the server cannot be reached', async () => {
    const { projectId, ciToken } = await ciProject('Fraud');
    const report = await runCli(
      ['run', 'report', '--metric', 'hit_rate_at_10=0.5', '--project', projectId, '--retries', '2'],
      {
        ...CLEAN_CI,
        ...githubActionsEnv('unreachable-sha', '7012345682'),
        SEXTANT_URL: 'http://127.0.0.1:9',
        SEXTANT_TOKEN: ciToken,
      },
    );
    expect(report.code).toBe(1);
    expect(report.stdout).toBe('');
    const lines = report.stderr.trim().split('\n');
    // One note per retry, then the one-line reason.
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^sextant: cannot reach http:\/\/127\.0\.0\.1:9: .+; retry 1 of 2 in 0\.5 s$/,
    );
    expect(lines[1]).toMatch(/; retry 2 of 2 in 1\.0 s$/);
    expect(lines[2]).toMatch(
      /^sextant: error: cannot reach http:\/\/127\.0\.0\.1:9: .+ \(after 3 attempts\)$/,
    );
  });

  it('retries a lost answer with the same Idempotency-Key and the run is stored once', async () => {
    const { projectId, ciToken } = await ciProject('Routing');
    // A proxy that forwards every request but answers the first one with a 502, as a load
    // balancer does when the server's answer is lost: the run is stored, the CLI does not know.
    const proxy = await startLossyProxy(server.url);
    const { seen } = proxy;
    const proxyUrl = proxy.url;
    try {
      const sha = 'retried-sha';
      const report = await runCli(
        ['run', 'report', '--metric', 'hit_rate_at_10=0.44', '--project', projectId],
        {
          ...CLEAN_CI,
          ...githubActionsEnv(sha, '7012345683'),
          SEXTANT_URL: proxyUrl,
          SEXTANT_TOKEN: ciToken,
        },
      );
      expect(report.code, report.stderr).toBe(0);
      expect(report.stderr.split('\n')[0]).toBe('sextant: 502 Bad Gateway; retry 1 of 3 in 0.5 s');

      expect(seen).toHaveLength(2);
      expect(seen[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen[1]!.key).toBe(seen[0]!.key);
      expect(seen[1]!.body).toBe(seen[0]!.body);

      const stored = (await runsOf(projectId)).filter((r) => r.commit === sha);
      expect(stored).toHaveLength(1);
      expect(report.stdout).toBe(`${proxyUrl}/projects/${projectId}/runs/${stored[0]!.id}\n`);
    } finally {
      await proxy.close();
    }
  });
});
