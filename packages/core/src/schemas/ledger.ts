import { z } from 'zod';
import { CalendarDate, LIMITS, UserRef, pageOf } from './common.js';
import { CurrencyCode, MoneyAmount } from './insights.js';
import { COST_CATEGORIES, LEDGER_STATUSES, RETURN_CATEGORIES } from '../domain/ledger.js';

const PositiveMoney = MoneyAmount.refine((v) => v > 0, 'must be greater than 0');

const common = {
  currency: CurrencyCode,
  status: z.enum(LEDGER_STATUSES),
  /** YYYY-MM-DD; a realized entry may not be dated in the future. */
  date: CalendarDate,
  note: z.string().trim().max(LIMITS.shortText).nullable().default(null),
};

/**
 * A cost or a return. A `people` cost may give `peopleDays` and `dayRate` instead of
 * `amount` (amount = peopleDays × dayRate, rounded to cents).
 */
export const CreateLedgerEntryBody = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('cost'),
      category: z.enum(COST_CATEGORIES),
      amount: PositiveMoney.optional(),
      peopleDays: z.number().positive().max(100_000).optional(),
      dayRate: PositiveMoney.optional(),
      ...common,
    }),
    z.strictObject({
      kind: z.literal('return'),
      category: z.enum(RETURN_CATEGORIES),
      amount: PositiveMoney,
      ...common,
    }),
  ])
  .superRefine((body, ctx) => {
    if (body.kind !== 'cost') return;
    const byDays = body.peopleDays !== undefined || body.dayRate !== undefined;
    if (byDays && body.category !== 'people') {
      ctx.addIssue({
        code: 'custom',
        path: ['peopleDays'],
        message: 'peopleDays and dayRate are for people costs only: give an amount',
      });
    } else if (byDays && body.amount !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'give either amount or peopleDays with dayRate, not both',
      });
    } else if (byDays && (body.peopleDays === undefined || body.dayRate === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [body.peopleDays === undefined ? 'peopleDays' : 'dayRate'],
        message: 'peopleDays and dayRate go together (amount = peopleDays × dayRate)',
      });
    } else if (!byDays && body.amount === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message:
          body.category === 'people'
            ? 'is required (or give peopleDays and dayRate)'
            : 'is required',
      });
    }
  });
export type CreateLedgerEntryBody = z.infer<typeof CreateLedgerEntryBody>;

export const LedgerEntry = z.object({
  id: z.string(),
  projectId: z.string(),
  kind: z.enum(['cost', 'return']),
  category: z.string(),
  amount: z.number(),
  peopleDays: z.number().nullable(),
  dayRate: z.number().nullable(),
  currency: z.string(),
  status: z.enum(LEDGER_STATUSES),
  date: z.string(),
  note: z.string().nullable(),
  createdBy: UserRef.nullable(),
  createdAt: z.string(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type LedgerListQuery = z.infer<typeof LedgerListQuery>;

const TrendLineSchema = z.object({
  firstMonth: z.string(),
  months: z.number(),
  slope: z.number(),
  intercept: z.number(),
});

export const RoiResponse = z.object({
  /** The project's one currency; null while the ledger is empty. */
  currency: z.string().nullable(),
  costs: z.number(),
  realizedReturns: z.number(),
  estimatedReturns: z.number(),
  /** (realized returns − costs) / costs; 0.25 = 25 %; null when there are no costs. */
  roi: z.number().nullable(),
  roiWithEstimates: z.number().nullable(),
  curves: z.array(
    z.object({
      month: z.string(),
      cost: z.number(),
      realizedReturn: z.number(),
      totalReturn: z.number(),
    }),
  ),
  breakEven: z.object({
    status: z.enum(['reached', 'projected', 'not_in_sight']),
    month: z.string().nullable(),
    date: z.string().nullable(),
    reason: z.string().nullable(),
    monthlyNetTrend: TrendLineSchema.nullable(),
  }),
  method: z.string(),
  rules: z.object({
    roi: z.string(),
    roiWithEstimates: z.string(),
    curves: z.string(),
    breakEven: z.string(),
    currency: z.string(),
  }),
});
export type RoiResponse = z.infer<typeof RoiResponse>;

export const LedgerPage = pageOf(LedgerEntry).extend({ roi: RoiResponse });
export type LedgerPage = z.infer<typeof LedgerPage>;
