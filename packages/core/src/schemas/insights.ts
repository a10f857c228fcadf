import { z } from 'zod';
import { CalendarDate, LIMITS, UserRef, optionalText, pageOf, requiredText } from './common.js';
import { INSIGHT_STATUSES } from '../domain/insights.js';
import { CURRENCY_CODE, hasAtMostTwoDecimals } from '../domain/money.js';

export const InsightStatusSchema = z.enum(INSIGHT_STATUSES);

export const CurrencyCode = z
  .string()
  .regex(CURRENCY_CODE, 'must be an ISO 4217 currency code: three capital letters, e.g. EUR');

/** Money: at most 2 decimals, in a currency. */
export const MoneyAmount = z
  .number()
  .refine(Number.isFinite, 'must be a finite number')
  .refine(hasAtMostTwoDecimals, 'must have at most 2 decimals')
  .refine((v) => Math.abs(v) < 1e13, 'is too large');

/** `{"amount": 12000, "currency": "EUR"}`: a value always says its currency. */
export const InsightValueSchema = z.strictObject({
  amount: MoneyAmount.refine((v) => v >= 0, 'must not be negative'),
  currency: CurrencyCode,
});

export const CreateInsightBody = z.strictObject({
  title: requiredText(LIMITS.name),
  description: optionalText(LIMITS.longText).default(''),
  /** Free text: operations, sales, inventory… */
  businessArea: requiredText(LIMITS.name),
  estimatedValue: InsightValueSchema.nullable().default(null),
  /** The day it was proposed; today when omitted; not in the future. */
  proposedAt: CalendarDate.optional(),
});
export type CreateInsightBody = z.infer<typeof CreateInsightBody>;

export const UpdateInsightBody = z
  .strictObject({
    title: requiredText(LIMITS.name).optional(),
    description: optionalText(LIMITS.longText).optional(),
    businessArea: requiredText(LIMITS.name).optional(),
    /** null removes the value. */
    estimatedValue: InsightValueSchema.nullable().optional(),
    /** A move: proposed → accepted → implemented; proposed or accepted → rejected. */
    status: InsightStatusSchema.optional(),
    /** The day of the move (not in the future); today when omitted. Only with `status`. */
    date: CalendarDate.optional(),
  })
  .refine((b) => b.date === undefined || b.status !== undefined, {
    message: 'a date is the day of a status move: send it with `status`',
    path: ['date'],
  });
export type UpdateInsightBody = z.infer<typeof UpdateInsightBody>;

export const InsightListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  status: InsightStatusSchema.optional(),
  /** Exact business area, e.g. `operations`. */
  area: z.string().max(LIMITS.name).optional(),
});
export type InsightListQuery = z.infer<typeof InsightListQuery>;

export const Insight = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  description: z.string(),
  businessArea: z.string(),
  status: InsightStatusSchema,
  estimatedValue: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  /** Moves this insight may still make. */
  allowedMoves: z.array(InsightStatusSchema),
  proposedAt: z.string(),
  acceptedAt: z.string().nullable(),
  implementedAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  createdBy: UserRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Insight = z.infer<typeof Insight>;

const PeriodValue = z.array(z.object({ currency: z.string(), amount: z.number() }));

export const InsightPeriodKpiSchema = z.object({
  period: z.string(),
  start: z.string(),
  end: z.string(),
  delivered: z.number(),
  implemented: z.number(),
  value: PeriodValue,
});

export const InsightKpisSchema = z.object({
  months: z.array(InsightPeriodKpiSchema),
  quarters: z.array(InsightPeriodKpiSchema),
  thisQuarter: z.string(),
  deliveredThisQuarter: z.number(),
  valueThisQuarter: PeriodValue,
  rules: z.object({
    delivered: z.string(),
    implemented: z.string(),
    value: z.string(),
    thisQuarter: z.string(),
  }),
});
export type InsightKpisResponse = z.infer<typeof InsightKpisSchema>;

export const InsightPage = pageOf(Insight).extend({
  /** The project's insight KPIs (all insights, whatever the filter). */
  kpis: InsightKpisSchema,
  moveRule: z.string(),
});
export type InsightPage = z.infer<typeof InsightPage>;
