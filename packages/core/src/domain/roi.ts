/**
 * KPI 6, return on investment: ROI with and without estimated returns, cumulative cost and
 * return curves by month, and the break-even month projected from the recent trend.
 */
import type { LedgerKind, LedgerStatus } from './ledger.js';
import { roundMoney, sumMoney } from './money.js';
import { addMonths, monthBounds, monthOf, monthsBetween } from './periods.js';

/** What ROI needs of a ledger entry (all in the project's one currency). */
export interface LedgerEntryForRoi {
  kind: LedgerKind;
  status: LedgerStatus;
  amount: number;
  /** YYYY-MM-DD. */
  date: string;
}

export const ROI_RULE =
  'ROI = (realized returns − costs) / costs, costs counting whether estimated or realized ' +
  '(a budgeted cost is committed); null when there are no costs.';
export const ROI_WITH_ESTIMATES_RULE =
  'ROI with estimates = (realized + estimated returns − costs) / costs; null when there are no costs.';
export const ROI_CURVES_RULE =
  'Cumulative curves by month, from the first entry’s month to the later of today’s month and the last entry’s: ' +
  'costs, realized returns, and realized + estimated returns, each summed up to the end of the month.';
export const BREAK_EVEN_WINDOW_MONTHS = 6;
/** Projections stop after ten years: further than that is not "in sight". */
export const BREAK_EVEN_HORIZON_MONTHS = 120;
export const BREAK_EVEN_METHOD =
  `Least squares line through the monthly net (realized returns − costs) of the last ${BREAK_EVEN_WINDOW_MONTHS} months ` +
  'up to today’s month (fewer when the ledger is younger, at least 2), extended month by month from the cumulative net ' +
  `at the end of today’s month until the cumulative net reaches 0; not in sight when it does not within ${BREAK_EVEN_HORIZON_MONTHS} months ` +
  '(a flat or falling trend). The break-even day is the last day of that month.';

export interface RoiCurvePoint {
  month: string;
  cost: number;
  realizedReturn: number;
  /** Realized + estimated returns. */
  totalReturn: number;
}

export type BreakEven =
  | { status: 'reached'; month: string; date: string }
  | { status: 'projected'; month: string; date: string; monthlyNetTrend: TrendLine }
  | {
      status: 'not_in_sight';
      month: null;
      date: null;
      reason: string;
      monthlyNetTrend: TrendLine | null;
    };

/** y = intercept + slope · x, x = 0 for the first month of the window. */
export interface TrendLine {
  firstMonth: string;
  months: number;
  slope: number;
  intercept: number;
}

export interface RoiSummary {
  costs: number;
  realizedReturns: number;
  estimatedReturns: number;
  /** Rounded to 4 decimals (0.25 = 25 %); null when costs are 0. */
  roi: number | null;
  roiWithEstimates: number | null;
  curves: RoiCurvePoint[];
  breakEven: BreakEven;
  rules: { roi: string; roiWithEstimates: string; curves: string; breakEven: string };
}

/** ROI rule: (returns − costs) / costs, null when costs are 0. */
export function roiRatio(returns: number, costs: number): number | null {
  if (costs <= 0) return null;
  return Math.round(((returns - costs) / costs) * 10_000) / 10_000;
}

