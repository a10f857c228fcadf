/**
 * Jira CSV import planner: turns the rows of a Jira "Export CSV (all fields)" file into the
 * sprints and stories Sextant would create, plus the rows it cannot use and why. Pure: the
 * CSV text is parsed elsewhere (server), and nothing is written here.
 *
 * Columns read (header names case-insensitive, trimmed): Issue key and Summary (required),
 * Sprint (every column of that name; without one nothing can be imported), Issue Type, Status,
 * Status Category, Resolution, Assignee, the story-points columns, Created, Resolved, Description.
 *
 * Problems are rows that are not imported (and parse errors); warnings are rows imported with a
 * remark, or skipped on purpose (an issue in no sprint), and header-wide remarks.
 */

/** A parsed CSV file: the header, each row with the 1-based line it starts on, and parse problems. */
export interface JiraCsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  problems?: { line: number; message: string }[];
}

/** Same union as StoryStatus in sprint.ts; kept local so `export *` of both modules cannot clash. */
type StoryStatus = 'todo' | 'in_progress' | 'done';

export interface JiraIssue {
  /** Where the row starts in the file. */
  line: number;
  /** "PDM-12". */
  key: string;
  summary: string;
  /** As in Jira, '' when absent. */
  issueType: string;
  /** Jira's status text, '' when absent. */
  status: string;
  mappedStatus: StoryStatus;
  /** Display name as exported, NFC-normalised and trimmed; null when unassigned. */
  assignee: string | null;
  /** The issue's sprints in the order Jira lists them (chronological), de-duplicated. */
  sprints: string[];
  points: number | null;
  /** ISO-8601 instant (UTC) or null. */
  created: string | null;
  resolved: string | null;
  description: string | null;
}

export interface JiraPlanNote {
  line: number;
  message: string;
}

export interface JiraImportPlan {
  /** Chronological (see orderJiraSprints), with the number of imported issues in each. */
  sprints: { name: string; issueCount: number }[];
  /** Usable rows only, in file order. */
  issues: JiraIssue[];
  /** Rows not imported and why (one entry per row), plus the file's parse problems; by line. */
  problems: JiraPlanNote[];
  /** Things worth saying that do not stop the import (or skip a row on purpose); by line. */
  warnings: JiraPlanNote[];
  /** The earliest Created over the imported issues. */
  earliestCreated: string | null;
}

// ---------------------------------------------------------------------------------------------
// Header

/** Story points live in different columns depending on the Jira edition; the first non-empty wins. */
const POINTS_HEADERS = [
  'story points',
  'custom field (story points)',
  'custom field (story point estimate)',
  'story point estimate',
];

interface Columns {
  key: number;
  summary: number;
  issueType: number;
  status: number;
  statusCategory: number;
  resolution: number;
  assignee: number;
  sprints: number[];
  points: number[];
  created: number;
  resolved: number;
  description: number;
}

