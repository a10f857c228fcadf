import {
  dayNumber,
  hasEventWithin,
  isCalendarDate,
  localDayOf,
  type PeriodSlot,
  type TopNEvaluator,
} from '@sextant/core/evaluation';
import { ByteInterner, FNV_OFFSET, FNV_PRIME, parsePlainDecimal, POW10 } from './byte-fields.js';
import { DuplicateRowError, LineError } from './cli-error.js';
import type { CsvBlockScanner } from './csv-bytes.js';
import { splitQuoted } from './csv-lines.js';
import { DayTops } from './day-tops.js';
import { SeenCells } from './seen-cells.js';

/** What each wanted column is. */
export const PERIOD = 0;
export const ENTITY = 1;
export const SCORE = 2;
export const LABEL = 3;
const SKIP = -1;

/** Labels computed from the events (1 when one falls within the horizon) instead of read. */
export interface EventLabels {
  /** Each entity's event days, as day numbers in order (see eventDaysByEntity). */
  events: Map<string, number[]>;
  horizonDays: number;
}

export interface PredictionsScannerOptions {
  file: string;
  /** Column names, for messages. */
  names: { entity: string; score: string; label: string };
  timeZone: string;
  labels?: EventLabels;
  /** The header's fields → the kind of each column (PERIOD, ENTITY, SCORE, LABEL or −1). */
  kindsOf: (header: string[]) => number[];
  /**
   * Looking for a row instead of evaluating: called with each row's entity, day, day number
   * and line, and nothing else is done with the row (see evaluate-rows.ts).
   */
  probe?: (entity: string, day: string, dayNumber: number, line: number) => void;
}

export const duplicateProblem = (column: string, entity: string, day: string): string =>
  `duplicate row: ${column} ${entity} already has a row for ${day}`;

/** Rows parsed before they are marked, counted and offered (see `flush`). */
const PENDING = 1 << 16;

/** Raw period texts (instants) remembered with their day, before the memo starts over. */
const RAW_MEMO = 1 << 16;

/**
 * A day's year, month and day as a small key (12 × 31 a year, so that a table indexed by it
 * stays small), or −1 when month or day are out of range.
 */
export function dayKey(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return (year * 12 + month - 1) * 31 + day - 1;
}

/** The dayKey of bytes[start … end) when they are `YYYY-MM-DD`, else −1. */
export function dateKeyOf(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 10 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return -1;
  const digits: number[] = [];
  for (const at of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const digit = bytes[start + at]! - 48;
    if (digit < 0 || digit > 9) return -1;
    digits.push(digit);
  }
  const [y0, y1, y2, y3, m0, m1, d0, d1] = digits as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return dayKey(((y0 * 10 + y1) * 10 + y2) * 10 + y3, m0 * 10 + m1, d0 * 10 + d1);
}

/**
 * The predictions' rows, parsed from bytes into the evaluator in one pass, in any order:
 * `scan` finds each field and parses it while looking for its end (a `YYYY-MM-DD` period's
 * digits read into a key, the entity hashed, the score's digits summed, the label's byte
 * kept), then `row` checks and adds the row. The period's key finds its day in a small table
 * (a day is decoded and checked once, the first time it is seen), the entity's hash its id in
 * the interning table, and a bit per (entity, day) (SeenCells) catches an entity twice in a
 * day. A line with a quote, a blank or a stray carriage return around a field goes through
 * `slowRow` (decoded, split, trimmed), which ends in the same `row`. The first mistake stops
 * with its line number (a LineError; a DuplicateRowError without the earlier line).
 */
