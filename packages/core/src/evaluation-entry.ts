/**
 * `@sextant/core/evaluation`: the evaluation engine alone, without the schemas (Zod) the
 * package's main entry loads. `sextant evaluate` imports this so that its start-up stays
 * small: the whole entry costs about 90 ms of a 3.65 M-row evaluation's time.
 */
export * from './domain/hit-rate.js';
export * from './domain/baseline-strategies.js';
export { isCalendarDate, ISO_DATE } from './domain/dates.js';
export { dayNumber } from './domain/sprint.js';
