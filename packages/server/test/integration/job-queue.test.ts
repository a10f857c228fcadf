import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JOB_MAX_ATTEMPTS } from '@sextant/db';
import { nextWeekly } from '@sextant/core';
import {
  JOB_QUEUE_APPLICATION_NAME,
  retryDelayMs,
  startJobRunner,
  type JobHandler,
  type JobRunner,
  type Schedule,
} from '@sextant/server';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { eventually } from '../support/eventually.js';

interface Ran {
  task: string;
  payload: unknown;
  attempt: number;
  by: string;
}

/** Handlers that record every run; `test.flaky` throws on its first attempt, `test.broken` always. */
function recordingHandlers(ran: Ran[], by: string): Record<string, JobHandler> {
  const record =
    (task: string, fail: (attempt: number) => boolean): JobHandler =>
    async (payload, job) => {
      ran.push({ task, payload, attempt: job.attempt, by });
      if (fail(job.attempt)) throw new Error(`${task} failed on attempt ${job.attempt}`);
    };
  return {
    'test.count': record('test.count', () => false),
    'test.flaky': record('test.flaky', (attempt) => attempt === 1),
    'test.broken': record('test.broken', () => true),
    'test.weekly': record('test.weekly', () => false),
  };
}

/** The runner's reports (a killed connection, a job given up) are expected here. */
const quiet = { warn: () => undefined };

const runsOf = (ran: Ran[], task: string): Ran[] => ran.filter((r) => r.task === task);

function startRunner(
  env: TestEnv,
  ran: Ran[],
  workerId: string,
  schedules: Schedule[] = [],
): JobRunner {
  return startJobRunner({
    connection: env.connection,
    store: env.store,
    clock: env.clock,
    handlers: recordingHandlers(ran, workerId),
    schedules,
    workerId,
    pollMs: env.kind === 'sqlite' ? 20 : 200,
    // Only the start tick and the tests' own ticks: the instants are the test's to choose.
    scheduleTickMs: 3_600_000,
    log: quiet,
    // Two runners share the SQLite file here: neither may release the other's locks.
    releaseLocksAtStart: false,
  });
}

