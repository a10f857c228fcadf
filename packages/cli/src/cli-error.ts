/** A failure the CLI reports as one line (`sextant: error: …`) and exit code 1. */
export class CliError extends Error {}

/**
 * A CliError about one line of a file: "FILE line N: problem", and "… on line M" when an
 * earlier line is involved (a duplicate row).
 */
export class LineError extends CliError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
    readonly earlierLine?: number,
  ) {
    super(
      `${file} line ${line}: ${problem}${earlierLine === undefined ? '' : ` on line ${earlierLine}`}`,
    );
  }

  /** The same error, its line numbers counted from `lines` lines earlier in the file. */
  shifted(lines: number): LineError {
    return new LineError(
      this.file,
      this.line + lines,
      this.problem,
      this.earlierLine === undefined ? undefined : this.earlierLine + lines,
    );
  }
}

/**
 * "An entity twice in a period" at `line`: the row of `entity` on `day` was there before.
 * The scan that finds it keeps a bit per (entity, day), not the line of each row; the
 * earlier line is looked up afterwards (see `withEarlierLine` in evaluate-rows.ts).
 */
export class DuplicateRowError extends LineError {
  constructor(
    file: string,
    line: number,
    problem: string,
    readonly entity: string,
    readonly day: string,
    earlierLine?: number,
  ) {
    super(file, line, problem, earlierLine);
  }

  override shifted(lines: number): DuplicateRowError {
    return new DuplicateRowError(
      this.file,
      this.line + lines,
      this.problem,
      this.entity,
      this.day,
      this.earlierLine === undefined ? undefined : this.earlierLine + lines,
    );
  }
}
