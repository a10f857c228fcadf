import { describe, expect, it } from 'vitest';
import {
  checkDestination,
  isPublicAddress,
  privateWebhooksAllowed,
} from '../../src/notifications/ssrf.js';

describe('the webhook destination check', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    'not an address',
  ])('calls %s not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'calls %s public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    ['http://127.0.0.1:8080/hook', /127\.0\.0\.1/],
    ['http://10.0.0.5/hook', /10\.0\.0\.5/],
    ['http://169.254.169.254/latest/meta-data', /169\.254\.169\.254/],
    ['http://[::1]:8080/hook', /::1/],
    ['http://localhost:8080/hook', /loopback, link-local or private/],
    ['ftp://example.com/file', /http or https/],
    ['http://user:secret@example.com/hook', /user name or password/],
    ['not a url', /not a URL/],
  ])('refuses %s, saying why', async (url, reason) => {
    const check = await checkDestination(url, false);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('says how to allow private addresses', async () => {
    const check = await checkDestination('http://127.0.0.1/', false);
    expect(check).toEqual({
      ok: false,
      reason: expect.stringContaining('SEXTANT_ALLOW_PRIVATE_WEBHOOKS=1'),
    });
  });

  it('allows loopback and private addresses with the setting, never another scheme', async () => {
    expect(await checkDestination('http://127.0.0.1:8080/hook', true)).toEqual({ ok: true });
    expect(await checkDestination('http://localhost/hook', true)).toEqual({ ok: true });
    expect((await checkDestination('file:///etc/passwd', true)).ok).toBe(false);
  });

  it('allows a public address literal without asking DNS', async () => {
    expect(await checkDestination('https://93.184.216.34/hook', false)).toEqual({ ok: true });
  });

  it('reads the setting as exactly 1', () => {
    expect(privateWebhooksAllowed({ SEXTANT_ALLOW_PRIVATE_WEBHOOKS: '1' })).toBe(true);
    expect(privateWebhooksAllowed({ SEXTANT_ALLOW_PRIVATE_WEBHOOKS: 'true' })).toBe(false);
    expect(privateWebhooksAllowed({})).toBe(false);
  });
});
