import type { GoalDirection, Provenance, RunComparison } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { formatNumber } from '../../lib/format';
import {
  CI_EXPLANATION,
  COMPARISON_LABELS,
  COMPARISON_TONES,
  MANUAL_EXPLANATION,
  PROVENANCE_LABELS,
} from './run-text';

/** CI or Manual; the tooltip says what a manual run does not count for. */
export function ProvenanceBadge({ provenance }: { provenance: Provenance }) {
  return (
    <span
      className={`badge badge--provenance badge--${provenance === 'ci' ? 'accent' : 'warning'}`}
      title={provenance === 'ci' ? CI_EXPLANATION : MANUAL_EXPLANATION}
    >
      {PROVENANCE_LABELS[provenance]}
    </span>
  );
}

/** `Beats baseline`, `Below baseline`: a comparable run's verdict in the metric's direction. */
function verdict(comparison: RunComparison, direction: GoalDirection | null) {
  const { value, baselineValue } = comparison;
  if (comparison.isBaseline) return { label: 'Baseline', tone: 'accent' as const };
  if (value === null || baselineValue === null || direction === null) {
    return { label: COMPARISON_LABELS.comparable, tone: 'success' as const };
  }
  if (value === baselineValue) return { label: 'Equals baseline', tone: 'neutral' as const };
  const better = direction === 'increase' ? value > baselineValue : value < baselineValue;
  return better
    ? { label: 'Beats baseline', tone: 'success' as const }
    : { label: 'Below baseline', tone: 'neutral' as const };
}

/**
 * How a run stands against the baseline. "Not comparable: evaluation strategy changed" is
 * spelled out in full, because those numbers must never be read against the baseline.
 */
export function ComparisonStatus({
  comparison,
  direction,
}: {
  comparison: RunComparison;
  direction: GoalDirection | null;
}) {
  if (comparison.status === 'not_comparable') {
    return (
      <span className="comparison comparison--broken" title={comparison.message}>
        <Badge tone="danger">Not comparable</Badge>
        <strong className="comparison__why">evaluation strategy changed</strong>
      </span>
    );
  }
  if (comparison.status === 'comparable') {
    const { label, tone } = verdict(comparison, direction);
    return (
      <span className="comparison" title={comparison.message}>
        <Badge tone={tone}>{label}</Badge>
        {comparison.baselineValue !== null ? (
          <span className="muted small">baseline {formatNumber(comparison.baselineValue)}</span>
        ) : null}
      </span>
    );
  }
  return (
    <span className="comparison" title={comparison.message}>
      <Badge tone={COMPARISON_TONES[comparison.status]}>
        {COMPARISON_LABELS[comparison.status]}
      </Badge>
    </span>
  );
}
