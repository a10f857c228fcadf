import {
  dayNumber,
  hasEventWithin,
  isCalendarDate,
  localDayOf,
  type TopNEvaluator,
} from '@sextant/core/evaluation';
import {
  ByteInterner,
  bytesEqual,
  FNV_OFFSET,
  FNV_PRIME,
  grownInts,
  parsePlainDecimal,
  POW10,
} from './byte-fields.js';
import { LineError } from './cli-error.js';
import type { CsvBlockScanner } from './csv-bytes.js';
import { splitQuoted } from './csv-lines.js';

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
}

export const unsortedProblem = (day: string, previous: string): string =>
  `unsorted rows: period ${day} comes after ${previous} (sort the file by period)`;

export const duplicateProblem = (column: string, entity: string, day: string): string =>
  `duplicate row: ${column} ${entity} already has a row for ${day}`;

/**
 * The predictions' rows, parsed from bytes into the evaluator in one pass: `scan` finds each
 * field and parses it while looking for its end (the period compared with the previous
 * row's bytes, the entity hashed, the score's digits summed, the label's byte kept), then
 * `row` checks and adds the row. A line with a quote, a blank or a stray carriage return
 * around a field goes through `slowRow` (decoded, split, trimmed), which ends in the same
 * `row`. Rows must come in period order, an entity once a day; the first mistake stops with
 * its line number (a LineError).
 */
export class PredictionsScanner implements CsvBlockScanner {
  lines = 0;
  rows = 0;
  readonly days: string[] = [];
  readonly entities = new ByteInterner();
  firstRowLine = 0;
  readonly firstDayLines = new Map<string, number>();

  private kinds: Int32Array = new Int32Array(0);
  /** The column of PERIOD, ENTITY, SCORE and LABEL (−1 when absent), for `slowRow`. */
  private columns: number[] = [];
  private day = '';
  private dayNumberNow = 0;
  /** The previous row's period field: its bytes (when short) and its text. */
  private readonly lastPeriod = Buffer.alloc(64);
  private lastPeriodLength = -1;
  private lastRaw = '';
  /** Per entity id: the index in `days` of its last row, and that row's line. */
  private seenDay: Int32Array = new Int32Array(1 << 10).fill(-1);
  private seenLine: Int32Array = new Int32Array(1 << 10);
  private readonly eventDays: Array<number[] | null> = [];
  private scratch = Buffer.allocUnsafe(256);
  /** The row's score when its bytes were a plain decimal, else NaN. */
  private parsedScore = NaN;

  constructor(
    private readonly evaluator: TopNEvaluator,
    private readonly options: PredictionsScannerOptions,
  ) {}

  header(fields: string[]): void {
    this.kinds = Int32Array.from(this.options.kindsOf(fields));
    this.columns = [PERIOD, ENTITY, SCORE, LABEL].map((kind) => this.kinds.indexOf(kind));
  }

  /** The entities of the last day read, with their lines. */
  lastDayLines(): Map<string, number> {
    const lines = new Map<string, number>();
    const last = this.days.length - 1;
    this.entities.names.forEach((name, id) => {
      if (this.seenDay[id] === last) lines.set(name, this.seenLine[id]!);
    });
    return lines;
  }

  scan(buf: Buffer, from: number, filled: number, firstLine: number): number {
    const kinds = this.kinds;
    const lastKind = kinds.length - 1;
    const entities = this.entities;
    const lastPeriod = this.lastPeriod;
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
      const lastLength = this.lastPeriodLength;
      let periodStart = i;
      let periodEnd = i;
      let periodSame = false;
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
          let same = true;
          for (; i < filled; i++) {
            c = buf[i]!;
            if (c === 44 || c === 10 || c === 13) break;
            if (c === 34) slow = true;
            if (i - start >= lastLength || lastPeriod[i - start] !== c) same = false;
          }
          periodStart = start;
          periodEnd = i;
          periodSame = same && i - start === lastLength;
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
        periodSame,
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
      bytesEqual(scratch, p0, e0, this.lastPeriod, this.lastPeriodLength),
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
    periodSame: boolean,
    id: number,
    scoreStart: number,
    scoreEnd: number,
    labelByte: number,
    labelStart: number,
    labelEnd: number,
  ): void {
    const { file, names } = this.options;
    if (!periodSame) this.period(buf, periodStart, periodEnd, line);
    if (id < 0) throw new LineError(file, line, `empty ${names.entity}`);
    const entity = this.entities.names[id]!;
    if (id >= this.seenDay.length) {
      this.seenDay = grownInts(this.seenDay, -1);
      this.seenLine = grownInts(this.seenLine);
    }
    const dayIndex = this.days.length - 1;
    if (this.seenDay[id] === dayIndex) {
      throw new LineError(
        file,
        line,
        duplicateProblem(names.entity, entity, this.day),
        this.seenLine[id],
      );
    }
    this.seenDay[id] = dayIndex;
    this.seenLine[id] = line;
    if (dayIndex === 0) {
      if (this.firstRowLine === 0) this.firstRowLine = line;
      this.firstDayLines.set(entity, line);
    }

    let score = this.parsedScore;
    if (Number.isNaN(score)) {
      const text = buf.toString('utf8', scoreStart, scoreEnd).trim();
      score = text === '' ? NaN : Number(text);
      if (!Number.isFinite(score)) {
        throw new LineError(file, line, `${names.score} "${text}" is not a number`);
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
      label = days !== null && hasEventWithin(days, this.dayNumberNow, labels.horizonDays) ? 1 : 0;
    } else {
      if (labelByte !== 48 && labelByte !== 49) {
        const text = buf.toString('utf8', labelStart, labelEnd).trim();
        throw new LineError(file, line, `${names.label} "${text}" is not 0 or 1`);
      }
      label = labelByte === 49 ? 1 : 0;
    }
    this.evaluator.addScore(this.day, entity, score, label);
    this.rows += 1;
  }

  /** A period whose bytes differ from the previous row's: its day, in order. */
  private period(buf: Buffer, start: number, end: number, line: number): void {
    const length = end - start;
    this.lastPeriodLength =
      length <= this.lastPeriod.length ? buf.copy(this.lastPeriod, 0, start, end) : -1;
    const raw = buf.toString('utf8', start, end);
    if (raw === this.lastRaw && this.days.length > 0) return;
    this.lastRaw = raw;
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
    if (day < this.day)
      throw new LineError(this.options.file, line, unsortedProblem(day, this.day));
    if (day !== this.day) {
      this.days.push(day);
      this.day = day;
      this.dayNumberNow = dayNumber(day);
    }
  }
}
