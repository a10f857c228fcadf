import { addCalendarMonths, peopleCostAmount } from '@sextant/core';
import type { LedgerEntryFields, Repositories } from '@sextant/db';
import type { DemoDates } from './demo-dates.js';
import {
  ENERGY_HISTORY,
  SUPPLIER_HISTORY,
  WELD_HISTORY,
  type DemoHistory,
  type PortfolioIds,
} from './demo-histories.js';

type Phase = 'build' | 'productization' | 'production';

/** What one month costs and returns in a phase; `i` counts the months spent in that phase. */
interface LedgerPlan {
  /**
   * How many monthly bookings each phase has, oldest first. A count, not the stage history's
   * dates, so the ledger (and the ROI every test reads) is the same whatever day the demo is
   * seeded on; the stage moves it follows are within a month of these.
   */
  months: Readonly<Partial<Record<Phase, number>>>;
  dayRate: number;
  month(phase: Phase, i: number): { peopleDays: number; infrastructure: number; savings: number };
  /** Savings estimated for each of the next three months. */
  estimatedSavings: number;
}

/**
 * The healthy project: a build of 15 people-days a month, 25 in productization, then 8 to run
 * it; realized savings from the first production month growing to €24,000, so the cumulative
 * net crossed zero months ago.
 */
const ENERGY: LedgerPlan = {
  months: { build: 3, productization: 2, production: 13 },
  dayRate: 650,
  month: (phase, i) =>
    phase === 'build'
      ? { peopleDays: 15, infrastructure: 300, savings: 0 }
      : phase === 'productization'
        ? { peopleDays: 25, infrastructure: 1_200, savings: 0 }
        : { peopleDays: 8, infrastructure: 900, savings: Math.min(4_000 + 2_500 * i, 24_000) },
  estimatedSavings: 24_000,
};

/**
 * The failing project: 20 people-days a month throughout and GPU inference from
 * productization, against savings that started at €6,000 and fall by €300 a month: the
 * monthly net falls, so break-even is not in sight.
 */
const WELD: LedgerPlan = {
  months: { build: 4, productization: 4, production: 11 },
  dayRate: 700,
  month: (phase, i) =>
    phase === 'build'
      ? { peopleDays: 20, infrastructure: 400, savings: 0 }
      : phase === 'productization'
        ? { peopleDays: 20, infrastructure: 2_800, savings: 0 }
        : { peopleDays: 20, infrastructure: 2_800, savings: Math.max(6_000 - 300 * i, 1_500) },
  estimatedSavings: 2_000,
};

/** In productization: costs so far, the savings only estimated. */
const SUPPLIER: LedgerPlan = {
  months: { build: 7, productization: 4 },
  dayRate: 620,
  month: (phase) =>
    phase === 'build'
      ? { peopleDays: 12, infrastructure: 150, savings: 0 }
      : { peopleDays: 18, infrastructure: 600, savings: 0 },
  estimatedSavings: 9_000,
};

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

const fifteenthOf = (day: string) => `${day.slice(0, 7)}-15`;

const nextMonth = (first: string) => addCalendarMonths(first, 1);

async function seedLedger(
  repos: Repositories,
  dates: DemoDates,
  projectId: string,
  ownerId: string,
  history: DemoHistory,
  plan: LedgerPlan,
): Promise<void> {
  const phases: Phase[] = (['build', 'productization', 'production'] as const).flatMap((phase) =>
    Array.from({ length: plan.months[phase] ?? 0 }, () => phase),
  );
  const counts: Record<Phase, number> = { build: 0, productization: 0, production: 0 };
  const write = (fields: Omit<LedgerEntryFields, 'currency' | 'note'>, note: string) =>
    repos.ledger.insert({
      projectId,
      fields: { ...fields, currency: 'EUR', note },
      createdBy: ownerId,
      now: `${fields.date}T17:00:00.000Z`,
    });
  // One set of entries per month on its 15th, this month's included (dated today before the
  // 15th), never before the project began.
  const thisMonth = monthStart(dates.today);
  for (const [index, phase] of phases.entries()) {
    const first = addCalendarMonths(thisMonth, index - (phases.length - 1));
    const date = [
      dates.later(fifteenthOf(first), dates.day(history.created)),
      dates.today,
    ].sort()[0] as string;
    const month = plan.month(phase, counts[phase]);
    counts[phase] += 1;
    const base = { status: 'realized' as const, date, peopleDays: null, dayRate: null };
    await write(
      {
        ...base,
        kind: 'cost',
        category: 'people',
        amount: peopleCostAmount(month.peopleDays, plan.dayRate),
        peopleDays: month.peopleDays,
        dayRate: plan.dayRate,
      },
      `${month.peopleDays} people-days at €${plan.dayRate}`,
    );
    await write(
      { ...base, kind: 'cost', category: 'infrastructure', amount: month.infrastructure },
      'Cloud compute and storage',
    );
    if (month.savings > 0) {
      await write(
        { ...base, kind: 'return', category: 'savings', amount: month.savings },
        'Savings confirmed by controlling',
      );
    }
  }
  for (let m = 1, first = nextMonth(thisMonth); m <= 3; m += 1) {
    await write(
      {
        status: 'estimated',
        date: fifteenthOf(first),
        kind: 'return',
        category: 'savings',
        amount: plan.estimatedSavings,
        peopleDays: null,
        dayRate: null,
      },
      'Expected savings (controlling’s estimate)',
    );
    first = nextMonth(first);
  }
}

/** Monthly people-days and infrastructure costs, and realized savings, since each project began. */
export async function seedDemoLedger(
  repos: Repositories,
  dates: DemoDates,
  ids: PortfolioIds,
  ownerId: string,
): Promise<void> {
  await seedLedger(repos, dates, ids.energyId, ownerId, ENERGY_HISTORY, ENERGY);
  await seedLedger(repos, dates, ids.weldId, ownerId, WELD_HISTORY, WELD);
  await seedLedger(repos, dates, ids.supplierId, ownerId, SUPPLIER_HISTORY, SUPPLIER);
}
