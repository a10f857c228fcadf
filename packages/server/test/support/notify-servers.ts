import { sql } from 'kysely';
import { bindRepositories, type Connection } from '@sextant/db';
import {
  apiClient,
  runCli,
  startServerProcess,
  waitForExit,
  type ApiCall,
  type ServerProcess,
} from '../../../cli/test/support/server-process.js';
import { TEST_NOW } from './test-now.js';

export { apiClient, startServerProcess, waitForExit, type ApiCall, type ServerProcess };

/** The account and token the notification process tests act as (made with the CLI). */
export async function createAdminToken(env: NodeJS.ProcessEnv, email: string): Promise<string> {
  const migrated = await runCli(['migrate'], env);
  if (migrated.code !== 0) throw new Error(`migrate: ${migrated.stderr}`);
  const created = await runCli(
    ['user', 'create', '--email', email, '--admin', '--password-stdin'],
    env,
    'a password for the notification tests\n',
  );
  if (created.code !== 0) throw new Error(`user create: ${created.stderr}`);
  const token = await runCli(['token', 'create', '--user', email, '--name', 'tests'], env);
  if (token.code !== 0) throw new Error(`token create: ${token.stderr}`);
  return token.stdout.trim();
}

/** A team and a project made through the API; returns the project's id. */
export async function createProject(api: ApiCall, name: string): Promise<string> {
  const team = await api<{ id: string }>('POST', '/teams', { name: `${name} team` });
  if (team.status !== 201) throw new Error(`team: ${team.status} ${JSON.stringify(team.body)}`);
  const project = await api<{ id: string }>('POST', '/projects', { teamId: team.body.id, name });
  if (project.status !== 201) {
    throw new Error(`project: ${project.status} ${JSON.stringify(project.body)}`);
  }
  return project.body.id;
}

/**
 * An endpoint of the project, or of the workspace for null (as the endpoints API stores one):
 * by default a webhook for every event.
 */
export async function addWebhook(
  connection: Connection,
  projectId: string | null,
  url: string,
  options: { kind?: 'webhook' | 'slack'; events?: string[] } = {},
): Promise<string> {
  const endpoint = await bindRepositories(connection.db).notificationEndpoints.insert({
    projectId,
    kind: options.kind ?? 'webhook',
    name: options.kind === 'slack' ? 'Test Slack' : 'Test receiver',
    url,
    events: options.events ?? [],
    secret: 'whsec_test-receiver-secret',
    createdBy: null,
    now: TEST_NOW.toISOString(),
  });
  return endpoint.id;
}

/** One event through the API: a failed production deployment (`deployment.failed`). */
export async function failDeployment(api: ApiCall, projectId: string, n: number): Promise<void> {
  const answer = await api('POST', `/projects/${projectId}/deployments`, {
    version: `1.0.${n}`,
    environment: 'production',
    status: 'failed',
    finishedAt: new Date(TEST_NOW.getTime() - 3_600_000 + n * 1000).toISOString(),
  });
  if (answer.status !== 201) {
    throw new Error(`deployment ${n}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** Runs `work(i)` for i in [0, count) with at most `parallel` at once. */
export async function inParallel(
  count: number,
  parallel: number,
  work: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        await work(i);
      }
    }),
  );
}

/** Fan-out and delivery jobs still queued (due, delayed or running), on either database. */
export async function pendingNotifyJobs(connection: Connection): Promise<number> {
  if (connection.kind === 'postgres') {
    const result = await sql<{ n: number }>`select count(*)::int as n from graphile_worker.jobs
      where task_identifier in ('notify.fanout', 'notify.deliver')`.execute(connection.db);
    return result.rows[0]?.n ?? 0;
  }
  const result = await sql<{ n: number }>`select count(*) as n from job_queue
    where task in ('notify.fanout', 'notify.deliver')`.execute(connection.db);
  return Number(result.rows[0]?.n ?? 0);
}

/** Deliveries per status. */
export async function deliveriesByStatus(connection: Connection): Promise<Record<string, number>> {
  const result = await sql<{ status: string; n: number }>`select status, count(*) as n
    from notification_deliveries group by status`.execute(connection.db);
  return Object.fromEntries(result.rows.map((row) => [row.status, Number(row.n)]));
}

/** Stops a server process the usual way (SIGTERM) and waits for it. */
export async function stopServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  await waitForExit(server.child);
}
