import type { Run } from '@sextant/core';
import { Section } from '../../components/Section';
import { formatMoney, formatNumber } from '../../lib/format';
import { evaluationFigures } from './run-evaluation';

const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/**
 * What `sextant evaluate --report run` measured, in words: hit rate@N, events caught,
 * interventions, net money and the bar with the difference. Nothing when the run has none.
 */
export function EvaluationPanel({ run, currency }: { run: Run; currency: string | null }) {
  const figures = evaluationFigures(run);
  if (!figures) return null;
  const { n, hitRate, eventsCaught, interventions, moneyNet, baseline } = figures;
  const difference = baseline !== null ? hitRate - baseline : null;
  return (
    <Section title="Evaluation" description={`Top ${n} per period, as posted by sextant evaluate.`}>
      <ul className="evaluation-list" aria-label="Evaluation results">
        <li>
          Hit rate@{n}: <strong>{twoDecimals.format(hitRate)}</strong> events caught per period
        </li>
        {eventsCaught !== null ? (
          <li>
            Events caught: <strong>{formatNumber(eventsCaught)}</strong>
          </li>
        ) : null}
        {interventions !== null ? (
          <li>
            Interventions: <strong>{formatNumber(interventions)}</strong>
          </li>
        ) : null}
        {moneyNet !== null ? (
          <li>
            Net money:{' '}
            <strong>{currency ? formatMoney(moneyNet, currency) : formatNumber(moneyNet)}</strong>
          </li>
        ) : null}
        {baseline !== null && difference !== null ? (
          <li>
            The bar (today’s strategy): <strong>{twoDecimals.format(baseline)}</strong>, the model{' '}
            {difference >= 0 ? 'beats it by' : 'falls short by'}{' '}
            <strong>{twoDecimals.format(Math.abs(difference))}</strong>
          </li>
        ) : null}
      </ul>
    </Section>
  );
}
