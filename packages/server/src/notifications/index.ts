import type { Store } from '@sextant/db';
import type { Clock } from '../clock.js';
import type { NotificationConfig } from './config.js';
import { deliverHandler } from './deliver.js';
import { TASKS, type JobHandler, type NotificationDeps } from './deps.js';
import { fanoutHandler } from './fanout.js';
import { createMailer, type Mailer } from './mailer.js';

/** A recurring job (the queue's `Schedule`). */
export interface NotificationSchedule {
  name: string;
  task: string;
  next(after: Date): Date;
}

/**
 * The notification jobs a server runs: fan-out, delivery (with its retries), the digests and
 * invitation mail, and the digests' schedules. `mailer` overrides the SMTP transport of
 * `config.smtpUrl` (tests).
 */
export function notificationJobs(deps: {
  store: Store;
  clock: Clock;
  config: NotificationConfig;
  mailer?: Mailer | null;
}): { handlers: Record<string, JobHandler>; schedules: NotificationSchedule[] } {
  const full: NotificationDeps = {
    store: deps.store,
    clock: deps.clock,
    config: deps.config,
    mailer: deps.mailer !== undefined ? deps.mailer : createMailer(deps.config),
  };
  return {
    handlers: {
      [TASKS.fanout]: fanoutHandler(full),
      [TASKS.deliver]: deliverHandler(full),
    },
    schedules: [],
  };
}

export { TASKS, type JobHandler, type NotificationDeps } from './deps.js';
export { notificationConfigFrom, type NotificationConfig } from './config.js';
export { resend } from './deliver.js';
export { unsubscribe, type UnsubscribeResult } from './unsubscribe.js';
export { verifySignature, signatureHeader, SIGNATURE_HEADER } from './signature.js';
export { createMailer, type Mailer, type OutgoingMail } from './mailer.js';
