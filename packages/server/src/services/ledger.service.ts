import {
  AppError,
  BREAK_EVEN_METHOD,
  LEDGER_CURRENCY_RULE,
  computeRoi,
  ledgerCurrencyConflict,
  notFound,
  peopleCostAmount,
  utcDay,
  type CreateLedgerEntryBody,
  type LedgerListQuery,
  type RoiResponse,
  type LedgerEntry,
  type LedgerPage,
} from '@sextant/core';
import type { LedgerEntryFields } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { presentLedgerEntry } from '../presenters/ledger.js';
import { presentPage } from '../presenters/page.js';
import type { ServiceDeps } from './deps.js';
import { ProjectReads } from './project-reads.js';
import { loadWritableProject } from './project-guards.js';

/** The entry as stored: a people cost given in days gets its amount from days × rate. */
function fieldsOf(body: CreateLedgerEntryBody): LedgerEntryFields {
  const byDays =
    body.kind === 'cost' && body.peopleDays !== undefined && body.dayRate !== undefined
      ? { peopleDays: body.peopleDays, dayRate: body.dayRate }
      : null;
  // The schema guarantees an amount whenever days and rate are not given.
  const amount = byDays ? peopleCostAmount(byDays.peopleDays, byDays.dayRate) : (body.amount ?? 0);
  return {
    kind: body.kind,
    category: body.category,
    amount,
    peopleDays: byDays?.peopleDays ?? null,
    dayRate: byDays?.dayRate ?? null,
    currency: body.currency,
    status: body.status,
    date: body.date,
    note: body.note,
  };
}

/** KPI 6: what the project cost and gave back, and its return on investment. */
export class LedgerService {
  constructor(private readonly deps: ServiceDeps) {}

  /** A page of ledger entries, newest first, with the ROI. */
  async list(projectId: string, query: LedgerListQuery): Promise<LedgerPage> {
    const page = await this.deps.store.repos.ledger.list(projectId, query);
    return { ...presentPage(page, presentLedgerEntry), roi: await this.roi(projectId) };
  }

  /** ROI with and without estimates, the curves and the break-even projection, as of `now`. */
  async roi(
    projectId: string,
    now: Date = this.deps.clock.now(),
    reads = new ProjectReads(this.deps.store.repos, projectId),
  ): Promise<RoiResponse> {
    const { repos } = this.deps.store;
    const entries = await reads.ledger();
    const summary = computeRoi(entries, utcDay(now));
    const { breakEven } = summary;
    return {
      ...summary,
      currency: entries[0] ? await repos.ledger.projectCurrency(projectId) : null,
      breakEven: {
        status: breakEven.status,
        month: breakEven.month,
        date: breakEven.date,
        reason: breakEven.status === 'not_in_sight' ? breakEven.reason : null,
        monthlyNetTrend: breakEven.status === 'reached' ? null : breakEven.monthlyNetTrend,
      },
      method: BREAK_EVEN_METHOD,
      rules: { ...summary.rules, currency: LEDGER_CURRENCY_RULE },
    };
  }

  async create(projectId: string, body: CreateLedgerEntryBody, actor: Actor): Promise<LedgerEntry> {
    const { store, clock } = this.deps;
    const today = utcDay(clock.now());
    if (body.status === 'realized' && body.date > today) {
      throw new AppError(
        'rule_violation',
        `date: a realized entry cannot be dated in the future (${body.date}, today is ${today}); record it as estimated.`,
        { field: 'date', date: body.date, today },
      );
    }
    const entry = await store.transaction(async (repos) => {
      await loadWritableProject(repos, projectId);
      const now = iso(clock.now());
      // Touching the project first takes its row lock (PostgreSQL; SQLite writes one at a
      // time anyway), so two first entries in different currencies cannot both pass the check.
      await repos.projects.touch(projectId, now);
      const projectCurrency = await repos.ledger.projectCurrency(projectId);
      const conflict = ledgerCurrencyConflict(projectCurrency, body.currency);
      if (conflict) {
        throw new AppError('rule_violation', conflict, {
          field: 'currency',
          currency: body.currency,
          projectCurrency,
        });
      }
      const id = await repos.ledger.insert({
        projectId,
        fields: fieldsOf(body),
        createdBy: actor.userId,
        now,
      });
      const entry = await repos.ledger.findById(id);
      if (!entry) throw notFound('Ledger entry');
      return entry;
    });
    return presentLedgerEntry(entry);
  }
}
