import {
  formatNumberText,
  type EvaluationResult,
  type PeriodResult,
  type RandomBaselineResult,
} from '@sextant/core';

/** At most this many period lines: the first and last halves, the rest counted. */
export const MAX_PERIOD_LINES = 20;

const fixed = (value: number, digits = 3): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(digits);
const ratio = (value: number | null): string => (value === null ? '–' : value.toFixed(3));
/** Money in core's one way: thousands, a true minus, at most two decimals. */
const amount = (value: number): string => formatNumberText(value, 2);

function periodLine(p: PeriodResult): string {
  return [
    p.period.padEnd(12),
    String(p.interventions).padStart(13),
    fixed(p.eventsCaught, 2).padStart(7),
    String(p.events).padStart(7),
    ratio(p.precision).padStart(10),
    ratio(p.recall).padStart(7),
  ].join('  ');
}

/** The totals of one result, a few lines. */
function totals(label: string, result: EvaluationResult): string[] {
  const unit = result.periodKind === 'day' ? 'day' : 'week';
  const lines = [
    `${label}: hit rate@${result.n} ${fixed(result.hitRate)} events caught a ${unit} over ${result.periods.length} ${unit}s; ` +
      `caught ${fixed(result.eventsCaught, 2)} of ${result.events} events (recall ${ratio(result.recallAtN)}), ` +
      `precision@${result.n} ${ratio(result.precisionAtN)}, ${result.interventions} interventions`,
  ];
  if (result.money) {
    const currency = result.money.currency ? ` ${result.money.currency}` : '';
    lines.push(
      `${' '.repeat(label.length)}  money: caught ${amount(result.money.caught)} − interventions ${amount(result.money.interventionCost)} = net ${amount(result.money.net)}${currency}`,
    );
  }
  return lines;
}

/** The human table: period lines (limited), then totals, then the baseline's totals. */
export function formatEvaluation(
  result: EvaluationResult,
  baseline?: { name: string; result: EvaluationResult | RandomBaselineResult },
): string {
  const lines = [
    `hit rate@${result.n} per ${result.periodKind} (${result.timeZone}); ${result.tieRule}`,
    ['period'.padEnd(12), 'interventions', ' caught', ' events', ' precision', ' recall'].join(
      '  ',
    ),
  ];
  const periods = result.periods;
  if (periods.length <= MAX_PERIOD_LINES) {
    lines.push(...periods.map(periodLine));
  } else {
    const half = MAX_PERIOD_LINES / 2;
    lines.push(...periods.slice(0, half).map(periodLine));
    lines.push(
      `… ${periods.length - MAX_PERIOD_LINES} more ${result.periodKind}s (--json lists them all)`,
    );
    lines.push(...periods.slice(-half).map(periodLine));
  }
  lines.push('', ...totals('model', result));
  if (baseline) {
    const bar = baseline.result;
    lines.push(...totals(`bar (${baseline.name})`, bar));
    if ('spread' in bar) {
      const q = bar.spread;
      lines.push(
        `  over ${bar.seeds} seeds: hit rate min ${fixed(q.min)}, p10 ${fixed(q.p10)}, median ${fixed(q.median)}, p90 ${fixed(q.p90)}, max ${fixed(q.max)}`,
      );
    }
    const gap = result.hitRate - bar.hitRate;
    const netGap =
      result.money && bar.money
        ? `, net ${result.money.net >= bar.money.net ? '+' : ''}${amount(result.money.net - bar.money.net)}`
        : '';
    lines.push(
      `model − bar: ${gap >= 0 ? '+' : '−'}${fixed(Math.abs(gap))} events caught a ${result.periodKind}${netGap}` +
        ` (${gap > 0 ? 'the model beats the bar' : 'the model does not beat the bar'})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
