import { vi } from 'vitest';

/** A request the component sent, as the server would read it. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

/** An answer the fake server gives: a status and a JSON body. */
export interface Answer {
  status: number;
  body?: unknown;
}

/** The server's error body: `{"error":{"code","message","details"}}`. */
export function errorBody(code: string, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, details } };
}

/**
 * The body of a 400 a Zod validation failure gets from the errors plugin: each field named
 * by its path, where it was (body, query, params) and what is wrong with it.
 */
export function invalidBody(fields: { field: string; message: string }[]) {
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return errorBody('invalid_request', `Invalid body: ${summary}.`, {
    fields: fields.map((f) => ({ field: f.field, location: 'body', message: f.message })),
  });
}

/**
 * Replaces `fetch` with a server that answers every request with `answer(request)` and
 * keeps what it was sent.
 */
export function fakeServer(answer: (request: SentRequest) => Answer) {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://sextant.test');
      const request: SentRequest = {
        method: init.method ?? 'GET',
        path: url.pathname.replace(/^\/api\/v1/, ''),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : null,
      };
      sent.push(request);
      const { status, body } = answer(request);
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return { sent, writes: () => sent.filter((r) => r.method !== 'GET') };
}
