import type { Store } from '@sextant/db';
import type { Clock } from '../clock.js';
import type { JobLog, Schedule } from './types.js';

/** The job a schedule enqueues carries the instant it fired for. */
export interface ScheduledPayload {
  scheduledAt: string;
}

/**
 * Checks each schedule once: records its next instant on first sight and, when the recorded
 * instant is due, fires it by compare-and-set, enqueueing its job in the same transaction
 * (keyed by schedule and instant). Only one server's update matches the `next_at` it read,
 * so only one enqueues; `next_at` moves to the first instant after now, so a server that
 * was down over several instants fires once, late.
 */
export async function tickSchedules(
  store: Store,
  clock: Clock,
  schedules: readonly Schedule[],
  workerId: string,
  log: JobLog,
): Promise<void> {
  for (const schedule of schedules) {
    try {
      const now = clock.now();
      const nowIso = now.toISOString();
      const following = schedule.next(now).toISOString();
      await store.repos.schedules.ensure(schedule.name, following, nowIso);
      const row = await store.repos.schedules.find(schedule.name);
      if (!row || row.nextAt > nowIso) continue;
      const dueAt = row.nextAt;
      await store.transaction(async (repos) => {
        if (!(await repos.schedules.fire(schedule.name, dueAt, following, nowIso, workerId))) {
          return;
        }
        const payload: ScheduledPayload = { scheduledAt: dueAt };
        await repos.jobs.enqueue(schedule.task, payload, {
          now: nowIso,
          key: `${schedule.name}:${dueAt}`,
        });
      });
    } catch (error) {
      log.warn(`schedule ${schedule.name}: the check failed (tried again at the next tick)`, error);
    }
  }
}
