/** The metric name runs report for a criterion: `hit_rate_at_10`, or the named metric. */
export function criterionMetricName(
  metric: { kind: 'hit_rate_at_n'; n: number } | { kind: 'named'; name: string },
): string {
  return metric.kind === 'hit_rate_at_n' ? `hit_rate_at_${metric.n}` : metric.name;
}
