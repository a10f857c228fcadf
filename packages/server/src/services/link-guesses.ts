import { AppError } from '@sextant/core';
import type { Repositories } from '@sextant/db';
import { iso } from '../clock.js';
import { LOGIN_THROTTLE } from './auth.service.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Refuses (429 + Retry-After) a client address with too many recent failures — failed
 * passwords and failed look-ups of secret links (invitations, sponsor links) alike.
 */
export async function assertLinkGuessesAllowed(
  repos: Repositories,
  ip: string,
  now: Date,
): Promise<void> {
  const since = iso(new Date(now.getTime() - LOGIN_THROTTLE.windowMs));
  const failures = await repos.loginFailures.sinceForIp(ip, since);
  if (failures.count < LOGIN_THROTTLE.maxFailuresPerIp) return;
  const freeAt = new Date(failures.oldest ?? iso(now)).getTime() + LOGIN_THROTTLE.windowMs;
  const retryAfter = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
  throw new AppError(
    'too_many_requests',
    `Too many failed attempts; try again in ${retryAfter} seconds.`,
    { retryAfterSeconds: retryAfter },
    { 'retry-after': String(retryAfter) },
  );
}

/** Counts a failed look-up of a secret link (`key` names the kind) against the address. */
export async function recordLinkGuess(
  repos: Repositories,
  key: string,
  ip: string,
  now: Date,
): Promise<void> {
  await repos.loginFailures.record(key, ip, iso(now));
  await repos.loginFailures.pruneBefore(iso(new Date(now.getTime() - DAY_MS)));
}
