import type { LedgerKind, LedgerStatus } from '@sextant/core';
import { personRef, toPage, type Executor, type PageRequest, type PageResult } from './executor.js';
import type { LedgerEntriesTable } from '../schema.js';
import type { PersonRef } from './stories.repository.js';
import { newId } from '../ids.js';

export interface LedgerEntryFields {
  kind: LedgerKind;
  category: string;
  /** Major units, 2 decimals. */
  amount: number;
  peopleDays: number | null;
  dayRate: number | null;
  currency: string;
  status: LedgerStatus;
  date: string;
  note: string | null;
}

export interface LedgerEntryRecord extends LedgerEntryFields {
  id: string;
  projectId: string;
  createdBy: PersonRef | null;
  createdAt: string;
}

type LedgerRow = LedgerEntriesTable & { creator_name: string | null; creator_email: string | null };

const toEntry = (row: LedgerRow): LedgerEntryRecord => ({
  id: row.id,
  projectId: row.project_id,
  kind: row.kind as LedgerKind,
  category: row.category,
  amount: Number(row.amount),
  peopleDays: row.people_days === null ? null : Number(row.people_days),
  dayRate: row.day_rate === null ? null : Number(row.day_rate),
  currency: row.currency,
  status: row.status as LedgerStatus,
  date: row.date,
  note: row.note,
  createdBy: personRef(row.created_by, row.creator_name, row.creator_email),
  createdAt: row.created_at,
});

/** The ledger's cursor is the last entry's day and id: entries are listed by day, newest first. */
const encodeLedgerCursor = (entry: { date: string; id: string }) =>
  Buffer.from(`${entry.date}|${entry.id}`, 'utf8').toString('base64url');

function decodeLedgerCursor(cursor: string | undefined): { date: string; id: string } | null {
  if (!cursor) return null;
  const match = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f-]{36})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  return match ? { date: match[1] as string, id: match[2] as string } : null;
}

export class LedgerRepository {
  constructor(private readonly db: Executor) {}

  private selectEntries() {
    return this.db
      .selectFrom('ledger_entries')
      .leftJoin('users as creator', 'creator.id', 'ledger_entries.created_by')
      .selectAll('ledger_entries')
      .select(['creator.name as creator_name', 'creator.email as creator_email']);
  }

  async insert(input: {
    projectId: string;
    fields: LedgerEntryFields;
    createdBy: string | null;
    now: string;
  }): Promise<string> {
    const f = input.fields;
    const row: LedgerEntriesTable = {
      id: newId(),
      project_id: input.projectId,
      kind: f.kind,
      category: f.category,
      amount: f.amount,
      people_days: f.peopleDays,
      day_rate: f.dayRate,
      currency: f.currency,
      status: f.status,
      date: f.date,
      note: f.note,
      created_by: input.createdBy,
      created_at: input.now,
    };
    await this.db.insertInto('ledger_entries').values(row).execute();
    return row.id;
  }

  async findById(id: string): Promise<LedgerEntryRecord | undefined> {
    const row = await this.selectEntries().where('ledger_entries.id', '=', id).executeTakeFirst();
    return row && toEntry(row);
  }

  /** The currency of the project's first entry, which fixes the ledger's currency. */
  async projectCurrency(projectId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('ledger_entries')
      .select('currency')
      .where('project_id', '=', projectId)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row?.currency ?? null;
  }

  /** By day, newest first (then newest written first). */
  async list(projectId: string, page: PageRequest): Promise<PageResult<LedgerEntryRecord>> {
    let query = this.selectEntries().where('ledger_entries.project_id', '=', projectId);
    const after = decodeLedgerCursor(page.cursor);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('ledger_entries.date', '<', after.date),
          eb.and([
            eb('ledger_entries.date', '=', after.date),
            eb('ledger_entries.id', '<', after.id),
          ]),
        ]),
      );
    }
    const rows = await query
      .orderBy('ledger_entries.date', 'desc')
      .orderBy('ledger_entries.id', 'desc')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows.map(toEntry), page.limit, encodeLedgerCursor);
  }

  /** Every entry of a project, by day: what ROI reads. */
  async listForProject(projectId: string): Promise<LedgerEntryRecord[]> {
    const rows = await this.selectEntries()
      .where('ledger_entries.project_id', '=', projectId)
      .orderBy('ledger_entries.date')
      .orderBy('ledger_entries.id')
      .execute();
    return rows.map(toEntry);
  }
}
