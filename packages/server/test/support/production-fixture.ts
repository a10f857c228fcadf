/**
 * The production-feedback fixture shared by the server's integration test and the browser
 * spec: four machines over two days `d1`, `d2` (and an outcome on `d3`). Its figures are
 * worked out in packages/server/test/integration/production.test.ts.
 */
export function productionFixture(d1: string, d2: string, d3: string) {
  /** N = 2, a one-day horizon, a missed failure costs 100 EUR and a check 10 EUR. */
  const criterion = {
    metric: { kind: 'hit_rate_at_n', n: 2 },
    threshold: 1,
    evaluation: { trainWindow: 'expanding', testWindow: '1d', step: '1d', horizon: '1d' },
    valueModel: { costMissed: 100, costIntervention: 10, currency: 'EUR' },
  };
  const prediction = (period: string, entity: string, score: number, modelVersion = 'v1') => ({
    entity,
    period,
    modelVersion,
    score,
  });
  const predictions = [
    prediction(d1, 'A', 0.9),
    prediction(d1, 'B', 0.8),
    prediction(d1, 'C', 0.5),
    prediction(d1, 'D', 0.1),
    prediction(d2, 'A', 0.2),
    prediction(d2, 'B', 0.7),
    prediction(d2, 'C', 0.7),
    prediction(d2, 'D', 0.9),
    // An older model's prediction: the greatest version counts.
    prediction(d2, 'C', 0.99, 'v0'),
  ];
  const decisions = [
    { entity: 'A', period: d1, modelVersion: 'v1', acted: true },
    { entity: 'B', period: d1, modelVersion: 'v1', acted: false, reason: 'sensor glitch' },
    { entity: 'C', period: d1, modelVersion: 'v1', acted: true, reason: 'operator knows' },
    { entity: 'D', period: d2, acted: true },
    { entity: 'B', period: d2, acted: false, reason: 'sensor glitch' },
    { entity: 'C', period: d2, acted: true, reason: 'noise heard' },
  ];
  const outcomes = [
    { entity: 'A', time: `${d1}T10:00:00Z`, event: 'failure' },
    { entity: 'C', time: `${d2}T05:00:00Z`, event: 'failure' },
    { entity: 'A', time: `${d2}T12:00:00Z`, event: 'failure' },
    // Past day 2's one-day horizon, and no prediction that day: counts for no day.
    { entity: 'D', time: `${d3}T01:00:00Z`, event: 'failure' },
  ];
  return { criterion, prediction, predictions, decisions, outcomes };
}
