import { describe, expect, it } from 'vitest';
import {
  decideRetry,
  webhookBackoffMs,
  webhookRetryDelayMs,
} from '../../src/domain/webhook-retry.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const created = new Date('2026-11-18T10:00:00.000Z');
const at = (ms: number) => new Date(created.getTime() + ms);

describe('webhook retry backoff', () => {
  it('doubles from the base per attempt and stops at an hour', () => {
    expect([1, 2, 3, 4].map((n) => webhookBackoffMs(n, 30_000))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(webhookBackoffMs(8, 30_000)).toBe(HOUR);
    expect(webhookBackoffMs(2000, 30_000)).toBe(HOUR);
  });

  it('jitters fully in [0, d] or equally in [d/2, d] with the injected random', () => {
    const policy = { baseMs: 1000 };
    expect(webhookRetryDelayMs(3, { ...policy, jitter: 'full' }, () => 0)).toBe(0);
    expect(webhookRetryDelayMs(3, { ...policy, jitter: 'full' }, () => 0.5)).toBe(2000);
    expect(webhookRetryDelayMs(3, { ...policy, jitter: 'equal' }, () => 0)).toBe(2000);
    expect(webhookRetryDelayMs(3, { ...policy, jitter: 'equal' }, () => 0.999999)).toBe(4000);
    expect(webhookRetryDelayMs(3, { ...policy, jitter: 'none' }, () => 0.3)).toBe(4000);
  });
});

describe('retry decision', () => {
  const policy = { baseMs: 30_000, jitter: 'none' as const };

  it('retries while the next attempt stays within 24 h of the delivery', () => {
    const d = decideRetry({
      attempt: 1,
      createdAt: created,
      now: at(0),
      failingSince: null,
      policy,
    });
    expect(d).toEqual({ kind: 'retry', delayMs: 30_000, nextAttemptAt: at(30_000) });
    const late = decideRetry({
      attempt: 30,
      createdAt: created,
      now: at(23 * HOUR),
      failingSince: null,
      policy,
    });
    expect(late).toMatchObject({ kind: 'retry', delayMs: HOUR });
  });

  it('gives up when the next attempt would be more than 24 h after creation', () => {
    const d = decideRetry({
      attempt: 30,
      createdAt: created,
      now: at(23 * HOUR + 1),
      failingSince: at(0),
      policy,
    });
    expect(d).toEqual({ kind: 'give_up', disableEndpoint: false });
  });

  it('disables the endpoint when its failing streak is 3 days or more at the give-up', () => {
    const now = at(4 * DAY);
    const since = (ms: number) => new Date(now.getTime() - ms);
    const late = (failingSince: Date) =>
      decideRetry({ attempt: 30, createdAt: at(3 * DAY), now, failingSince, policy });
    expect(late(since(3 * DAY))).toEqual({ kind: 'give_up', disableEndpoint: true });
    expect(late(since(3 * DAY - 1))).toEqual({ kind: 'give_up', disableEndpoint: false });
  });

  it('gives up at once when retrying cannot help', () => {
    const d = decideRetry({
      attempt: 1,
      createdAt: created,
      now: at(0),
      failingSince: null,
      policy,
      retryable: false,
    });
    expect(d).toEqual({ kind: 'give_up', disableEndpoint: false });
  });
});
