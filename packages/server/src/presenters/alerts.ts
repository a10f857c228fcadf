import type { AlertView } from '@sextant/core';
import type { OpenAlert } from '../services/alerts.service.js';

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
