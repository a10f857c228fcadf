/**
 * Where imported Jira sprints go on the calendar and what their stories hand over. Jira's
 * CSV names an issue's sprints but not their dates, so the import lays them end to end from a
 * start date with one length; and Jira issues have no "deliverable", so one is guessed from
 * the summary and issue type (the import says so, and the team can edit it).
 */
import { DURATION_PATTERN } from './evaluation.js';
import { SPRINT_LENGTH, addDays, type DeliverableType, type SprintState } from './sprint.js';

export type SprintLengthRead = { ok: true; days: number } | { ok: false; message: string };

/** `2w` → 14 days, `10d` → 10; hours are refused, and the length rule (5–28 days) holds. */
export function readSprintLength(text: string): SprintLengthRead {
  const match = DURATION_PATTERN.exec(text);
  const { minDays, maxDays } = SPRINT_LENGTH;
  const rule = `a sprint lasts 1 to 4 weeks (${minDays} to ${maxDays} days)`;
  if (!match || match[2] === 'h') {
    return {
      ok: false,
      message: `sprintLength "${text}" is not a length in days or weeks (14d, 2w); ${rule}.`,
    };
  }
  const days = Number(match[1]) * (match[2] === 'w' ? 7 : 1);
  if (days < minDays || days > maxDays) {
    return { ok: false, message: `sprintLength "${text}" is ${days} days; ${rule}.` };
  }
  return { ok: true, days };
}

/** A sprint that ended before today is closed, one running today is active, a later one planned. */
export function importedSprintState(
  range: { startDate: string; endDate: string },
  today: string,
): SprintState {
  if (range.endDate < today) return 'closed';
  return range.startDate <= today ? 'active' : 'planned';
}

export interface SprintSlot {
  name: string;
  startDate: string;
  endDate: string;
}

/**
 * Lays sprints end to end: each starts the day after the previous one ends. A sprint that
 * already has dates (imported before) keeps them and the next one follows it, so a later
 * export that adds a sprint puts it after the ones already there.
 */
export function layOutSprints(
  names: string[],
  firstStart: string,
  lengthDays: number,
  existing: ReadonlyMap<string, { startDate: string; endDate: string }>,
): SprintSlot[] {
  let cursor = firstStart;
  return names.map((name) => {
    const known = existing.get(name);
    const slot = known
      ? { name, startDate: known.startDate, endDate: known.endDate }
      : { name, startDate: cursor, endDate: addDays(cursor, lengthDays - 1) };
    cursor = addDays(slot.endDate, 1);
    return slot;
  });
}

/** Words that say what an issue hands over, tried in this order (the first match wins). */
const DELIVERABLE_HINTS: [DeliverableType, RegExp][] = [
  ['business_report', /\bbusiness (case|report|review)\b|\bsponsor\b|\bexecutive\b|\broi\b/i],
  ['model', /\bmodel\b|\btrain(ing)?\b|\bclassifier\b|\bregress|\bforecast|\bpredict/i],
  [
    'pipeline',
    /\bpipeline\b|\betl\b|\bingest|\bscor(e|ing)\b.*\b(nightly|every|schedule)|\bdeploy|\bjob\b|\bci\b|\bapi\b/i,
  ],
  ['dataset', /\bdata ?set\b|\bdata\b|\btable\b|\bextract\b|\blabel|\bfeatures?\b/i],
  [
    'report',
    /\breport\b|\bdashboard\b|\banalysis\b|\banaly[sz]e\b|\bslides?\b|\bpresent|\bchart|\bexplor/i,
  ],
];

/** The deliverable type a summary suggests; `other` when nothing in it says. */
export function guessDeliverableType(summary: string, issueType: string): DeliverableType {
  const text = `${summary} ${issueType}`;
  return DELIVERABLE_HINTS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}

/**
 * Cuts text to `limit` UTF-16 units (what the API's length limits count), marking the cut
 * with "…" and never splitting a surrogate pair.
 */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = text.slice(0, limit - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}
