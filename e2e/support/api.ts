import { testNow } from './clock.js';
import type { RunningServer } from './server.js';
import { runCli } from './server.js';

export interface Account {
  email: string;
  name: string;
  password: string;
}

/** Calls the API as an account through a personal token (bearer tokens need no CSRF header). */
export class Api {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async forAccount(server: RunningServer, account: Account): Promise<Api> {
    const token = (
      await runCli(server.dataDir, [
        'token',
        'create',
        '--user',
        account.email,
        '--name',
        'e2e setup',
      ])
    ).trim();
    return new Api(server.url, token);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, body);
  }
}

/** A calendar day `days` from the suite's today (support/clock.ts), as YYYY-MM-DD. */
export function dayFromNow(days: number): string {
  return new Date(testNow().getTime() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The same day as Sextant writes it in text: `11 Nov 2026`. */
export function dayTextFromNow(days: number): string {
  const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
  const [y, m, d] = dayFromNow(days).split('-').map(Number) as [number, number, number];
  return `${d} ${months[m - 1]} ${y}`;
}

/**
 * A team and a project with a full scope, a goal, a success criterion and two risks,
 * made through the API: for tests that look at a filled-in project page.
 */
export async function seedProject(
  api: Api,
  names: { team: string; project: string },
): Promise<{ teamId: string; projectId: string }> {
  const team = await api.post<{ id: string }>('/teams', { name: names.team });
  const project = await api.post<{ id: string }>('/projects', {
    teamId: team.id,
    name: names.project,
    scope: {
      why: 'Customers leave without warning; the commercial director wants to call them before they do.',
      sponsor: 'Chief Commercial Officer',
      users: [{ name: 'Sofia Berg', role: 'Account manager' }, { role: 'Customer success team' }],
      currentProcess: 'Account managers call customers whose usage dropped last month.',
      currentMetric: { name: 'Monthly churn rate', value: 3.1, unit: '%' },
      productization: 'hands_off',
      pocConstraints: ['time', 'resources'],
    },
  });
  await api.post(`/projects/${project.id}/goals`, {
    statement: 'Reduce monthly churn',
    metric: 'Monthly churn rate',
    direction: 'decrease',
    baseline: 3.1,
    target: 2.8,
    deadline: dayFromNow(300),
    unit: '%',
  });
  await api.put(`/projects/${project.id}/success-criterion`, {
    metric: { kind: 'hit_rate_at_n', n: 25 },
    threshold: 5,
    evaluation: { trainWindow: 'sliding', trainSize: '52w', testWindow: '4w', step: '4w' },
    valueModel: { costMissed: 1200, costIntervention: 40, currency: 'EUR' },
  });
  await api.post(`/projects/${project.id}/risks`, {
    description: 'Account managers’ call lists come from the model instead of their own judgement.',
    affectedRoles: ['Account managers'],
    likelihood: 'high',
    impact: 'medium',
    mitigation: 'Sofia reviews the list format at every sprint demo.',
    owner: 'Chief Commercial Officer',
    status: 'mitigating',
  });
  return { teamId: team.id, projectId: project.id };
}
