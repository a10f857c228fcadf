import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESPONSE_READ_CAP, sendHttp } from '../../src/notifications/http-send.js';
import { signatureHeader, verifySignature } from '../../src/notifications/signature.js';

let server: Server;
let base = '';
let redirectedTo = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (req.url === '/ok') return void res.writeHead(204).end();
    if (req.url === '/redirect') {
      res.writeHead(302, { Location: `${base}/elsewhere` });
      return void res.end();
    }
    if (req.url === '/elsewhere') {
      redirectedTo += 1;
      return void res.writeHead(200).end('followed');
    }
    if (req.url === '/huge') {
      res.writeHead(200);
      // Far more than the cap, written as long as the client reads.
      const chunk = Buffer.alloc(16 * 1024, 'x');
      let sent = 0;
      const more = () => {
        while (sent < 100 * RESPONSE_READ_CAP) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('error', () => undefined);
      return more();
    }
    if (req.url === '/silent') return; // never answers
    res.writeHead(500).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const send = (path: string, extra: { timeoutMs?: number; allowPrivate?: boolean } = {}) =>
  sendHttp({ url: `${base}${path}`, body: '{}', headers: {}, allowPrivate: true, ...extra });

describe('sending one webhook request', () => {
  it('records a 2xx with its duration', async () => {
    const result = await send('/ok');
    expect(result).toMatchObject({ statusCode: 204, error: null, retryable: true });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('does not follow a redirect: a 3xx is a failed attempt', async () => {
    const result = await send('/redirect');
    expect(result.statusCode).toBe(302);
    expect(result.error).toContain('redirects are not followed');
    expect(redirectedTo).toBe(0);
  });

  it('stops reading a long answer at the cap', async () => {
    const result = await send('/huge');
    expect(result).toMatchObject({ statusCode: 200, error: null });
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const result = await send('/silent', { timeoutMs: 200 });
    expect(result).toMatchObject({ statusCode: null, retryable: true });
    expect(result.error).toMatch(/no answer within/);
  });

  it('refuses a private destination before connecting, not to be retried', async () => {
    const result = await send('/ok', { allowPrivate: false });
    expect(result).toMatchObject({ statusCode: null, retryable: false });
    expect(result.error).toMatch(/^destination refused: .*127\.0\.0\.1/);
  });
});

describe('signatures', () => {
  const secret = 'whsec_abc';
  const body = '{"id":"evt"}';
  const at = new Date('2026-11-18T10:00:00.000Z');

  it('verifies what was signed and nothing else', () => {
    const header = signatureHeader(secret, body, at);
    const t = Math.floor(at.getTime() / 1000);
    expect(header).toMatch(new RegExp(`^t=${t},v1=[0-9a-f]{64}$`));
    expect(verifySignature({ secret, header, body })).toEqual({ ok: true, timestamp: t });
    expect(verifySignature({ secret, header, body: `${body} ` }).ok).toBe(false);
    expect(verifySignature({ secret: 'whsec_abd', header, body }).ok).toBe(false);
    expect(verifySignature({ secret, header: undefined, body }).ok).toBe(false);
    expect(verifySignature({ secret, header: 'v1=00', body }).ok).toBe(false);
  });

  it('accepts any of several v1 values (rotation) and refuses an old timestamp', () => {
    const header = signatureHeader(secret, body, at);
    const rotated = `${header},v1=${'0'.repeat(64)}`;
    expect(verifySignature({ secret, header: rotated, body }).ok).toBe(true);
    const late = new Date(at.getTime() + 10 * 60 * 1000);
    expect(verifySignature({ secret, header, body, now: late, toleranceSeconds: 300 })).toEqual({
      ok: false,
      reason: 'timestamp outside the tolerance',
    });
  });
});
