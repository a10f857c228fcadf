import type { DeliveryWarningView } from '@sextant/core';
import type { StoredWarning } from '@sextant/db';

export const presentWarning = (w: StoredWarning): DeliveryWarningView => ({
  id: w.id,
  rule: w.rule as DeliveryWarningView['rule'],
  message: w.message,
  details: w.details,
  since: w.firstSeenAt,
});
