import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Set to 1 to let webhooks reach loopback, link-local and private addresses (tests, labs). */
export const ALLOW_PRIVATE_WEBHOOKS_ENV = 'SEXTANT_ALLOW_PRIVATE_WEBHOOKS';

export function privateWebhooksAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[ALLOW_PRIVATE_WEBHOOKS_ENV] === '1';
}

export type DestinationCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether an address is one the public internet routes to. Everything ipaddr.js does not
 * call `unicast` (loopback, private, link-local, unique-local, carrier-grade NAT, multicast,
 * reserved, unspecified…) is refused; an IPv4 address mapped into IPv6 is judged as IPv4.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

/**
 * May Sextant send to this URL? It must be http(s) and every address its host resolves to
 * must be public, unless private destinations are allowed. Checked when an endpoint is
 * saved (a 400 naming `url`) and again before every send, since DNS can change.
 */
export async function checkDestination(
  url: string,
  allowPrivate: boolean = privateWebhooksAllowed(),
): Promise<DestinationCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: 'must be http or https' };
  }
  if (parsed.username || parsed.password) {
    return { ok: false, reason: 'must not carry a user name or password' };
  }
  if (allowPrivate) return { ok: true };
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host)
      ? [host]
      : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    return { ok: false, reason: `its host ${host} does not resolve` };
  }
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused !== undefined || addresses.length === 0) {
    return {
      ok: false,
      reason: `resolves to ${refused ?? 'nothing'}, a loopback, link-local or private address (set ${ALLOW_PRIVATE_WEBHOOKS_ENV}=1 to allow)`,
    };
  }
  return { ok: true };
}