export class PredictionsScanner implements CsvBlockScanner {
  lines = 0;
  rows = 0;
  /** The distinct days, in the order first seen, with their day numbers and period slots. */
  readonly days: string[] = [];
  readonly dayNumbers: number[] = [];
  private readonly slots: PeriodSlot[] = [];
  /**
   * Rows parsed and checked, waiting for `flush`: day index, entity id, score, label, line
   * (room for 1,024 at first, growing to PENDING: a small file takes little).
   */
  private pending = 0;
  private pendingDay = new Int32Array(1024);
  private pendingEntity = new Int32Array(1024);
  private pendingScore = new Float64Array(1024);
  private pendingLabel = new Uint8Array(1024);
  private pendingLine = new Int32Array(1024);
  /** A scattered batch's cells grouped by entity (see `markScattered`): id, day number, row. */
  private groupedIds = new Int32Array(0);
  private groupedDays = new Int32Array(0);
  private groupedRows = new Int32Array(0);
  /** Per day index: rows, rows with an event, and the bar of the day's top N. */
  private dayRecords = new Int32Array(512);
  private dayEvents = new Int32Array(512);
  private dayBars = new Float64Array(512).fill(-Infinity);
  readonly entities = new ByteInterner();
  readonly seen = new SeenCells();
  /** Each day's top N while reading (handed to the evaluator by `finish`). */
  private readonly tops: DayTops;

  private kinds: Int32Array = new Int32Array(0);
  /** The columns are `period,entity,score,label` in that order and no others. */
  private standard = false;
  /** The column of PERIOD, ENTITY, SCORE and LABEL (−1 when absent), for `slowRow`. */
  private columns: number[] = [];
  /** dateKey − keyBase → index in `days` + 1 (0: not seen yet). */
  private keyDays: Int32Array = new Int32Array(0);
  private keyBase = 0;
  private readonly dayIndexes = new Map<string, number>();
  /** Periods that are not `YYYY-MM-DD` (instants): the last one and a memo. */
  private lastRaw = '';
  private lastRawDay = -1;
  private readonly rawDays = new Map<string, number>();
  private readonly eventDays: Array<number[] | null> = [];
  private scratch = Buffer.allocUnsafe(256);
  /** The row's score when its bytes were a plain decimal, else NaN. */
  private parsedScore = NaN;

  constructor(
    private readonly evaluator: TopNEvaluator,
    private readonly options: PredictionsScannerOptions,
  ) {
    this.tops = new DayTops(evaluator.n, this.entities.names);
  }

  header(fields: string[]): void {
    this.kinds = Int32Array.from(this.options.kindsOf(fields));
    this.columns = [PERIOD, ENTITY, SCORE, LABEL].map((kind) => this.kinds.indexOf(kind));
    this.standard = this.kinds.join() === [PERIOD, ENTITY, SCORE, LABEL].join();
  }

  scan(buf: Buffer, from: number, filled: number, firstLine: number): number {
    try {
      return this.standard
        ? this.scanStandard(buf, from, filled, firstLine)
        : this.scanRows(buf, from, filled, firstLine);
    } catch (error) {
      // A mistake on this line comes after the rows still waiting: they may repeat a cell.
      if (error instanceof LineError && !(error instanceof DuplicateRowError)) this.flush();
      throw error;
    }
  }

