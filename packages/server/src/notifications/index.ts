// PIPELINE replaces this: a placeholder so the server can start its job runner before the
// notification pipeline (fan-out, deliveries, digests) lands.
import type { Store } from '@sextant/db';
import type { Clock } from '../clock.js';
import type { NotificationSettings } from '../config.js';
import type { JobHandler, Schedule } from '../jobs/index.js';

export interface NotificationJobDeps {
  store: Store;
  clock: Clock;
  config: NotificationSettings;
}

export function notificationJobs(deps: NotificationJobDeps): {
  handlers: Record<string, JobHandler>;
  schedules: Schedule[];
} {
  void deps;
  return { handlers: {}, schedules: [] };
}
