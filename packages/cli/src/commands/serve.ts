import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

const BUILT_WEB = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Migrate the database and serve the API and web UI (env: PORT, HOST, SEXTANT_DATA_DIR, DATABASE_URL, SEXTANT_DEMO=0)',
    )
    .action(async () => {
      // The server loads only for this command, so the others start fast.
      const { loadConfig, startServer } = await import('@sextant/server');
      const config = loadConfig();
      const server = await startServer({ ...config, webDir: config.webDir ?? BUILT_WEB });
      let closing = false;
      const stop = (signal: string) => {
        if (closing) return;
        closing = true;
        process.stdout.write(`\n${signal}: shutting down\n`);
        server.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    });
}
