import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export const SIGNATURE_HEADER = 'Sextant-Signature';

export function signatureHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The `Sextant-Signature` value for a body sent at `at`. */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${signatureHex(secret, t, body)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * What a receiver does: parse the header, recompute the HMAC over the raw body and compare
 * in constant time; refuse a timestamp further than `toleranceSeconds` from `now` (replays).
 */
export function verifySignature(input: {
  secret: string;
  header: string | undefined;
  body: string;
  now?: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  if (!input.header) return { ok: false, reason: 'no signature header' };
  const parts = new Map<string, string[]>();
  for (const piece of input.header.split(',')) {
    const at = piece.indexOf('=');
    if (at <= 0) continue;
    const key = piece.slice(0, at).trim();
    parts.set(key, [...(parts.get(key) ?? []), piece.slice(at + 1).trim()]);
  }
  const t = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(t)) return { ok: false, reason: 'no timestamp' };
  if (input.now && input.toleranceSeconds !== undefined) {
    if (Math.abs(input.now.getTime() / 1000 - t) > input.toleranceSeconds) {
      return { ok: false, reason: 'timestamp outside the tolerance' };
    }
  }
  const expected = Buffer.from(signatureHex(input.secret, t, input.body), 'hex');
  const matches = (parts.get('v1') ?? []).some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp: t } : { ok: false, reason: 'signature does not match' };
}
