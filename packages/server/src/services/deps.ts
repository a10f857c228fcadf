import type { Store } from '@sextant/db';
import type { Clock } from '../clock.js';

/** What every service needs; each service names the repositories it touches in its methods. */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
}
