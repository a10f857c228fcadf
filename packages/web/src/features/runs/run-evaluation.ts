import type { Run } from '@sextant/core';

/** The figures `sextant evaluate --report run` posts, when a run carries them. */
export interface EvaluationFigures {
  n: number;
  hitRate: number;
  eventsCaught: number | null;
  interventions: number | null;
  moneyNet: number | null;
  /** Today's strategy (the bar) on the same periods, when the evaluation simulated it. */
  baseline: number | null;
}

/** Reads a run's evaluation metrics (`hit_rate_at_N` and friends); null when it has none. */
export function evaluationFigures(run: Pick<Run, 'metrics'>): EvaluationFigures | null {
  const name = Object.keys(run.metrics).find((key) => /^hit_rate_at_\d+$/.test(key));
  if (!name) return null;
  const { metrics } = run;
  // Only an evaluation run also carries its events caught or interventions.
  if (metrics.events_caught === undefined && metrics.interventions === undefined) return null;
  const n = Number(name.slice('hit_rate_at_'.length));
  return {
    n,
    hitRate: metrics[name]!,
    eventsCaught: metrics.events_caught ?? null,
    interventions: metrics.interventions ?? null,
    moneyNet: metrics.money_net ?? null,
    baseline: metrics[`baseline_hit_rate_at_${n}`] ?? null,
  };
}