/** Header names compare case-insensitively, trimmed, with runs of spaces counted as one. */
function normaliseHeader(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Jira repeats a header for multi-value fields (Sprint, Sprint, …): every position counts. */
function findColumns(header: string[]): Columns {
  const names = header.map(normaliseHeader);
  const all = (name: string) => names.flatMap((n, i) => (n === name ? [i] : []));
  const first = (name: string) => names.indexOf(name);
  return {
    key: first('issue key'),
    summary: first('summary'),
    issueType: first('issue type'),
    status: first('status'),
    statusCategory: first('status category'),
    resolution: first('resolution'),
    assignee: first('assignee'),
    sprints: all('sprint'),
    points: POINTS_HEADERS.flatMap(all),
    created: first('created'),
    resolved: first('resolved'),
    description: first('description'),
  };
}

/** Without Issue key and Summary no row is usable, and without Sprint no row has a home. */
function checkHeader(columns: Columns): string | null {
  const missing = [
    columns.key < 0 ? '"Issue key"' : null,
    columns.summary < 0 ? '"Summary"' : null,
  ].filter((name): name is string => name !== null);
  if (missing.length > 0) {
    return (
      `The header has no ${missing.join(' and no ')} column, so no row can be imported. ` +
      'Export from Jira with "Export CSV (all fields)".'
    );
  }
  if (columns.sprints.length === 0) {
    return (
      'The header has no "Sprint" column, so no row can be imported: Sextant stories always ' +
      'belong to a sprint. Export from Jira with "Export CSV (all fields)".'
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Cells

/** Text as people typed it: NFC so "José" written two ways is one name, trimmed. */
function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

function cellAt(cells: string[], index: number): string {
  return index < 0 ? '' : cleanText(cells[index] ?? '');
}

/** A completely empty row (every cell blank) is noise at the end of exports: skipped silently. */
function isBlankRow(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Display names: NFC, trimmed, inner runs of spaces made one; blank means unassigned. */
function readAssignee(value: string): string | null {
  const name = value.replace(/\s+/g, ' ');
  return name === '' ? null : name;
}

/** Sprints in the order of the Sprint columns (Jira writes them oldest first), each once. */
function readSprints(cells: string[], indexes: number[]): string[] {
  const names = indexes.map((i) => cellAt(cells, i)).filter((name) => name !== '');
  return [...new Set(names)];
}

/** The most points a story may have, as the stories API allows. */
const MAX_STORY_POINTS = 1_000;

/** Jira writes Story Points as "3", "3.0" or, in some locales, "2,5". */
const POINTS_PATTERN = /^\d+(?:[.,]\d+)?$/;

type CellRead<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Story points: the first non-empty points column; it must be a number of zero or more. */
function readPoints(cells: string[], header: string[], indexes: number[]): CellRead<number | null> {
  const index = indexes.find((i) => cellAt(cells, i) !== '');
  if (index === undefined) return { ok: true, value: null };
  const text = cellAt(cells, index);
  if (!POINTS_PATTERN.test(text)) {
    return {
      ok: false,
      reason: `"${cleanText(header[index] ?? '')}" is "${text}", not a number of zero or more`,
    };
  }
  const value = Number(text.replace(',', '.'));
  if (value > MAX_STORY_POINTS) {
    return {
      ok: false,
      reason: `"${cleanText(header[index] ?? '')}" is ${text}; Sextant takes 0 to ${MAX_STORY_POINTS} points`,
    };
  }
  return { ok: true, value };
}

/** Created/Resolved: empty is null; present but unreadable is a reason to refuse the row. */
function readDateCell(cells: string[], header: string[], index: number): CellRead<string | null> {
  const text = cellAt(cells, index);
  if (text === '') return { ok: true, value: null };
  const instant = parseJiraDate(text);
  if (instant === null) {
    return {
      ok: false,
      reason:
        `"${cleanText(header[index] ?? '')}" is "${text}", not a date Sextant can read ` +
        '(e.g. 12/Mar/24 10:15 AM or 2024-03-12 10:15)',
    };
  }
  return { ok: true, value: instant };
}

/** Descriptions keep their lines (as LF) but lose the blank edges. */
function readDescription(value: string): string | null {
  const text = value.replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Jira's default export format: 12/Mar/24 10:15 AM, 12/Mar/2024 10:15 (time optional). */
const JIRA_DATE =
  /^(\d{1,2})\/([a-z]{3})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap]m))?)?$/i;

/** ISO-like: 2024-03-12, 2024-03-12 10:15, 2024-03-12T10:15:00.000+0100 (offset optional). */
const ISO_LIKE_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
}

/**
 * Reads the date formats Jira exports as a UTC ISO-8601 instant; no offset means UTC.
 * Null when the text is not one of them or is not a real date and time (31/Feb, 25:00).
 */
export function parseJiraDate(text: string): string | null {
  const parts = readJiraDateParts(text.trim()) ?? readIsoLikeDateParts(text.trim());
  return parts === null ? null : toInstant(parts);
}

function readJiraDateParts(text: string): DateParts | null {
  const match = JIRA_DATE.exec(text);
  if (match === null) return null;
  const [, day, monthName, year, hour, minute, second, meridiem] = match;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase()) + 1;
  const hour24 = toHour24(Number(hour ?? 0), meridiem);
  if (month === 0 || hour24 === null) return null;
  const fullYear = (year ?? '').length === 2 ? 2000 + Number(year) : Number(year);
  return {
    year: fullYear,
    month,
    day: Number(day),
    hour: hour24,
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: 0,
    offsetMinutes: 0,
  };
}

/** 12 AM is midnight and 12 PM noon; with AM/PM the hour must be 1-12. */
function toHour24(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return null;
  const isPm = meridiem.toLowerCase() === 'pm';
  return (hour % 12) + (isPm ? 12 : 0);
}

