export { buildApp, DEFAULT_BODY_LIMIT, type AppOptions, type BuiltApp } from './app.js';
export {
  loadConfig,
  notificationSettings,
  type NotificationSettings,
  type ServerConfig,
} from './config.js';
export { clockFrom, clockStartingAt, systemClock, type Clock } from './clock.js';
export { createServices, type Services } from './services/index.js';
export { SESSION_COOKIE, CSRF_COOKIE, CSRF_HEADER } from './plugins/auth.plugin.js';
export { LOGIN_THROTTLE } from './services/auth.service.js';
export { generatePassword, sha256Hex } from './security/secrets.js';
export { hashPassword, ARGON2_OPTIONS } from './security/passwords.js';
export { evaluationFingerprint } from './security/fingerprint.js';
export { seedDemo, type DemoSeed } from './demo/seed-demo.js';
export { startServer, type RunningServer } from './serve.js';
export { SEXTANT_VERSION } from './version.js';
export {
  startJobRunner,
  retryDelayMs,
  JOB_QUEUE_APPLICATION_NAME,
  DEFAULT_SCHEDULE_TICK_MS,
  type JobHandler,
  type JobLog,
  type JobRunner,
  type JobRunnerOptions,
  type Schedule,
  type ScheduledPayload,
} from './jobs/index.js';
