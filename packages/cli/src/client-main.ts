import { Command } from 'commander';
import { SEXTANT_VERSION } from '@sextant/core/version';
import { runCli } from './cli-run.js';
import { registerDeploy } from './commands/deploy.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerImport } from './commands/import.js';
import { registerRun } from './commands/run.js';
import { readWithoutWorkers } from './evaluate-parts.js';

/**
 * The client commands alone, the entry of the one-file bundle every server serves at
 * /cli/sextant.mjs (scripts/build-client.mjs): nothing here reaches the server, the database
 * or native code, so a CI job needs only Node. The server's version is baked in at build time.
 */
declare const __SEXTANT_SERVER_VERSION__: string | undefined;
const serverVersion =
  typeof __SEXTANT_SERVER_VERSION__ === 'string' ? __SEXTANT_SERVER_VERSION__ : SEXTANT_VERSION;

// One file has no evaluate-worker.js beside it: `evaluate` reads on this thread.
readWithoutWorkers();

const program = new Command()
  .name('sextant')
  .description('Report runs and deployments to Sextant from CI; evaluate predictions; import Jira.')
  .version(`sextant-client ${SEXTANT_VERSION} (from server ${serverVersion})`)
  .enablePositionalOptions()
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerImport(program);
registerRun(program);
registerDeploy(program);
registerEvaluate(program);

await runCli(program);
