import type { Store } from '@sextant/db';
import type { Clock } from '../clock.js';
import type { JobHandler, Schedule } from '../jobs/index.js';
import { notificationConfig, type NotificationSettings } from './config.js';
import { deliverHandler } from './deliver.js';
import { TASKS, type NotificationDeps } from './deps.js';
import { dailyDigestHandler, digestSchedules, weeklyDigestHandler } from './digests.js';
import { fanoutHandler } from './fanout.js';
import { invitationMailHandler } from './invitation-mail.js';
import { createMailer, type Mailer } from './mailer.js';

/**
 * The notification jobs a server runs: fan-out, delivery (with its retries), the digests and
 * invitation mail, and the digests' schedules. `mailer` overrides the SMTP transport of
 * `config.smtpUrl` (tests).
 */
export function notificationJobs(deps: {
  store: Store;
  clock: Clock;
  config: NotificationSettings;
  mailer?: Mailer | null;
}): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  const config = notificationConfig(deps.config);
  const full: NotificationDeps = {
    store: deps.store,
    clock: deps.clock,
    config,
    mailer: deps.mailer !== undefined ? deps.mailer : createMailer(config),
  };
  return {
    handlers: {
      [TASKS.fanout]: fanoutHandler(full),
      [TASKS.deliver]: deliverHandler(full),
      [TASKS.dailyDigest]: dailyDigestHandler(full),
      [TASKS.weeklyDigest]: weeklyDigestHandler(full),
      [TASKS.invitationMail]: invitationMailHandler(full),
    },
    schedules: digestSchedules(config.timeZone),
  };
}

export { enqueueDelivery, TASKS, type NotificationDeps } from './deps.js';
export {
  notificationConfig,
  type NotificationConfig,
  type NotificationSettings,
} from './config.js';
export { requeueDelivery, resend } from './deliver.js';
export { unsubscribe, type UnsubscribeResult } from './unsubscribe.js';
export { verifySignature, signatureHeader, SIGNATURE_HEADER } from './signature.js';
export { createMailer, type Mailer, type OutgoingMail } from './mailer.js';
export { sendDailyDigests, queueWeeklyDigests, WEEKLY_DIGEST_EVENT } from './digests.js';
