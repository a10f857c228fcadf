import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, retryDelayMs, sendWithRetries } from '../../src/http.js';

const TARGET = { url: 'http://sextant.test', token: 'sxt_test' };

function answer(status: number, headers: Record<string, string> = {}, body = '{}'): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A fake fetch that plays the given answers in order (an Error is a network failure). */
function fakeFetch(...answers: (Response | Error)[]) {
  const calls: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({
      url,
      headers: init.headers as Record<string, string>,
      body: init.body,
    });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw new TypeError('fetch failed', { cause: next });
    return next;
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('retryDelayMs', () => {
  it('backs off 0.5 s, 1 s, 2 s, … up to 30 s', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, null))).toEqual([
      500, 1_000, 2_000, 4_000, 30_000,
    ]);
  });

  it('honours Retry-After in seconds or as a date, up to 30 s', () => {
    expect(retryDelayMs(1, '7')).toBe(7_000);
    expect(retryDelayMs(1, '0')).toBe(0);
    expect(retryDelayMs(1, '3600')).toBe(30_000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryDelayMs(1, 'Wed, 01 Jan 2025 00:00:04 GMT', now)).toBe(4_000);
    expect(retryDelayMs(1, 'Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(retryDelayMs(2, 'soon')).toBe(1_000);
  });
});

describe('sendWithRetries', () => {
  const init = { method: 'POST', headers: { 'idempotency-key': 'k-1' }, body: '{"a":1}' };

  it('retries network errors and 408, 429, 500, 502, 503, 504 with the same request', async () => {
    const calls = fakeFetch(
      new Error('connect ECONNREFUSED'),
      answer(503),
      answer(429, { 'retry-after': '2' }),
      answer(201, {}, '{"id":"r1"}'),
    );
    const waits: number[] = [];
    const notes: string[] = [];
    const response = await sendWithRetries(TARGET, '/projects/p/runs', init, {
      retries: 3,
      sleep: async (ms) => void waits.push(ms),
      onRetry: ({ retry, of, reason }) => notes.push(`${retry}/${of} ${reason}`),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 'r1' });
    expect(waits).toEqual([500, 1_000, 2_000]);
    expect(notes).toEqual([
      '1/3 cannot reach http://sextant.test: connect ECONNREFUSED',
      '2/3 503 Service Unavailable',
      '3/3 429 Too Many Requests',
    ]);
    expect(calls).toHaveLength(4);
    for (const call of calls) {
      expect(call.url).toBe('http://sextant.test/api/v1/projects/p/runs');
      expect(call.headers['idempotency-key']).toBe('k-1');
      expect(call.headers.authorization).toBe('Bearer sxt_test');
      expect(call.body).toBe('{"a":1}');
    }
  });

  it('never retries another 4xx, and returns it for the caller to report', async () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      const calls = fakeFetch(answer(status));
      const response = await sendWithRetries(TARGET, '/x', init, {
        retries: 3,
        sleep: async () => {},
      });
      expect(response.status).toBe(status);
      expect(calls).toHaveLength(1);
    }
  });

  it('throws one line naming the last failure and the attempts when retries run out', async () => {
    fakeFetch(new Error('a'), new Error('b'), new Error('connect ECONNREFUSED 127.0.0.1:9'));
    const failed = sendWithRetries(TARGET, '/x', init, { retries: 2, sleep: async () => {} });
    await expect(failed).rejects.toThrow(NetworkError);
    await expect(failed).rejects.toThrow(
      'cannot reach http://sextant.test: connect ECONNREFUSED 127.0.0.1:9 (after 3 attempts)',
    );

    fakeFetch(
      answer(502, {}, '<html>bad gateway</html>'),
      answer(503, {}, '{"error":{"code":"unavailable","message":"Database is busy"}}'),
    );
    await expect(
      sendWithRetries(TARGET, '/x', init, { retries: 1, sleep: async () => {} }),
    ).rejects.toThrow('503 unavailable: Database is busy (after 2 attempts)');
  });

  it('tries once with --retries 0', async () => {
    const calls = fakeFetch(answer(500));
    await expect(
      sendWithRetries(TARGET, '/x', init, { retries: 0, sleep: async () => {} }),
    ).rejects.toThrow('(after 1 attempt)');
    expect(calls).toHaveLength(1);
  });
});
