/** A failure the CLI reports as one line (`sextant: error: …`) and exit code 1. */
export class CliError extends Error {}
