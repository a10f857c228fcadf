import type { Executor } from './executor.js';

export interface ScheduleRecord {
  name: string;
  /** The instant (ISO) the schedule fires next. */
  nextAt: string;
  lastFiredAt: string | null;
  lastFiredBy: string | null;
}

/**
 * Recurring jobs (weekly digest, daily digest), one row per schedule. Any number of servers
 * tick over them; each instant fires once because firing is a compare-and-set on `next_at`.
 */
export class ScheduleRepository {
  constructor(private readonly db: Executor) {}

  /** First sight of a schedule: its next instant, unless a server recorded it already. */
  async ensure(name: string, nextAt: string, now: string): Promise<void> {
    await this.db
      .insertInto('schedules')
      .values({
        name,
        next_at: nextAt,
        last_fired_at: null,
        last_fired_by: null,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }

  async find(name: string): Promise<ScheduleRecord | null> {
    const row = await this.db
      .selectFrom('schedules')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return row
      ? {
          name: row.name,
          nextAt: row.next_at,
          lastFiredAt: row.last_fired_at,
          lastFiredBy: row.last_fired_by,
        }
      : null;
  }

  async list(): Promise<ScheduleRecord[]> {
    const rows = await this.db.selectFrom('schedules').selectAll().orderBy('name').execute();
    return rows.map((row) => ({
      name: row.name,
      nextAt: row.next_at,
      lastFiredAt: row.last_fired_at,
      lastFiredBy: row.last_fired_by,
    }));
  }

  /**
   * Fires the instant `dueAt` (the `next_at` read) if it is still the row's and due: moves
   * `next_at` on to `nextAt` and says who fired. True for exactly one caller per instant;
   * every other (another server, a second tick) changes nothing and gets false.
   */
  async fire(
    name: string,
    dueAt: string,
    nextAt: string,
    now: string,
    workerId: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('schedules')
      .set({ next_at: nextAt, last_fired_at: now, last_fired_by: workerId, updated_at: now })
      .where('name', '=', name)
      .where('next_at', '=', dueAt)
      .where('next_at', '<=', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
