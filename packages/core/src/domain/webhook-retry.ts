/**
 * When a failed delivery is tried again: exponential backoff from a base delay, capped at an
 * hour, with jitter so that many receivers coming back at once are not hit in step. A
 * delivery is given up 24 hours after it was created; an endpoint that has been failing for
 * three days when one of its deliveries is given up is disabled.
 */
export const RETRY_MAX_DELAY_MS = 60 * 60 * 1000;
export const RETRY_GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
export const DISABLE_AFTER_FAILING_MS = 3 * 24 * 60 * 60 * 1000;

/** Full: anywhere in [0, d]; equal: in [d/2, d] (never much sooner than the backoff). */
export type RetryJitter = 'full' | 'equal' | 'none';

export interface RetryPolicy {
  baseMs: number;
  maxDelayMs?: number;
  giveUpAfterMs?: number;
  jitter?: RetryJitter;
}

/** The backoff before attempt `attempt + 1` after `attempt` failed ones, before jitter. */
export function webhookBackoffMs(
  attempt: number,
  baseMs: number,
  maxMs = RETRY_MAX_DELAY_MS,
): number {
  const n = Math.max(1, Math.floor(attempt));
  // 2^(n-1) overflows to Infinity long before it matters; min() keeps it at the cap.
  return Math.min(baseMs * 2 ** (n - 1), maxMs);
}

/** The delay after failed attempt `attempt` (1 = the first), jittered with `random()` ∈ [0, 1). */
export function webhookRetryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const d = webhookBackoffMs(attempt, policy.baseMs, policy.maxDelayMs ?? RETRY_MAX_DELAY_MS);
  const r = Math.min(Math.max(random(), 0), 1);
  switch (policy.jitter ?? 'equal') {
    case 'full':
      return Math.round(d * r);
    case 'none':
      return d;
    case 'equal':
      return Math.round(d / 2 + (d / 2) * r);
  }
}

export type RetryDecision =
  | { kind: 'retry'; delayMs: number; nextAttemptAt: Date }
  | { kind: 'give_up'; disableEndpoint: boolean };

/**
 * After attempt `attempt` failed at `now`: try again after the jittered delay, or give up
 * when that next attempt would come more than 24 h after the delivery was created (then say
 * whether the endpoint's failing streak, since `failingSince`, is three days or more).
 * `retryable: false` (a refused destination, a bad request we will never fix) gives up at once.
 */
export function decideRetry(input: {
  attempt: number;
  createdAt: Date;
  now: Date;
  failingSince: Date | null;
  policy: RetryPolicy;
  random?: () => number;
  retryable?: boolean;
}): RetryDecision {
  const giveUpAfter = input.policy.giveUpAfterMs ?? RETRY_GIVE_UP_AFTER_MS;
  const giveUp = (): RetryDecision => ({
    kind: 'give_up',
    disableEndpoint:
      input.failingSince !== null &&
      input.now.getTime() - input.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS,
  });
  if (input.retryable === false) return giveUp();
  const delayMs = webhookRetryDelayMs(input.attempt, input.policy, input.random);
  const next = input.now.getTime() + delayMs;
  if (next - input.createdAt.getTime() > giveUpAfter) return giveUp();
  return { kind: 'retry', delayMs, nextAttemptAt: new Date(next) };
}
