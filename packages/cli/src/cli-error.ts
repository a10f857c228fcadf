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