/** Least squares fit of y over x = 0, 1, … (needs at least 2 points). */
export function leastSquares(values: readonly number[]): { slope: number; intercept: number } {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((y, x) => {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

const amounts = (entries: readonly LedgerEntryForRoi[], keep: (e: LedgerEntryForRoi) => boolean) =>
  sumMoney(entries.filter(keep).map((e) => e.amount));

const isCost = (e: LedgerEntryForRoi) => e.kind === 'cost';
const isRealizedReturn = (e: LedgerEntryForRoi) => e.kind === 'return' && e.status === 'realized';
const isEstimatedReturn = (e: LedgerEntryForRoi) => e.kind === 'return' && e.status === 'estimated';

/** The ledger's sums (ROI_RULE's terms), without the curves and the projection. */
export function roiTotals(entries: readonly LedgerEntryForRoi[]): {
  costs: number;
  realizedReturns: number;
  estimatedReturns: number;
} {
  return {
    costs: amounts(entries, isCost),
    realizedReturns: amounts(entries, isRealizedReturn),
    estimatedReturns: amounts(entries, isEstimatedReturn),
  };
}

/** Monthly net of realized returns minus costs, for each month given. */
function monthlyNet(entries: readonly LedgerEntryForRoi[], months: readonly string[]): number[] {
  const byMonth = new Map<string, number[]>();
  for (const e of entries) {
    if (!isCost(e) && !isRealizedReturn(e)) continue;
    const month = monthOf(e.date);
    const list = byMonth.get(month);
    const amount = isCost(e) ? -e.amount : e.amount;
    if (list) list.push(amount);
    else byMonth.set(month, [amount]);
  }
  return months.map((m) => sumMoney(byMonth.get(m) ?? []));
}

/** Break-even rule: see BREAK_EVEN_METHOD. */
export function projectBreakEven(entries: readonly LedgerEntryForRoi[], today: string): BreakEven {
  const notInSight = (reason: string, trend: TrendLine | null = null): BreakEven => ({
    status: 'not_in_sight',
    month: null,
    date: null,
    reason,
    monthlyNetTrend: trend,
  });
  const thisMonth = monthOf(today);
  const past = entries.filter((e) => monthOf(e.date) <= thisMonth);
  if (!past.some(isCost)) return notInSight('No costs are recorded up to this month.');
  const firstMonth = past.map((e) => monthOf(e.date)).sort()[0] as string;
  const firstCostMonth = past
    .filter(isCost)
    .map((e) => monthOf(e.date))
    .sort()[0] as string;
  const history = monthsBetween(firstMonth, thisMonth);
  const nets = monthlyNet(past, history);
  // Already broken even when the cumulative net is at or above 0 now: since the month it last crossed 0.
  let cumulative = 0;
  let crossedAt: string | null = null;
  for (const [i, m] of history.entries()) {
    cumulative = roundMoney(cumulative + (nets[i] as number));
    if (cumulative < 0 || m < firstCostMonth) crossedAt = null;
    else if (crossedAt === null) crossedAt = m;
  }
  if (crossedAt !== null)
    return { status: 'reached', month: crossedAt, date: monthBounds(crossedAt).end };
  // The window is the history's last months (fewer when the ledger is younger).
  const window = nets.slice(-BREAK_EVEN_WINDOW_MONTHS);
  const windowStart = history[history.length - window.length] as string;
  if (window.length < 2) {
    return notInSight('The ledger has less than 2 months of history: there is no trend yet.');
  }
  const fit = leastSquares(window);
  const trend: TrendLine = { firstMonth: windowStart, months: window.length, ...fit };
  for (let k = 1; k <= BREAK_EVEN_HORIZON_MONTHS; k += 1) {
    cumulative += fit.intercept + fit.slope * (window.length - 1 + k);
    if (cumulative >= -1e-6) {
      const month = addMonths(thisMonth, k);
      return { status: 'projected', month, date: monthBounds(month).end, monthlyNetTrend: trend };
    }
  }
  return notInSight(
    fit.slope <= 0
      ? `The monthly net is flat or falling (${roundMoney(fit.slope)} per month): the cumulative net does not reach 0.`
      : `At the current trend the cumulative net does not reach 0 within ${BREAK_EVEN_HORIZON_MONTHS} months.`,
    trend,
  );
}

/** Every ROI figure of a ledger, as of `today` (YYYY-MM-DD). */
export function computeRoi(entries: readonly LedgerEntryForRoi[], today: string): RoiSummary {
  const { costs, realizedReturns, estimatedReturns } = roiTotals(entries);
  const months = entries.map((e) => monthOf(e.date)).sort();
  const curves: RoiCurvePoint[] = [];
  if (months.length > 0) {
    const last = [months.at(-1) as string, monthOf(today)].sort().at(-1) as string;
    for (const m of monthsBetween(months[0] as string, last)) {
      const upTo = (e: LedgerEntryForRoi) => monthOf(e.date) <= m;
      curves.push({
        month: m,
        cost: amounts(entries, (e) => upTo(e) && isCost(e)),
        realizedReturn: amounts(entries, (e) => upTo(e) && isRealizedReturn(e)),
        totalReturn: amounts(entries, (e) => upTo(e) && e.kind === 'return'),
      });
    }
  }
  return {
    costs,
    realizedReturns,
    estimatedReturns,
    roi: roiRatio(realizedReturns, costs),
    roiWithEstimates: roiRatio(sumMoney([realizedReturns, estimatedReturns]), costs),
    curves,
    breakEven: projectBreakEven(entries, today),
    rules: {
      roi: ROI_RULE,
      roiWithEstimates: ROI_WITH_ESTIMATES_RULE,
      curves: ROI_CURVES_RULE,
      breakEven: BREAK_EVEN_METHOD,
    },
  };
}
