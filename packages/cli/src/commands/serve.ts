import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';

const BUILT_WEB = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Migrate the database and serve the API and web UI (env: PORT, HOST, SEXTANT_DATA_DIR, DATABASE_URL, SEXTANT_DEMO=0)',
    )
    .action(async () => {
      // A bulk upload streams 100 MB through short-lived rows; V8's allocation-site
      // pretenuring can decide mid-upload that those rows live long and put them straight in
      // the old generation, where only a full GC frees them: the PostgreSQL upload of
      // bulk-upload-memory.test.ts then rose 91-110 MiB for 16 MB in 4 of 6 runs, and 15-20 MiB
      // in 5 of 5 with pretenuring off (4 Dec 2026, 2-core VM). The server's objects are
      // request-scoped, so it has no long-lived allocation site that pretenuring would speed.
      // Set before the server loads, so no allocation site has been pretenured yet.
      setFlagsFromString('--no-allocation-site-pretenuring');
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
