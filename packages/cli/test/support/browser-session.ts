import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SQLITE_FILE_NAME } from '@sextant/db';

/** What a browser holds after signing in: the session cookie and the CSRF token to echo. */
export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(url: string, email: string, password: string): Promise<Session> {
  const reply = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookies = reply.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const body = (await reply.json()) as { csrfToken: string };
  return { cookie: cookies.join('; '), csrf: body.csrfToken };
}

/** A cookie-authenticated POST that must answer 201; anything else throws with the body. */
export async function post<T>(url: string, path: string, auth: Session, body: unknown): Promise<T> {
  const reply = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: auth.cookie, 'x-csrf-token': auth.csrf },
    body: JSON.stringify(body),
  });
  if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as T;
}

/** SQLite's own check of the database file in a data folder: 'ok' when intact. */
export function integrityOf(dataDir: string): unknown {
  const file = new Database(join(dataDir, SQLITE_FILE_NAME));
  try {
    return file.pragma('integrity_check', { simple: true });
  } finally {
    file.close();
  }
}
