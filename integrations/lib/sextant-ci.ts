/**
 * The CI integrations' one script (bundled by scripts/build-integrations.mjs into
 * integrations/github/dist/index.mjs and integrations/gitlab/dist/sextant-ci.mjs): posts the
 * job's run to Sextant, writes the comparison table where the CI system shows it (GitHub's
 * job summary; GitLab's `metrics` report), and keeps ONE comment on the pull request (one
 * note on the merge request) up to date, found by a hidden marker. Failing to comment warns
 * and leaves the job green; failing to post the run fails it with one error line.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { ciMetadataOf, detectCiEnvironment } from '../../packages/cli/src/ci-env.js';
import { postFromCi } from '../../packages/cli/src/ci-post.js';
import {
  RUN_COMMENT_MARKER,
  runComparisonMarkdown,
  type RunForMarkdown,
} from '../../packages/core/src/domain/run-markdown.js';

type Env = NodeJS.ProcessEnv;
type Platform = 'github' | 'gitlab';

const platformOf = (env: Env): Platform => (env.GITLAB_CI === 'true' ? 'gitlab' : 'github');

/** An action input (INPUT_<NAME>, as the runner sets it) or SEXTANT_<NAME> (GitLab variables). */
function input(env: Env, name: string): string {
  const upper = name.toUpperCase();
  const value = env[`INPUT_${upper}`] ?? env[`SEXTANT_${upper.replace(/-/g, '_')}`] ?? '';
  return value.trim();
}

class JobError extends Error {}

/** `name=value` or `name value` pairs, one a line or comma-separated; or a JSON object. */
export function parseMetrics(text: string, source: string): Record<string, number> {
  const trimmed = text.trim();
  let pairs: [string, unknown][];
  if (trimmed.startsWith('{')) {
    try {
      pairs = Object.entries(JSON.parse(trimmed) as Record<string, unknown>);
    } catch {
      throw new JobError(`${source} is not valid JSON`);
    }
  } else {
    pairs = trimmed
      .split(/[\n,]/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => {
        const m = /^([^\s=]+)\s*[=\s]\s*(\S+)$/.exec(l);
        if (!m) throw new JobError(`${source}: "${l}" is not "name=value"`);
        return [m[1]!, Number(m[2])];
      });
  }
  const metrics: Record<string, number> = {};
  for (const [name, value] of pairs) {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new JobError(`${source}: ${name} is not a finite number`);
    metrics[name] = value;
  }
  if (!Object.keys(metrics).length) throw new JobError(`${source} holds no metric`);
  return metrics;
}

function metricsOf(env: Env): Record<string, number> {
  const file = input(env, 'metrics-file');
  const inline = input(env, 'metrics');
  if (file && inline) throw new JobError('give metrics-file or metrics, not both');
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new JobError(`cannot read metrics-file ${file}`);
    }
    return parseMetrics(text, file);
  }
  if (inline) return parseMetrics(inline, 'metrics');
  throw new JobError('no metrics: give metrics-file or metrics');
}

// ── Comments ────────────────────────────────────────────────────────────────────────────

interface Thread {
  /** Lists one page of comments/notes; `next` is the next page's URL, if any. */
  list: (
    url: string | null,
  ) => Promise<{ items: { id: number; body: string }[]; next: string | null }>;
  create: (body: string) => Promise<void>;
  update: (id: number, body: string) => Promise<void>;
}

async function call(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) {
    const text = (await response.text()).replace(/\s+/g, ' ').slice(0, 200);
    throw new Error(
      `${init.method ?? 'GET'} ${new URL(url).pathname} answered ${response.status}${text ? `: ${text}` : ''}`,
    );
  }
  return response;
}

/** The rel="next" URL of a Link header (GitHub's pagination). */
function nextLink(link: string | null): string | null {
  const m = link ? /<([^>]+)>\s*;\s*rel="next"/.exec(link) : null;
  return m ? m[1]! : null;
}

function githubThread(env: Env): Thread | null {
  if (env.GITHUB_EVENT_NAME !== 'pull_request' && env.GITHUB_EVENT_NAME !== 'pull_request_target')
    return null;
  let number: unknown;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as {
      pull_request?: { number?: unknown };
      number?: unknown;
    };
    number = event.pull_request?.number ?? event.number;
  } catch {
    throw new Error('cannot read the pull request number from GITHUB_EVENT_PATH');
  }
  if (typeof number !== 'number') throw new Error('GITHUB_EVENT_PATH names no pull request');
  const token = input(env, 'github-token') || env.GITHUB_TOKEN;
  if (!token) throw new Error('no GitHub token (github-token input or GITHUB_TOKEN)');
  const api = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY ?? '';
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${token}`,
    'x-github-api-version': '2022-11-28',
    'content-type': 'application/json',
  };
  return {
    async list(url) {
      const response = await call(
        url ?? `${api}/repos/${repo}/issues/${number}/comments?per_page=100`,
        { method: 'GET', headers },
      );
      return {
        items: (await response.json()) as { id: number; body: string }[],
        next: nextLink(response.headers.get('link')),
      };
    },
    async create(body) {
      await call(`${api}/repos/${repo}/issues/${number}/comments`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ body }),
      });
    },
    async update(id, body) {
      await call(`${api}/repos/${repo}/issues/comments/${id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ body }),
      });
    },
  };
}