describeEachDatabase('job queue', (env) => {
  const ran: Ran[] = [];
  let runner: JobRunner;

  beforeAll(() => {
    runner = startRunner(env(), ran, 'solo');
  });
  afterAll(async () => {
    await runner.stop();
  });

  const now = (): string => env().clock.now().toISOString();

  it('never runs a job enqueued in a transaction that rolled back, and runs a committed one once', async () => {
    const { store } = env();
    await expect(
      store.transaction(async (repos) => {
        await repos.jobs.enqueue('test.count', { which: 'rolled back' }, { now: now() });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    await store.transaction(async (repos) => {
      await repos.jobs.enqueue('test.count', { which: 'committed' }, { now: now() });
    });

    await eventually('the committed job ran', () => runsOf(ran, 'test.count').length > 0);
    await runner.drain();
    expect(runsOf(ran, 'test.count').map((r) => r.payload)).toEqual([{ which: 'committed' }]);
    expect(runsOf(ran, 'test.count')[0]?.attempt).toBe(1);
    expect(await store.repos.jobs.list()).toEqual([]);
  });

  it('retries a handler that throws, with the attempt number', async () => {
    const { store, clock, kind } = env();
    await store.repos.jobs.enqueue('test.flaky', { n: 1 }, { now: now() });
    await eventually('the first attempt ran', () => runsOf(ran, 'test.flaky').length >= 1);
    if (kind === 'sqlite') {
      // The SQLite runner keeps the failed row with its error until its backoff has passed.
      await runner.drain();
      const [row] = await store.repos.jobs.list();
      expect(row).toMatchObject({ task: 'test.flaky', attempts: 1, locked: false });
      expect(row?.lastError).toContain('test.flaky failed on attempt 1');
      expect(runsOf(ran, 'test.flaky')).toHaveLength(1);
      clock.advance(retryDelayMs(1));
    }
    // PostgreSQL: graphile-worker's own backoff (e^1 s) on the database's clock.
    await eventually('the retry ran', () => runsOf(ran, 'test.flaky').length >= 2);
    await runner.drain();
    expect(runsOf(ran, 'test.flaky').map((r) => r.attempt)).toEqual([1, 2]);
    expect(await store.repos.jobs.list()).toEqual([]);
  });

  it('replaces a waiting job enqueued again with the same key', async () => {
    const { store } = env();
    await store.transaction(async (repos) => {
      await repos.jobs.enqueue('test.count', { version: 1 }, { now: now(), key: 'digest:k' });
      await repos.jobs.enqueue('test.count', { version: 2 }, { now: now(), key: 'digest:k' });
      await repos.jobs.enqueue(
        'test.count',
        { version: 'other key' },
        { now: now(), key: 'digest:j' },
      );
    });
    await eventually('both keys ran', () => runsOf(ran, 'test.count').length >= 3);
    await runner.drain();
    expect(
      runsOf(ran, 'test.count')
        .slice(1)
        .map((r) => r.payload),
    ).toEqual(expect.arrayContaining([{ version: 2 }, { version: 'other key' }]));
    expect(runsOf(ran, 'test.count')).toHaveLength(3);
  });

  it('wakes the runner after a commit that enqueued a job, not after every commit', async () => {
    const { store } = env();
    let wakes = 0;
    const unsubscribe = store.onCommit(() => (wakes += 1));
    try {
      await store.transaction((repos) => repos.users.count());
      expect(wakes).toBe(0);
      await store.transaction((repos) =>
        repos.jobs.enqueue('test.count', { woke: true }, { now: now() }),
      );
      expect(wakes).toBe(1);
      await expect(
        store.transaction(async (repos) => {
          await repos.jobs.enqueue('test.count', { rolledBack: true }, { now: now() });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(wakes).toBe(1);
    } finally {
      unsubscribe();
    }
    await eventually('the enqueued job ran', () =>
      ran.some((r) => JSON.stringify(r.payload) === '{"woke":true}'),
    );
  });

  it('runs due jobs of a lower priority number first', async () => {
    const { store, connection, clock } = env();
    // Queued before any runner handles the task, so all three are due when one starts.
    await store.transaction(async (repos) => {
      for (const [n, priority] of [
        [1, 0],
        [2, 0],
        [3, -1],
      ] as const) {
        await repos.jobs.enqueue('test.ordered', { n }, { now: now(), priority });
      }
    });
    const order: unknown[] = [];
    const ordered = startJobRunner({
      connection,
      store,
      clock,
      handlers: {
        'test.ordered': (payload) => {
          order.push(payload);
          return Promise.resolve();
        },
      },
      schedules: [],
      workerId: 'ordered',
      pollMs: 20,
      scheduleTickMs: 3_600_000,
      concurrency: 1,
      log: quiet,
      releaseLocksAtStart: false,
    });
    try {
      await eventually('all three ran', () => order.length === 3);
    } finally {
      await ordered.stop();
    }
    expect(order).toEqual([{ n: 3 }, { n: 1 }, { n: 2 }]);
  });

  it('delays a job enqueued with delayMs', async () => {
    const { store, clock, kind } = env();
    if (kind !== 'sqlite') return; // PostgreSQL delays on its own clock; the pipeline's tests cover it.
    const before = runsOf(ran, 'test.count').length;
    await store.repos.jobs.enqueue(
      'test.count',
      { delayed: true },
      { now: now(), delayMs: 60_000 },
    );
    await runner.drain();
    expect(runsOf(ran, 'test.count')).toHaveLength(before);
    clock.advance(60_000);
    await eventually('the delayed job ran', () => runsOf(ran, 'test.count').length > before);
    await runner.drain();
    expect(runsOf(ran, 'test.count').at(-1)?.payload).toEqual({ delayed: true });
  });

  it('gives a job up after its last attempt and keeps its error', async () => {
    const { store, clock, kind } = env();
    // PostgreSQL's 25 attempts take graphile's real backoff (hours); SQLite runs on the test clock.
    if (kind !== 'sqlite') return;
    await store.repos.jobs.enqueue('test.broken', {}, { now: now() });
    for (let attempt = 1; attempt <= JOB_MAX_ATTEMPTS; attempt += 1) {
      await eventually(
        `attempt ${attempt} ran`,
        () => runsOf(ran, 'test.broken').length >= attempt,
      );
      await runner.drain();
      clock.advance(retryDelayMs(attempt));
    }
    clock.advance(3_600_000);
    await runner.drain();
    expect(runsOf(ran, 'test.broken')).toHaveLength(JOB_MAX_ATTEMPTS);
    const [row] = await store.repos.jobs.list();
    expect(row).toMatchObject({ task: 'test.broken', attempts: JOB_MAX_ATTEMPTS, locked: false });
    expect(row?.lastError).toContain(`failed on attempt ${JOB_MAX_ATTEMPTS}`);
    await sql`delete from job_queue`.execute(env().connection.db);
  });

  it('runs a job a killed server left locked, once another server starts', async () => {
    const { store, kind, connection } = env();
    await store.transaction(async (repos) => {
      await repos.jobs.enqueue('test.count', { left: 'locked' }, { now: now(), key: 'stale' });
      // As a server killed mid-job leaves it: locked by a worker that no longer runs.
      if (kind === 'postgres') {
        await sql`update graphile_worker._private_jobs
          set locked_at = now() - interval '10 minutes', locked_by = 'killed'
          where key = 'stale'`.execute(connection.db);
      }
    });
    if (kind === 'sqlite') {
      await sql`update job_queue set locked_by = 'killed', locked_until = '9999-01-01T00:00:00.000Z'
        where job_key = 'stale'`.execute(connection.db);
    }
    const before = runsOf(ran, 'test.count').length;
    const restarted = startJobRunner({
      connection,
      store,
      clock: env().clock,
      handlers: recordingHandlers(ran, 'restarted'),
      workerId: 'restarted',
      pollMs: 20,
      log: quiet,
    });
    try {
      await eventually('the left job ran', () => runsOf(ran, 'test.count').length > before);
      await restarted.drain();
      await runner.drain();
    } finally {
      await restarted.stop();
    }
    expect(
      runsOf(ran, 'test.count')
        .slice(before)
        .map((r) => r.payload),
    ).toEqual([{ left: 'locked' }]);
  });

  it('keeps running jobs after its database connections are killed', async () => {
    const { store, kind, connection } = env();
    if (kind !== 'postgres') return;
    await eventually('the job pool is connected', async () => {
      const result = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = ${JOB_QUEUE_APPLICATION_NAME}`.execute(
        connection.db,
      );
      return (result.rows[0]?.n ?? 0) > 0;
    });
    const killed = await sql<{
      pid: number;
    }>`select pg_terminate_backend(pid) as pid from pg_stat_activity
      where datname = current_database() and application_name = ${JOB_QUEUE_APPLICATION_NAME}`.execute(
      connection.db,
    );
    expect(killed.rows.length).toBeGreaterThan(0);
    const before = runsOf(ran, 'test.count').length;
    await store.repos.jobs.enqueue('test.count', { after: 'kill' }, { now: now() });
    await eventually(
      'a job enqueued after the kill ran',
      () => runsOf(ran, 'test.count').length > before,
      30_000,
    );
    await runner.drain();
    expect(runsOf(ran, 'test.count').at(-1)?.payload).toEqual({ after: 'kill' });
    // graphile listens again: its LISTEN connection is back.
    await eventually(
      'the job pool reconnected',
      async () => {
        const result = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = ${JOB_QUEUE_APPLICATION_NAME}
          and query ilike 'listen%'`.execute(connection.db);
        return (result.rows[0]?.n ?? 0) > 0;
      },
      30_000,
    );
  });
});

describeEachDatabase('schedules across servers', (env) => {
  const ran: Ran[] = [];
  const weekly: Schedule = {
    name: 'test-weekly',
    task: 'test.weekly',
    next: (after) => nextWeekly(after, 'Europe/Berlin'),
  };
  let first: JobRunner;
  let second: JobRunner;

  beforeAll(async () => {
    first = startRunner(env(), ran, 'server-a', [weekly]);
    second = startRunner(env(), ran, 'server-b', [weekly]);
    // Their ticks at start have recorded the schedule (once).
    await Promise.all([first.tickSchedules(), second.tickSchedules()]);
  });
  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
  });

  const schedule = () => env().store.repos.schedules.find('test-weekly');

  it('records the next instant at first sight without firing', async () => {
    const expected = nextWeekly(env().clock.now(), 'Europe/Berlin').toISOString();
    expect(await schedule()).toEqual({
      name: 'test-weekly',
      nextAt: expected,
      lastFiredAt: null,
      lastFiredBy: null,
    });
    await Promise.all([first.drain(), second.drain()]);
    expect(runsOf(ran, 'test.weekly')).toEqual([]);
  });

  it('fires once when two servers tick at the same instant', async () => {
    const { clock } = env();
    const due = (await schedule())!.nextAt;
    clock.set(new Date(due));
    await Promise.all([first.tickSchedules(), second.tickSchedules(), first.tickSchedules()]);
    await eventually('the weekly job ran', () => runsOf(ran, 'test.weekly').length > 0);
    await Promise.all([first.drain(), second.drain()]);

    expect(runsOf(ran, 'test.weekly').map((r) => r.payload)).toEqual([{ scheduledAt: due }]);
    const row = await schedule();
    expect(row?.lastFiredAt).toBe(due);
    expect(['server-a', 'server-b']).toContain(row?.lastFiredBy);
    expect(row?.nextAt).toBe(nextWeekly(new Date(due), 'Europe/Berlin').toISOString());
  });

  it('fires a missed instant once, late, and moves on to the next future instant', async () => {
    const { clock } = env();
    const missed = (await schedule())!.nextAt;
    // Nobody ticked for three weeks and an hour: three instants went by.
    const later = new Date(new Date(missed).getTime() + 3 * 7 * 86_400_000 + 3_600_000);
    clock.set(later);
    await Promise.all([second.tickSchedules(), first.tickSchedules()]);
    await eventually('the late weekly job ran', () => runsOf(ran, 'test.weekly').length > 1);
    await Promise.all([first.drain(), second.drain()]);
    await Promise.all([first.tickSchedules(), second.tickSchedules()]);
    await Promise.all([first.drain(), second.drain()]);

    expect(runsOf(ran, 'test.weekly').map((r) => r.payload)).toEqual([
      { scheduledAt: expect.any(String) },
      { scheduledAt: missed },
    ]);
    const row = await schedule();
    expect(row?.lastFiredAt).toBe(later.toISOString());
    expect(row?.nextAt).toBe(nextWeekly(later, 'Europe/Berlin').toISOString());
    expect(new Date(row!.nextAt).getTime()).toBeGreaterThan(later.getTime());
  });
});