  /**
   * `scanRows` for the usual layout, `period,entity,score,label` and nothing else: each
   * field read where the layout puts it (a `YYYY-MM-DD` period, an entity without blanks or
   * quotes, a plain decimal score, a label 0 or 1), without a dispatch per field. A line
   * that does not fit goes to `scanRows` alone, which reads it (or stops on it) as it would
   * any line.
   */
  private scanStandard(buf: Buffer, from: number, filled: number, firstLine: number): number {
    const entities = this.entities;
    const prime = FNV_PRIME;
    const offset = FNV_OFFSET;
    const pow10 = POW10;
    let line = firstLine;
    let i = from;
    while (i < filled) {
      const lineStart = i;
      fits: {
        if (i + 11 >= filled || buf[i + 4] !== 45 || buf[i + 7] !== 45 || buf[i + 10] !== 44) {
          break fits;
        }
        const y0 = buf[i]! - 48;
        const y1 = buf[i + 1]! - 48;
        const y2 = buf[i + 2]! - 48;
        const y3 = buf[i + 3]! - 48;
        const m0 = buf[i + 5]! - 48;
        const m1 = buf[i + 6]! - 48;
        const d0 = buf[i + 8]! - 48;
        const d1 = buf[i + 9]! - 48;
        if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) >>> 0 > 9) {
          // Some byte is not a digit (or all are, and one is above 9: checked one by one).
          if (
            y0 >>> 0 > 9 ||
            y1 >>> 0 > 9 ||
            y2 >>> 0 > 9 ||
            y3 >>> 0 > 9 ||
            m0 >>> 0 > 9 ||
            m1 >>> 0 > 9 ||
            d0 >>> 0 > 9 ||
            d1 >>> 0 > 9
          ) {
            break fits;
          }
        }
        const key = dayKey(((y0 * 10 + y1) * 10 + y2) * 10 + y3, m0 * 10 + m1, d0 * 10 + d1);
        if (key < 0) break fits;
        i += 11;
        const entityStart = i;
        let hash = offset;
        let c = 0;
        for (; i < filled; i++) {
          c = buf[i]!;
          if (c === 44) break;
          // A blank, a quote or a line end: not this layout.
          if (c <= 34) break fits;
          hash = Math.imul(hash ^ c, prime);
        }
        if (i >= filled || i === entityStart) break fits;
        const entityEnd = i;
        i += 1;
        const scoreStart = i;
        const negative = buf[i] === 45;
        if (negative) i += 1;
        let mantissa = 0;
        let digits = 0;
        let decimals = 0;
        let dot = 0;
        for (; i < filled; i++) {
          c = buf[i]!;
          const digit = c - 48;
          if (digit >>> 0 <= 9) {
            mantissa = mantissa * 10 + digit;
            digits += 1;
            decimals += dot;
          } else if (c === 46 && dot === 0) {
            dot = 1;
          } else {
            break;
          }
        }
        if (c !== 44 || i >= filled || digits === 0 || digits > 15) break fits;
        const scoreEnd = i;
        i += 1;
        const labelByte = buf[i];
        if (labelByte !== 48 && labelByte !== 49) break fits;
        let end = i + 1;
        if (buf[end] === 13) end += 1;
        if (end >= filled || buf[end] !== 10) break fits;
        let id = entities.find(hash, buf, entityStart, entityEnd);
        if (id < 0) id = entities.idOf(hash, buf, entityStart, entityEnd);
        const score = mantissa / pow10[decimals]!;
        this.parsedScore = negative ? -score : score;
        line += 1;
        this.row(
          buf,
          line,
          lineStart,
          lineStart + 10,
          key,
          id,
          scoreStart,
          scoreEnd,
          labelByte,
          i,
          i + 1,
        );
        i = end + 1;
        continue;
      }
      // Not this layout: the general reader takes the line alone.
      const newline = buf.indexOf(10, lineStart);
      if (newline < 0 || newline >= filled) {
        this.lines = line;
        return lineStart;
      }
      this.scanRows(buf, lineStart, newline + 1, line);
      line = this.lines;
      i = newline + 1;
    }
    this.lines = line;
    return i;
  }

  private scanRows(buf: Buffer, from: number, filled: number, firstLine: number): number {
    const kinds = this.kinds;
    const lastKind = kinds.length - 1;
    const entities = this.entities;
    // Imported bindings copied into locals: the loop then reads registers, not module cells.
    const prime = FNV_PRIME;
    const offset = FNV_OFFSET;
    const pow10 = POW10;
    let line = firstLine;
    let i = from;
    // The start of the line being read; `filled` once every line is read.
    let lineStart = from;
    rows: while (i < filled) {
      let column = 0;
      let slow = false;
      let periodStart = i;
      let periodEnd = i;
      let key = -1;
      let entityStart = i;
      let entityEnd = i;
      let hash = offset;
      let scoreStart = i;
      let scoreEnd = i;
      let mantissa = 0;
      let digits = 0;
      let decimals = 0;
      let dot = false;
      let negative = false;
      let plain = true;
      let labelStart = i;
      let labelEnd = i;
      let c = 0;
      for (;;) {
        const kind = column <= lastKind ? kinds[column]! : SKIP;
        const start = i;
        if (kind === PERIOD) {
          const end = start + 10;
          if (
            end < filled &&
            buf[start + 4] === 45 &&
            buf[start + 7] === 45 &&
            ((c = buf[end]!) === 44 || c === 10 || c === 13)
          ) {
            // `YYYY-MM-DD`, the usual period: its digits read in place.
            const y0 = buf[start]! - 48;
            const y1 = buf[start + 1]! - 48;
            const y2 = buf[start + 2]! - 48;
            const y3 = buf[start + 3]! - 48;
            const m0 = buf[start + 5]! - 48;
            const m1 = buf[start + 6]! - 48;
            const d0 = buf[start + 8]! - 48;
            const d1 = buf[start + 9]! - 48;
            if (
              y0 >>> 0 <= 9 &&
              y1 >>> 0 <= 9 &&
              y2 >>> 0 <= 9 &&
              y3 >>> 0 <= 9 &&
              m0 >>> 0 <= 9 &&
              m1 >>> 0 <= 9 &&
              d0 >>> 0 <= 9 &&
              d1 >>> 0 <= 9
            ) {
              key = dayKey(((y0 * 10 + y1) * 10 + y2) * 10 + y3, m0 * 10 + m1, d0 * 10 + d1);
            }
            i = end;
          } else {
            let date = 0;
            let dashes = 0;
            let plainDate = true;
            for (; i < filled; i++) {
              c = buf[i]!;
              if (c === 44 || c === 10 || c === 13) break;
              const digit = c - 48;
              if (digit >= 0 && digit <= 9) {
                date = date * 10 + digit;
              } else if (c === 45) {
                dashes += 1;
              } else {
                plainDate = false;
                if (c === 34) slow = true;
              }
            }
            if (plainDate && dashes === 2) key = dateKeyOf(buf, start, i);
          }
          periodStart = start;
          periodEnd = i;
        } else if (kind === ENTITY) {
          for (; i < filled; i++) {
            c = buf[i]!;
            if (c === 44 || c === 10 || c === 13) break;
            if (c === 34) slow = true;
            hash = Math.imul(hash ^ c, prime);
          }
          entityStart = start;
          entityEnd = i;
        } else if (kind === SCORE) {
          for (; i < filled; i++) {
            c = buf[i]!;
            if (c === 44 || c === 10 || c === 13) break;
            if (c >= 48 && c <= 57) {
              mantissa = mantissa * 10 + (c - 48);
              digits += 1;
              if (dot) decimals += 1;
            } else if (c === 46 && !dot) {
              dot = true;
            } else if (c === 45 && i === start) {
              negative = true;
            } else {
              plain = false;
              if (c === 34) slow = true;
            }
          }
          scoreStart = start;
          scoreEnd = i;
        } else {
          for (; i < filled; i++) {
            c = buf[i]!;
            if (c === 44 || c === 10 || c === 13) break;
            if (c === 34) slow = true;
          }
          if (kind === LABEL) {
            labelStart = start;
            labelEnd = i;
          }
        }
        // The line is not complete in this block: hand it over again with the next one.
        if (i >= filled) break rows;
        // A field with a blank at either end is trimmed by the general path.
        if (i > start) {
          const first = buf[start]!;
          const last = buf[i - 1]!;
          if (first === 32 || first === 9 || last === 32 || last === 9) slow = true;
        }
        if (c === 44) {
          i += 1;
          column += 1;
          continue;
        }
        if (c === 13) {
          if (i + 1 >= filled) break rows;
          if (buf[i + 1] !== 10) {
            // A carriage return inside the line: the general path decides.
            slow = true;
            const newline = buf.indexOf(10, i);
            if (newline < 0 || newline >= filled) break rows;
            i = newline;
          }
        }
        break;
      }
      // buf[i] is the line's \r or \n; the line's text is buf[lineStart … lineEnd).
      const lineEnd = i;
      i = buf[i] === 13 && buf[i + 1] === 10 ? i + 2 : i + 1;
      const textStart = lineStart;
      lineStart = i;
      line += 1;
      if (lineEnd === textStart) continue;
      if (slow) {
        this.slowRow(buf, textStart, lineEnd, line);
        continue;
      }
      let id = -1;
      if (entityEnd > entityStart) {
        id = entities.find(hash, buf, entityStart, entityEnd);
        if (id < 0) id = entities.idOf(hash, buf, entityStart, entityEnd);
      }
      // Handed over in a field: a double argument to a call that is not inlined is boxed.
      let score = NaN;
      if (plain && digits > 0 && digits <= 15) {
        score = mantissa / pow10[decimals]!;
        if (negative) score = -score;
      }
      this.parsedScore = score;
      const labelByte = labelEnd - labelStart === 1 ? buf[labelStart]! : -1;
      this.row(
        buf,
        line,
        periodStart,
        periodEnd,
        key,
        id,
        scoreStart,
        scoreEnd,
        labelByte,
        labelStart,
        labelEnd,
      );
    }
    this.lines = line;
    return lineStart;
  }

  /** A line with quotes, blanks or a stray \r: decoded, split, trimmed, then `row`. */
  private slowRow(buf: Buffer, start: number, end: number, line: number): void {
    const { file } = this.options;
    const text = buf.toString('utf8', start, end);
    const fields = text.includes('"') ? splitQuoted(text, file, line) : text.split(',');
    const parts = this.columns.map((column) =>
      Buffer.from(column < 0 ? '' : (fields[column] ?? '').trim(), 'utf8'),
    );
    const size = parts.reduce((sum, part) => sum + part.length, 0);
    if (this.scratch.length < size) this.scratch = Buffer.allocUnsafe(size * 2);
    const scratch = this.scratch;
    const at = [0];
    parts.forEach((part, k) => at.push(at[k]! + part.copy(scratch, at[k]!)));
    const [p0, e0, s0, l0, end0] = at as [number, number, number, number, number];
    this.parsedScore = parsePlainDecimal(scratch, s0, l0);
    this.row(
      scratch,
      line,
      p0,
      e0,
      dateKeyOf(scratch, p0, e0),
      e0 < s0 ? this.entities.intern(scratch, e0, s0) : -1,
      s0,
      l0,
      end0 - l0 === 1 ? scratch[l0]! : -1,
      l0,
      end0,
    );
  }

  /** One row's checks and its record, from its parsed fields. */
  private row(
    buf: Buffer,
    line: number,
    periodStart: number,
    periodEnd: number,
    key: number,
    id: number,
    scoreStart: number,
    scoreEnd: number,
    labelByte: number,
    labelStart: number,
    labelEnd: number,
  ): void {
    const { file, names } = this.options;
    let dayIndex = -1;
    if (key >= 0) {
      const at = key - this.keyBase;
      if (at >= 0 && at < this.keyDays.length) dayIndex = this.keyDays[at]! - 1;
      if (dayIndex < 0) dayIndex = this.newDate(buf, periodStart, periodEnd, key, line);
    } else {
      dayIndex = this.periodText(buf, periodStart, periodEnd, line);
    }
    if (id < 0) throw new LineError(file, line, `empty ${names.entity}`);
    const entity = this.entities.names[id]!;
    const day = this.days[dayIndex]!;
    const number = this.dayNumbers[dayIndex]!;
    const probe = this.options.probe;
    if (probe !== undefined) {
      probe(entity, day, number, line);
      return;
    }

    let score = this.parsedScore;
    if (Number.isNaN(score)) {
      const text = buf.toString('utf8', scoreStart, scoreEnd).trim();
      score = text === '' ? NaN : Number(text);
      if (!Number.isFinite(score)) {
        this.refuse(
          new LineError(file, line, `${names.score} "${text}" is not a number`),
          id,
          dayIndex,
        );
      }
    }

    let label: 0 | 1;
    const labels = this.options.labels;
    if (labels) {
      let days = this.eventDays[id];
      if (days === undefined) {
        days = labels.events.get(entity) ?? null;
        this.eventDays[id] = days;
      }
      label = days !== null && hasEventWithin(days, number, labels.horizonDays) ? 1 : 0;
    } else {
      if (labelByte !== 48 && labelByte !== 49) {
        const text = buf.toString('utf8', labelStart, labelEnd).trim();
        this.refuse(
          new LineError(file, line, `${names.label} "${text}" is not 0 or 1`),
          id,
          dayIndex,
        );
      }
      label = labelByte === 49 ? 1 : 0;
    }
    const at = this.pending;
    this.pendingDay[at] = dayIndex;
    this.pendingEntity[at] = id;
    this.pendingScore[at] = score;
    this.pendingLabel[at] = label;
    this.pendingLine[at] = line;
    this.pending = at + 1;
    if (at + 1 === this.pendingDay.length) {
      if (at + 1 < PENDING) this.growPending();
      else this.flush();
    }
    this.rows += 1;
  }

  /**
   * Stops on a row's bad score or label, unless the rows before it or the row itself (a
   * second row of its entity and day) make an earlier mistake.
   */
  private refuse(error: LineError, id: number, dayIndex: number): never {
    this.flush();
    if (this.seen.has(id, this.dayNumbers[dayIndex]!)) {
      throw this.duplicate(error.line, id, dayIndex);
    }
    throw error;
  }

  private duplicate(line: number, id: number, dayIndex: number): DuplicateRowError {
    const entity = this.entities.names[id]!;
    const day = this.days[dayIndex]!;
    return new DuplicateRowError(
      this.options.file,
      line,
      duplicateProblem(this.options.names.entity, entity, day),
      entity,
      day,
    );
  }

  /**
   * The rows parsed since the last flush: each (entity, day) cell marked (a second row
   * stops, the first in file order), then each row counted in its day and offered to the
   * day's top N only when it reaches the bar (a few rows in a hundred). In tight loops over a
   * batch rather than row by row, so that the lookups overlap in the memory system; and when
   * the batch's rows come in no order (neither the day nor the entity of one row is the
   * previous row's), the cells are marked entity group by entity group (`markScattered`), so
   * that each group's part of the bitmap is read from the cache, not from memory.
   */
  private flush(): void {
    const count = this.pending;
    this.pending = 0;
    const { seen, dayNumbers, dayRecords, dayEvents, dayBars, tops } = this;
    const pendingDay = this.pendingDay;
    const pendingEntity = this.pendingEntity;
    const pendingScore = this.pendingScore;
    const pendingLabel = this.pendingLabel;
    let scattered = 0;
    for (let r = 1; r < count; r++) {
      if (pendingDay[r] !== pendingDay[r - 1] && pendingEntity[r] !== pendingEntity[r - 1]) {
        scattered += 1;
      }
    }
    if (scattered * 4 > count) {
      this.markScattered(count);
    } else {
      for (let r = 0; r < count; r++) {
        const dayIndex = pendingDay[r]!;
        const id = pendingEntity[r]!;
        if (seen.mark(id, dayNumbers[dayIndex]!)) {
          throw this.duplicate(this.pendingLine[r]!, id, dayIndex);
        }
      }
    }
    for (let r = 0; r < count; r++) {
      const dayIndex = pendingDay[r]!;
      const label = pendingLabel[r]!;
      dayRecords[dayIndex]! += 1;
      dayEvents[dayIndex]! += label;
      const score = pendingScore[r]!;
      if (score >= dayBars[dayIndex]!) {
        dayBars[dayIndex] = tops.offer(dayIndex, score, pendingEntity[r]!, label);
      }
    }
  }

  /**
   * Marks the batch's cells group of entity ids by group (a counting sort on the id's high
   * bits, at most 256 groups, file order kept within each), and stops on the first row in
   * file order that repeats a cell.
   */
  private markScattered(count: number): void {
    const { seen, dayNumbers, pendingDay, pendingEntity } = this;
    let shift = 4;
    while (this.entities.names.length >>> shift > 256) shift += 1;
    const groups = (this.entities.names.length >>> shift) + 1;
    const starts = new Int32Array(groups + 1);
    for (let r = 0; r < count; r++) starts[(pendingEntity[r]! >>> shift) + 1]! += 1;
    for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!;
    if (this.groupedIds.length < count) {
      this.groupedIds = new Int32Array(this.pendingDay.length);
      this.groupedDays = new Int32Array(this.pendingDay.length);
      this.groupedRows = new Int32Array(this.pendingDay.length);
    }
    const ids = this.groupedIds;
    const numbers = this.groupedDays;
    const rows = this.groupedRows;
    for (let r = 0; r < count; r++) {
      const id = pendingEntity[r]!;
      const at = starts[id >>> shift]!++;
      ids[at] = id;
      numbers[at] = dayNumbers[pendingDay[r]!]!;
      rows[at] = r;
    }
    let repeated = count;
    for (let k = 0; k < count; k++) {
      if (seen.mark(ids[k]!, numbers[k]!) && rows[k]! < repeated) repeated = rows[k]!;
    }
    if (repeated < count) {
      throw this.duplicate(
        this.pendingLine[repeated]!,
        pendingEntity[repeated]!,
        pendingDay[repeated]!,
      );
    }
  }

  /** Hands the days' counts to the evaluator: once, after the last block. */
  finish(): void {
    this.flush();
    const names = this.entities.names;
    this.slots.forEach((slot, dayIndex) => {
      this.evaluator.countInSlot(slot, this.dayRecords[dayIndex]!, this.dayEvents[dayIndex]!);
      const day = this.days[dayIndex]!;
      this.tops.forEach(dayIndex, (score, id, label) =>
        this.evaluator.offerToSlot(slot, day, names[id]!, score, label as 0 | 1),
      );
    });
    this.dayRecords.fill(0);
    this.dayEvents.fill(0);
  }

  /** A `YYYY-MM-DD` period whose key is not in the table yet: checked, then kept there. */
  private newDate(buf: Buffer, start: number, end: number, key: number, line: number): number {
    const dayIndex = this.dayOf(buf.toString('latin1', start, end), line);
    let at = key - this.keyBase;
    if (at < 0 || at >= this.keyDays.length) {
      // Grow the table to take the key, with room on the side it grew (a year is 372 keys).
      const empty = this.keyDays.length === 0;
      const low = empty ? key - 2 * 372 : Math.min(this.keyBase, key);
      const high = empty ? key + 6 * 372 : Math.max(this.keyBase + this.keyDays.length, key + 1);
      let size = Math.max(this.keyDays.length, 8 * 372);
      while (size < high - low) size *= 2;
      const base = !empty && key < this.keyBase ? high - size : low;
      const table = new Int32Array(size);
      if (!empty) table.set(this.keyDays, this.keyBase - base);
      this.keyDays = table;
      this.keyBase = base;
      at = key - base;
    }
    this.keyDays[at] = dayIndex + 1;
    return dayIndex;
  }

  /** A period that is not `YYYY-MM-DD` (an instant, or a mistake): its day's index. */
  private periodText(buf: Buffer, start: number, end: number, line: number): number {
    const raw = buf.toString('utf8', start, end);
    if (raw === this.lastRaw && this.lastRawDay >= 0) return this.lastRawDay;
    let dayIndex = this.rawDays.get(raw);
    if (dayIndex === undefined) {
      dayIndex = this.dayOf(raw, line);
      if (this.rawDays.size >= RAW_MEMO) this.rawDays.clear();
      this.rawDays.set(raw, dayIndex);
    }
    this.lastRaw = raw;
    this.lastRawDay = dayIndex;
    return dayIndex;
  }

  private growPending(): void {
    const size = this.pendingDay.length * 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(old: T, bigger: T): T => {
      bigger.set(old);
      return bigger;
    };
    this.pendingDay = grown(this.pendingDay, new Int32Array(size));
    this.pendingEntity = grown(this.pendingEntity, new Int32Array(size));
    this.pendingScore = grown(this.pendingScore, new Float64Array(size));
    this.pendingLabel = grown(this.pendingLabel, new Uint8Array(size));
    this.pendingLine = grown(this.pendingLine, new Int32Array(size));
  }

  private growDays(): void {
    const size = this.dayBars.length * 2;
    const records = new Int32Array(size);
    records.set(this.dayRecords);
    this.dayRecords = records;
    const events = new Int32Array(size);
    events.set(this.dayEvents);
    this.dayEvents = events;
    const bars = new Float64Array(size).fill(-Infinity);
    bars.set(this.dayBars);
    this.dayBars = bars;
  }

  /** The index in `days` of the day of a period's text, added when new; a bad one stops. */
  private dayOf(raw: string, line: number): number {
    let day: string;
    try {
      day = localDayOf(raw.trim(), this.options.timeZone);
      if (!isCalendarDate(day)) throw new RangeError(day);
    } catch {
      throw new LineError(
        this.options.file,
        line,
        `period "${raw}" is neither a day (YYYY-MM-DD) nor an instant`,
      );
    }
    let dayIndex = this.dayIndexes.get(day);
    if (dayIndex === undefined) {
      dayIndex = this.days.length;
      if (dayIndex === this.dayBars.length) this.growDays();
      this.tops.reserve(dayIndex + 1);
      this.days.push(day);
      this.dayNumbers.push(dayNumber(day));
      this.slots.push(this.evaluator.slotOf(day));
      this.dayIndexes.set(day, dayIndex);
    }
    return dayIndex;
  }
}
