import {
  DELIVERY_RULES,
  computeOverall,
  computePersonDelivery,
  computeSprintSuccess,
  computeTeamTrend,
  type Delivery,
  type DeliverySprint,
} from '@sextant/core';
import type { StoredWarning } from '@sextant/db';
import { presentWarning } from './delivery-warnings.js';

/** The delivery KPIs of a project's sprints, with the open warnings and the rules in words. */
export function presentDelivery(
  projectId: string,
  sprints: readonly DeliverySprint[],
  warnings: readonly StoredWarning[],
): Delivery {
  return {
    projectId,
    sprints: sprints.map((sprint) => {
      const success = computeSprintSuccess(sprint);
      const closed = sprint.state === 'closed';
      return {
        id: sprint.id,
        number: sprint.number,
        name: sprint.name,
        state: sprint.state,
        startDate: sprint.startDate,
        endDate: sprint.endDate,
        committed: success.committed,
        delivered: success.delivered,
        addedAfterStart: success.addedAfterStart,
        carriedOver: success.carriedOver,
        successRate: closed ? success.byCount : null,
        successRateByPoints: closed ? success.byPoints : null,
        carryOverRate: closed ? success.carryOver : null,
      };
    }),
    people: computePersonDelivery(sprints),
    trend: computeTeamTrend(sprints),
    overall: computeOverall(sprints),
    warnings: warnings.map(presentWarning),
    rules: { ...DELIVERY_RULES },
  };
}
