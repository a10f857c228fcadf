import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  raw: LightMyRequestResponse;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Talks to the app the way a browser or a script would: keeps cookies, echoes the
 * CSRF token on writes (unless told not to), or sends a bearer token.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  bearer: string | null = null;
  sendCsrf = true;

  constructor(private readonly app: FastifyInstance) {}

  get csrfToken(): string | undefined {
    return this.cookies.get('sextant_csrf');
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get('sextant_session');
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  withBearer(token: string | null): TestClient {
    const copy = new TestClient(this.app);
    copy.bearer = token;
    return copy;
  }

  async request<T = unknown>(
    method: Method,
    url: string,
    body?: unknown,
    extra: { headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...extra.headers };
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    if (method !== 'GET' && this.sendCsrf && this.csrfToken && !this.bearer) {
      headers['x-csrf-token'] = this.csrfToken;
    }
    const options: InjectOptions = { method, url: `/api/v1${url}`, headers };
    if (extra.rawBody !== undefined) {
      options.payload = extra.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      options.payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const raw = await this.app.inject(options);
    for (const cookie of raw.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const cleared =
        cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (cleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const text = raw.body;
    const parsed =
      text && raw.headers['content-type']?.toString().includes('json') ? JSON.parse(text) : text;
    return { status: raw.statusCode, body: parsed as T, raw };
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body);
  }
  put<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body);
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  delete<T = unknown>(url: string) {
    return this.request<T>('DELETE', url);
  }
}
