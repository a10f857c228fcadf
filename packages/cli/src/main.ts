import { Command } from 'commander';
// The subpath entries keep start-up small: the main entry loads every schema (Zod).
import { SEXTANT_VERSION } from '@sextant/core/version';
import { runCli } from './cli-run.js';
import { registerImport } from './commands/import.js';
import { registerMigrate } from './commands/migrate.js';
import { registerRun } from './commands/run.js';
import { registerDeploy } from './commands/deploy.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerServe } from './commands/serve.js';
import { registerToken } from './commands/token.js';
import { registerUser } from './commands/user.js';

const program = new Command()
  .name('sextant')
  .description('Is this data-science project on track? Server, admin and CI commands.')
  .version(SEXTANT_VERSION)
  // Program options only before the subcommand, so `deploy report --version 1.4.0` is the
  // deployment's version, not a request for Sextant's.
  .enablePositionalOptions()
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerServe(program);
registerMigrate(program);
registerUser(program);
registerToken(program);
registerImport(program);
registerRun(program);
registerDeploy(program);
registerEvaluate(program);

await runCli(program);
