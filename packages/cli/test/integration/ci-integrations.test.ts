import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Run } from '@sextant/core';
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
import { CLEAN_CI } from '../support/ci-job.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const GITHUB_BUNDLE = join(ROOT, 'integrations/github/dist/index.mjs');
const GITLAB_BUNDLE = join(ROOT, 'integrations/gitlab/dist/sextant-ci.mjs');
const MARKER = '<!-- sextant-run-comment -->';

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * GitHub's issue-comment endpoints and GitLab's merge-request-note endpoints, as their REST
 * docs describe them: lists are paginated (GitHub by a Link header, GitLab by X-Next-Page);
 * the first page holds someone else's comment so the marker has to be looked for on page 2.
 */
async function startForge() {
  const seen: Seen[] = [];
  const stored: { id: number; body: string }[] = [];
  let nextId = 1000;
  let forbidden = false;
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://forge');
      const body = text ? (JSON.parse(text) as unknown) : null;
      seen.push({
        method: request.method ?? '',
        path: url.pathname + url.search,
        headers: request.headers,
        body,
      });
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
        response
          .writeHead(status, { 'content-type': 'application/json', ...headers })
          .end(JSON.stringify(value));
      if (forbidden) return json(403, { message: 'Resource not accessible by integration' });
      const someoneElse = [{ id: 1, body: 'Looks good to me' }];
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      let m: RegExpExecArray | null;
      if (
        (m = /^\/repos\/acme\/predictive-maintenance\/issues\/(\d+)\/comments$/.exec(url.pathname))
      ) {
        if (m[1] !== '7') return json(404, { message: 'Not Found' });
        if (request.method === 'GET') {
          return url.searchParams.get('page') === '2'
            ? json(200, stored)
            : json(200, someoneElse, {
                link: `<${base}${url.pathname}?per_page=100&page=2>; rel="next", <${base}${url.pathname}?per_page=100&page=2>; rel="last"`,
              });
        }
        if (request.method === 'POST') {
          const comment = { id: nextId++, body: (body as { body: string }).body };
          stored.push(comment);
          return json(201, comment);
        }
      }
      if (
        (m = /^\/repos\/acme\/predictive-maintenance\/issues\/comments\/(\d+)$/.exec(url.pathname))
      ) {
        const comment = stored.find((c) => c.id === Number(m![1]));
        if (request.method === 'PATCH' && comment) {
          comment.body = (body as { body: string }).body;
          return json(200, comment);
        }
      }
      if (
        (m = /^\/api\/v4\/projects\/42\/merge_requests\/5\/notes(?:\/(\d+))?$/.exec(url.pathname))
      ) {
        if (request.method === 'GET' && !m[1]) {
          return url.searchParams.get('page') === '2'
            ? json(200, stored, { 'x-next-page': '' })
            : json(200, someoneElse, { 'x-next-page': '2' });
        }
        if (request.method === 'POST' && !m[1]) {
          const note = { id: nextId++, body: (body as { body: string }).body };
          stored.push(note);
          return json(201, note);
        }
        const note = stored.find((c) => c.id === Number(m![1]));
        if (request.method === 'PUT' && note) {
          note.body = (body as { body: string }).body;
          return json(200, note);
        }
      }
      return json(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stored,
    forbid: (value: boolean) => (forbidden = value),
    reset: () => {
      seen.length = 0;
      stored.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs a bundled integration script as its CI system would: `node <bundle>`, in `cwd`. */
function runJob(
  bundle: string,
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(GITHUB_|GITLAB_|CI_|INPUT_|RUNNER_|SEXTANT_)/.test(name) && name !== 'CI',
    ),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], {
      env: { ...inherited, ...CLEAN_CI, ...env },
      cwd,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the GitHub action and the GitLab template', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let api: ApiCall;
  let forge: Awaited<ReturnType<typeof startForge>>;
  let workDir: string;
  let projectId: string;
  let ciToken: string;

  beforeAll(async () => {
    assertBuilt();
    workDir = mkdtempSync(join(tmpdir(), 'sextant-ci-integrations-'));
    database = await createTestDatabase('sqlite');
    const started = await startServerWithToken(
      { SEXTANT_DATA_DIR: database.dataDir },
      'lead@example.test',
    );
    server = started.server;
    api = apiClient(server.url, started.token);
    forge = await startForge();
    const team = await api<{ id: string }>('POST', '/teams', { name: 'Maintenance team' });
    const project = await api<{ id: string }>('POST', '/projects', {
      teamId: team.body.id,
      name: 'Predictive maintenance',
      scope: { users: [{ name: 'Maria Jensen', role: 'Maintenance planner' }] },
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    projectId = project.body.id;
    expect(
      (await api('POST', `/projects/${projectId}/goals`, quantifiableGoal(TEST_NOW))).status,
    ).toBe(201);
    expect(
      (await api('PUT', `/projects/${projectId}/success-criterion`, HIT_RATE_CRITERION)).status,
    ).toBe(200);
    expect(
      (
        await api('POST', `/projects/${projectId}/sprints`, {
          startDate: testDay(-3),
          endDate: testDay(10),
        })
      ).status,
    ).toBe(201);
    const ci = await api<{ token: string }>('POST', `/projects/${projectId}/ci-tokens`, {
      name: 'CI',
    });
    expect(ci.status).toBe(201);
    ciToken = ci.body.token;
  });

  afterAll(async () => {
    if (server) {
      server.child.kill('SIGTERM');
      await waitForExit(server.child);
    }
    await forge?.close();
    await database?.drop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  const runsOf = async () =>
    (await api<Page<Run>>('GET', `/projects/${projectId}/runs?limit=200`)).body.items;

  /** A pull_request job on GitHub Actions, with the action's inputs as the runner sets them. */
  function githubJob(runId: string, inputs: Record<string, string>, project = projectId) {
    const eventPath = join(workDir, `event-${runId}.json`);
    writeFileSync(
      eventPath,
      JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7 } }),
    );
    const summary = join(workDir, `summary-${runId}.md`);
    writeFileSync(summary, '');
    return {
      summary,
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_SHA: `${runId}`.padEnd(40, 'a'),
        GITHUB_REF_NAME: '7/merge',
        GITHUB_HEAD_REF: 'better-features',
        GITHUB_RUN_ID: runId,
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/predictive-maintenance',
        GITHUB_API_URL: forge.url,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_TOKEN: 'ghs_from_env',
        INPUT_PROJECT: project,
        INPUT_URL: server.url,
        INPUT_TOKEN: ciToken,
        INPUT_COMMENT: 'true',
        'INPUT_GITHUB-TOKEN': 'ghs_test_token',
        ...inputs,
      },
    };
  }

  function expectGithubHeaders(s: Seen) {
    expect(s.headers.accept).toBe('application/vnd.github+json');
    expect(s.headers.authorization).toBe('Bearer ghs_test_token');
    expect(s.headers['x-github-api-version']).toBe('2022-11-28');
  }

  it('ships bundles equal to a fresh build of integrations/lib', async () => {
    const script = pathToFileURL(join(ROOT, 'scripts/build-integrations.mjs')).href;
    const { bundleText } = (await import(script)) as { bundleText: () => Promise<string> };
    const fresh = await bundleText();
    expect(readFileSync(GITHUB_BUNDLE, 'utf8'), 'run node scripts/build-integrations.mjs').toBe(
      fresh,
    );
    expect(readFileSync(GITLAB_BUNDLE, 'utf8'), 'run node scripts/build-integrations.mjs').toBe(
      fresh,
    );
  });

  it('GitHub: posts the CI run, writes the summary, creates one PR comment, then updates it', async () => {
    forge.reset();
    const metricsFile = join(workDir, 'metrics.json');
    writeFileSync(metricsFile, JSON.stringify({ hit_rate_at_10: 1.5, auc: 0.8 }));
    const first = githubJob('9001', { 'INPUT_METRICS-FILE': metricsFile });
    const one = await runJob(GITHUB_BUNDLE, first.env, workDir);
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(one.stdout).toContain('pull request comment created');

    const [run] = (await runsOf()).filter((r) => r.ci?.jobId === '9001-1');
    expect(run).toMatchObject({
      provenance: 'ci',
      branch: 'better-features',
      metrics: { hit_rate_at_10: 1.5, auc: 0.8 },
      ci: {
        provider: 'github-actions',
        jobUrl: 'https://github.com/acme/predictive-maintenance/actions/runs/9001',
      },
    });
    const summary = readFileSync(first.summary, 'utf8');
    expect(summary).toContain('### Sextant: `hit_rate_at_10`');
    expect(summary).toContain('| This run | 1.5 |  |');
    expect(summary).toContain(`[The run in Sextant](${run!.url})`);

    expect(forge.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /repos/acme/predictive-maintenance/issues/7/comments?per_page=100',
      'GET /repos/acme/predictive-maintenance/issues/7/comments?per_page=100&page=2',
      'POST /repos/acme/predictive-maintenance/issues/7/comments',
    ]);
    forge.seen.forEach(expectGithubHeaders);
    expect(forge.seen[2]!.headers['content-type']).toBe('application/json');
    expect(forge.seen[2]!.body).toEqual({ body: `${MARKER}\n${summary.trimEnd()}\n` });
    expect(forge.stored).toHaveLength(1);
    const commentId = forge.stored[0]!.id;

    forge.seen.length = 0;
    const second = githubJob('9002', { INPUT_METRICS: 'hit_rate_at_10=1.8\nauc=0.82' });
    const two = await runJob(GITHUB_BUNDLE, second.env, workDir);
    expect(two.code, two.stdout + two.stderr).toBe(0);
    expect(two.stdout).toContain('pull request comment updated');
    expect(forge.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /repos/acme/predictive-maintenance/issues/7/comments?per_page=100',
      'GET /repos/acme/predictive-maintenance/issues/7/comments?per_page=100&page=2',
      `PATCH /repos/acme/predictive-maintenance/issues/comments/${commentId}`,
    ]);
    forge.seen.forEach(expectGithubHeaders);
    expect(forge.stored).toHaveLength(1);
    expect(forge.stored[0]!.body).toContain('| This run | 1.8 |');
    expect(forge.stored[0]!.body).toContain('| Baseline | 1.5 | +0.3 |');
  });

  it('GitHub: a 403 from the API leaves the job green with one warning', async () => {
    forge.reset();
    forge.forbid(true);
    try {
      const job = githubJob('9003', { INPUT_METRICS: 'hit_rate_at_10=1.6' });
      const result = await runJob(GITHUB_BUNDLE, job.env, workDir);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      const warnings = result.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('403');
      expect(readFileSync(job.summary, 'utf8')).toContain('| This run | 1.6 |');
      expect((await runsOf()).some((r) => r.ci?.jobId === '9003-1')).toBe(true);
    } finally {
      forge.forbid(false);
    }
  });

  it('GitHub: posting to a project the token is not for fails the job with one error line', async () => {
    forge.reset();
    const job = githubJob('9004', { INPUT_METRICS: 'hit_rate_at_10=1.6' }, 'no-such-project');
    const result = await runJob(GITHUB_BUNDLE, job.env, workDir);
    expect(result.code).not.toBe(0);
    const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors, result.stdout + result.stderr).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::Sextant: the run was not recorded: 40[34]/);
    expect(forge.seen).toEqual([]);
    expect(readFileSync(job.summary, 'utf8')).toBe('');
  });

  it('GitLab: posts the run, writes the metrics report, creates one MR note, then updates it', async () => {
    forge.reset();
    const gitlabJob = (jobId: string, metrics: string, token: Record<string, string>) => ({
      GITLAB_CI: 'true',
      CI_COMMIT_SHA: jobId.padEnd(40, 'b'),
      CI_COMMIT_REF_NAME: 'better-features',
      CI_JOB_ID: jobId,
      CI_JOB_URL: `https://gitlab.example.test/acme/pm/-/jobs/${jobId}`,
      CI_API_V4_URL: `${forge.url}/api/v4`,
      CI_PROJECT_ID: '42',
      CI_MERGE_REQUEST_IID: '5',
      SEXTANT_URL: server.url,
      SEXTANT_TOKEN: ciToken,
      SEXTANT_PROJECT: projectId,
      SEXTANT_METRICS: metrics,
      ...token,
    });
    const one = await runJob(
      GITLAB_BUNDLE,
      gitlabJob('5001', 'hit_rate_at_10 1.9', { SEXTANT_GITLAB_TOKEN: 'glpat-test' }),
      workDir,
    );
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(readFileSync(join(workDir, 'metrics.txt'), 'utf8')).toBe('hit_rate_at_10 1.9\n');
    expect(forge.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /api/v4/projects/42/merge_requests/5/notes?per_page=100&page=1',
      'GET /api/v4/projects/42/merge_requests/5/notes?per_page=100&page=2',
      'POST /api/v4/projects/42/merge_requests/5/notes',
    ]);
    for (const s of forge.seen) {
      expect(s.headers['private-token']).toBe('glpat-test');
      expect(s.headers['job-token']).toBeUndefined();
    }
    expect(forge.seen[2]!.body).toMatchObject({ body: expect.stringContaining(MARKER) });
    const [run] = (await runsOf()).filter((r) => r.ci?.jobId === '5001');
    expect(run).toMatchObject({ provenance: 'ci', ci: { provider: 'gitlab-ci' } });
    expect(forge.stored[0]!.body).toContain(`[The run in Sextant](${run!.url})`);

    forge.seen.length = 0;
    const two = await runJob(
      GITLAB_BUNDLE,
      gitlabJob('5002', 'hit_rate_at_10 2.1', { CI_JOB_TOKEN: 'job-token-test' }),
      workDir,
    );
    expect(two.code, two.stdout + two.stderr).toBe(0);
    const noteId = forge.stored[0]!.id;
    expect(forge.seen.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /api/v4/projects/42/merge_requests/5/notes?per_page=100&page=1',
      'GET /api/v4/projects/42/merge_requests/5/notes?per_page=100&page=2',
      `PUT /api/v4/projects/42/merge_requests/5/notes/${noteId}`,
    ]);
    for (const s of forge.seen) expect(s.headers['job-token']).toBe('job-token-test');
    expect(forge.stored).toHaveLength(1);
    expect(forge.stored[0]!.body).toContain('| This run | 2.1 |');
  });

  it('the GitLab template publishes metrics.txt as the metrics report and runs the bundle', () => {
    const template = readFileSync(join(ROOT, 'integrations/gitlab/sextant.gitlab-ci.yml'), 'utf8');
    expect(template).toMatch(/reports:\n\s+metrics: metrics\.txt/);
    expect(template).toContain('node "$script"');
    expect(template).toContain('SEXTANT_CI_SCRIPT: integrations/gitlab/dist/sextant-ci.mjs');
  });
});
