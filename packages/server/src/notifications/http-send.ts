import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkDestination, isPublicAddress } from './ssrf.js';

export const SEND_TIMEOUT_MS = 10_000;
/** A receiver's answer is read this far, then the connection is dropped. */
export const RESPONSE_READ_CAP = 64 * 1024;

export interface SendResult {
  /** The receiver's status; null when no answer came (refused, timeout, network). */
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** False when trying again cannot help (the destination is refused). */
  retryable: boolean;
}

export interface SendRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  allowPrivate: boolean;
  timeoutMs?: number;
}

/**
 * The addresses a connection may use are checked again at connect time, so a name that
 * resolved to a public address for `checkDestination` cannot switch to a private one.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, options as LookupOptions, (err, address, family) => {
      if (err) return callback(err, address as string, family);
      const list: LookupAddress[] = Array.isArray(address)
        ? (address as LookupAddress[])
        : [{ address: address as string, family: family ?? 4 }];
      const refused = allowPrivate ? undefined : list.find((a) => !isPublicAddress(a.address));
      if (refused) {
        const error = Object.assign(
          new Error(`resolves to ${refused.address}, a private address`),
          {
            code: 'EREFUSED_PRIVATE',
          },
        );
        return callback(error, address as string, family);
      }
      callback(null, address as string, family);
    });
  };
}

/**
 * POSTs a body once: the destination is checked first (refused: a failed attempt that is
 * not retried), redirects are not followed (a 3xx is a failure), the whole exchange has
 * 10 seconds and at most 64 KiB of the answer is read.
 */
export async function sendHttp(req: SendRequest): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const check = await checkDestination(req.url, req.allowPrivate);
  if (!check.ok) {
    return {
      statusCode: null,
      durationMs: elapsed(),
      error: `destination refused: the URL ${check.reason}`,
      retryable: false,
    };
  }
  const url = new URL(req.url);
  const body = Buffer.from(req.body, 'utf8');
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...req.headers, 'Content-Length': String(body.length) },
    lookup: guardedLookup(req.allowPrivate),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null, retryable = true) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ statusCode, durationMs: elapsed(), error, retryable });
    };
    const client = send(url, options, (res) => {
      const status = res.statusCode ?? null;
      let read = 0;
      const done = () =>
        finish(
          status,
          status !== null && status >= 200 && status < 300
            ? null
            : status !== null && status >= 300 && status < 400
              ? `answered ${status} (redirects are not followed)`
              : `answered ${status}`,
        );
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > RESPONSE_READ_CAP) {
          done();
          res.destroy();
        }
      });
      res.on('end', done);
      res.on('error', done);
      res.on('close', done);
    });
    const timer = setTimeout(() => {
      finish(null, `no answer within ${Math.round((req.timeoutMs ?? SEND_TIMEOUT_MS) / 1000)} s`);
      client.destroy();
    }, req.timeoutMs ?? SEND_TIMEOUT_MS);
    client.on('error', (error: NodeJS.ErrnoException) => {
      const refused = error.code === 'EREFUSED_PRIVATE';
      finish(null, refused ? `destination refused: ${error.message}` : error.message, !refused);
    });
    client.end(body);
  });
}