function gitlabThread(env: Env): Thread | null {
  const iid = env.CI_MERGE_REQUEST_IID;
  if (!iid) return null;
  const api = (env.CI_API_V4_URL ?? '').replace(/\/+$/, '');
  const project = encodeURIComponent(env.CI_PROJECT_ID ?? '');
  const access = input(env, 'gitlab-token');
  const auth: Record<string, string> = access
    ? { 'private-token': access }
    : env.CI_JOB_TOKEN
      ? { 'job-token': env.CI_JOB_TOKEN }
      : {};
  if (!Object.keys(auth).length)
    throw new Error('no GitLab token (SEXTANT_GITLAB_TOKEN or CI_JOB_TOKEN)');
  const headers = { ...auth, 'content-type': 'application/json' };
  const notes = `${api}/projects/${project}/merge_requests/${iid}/notes`;
  return {
    async list(url) {
      const first = `${notes}?per_page=100&page=1`;
      const response = await call(url ?? first, { method: 'GET', headers });
      const nextPage = response.headers.get('x-next-page');
      return {
        items: (await response.json()) as { id: number; body: string }[],
        next: nextPage ? `${notes}?per_page=100&page=${nextPage}` : null,
      };
    },
    async create(body) {
      await call(notes, { method: 'POST', headers, body: JSON.stringify({ body }) });
    },
    async update(id, body) {
      await call(`${notes}/${id}`, { method: 'PUT', headers, body: JSON.stringify({ body }) });
    },
  };
}

/** Creates the one comment, or updates the one carrying the marker. */
async function upsert(thread: Thread, body: string): Promise<'created' | 'updated'> {
  let url: string | null = null;
  do {
    const page = await thread.list(url);
    const mine = page.items.find(
      (c) => typeof c.body === 'string' && c.body.includes(RUN_COMMENT_MARKER),
    );
    if (mine) {
      await thread.update(mine.id, body);
      return 'updated';
    }
    url = page.next;
  } while (url);
  await thread.create(body);
  return 'created';
}

// ── The job ─────────────────────────────────────────────────────────────────────────────

function say(platform: Platform, level: 'error' | 'warning', message: string): void {
  const line = message.replace(/\s+/g, ' ');
  if (platform === 'github') process.stdout.write(`::${level}::${line}\n`);
  else process.stderr.write(`sextant: ${level}: ${line}\n`);
}

export async function main(env: Env = process.env): Promise<number> {
  const platform = platformOf(env);
  let run: RunForMarkdown & { id: string };
  try {
    const project = input(env, 'project');
    const url = input(env, 'url').replace(/\/+$/, '');
    const token = input(env, 'token');
    if (!project) throw new JobError('no project: give the project input (its id in Sextant)');
    if (!/^https?:\/\//.test(url))
      throw new JobError('url must be the Sextant server, http(s)://…');
    if (!token) throw new JobError('no token: give the project’s CI token');
    const metrics = metricsOf(env);
    const detected = detectCiEnvironment({
      ...env,
      ...(platform === 'github' ? { GITHUB_ACTIONS: 'true' } : {}),
    });
    const ci = ciMetadataOf(detected);
    if ('missing' in ci) throw new JobError(`no CI metadata: ${ci.missing.join(', ')}`);
    if (!detected.commit) throw new JobError('no commit (GITHUB_SHA / CI_COMMIT_SHA)');
    run = await postFromCi(
      { url, token },
      `/projects/${encodeURIComponent(project)}/runs`,
      {
        metrics,
        commit: detected.commit,
        ...(detected.branch ? { branch: detected.branch } : {}),
        ci,
      },
      2,
    );
  } catch (error) {
    say(
      platform,
      'error',
      `Sextant: the run was not recorded: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
  const table = runComparisonMarkdown(run);
  process.stdout.write(`Sextant: run recorded, ${run.url}\n`);
  if (platform === 'github' && env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(env.GITHUB_STEP_SUMMARY, `${table}\n`);
    } catch (error) {
      say(platform, 'warning', `Sextant: cannot write the job summary: ${String(error)}`);
    }
  }
  if (platform === 'gitlab') {
    // GitLab's metrics report: `name value` lines (artifacts:reports:metrics).
    const file = input(env, 'metrics-report') || 'metrics.txt';
    writeFileSync(
      file,
      Object.entries(run.metrics)
        .map(([n, v]) => `${n} ${v}\n`)
        .join(''),
    );
  }
  if (input(env, 'comment') !== 'false') {
    try {
      const thread = platform === 'github' ? githubThread(env) : gitlabThread(env);
      if (thread) {
        const done = await upsert(thread, `${RUN_COMMENT_MARKER}\n${table}`);
        process.stdout.write(
          `Sextant: ${platform === 'github' ? 'pull request comment' : 'merge request note'} ${done}\n`,
        );
      }
    } catch (error) {
      say(
        platform,
        'warning',
        `Sextant: could not comment (the run is recorded): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return 0;
}

process.exitCode = await main();
