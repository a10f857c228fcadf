import { DELIVERY_WARNING_RULES, type Delivery } from '@sextant/core';
import type { Repositories, StoredWarning } from '@sextant/db';
import { presentDelivery } from '../presenters/delivery.js';
import type { ServiceDeps } from './deps.js';
import { ProjectReads } from './project-reads.js';
import { judgeAlerts, refreshAlerts } from './alerts.service.js';

/** The delivery warnings among the stored alerts. */
export const deliveryOnly = (open: readonly StoredWarning[]): StoredWarning[] =>
  open.filter((w) => (DELIVERY_WARNING_RULES as readonly string[]).includes(w.rule));

/**
 * Re-judges every alert of the project (alerts.service.ts) after a sprint, story or run
 * write. No caller reads the open warnings back, so none are read again here.
 */
export async function refreshDeliveryWarnings(
  repos: Repositories,
  projectId: string,
  now: Date,
): Promise<void> {
  await refreshAlerts(repos, projectId, now);
}

export class DeliveryService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Open warnings, re-judged now (an active sprint can become overdue overnight). */
  openWarnings(projectId: string): Promise<StoredWarning[]> {
    const { store, clock } = this.deps;
    return judgeAlerts(store, projectId, clock.now()).then(({ stored }) => deliveryOnly(stored));
  }

  /**
   * Every delivery KPI of the project, with the warnings and the rules in words. `judged`:
   * the open alerts a caller has just judged (`judgeAlerts(...).stored`), so they are not
   * judged twice in one request; judged here when not given. `reads`: shared with the rest of
   * the caller's answer.
   */
  async delivery(
    projectId: string,
    judged?: readonly StoredWarning[],
    reads = new ProjectReads(this.deps.store.repos, projectId),
  ): Promise<Delivery> {
    const warnings = judged ? deliveryOnly(judged) : await this.openWarnings(projectId);
    const sprints = await reads.deliverySprints();
    return presentDelivery(projectId, sprints, warnings);
  }
}
