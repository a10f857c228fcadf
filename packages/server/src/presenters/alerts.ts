import type { AlertView, OpenAlert } from '@sextant/core';

export const presentAlert = (a: OpenAlert): AlertView => ({
  id: a.id,
  rule: a.rule,
  subjectKey: a.subjectKey,
  severity: a.severity,
  message: a.message,
  details: a.details,
  action: a.action,
  since: a.since,
});
