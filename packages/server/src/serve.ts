import type { FastifyInstance } from 'fastify';
import { describeDatabase, migrateToLatest, openConnection, type Connection } from '@sextant/db';
import { buildApp } from './app.js';
import { clockFrom } from './clock.js';
import { notificationSettings, type ServerConfig } from './config.js';
import { DEMO_EMAIL, DEMO_OPERATOR_EMAIL, seedDemo } from './demo/seed-demo.js';
import { startJobRunner, type JobRunner } from './jobs/index.js';
import { notificationJobs } from './notifications/index.js';
import { SEXTANT_VERSION } from './version.js';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  connection: Connection;
  /** The job runner, unless SEXTANT_WORKER=0. */
  jobs: JobRunner | null;
  close(): Promise<void>;
}

/** Migrate, seed the demo into an empty database (unless disabled), listen, and say where. */
export async function startServer(
  config: ServerConfig,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<RunningServer> {
  const connection = openConnection({ url: config.databaseUrl, dataDir: config.dataDir });
  const clock = clockFrom(config.clockStart);
  try {
    await migrateToLatest(connection);
    const { app, services, store } = await buildApp({
      connection,
      clock,
      logger: { level: config.logLevel },
      trustProxy: config.trustProxy,
      webDir: config.webDir,
      allowPrivateWebhooks: config.allowPrivateWebhooks,
      mailInvitations: config.smtpUrl !== null,
    });
    const info = await describeDatabase(connection);
    print(
      `Sextant ${SEXTANT_VERSION} on ${info.kind} (${connection.location}), schema ${info.schemaVersion}`,
    );
    if (config.clockStart) {
      print(`Clock: started at ${clock.now().toISOString()} (SEXTANT_NOW), not the system's`);
    }

    let sponsorPath: string | null = null;
    if (config.demo) {
      const seeded = await seedDemo(services, store, clock);
      if (seeded) {
        print('');
        print('Demo workspace created. Sign in with:');
        print(`  email:    ${seeded.email}`);
        print(`  password: ${seeded.password}`);
        print('The operator (Maria Jensen, yesterday’s daily list to work through):');
        print(`  email:    ${seeded.operator.email}`);
        print(`  password: ${seeded.operator.password}`);
        print('  (shown only now; stored hashed)');
        sponsorPath = seeded.sponsorPath;
      } else if (await store.repos.users.findByEmail(DEMO_EMAIL)) {
        print(`Demo login: ${DEMO_EMAIL} (password was printed at first start;`);
        print(
          `  reset it with: npx sextant user set-password --email ${DEMO_EMAIL} --password-stdin)`,
        );
        if (await store.repos.users.findByEmail(DEMO_OPERATOR_EMAIL)) {
          print(
            `Demo operator login: ${DEMO_OPERATOR_EMAIL} (password printed at first start too)`,
          );
        }
        if ((await store.repos.sponsorLinks.count()) > 0) {
          print(
            'A sponsor link to the demo project exists (its address was printed at first start;',
          );
          print('  a project admin can make a new one on the project page, under Sponsor links).');
        }
      }
    } else if ((await store.repos.users.count()) === 0) {
      print('No accounts yet. Create the first (it becomes workspace admin) with:');
      print('  npx sextant user create --email you@example.com --admin --password-stdin');
    }

    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    print('');
    print(`Sextant is running: open ${url}`);
    if (sponsorPath) {
      print(`The sponsor's read-only link to the predictive-maintenance project (shown only now):`);
      print(`  ${url}${sponsorPath}`);
    }

    // Jobs (notifications' fan-out, deliveries, digests) start once the server answers; a
    // server with SEXTANT_WORKER=0 leaves them to the others on the same database.
    let jobs: JobRunner | null = null;
    if (config.worker) {
      const { handlers, schedules } = notificationJobs({
        store,
        clock,
        config: notificationSettings(config, url),
      });
      jobs = startJobRunner({
        connection,
        store,
        clock,
        handlers,
        schedules,
        scheduleTickMs: config.scheduleTickMs,
        log: { warn: (message, error) => app.log.warn({ err: error }, message) },
      });
    } else {
      print('Jobs: not run by this server (SEXTANT_WORKER=0)');
    }
    return {
      url,
      app,
      connection,
      jobs,
      close: async () => {
        await jobs?.stop();
        await app.close();
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