function readIsoLikeDateParts(text: string): DateParts | null {
  const match = ISO_LIKE_DATE.exec(text);
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: Math.floor(Number(`0.${fraction ?? '0'}`) * 1000),
    offsetMinutes: readOffsetMinutes(offset),
  };
}

/** "+0100" and "+01:00" are one hour east of UTC; "Z" and nothing are UTC. */
function readOffsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return offset.startsWith('-') ? -minutes : minutes;
}

/** Refuses out-of-range fields instead of letting Date roll 31 Feb over into March. */
function toInstant(parts: DateParts): string | null {
  const { year, month, day, hour, minute, second, millisecond, offsetMinutes } = parts;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(utc - offsetMinutes * 60_000).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Status

/** Lowercase, NFC, curly apostrophes straightened, spaces collapsed: "Won’t  Do" = "won't do". */
function normaliseStatus(status: string): string {
  return status
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const STATUS_MAP: Record<string, StoryStatus> = {
  done: 'done',
  closed: 'done',
  resolved: 'done',
  complete: 'done',
  completed: 'done',
  released: 'done',
  'in progress': 'in_progress',
  'in review': 'in_progress',
  'code review': 'in_progress',
  review: 'in_progress',
  testing: 'in_progress',
  qa: 'in_progress',
  'in development': 'in_progress',
  'to do': 'todo',
  todo: 'todo',
  open: 'todo',
  backlog: 'todo',
  'selected for development': 'todo',
  new: 'todo',
  reopened: 'todo',
};

/** Closed without delivering: counting these as done would overstate what a sprint delivered. */
const NOT_DELIVERED = new Set([
  "won't do",
  "won't fix",
  'wont do',
  'wont fix',
  'cancelled',
  'canceled',
  'rejected',
  'declined',
  'duplicate',
  'abandoned',
  'obsolete',
  'cannot reproduce',
]);

/** Jira's own grouping of any workflow status (column "Status Category" in newer exports). */
const STATUS_CATEGORY_MAP: Record<string, StoryStatus> = {
  'to do': 'todo',
  new: 'todo',
  'in progress': 'in_progress',
  indeterminate: 'in_progress',
  done: 'done',
  complete: 'done',
};

export interface JiraStatusInput {
  status: string;
  /** "Status Category" cell, '' when absent. */
  statusCategory?: string;
  /** "Resolution" cell, '' when absent. */
  resolution?: string;
  /** Whether the issue has a Resolved date. */
  hasResolvedDate?: boolean;
}

export interface JiraStatusMapping {
  status: StoryStatus;
  /** Why the mapping deserves a second look; null when it is plain. */
  warning: string | null;
}

/**
 * Jira status → todo / in_progress / done, case-insensitive. Known names map directly;
 * Won't Do, Cancelled and the like, and a done status whose Resolution is one of those, are
 * todo (not delivered) with a warning; an unknown name follows the Status Category, else a
 * Resolved date (done), else todo — the last two with a warning naming the status.
 */
export function mapJiraStatus(input: JiraStatusInput): JiraStatusMapping {
  const status = normaliseStatus(input.status);
  const resolution = normaliseStatus(input.resolution ?? '');
  const shown = cleanText(input.status);
  if (NOT_DELIVERED.has(status)) {
    return notDelivered(`status "${shown}"`);
  }
  const known = STATUS_MAP[status];
  if (known === 'done' && NOT_DELIVERED.has(resolution)) {
    return notDelivered(`status "${shown}" with resolution "${cleanText(input.resolution ?? '')}"`);
  }
  if (known !== undefined) return { status: known, warning: null };
  return mapUnknownStatus(shown, input);
}

function notDelivered(what: string): JiraStatusMapping {
  return {
    status: 'todo',
    warning: `${what} means it was closed without being delivered; imported as todo.`,
  };
}

function mapUnknownStatus(shown: string, input: JiraStatusInput): JiraStatusMapping {
  const category = STATUS_CATEGORY_MAP[normaliseStatus(input.statusCategory ?? '')];
  if (category !== undefined) return { status: category, warning: null };
  const label = shown === '' ? 'Status is empty' : `Status "${shown}" is not one Sextant knows`;
  if (input.hasResolvedDate === true) {
    return {
      status: 'done',
      warning: `${label}; imported as done because it has a Resolved date.`,
    };
  }
  return { status: 'todo', warning: `${label}; imported as todo.` };
}

// ---------------------------------------------------------------------------------------------
// Sprint order

/** The last number in a sprint name ("PDM Sprint 12" → 12), or null when it has none. */
function sprintNumber(name: string): number | null {
  const numbers = name.match(/\d+/g);
  const last = numbers?.[numbers.length - 1];
  return last === undefined ? null : Number(last);
}

/** Tie-break: numbered sprints by their number, before unnumbered ones; then by name. */
function compareSprintNames(a: string, b: string): number {
  const na = sprintNumber(a);
  const nb = sprintNumber(b);
  if (na !== null && nb !== null && na !== nb) return na - nb;
  if (na === null && nb !== null) return 1;
  if (na !== null && nb === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Chronological sprint order: a sprint listed before another on one issue came before it
 * (Jira lists a carried-over issue's sprints oldest first). Sprints are sorted topologically
 * along those precedences; among sprints free to come next, and to break cycles when issues
 * disagree, the lowest number in the name goes first (compared as numbers), then the name.
 */
export function orderJiraSprints(sprintLists: string[][]): string[] {
  const { names, successors, waitingOn } = buildPrecedence(sprintLists);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < names.size) {
    const ready = [...names].filter((n) => !placed.has(n) && (waitingOn.get(n) ?? 0) === 0);
    // No sprint free to go next means a cycle: release the one the tie-break puts first.
    const candidates = ready.length > 0 ? ready : [...names].filter((n) => !placed.has(n));
    const next = candidates.sort(compareSprintNames)[0];
    if (next === undefined) break;
    order.push(next);
    placed.add(next);
    for (const successor of successors.get(next) ?? []) {
      waitingOn.set(successor, (waitingOn.get(successor) ?? 0) - 1);
    }
  }
  return order;
}

/** Edges between consecutive sprints of each list (the rest follows), each counted once. */
function buildPrecedence(sprintLists: string[][]) {
  const names = new Set<string>();
  const successors = new Map<string, Set<string>>();
  const waitingOn = new Map<string, number>();
  for (const list of sprintLists) {
    list.forEach((name, i) => {
      names.add(name);
      const next = list[i + 1];
      if (next === undefined || next === name) return;
      const after = successors.get(name) ?? new Set<string>();
      if (!after.has(next)) {
        after.add(next);
        waitingOn.set(next, (waitingOn.get(next) ?? 0) + 1);
      }
      successors.set(name, after);
    });
  }
  return { names, successors, waitingOn };
}

// ---------------------------------------------------------------------------------------------
// Rows

type RowResult =
  | { kind: 'blank' }
  | { kind: 'problem'; problem: JiraPlanNote }
  | { kind: 'skipped'; warning: JiraPlanNote }
  | { kind: 'issue'; issue: JiraIssue; warnings: JiraPlanNote[] };

/** Jira keys are a project key (a letter, then letters, digits or _) and a number: PDM-12. */
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

/**
 * A row is refused (a problem) when its Issue key or Summary is missing, the key is not a Jira
 * key, it repeats a key from an earlier row, its story points are not a number of zero or more,
 * or its Created/Resolved is present but unreadable; every reason goes in one message.
 */
function planRow(
  row: { line: number; cells: string[] },
  header: string[],
  columns: Columns,
  seenKeys: Map<string, number>,
): RowResult {
  const { line, cells } = row;
  if (isBlankRow(cells)) return { kind: 'blank' };
  const key = cellAt(cells, columns.key);
  const summary = cellAt(cells, columns.summary);
  const points = readPoints(cells, header, columns.points);
  const created = readDateCell(cells, header, columns.created);
  const resolved = readDateCell(cells, header, columns.resolved);
  const reasons = [
    ...checkKey(key, line, seenKeys),
    summary === '' ? 'no Summary' : null,
    points.ok ? null : points.reason,
    created.ok ? null : created.reason,
    resolved.ok ? null : resolved.reason,
  ].filter((reason): reason is string => reason !== null);
  // The ok checks repeat what reasons holds, so that TypeScript knows the values below exist.
  if (reasons.length > 0 || !points.ok || !created.ok || !resolved.ok) {
    return { kind: 'problem', problem: { line, message: describeRefusal(key, reasons) } };
  }
  const sprints = readSprints(cells, columns.sprints);
  if (sprints.length === 0) {
    return {
      kind: 'skipped',
      warning: {
        line,
        message: `${key} is in no sprint; skipped, since Sextant stories always belong to a sprint.`,
      },
    };
  }
  const status = cellAt(cells, columns.status);
  const mapping = mapJiraStatus({
    status,
    statusCategory: cellAt(cells, columns.statusCategory),
    resolution: cellAt(cells, columns.resolution),
    hasResolvedDate: resolved.value !== null,
  });
  const issue: JiraIssue = {
    line,
    key,
    summary,
    issueType: cellAt(cells, columns.issueType),
    status,
    mappedStatus: mapping.status,
    assignee: readAssignee(cellAt(cells, columns.assignee)),
    sprints,
    points: points.value,
    created: created.value,
    resolved: resolved.value,
    description: readDescription(cellAt(cells, columns.description)),
  };
  // Without a Status column the plan says so once (line 1), not on every row.
  const quiet = mapping.warning === null || columns.status < 0;
  const warnings = quiet ? [] : [{ line, message: `${key}: ${mapping.warning}` }];
  return { kind: 'issue', issue, warnings };
}

/** Records the key (upper-case, as Jira compares them) and says what is wrong with it, if anything. */
function checkKey(key: string, line: number, seenKeys: Map<string, number>): (string | null)[] {
  if (key === '') return ['no Issue key'];
  if (!ISSUE_KEY.test(key)) return [`"Issue key" is "${key}", not a Jira key like PDM-12`];
  const canonical = key.toUpperCase();
  const firstLine = seenKeys.get(canonical);
  if (firstLine !== undefined) return [`Issue key ${key} already appears on line ${firstLine}`];
  seenKeys.set(canonical, line);
  return [];
}

function describeRefusal(key: string, reasons: string[]): string {
  const subject = key === '' || !ISSUE_KEY.test(key) ? 'Row' : key;
  return `${subject} not imported: ${reasons.join('; ')}.`;
}

const NO_STATUS_COLUMN =
  'The header has no "Status" column: every issue is imported as todo, or done when it has a ' +
  'Resolved date.';

function byLine(a: JiraPlanNote, b: JiraPlanNote): number {
  return a.line - b.line;
}

/** The earliest of ISO instants written the same way: the smallest string. */
function earliestOf(instants: (string | null)[]): string | null {
  return instants.reduce<string | null>(
    (min, value) => (value !== null && (min === null || value < min) ? value : min),
    null,
  );
}

function countIssuesPerSprint(issues: JiraIssue[]): { name: string; issueCount: number }[] {
  const order = orderJiraSprints(issues.map((issue) => issue.sprints));
  return order.map((name) => ({
    name,
    issueCount: issues.filter((issue) => issue.sprints.includes(name)).length,
  }));
}

/**
 * The import plan for a parsed Jira CSV: usable issues in file order, their sprints in
 * chronological order, refused rows (problems) and remarks (warnings), each with its line.
 */
export function planJiraImport(table: JiraCsvTable): JiraImportPlan {
  const parseProblems = table.problems ?? [];
  const columns = findColumns(table.header);
  const headerProblem =
    table.header.length === 0 ? 'The file is empty: it has no header row.' : checkHeader(columns);
  if (headerProblem !== null) {
    return {
      sprints: [],
      issues: [],
      problems: [{ line: 1, message: headerProblem }, ...parseProblems].sort(byLine),
      warnings: [],
      earliestCreated: null,
    };
  }
  const issues: JiraIssue[] = [];
  const problems: JiraPlanNote[] = [...parseProblems];
  const warnings: JiraPlanNote[] =
    columns.status < 0 ? [{ line: 1, message: NO_STATUS_COLUMN }] : [];
  const seenKeys = new Map<string, number>();
  for (const row of table.rows) {
    const result = planRow(row, table.header, columns, seenKeys);
    if (result.kind === 'problem') problems.push(result.problem);
    if (result.kind === 'skipped') warnings.push(result.warning);
    if (result.kind === 'issue') {
      issues.push(result.issue);
      warnings.push(...result.warnings);
    }
  }
  return {
    sprints: countIssuesPerSprint(issues),
    issues,
    problems: problems.sort(byLine),
    warnings: warnings.sort(byLine),
    earliestCreated: earliestOf(issues.map((issue) => issue.created)),
  };
}
