import type { ProjectDetail, ScopePatch, Team, TeamRole, User } from '@sextant/core';
import { TestClient } from './client.js';
import type { TestEnv } from './harness.js';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

export const TEST_PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  user: User;
  client: TestClient;
  password: string;
}

/** Builds the people, teams and projects a test needs, through the same API a user would use. */
export class Factory {
  constructor(private readonly env: TestEnv) {}

  client(): TestClient {
    return new TestClient(this.env.app);
  }

  /** An account created as an admin would, then signed in through POST /auth/login. */
  async user(opts: { name?: string; isAdmin?: boolean } = {}): Promise<SignedIn> {
    const email = `user-${unique()}@example.test`;
    await this.env.services.users.create(
      {
        email,
        name: opts.name ?? email.split('@')[0] ?? email,
        password: TEST_PASSWORD,
        isAdmin: opts.isAdmin ?? false,
      },
      null,
    );
    const client = this.client();
    const login = await client.post<{ user: User }>('/auth/login', {
      email,
      password: TEST_PASSWORD,
    });
    if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
    return { user: login.body.user, client, password: TEST_PASSWORD };
  }

  async team(owner: SignedIn, name = `Team ${unique()}`): Promise<Team> {
    const reply = await owner.client.post<Team>('/teams', { name });
    if (reply.status !== 201) throw new Error(`team: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** A new person added to the team with the given role by its admin. */
  async member(teamId: string, admin: SignedIn, role: TeamRole): Promise<SignedIn> {
    const person = await this.user();
    const reply = await admin.client.post(`/teams/${teamId}/members`, {
      email: person.user.email,
      role,
    });
    if (reply.status !== 201) throw new Error(`member: ${JSON.stringify(reply.body)}`);
    return person;
  }

  async project(owner: SignedIn, teamId: string, scope?: ScopePatch, name = `Project ${unique()}`) {
    const reply = await owner.client.post<ProjectDetail>('/projects', {
      teamId,
      name,
      ...(scope ? { scope } : {}),
    });
    if (reply.status !== 201) throw new Error(`project: ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** Admin + team + project: the starting point of most tests. */
  async workspace(scope?: ScopePatch) {
    const admin = await this.user();
    const team = await this.team(admin);
    const project = await this.project(admin, team.id, scope);
    return { admin, team, project };
  }
}

/** A goal the rule accepts: churn from 3.1 % down to 2.8 % by a date a year after `today`. */
export function quantifiableGoal(today: Date) {
  const deadline = new Date(today.getTime() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return {
    statement: 'Reduce monthly churn rate by 10 % in the next financial year',
    metric: 'monthly churn rate',
    direction: 'decrease' as const,
    baseline: 3.1,
    targetChangePct: -10,
    deadline,
    unit: '%',
  };
}

export const HIT_RATE_CRITERION = {
  metric: { kind: 'hit_rate_at_n' as const, n: 10 },
  threshold: 2,
  evaluation: { trainWindow: 'expanding' as const, testWindow: '1d', step: '1d', horizon: '2d' },
  valueModel: { costMissed: 25_000, costIntervention: 800, currency: 'EUR' },
};
