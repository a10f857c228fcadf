import type { Executor } from './executor.js';
import type { DeliveryWarningsTable } from '../schema.js';
import { newId } from '../ids.js';

export interface StoredWarning {
  id: string;
  projectId: string;
  rule: string;
  subjectKey: string;
  message: string;
  details: Record<string, unknown>;
  firstSeenAt: string;
  lastSeenAt: string;
  clearedAt: string | null;
}

export const toStoredWarning = (r: DeliveryWarningsTable): StoredWarning => ({
  id: r.id,
  projectId: r.project_id,
  rule: r.rule,
  subjectKey: r.subject_key,
  message: r.message,
  details: JSON.parse(r.details_json) as Record<string, unknown>,
  firstSeenAt: r.first_seen_at,
  lastSeenAt: r.last_seen_at,
  clearedAt: r.cleared_at,
});

/**
 * Alerts (the delivery warnings and every other rule of core's alert engine) as they were
 * raised: open ones hold now, cleared ones are history. The table kept its first name.
 */
export class DeliveryWarningRepository {
  constructor(private readonly db: Executor) {}

  /** The project's open alerts, oldest first. */
  async listOpen(projectId: string): Promise<StoredWarning[]> {
    const rows = await this.db
      .selectFrom('delivery_warnings')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('cleared_at', 'is', null)
      .orderBy('first_seen_at')
      .orderBy('id')
      .execute();
    return rows.map(toStoredWarning);
  }

  async open(input: {
    projectId: string;
    rule: string;
    subjectKey: string;
    message: string;
    details: Record<string, unknown>;
    now: string;
  }): Promise<string | null> {
    const id = newId();
    const result = await this.db
      .insertInto('delivery_warnings')
      .values({
        id,
        project_id: input.projectId,
        rule: input.rule,
        subject_key: input.subjectKey,
        message: input.message,
        details_json: JSON.stringify(input.details),
        first_seen_at: input.now,
        last_seen_at: input.now,
        cleared_at: null,
      })
      // Another transaction opened the same alert first (two reads judging at once): this
      // one writes nothing and says so, so that only the write that opened it tells anyone.
      .onConflict((oc) =>
        oc
          .columns(['project_id', 'rule', 'subject_key'])
          .where('cleared_at', 'is', null)
          .doNothing(),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 ? id : null;
  }

  /** The condition still holds with other numbers: keep `since`, refresh what it says. */
  async refresh(id: string, message: string, details: Record<string, unknown>, now: string) {
    await this.db
      .updateTable('delivery_warnings')
      .set({ message, details_json: JSON.stringify(details), last_seen_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** Clears an open alert; false when another transaction cleared it first. */
  async clear(id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('delivery_warnings')
      .set({ cleared_at: now })
      .where('id', '=', id)
      .where('cleared_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
