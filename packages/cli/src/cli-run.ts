import { CommanderError, type Command } from 'commander';
import { AppError } from '@sextant/core/errors';
import { CliError } from './cli-error.js';

/** Parses the arguments and runs the command; a failure is one `sextant: error:` line, exit 1. */
export async function runCli(program: Command): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      process.exit(error.exitCode);
    }
    const message =
      error instanceof CliError || error instanceof AppError
        ? error.message
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`sextant: error: ${message.split('\n')[0]}\n`);
    process.exit(1);
  }
}
