import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type {
  Artifact,
  ArtifactList,
  CreatedToken,
  ErrorBody,
  WorkspaceArtifactKpis,
} from '@sextant/core';
import type { TestClient } from '../support/client.js';
import { describeEachDatabase } from '../support/harness.js';

const fieldsOf = (body: ErrorBody) =>
  (body.error.details.fields as { field: string }[]).map((f) => f.field);

let serial = 0;
/** A word no other test uses, so a search for it finds only this test's artifacts. */
const tag = () => `zq${Date.now().toString(36)}x${(serial += 1)}`;

function artifact(projectId: string, over: Record<string, unknown> = {}) {
  return {
    name: 'Sensor cleaner',
    kind: 'tool',
    description: 'Drops duplicated and frozen sensor readings before feature building',
    link: 'https://git.example.test/pdm/sensor-cleaner',
    projectId,
    ...over,
  };
}

async function addArtifact(
  client: TestClient,
  projectId: string,
  over: Record<string, unknown> = {},
): Promise<Artifact> {
  const reply = await client.post<Artifact>('/artifacts', artifact(projectId, over));
  if (reply.status !== 201)
    throw new Error(`artifact: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

async function reuse(
  client: TestClient,
  artifactId: string,
  projectId: string,
  purpose = 'Cleans the sensors of plant 2',
) {
  return client.post<Artifact>(`/artifacts/${artifactId}/reuses`, { projectId, purpose });
}

describeEachDatabase('reusable artifacts', (env) => {
  /** Team A with two projects, a viewer and a member; team B with one project. */
  async function world() {
    const f = env().factory;
    const a = await f.workspace();
    const a2 = await f.project(a.admin, a.team.id);
    const viewerA = await f.member(a.team.id, a.admin, 'viewer');
    const memberA = await f.member(a.team.id, a.admin, 'member');
    const b = await f.workspace();
    return {
      adminA: a.admin,
      teamA: a.team,
      a1: a.project,
      a2,
      viewerA,
      memberA,
      adminB: b.admin,
      teamB: b.team,
      b1: b.project,
    };
  }

  it('adds an artifact to one of my projects and reads it back', async () => {
    const w = await world();
    const created = await w.memberA.client.post<Artifact>('/artifacts', artifact(w.a1.id));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Sensor cleaner',
      kind: 'tool',
      description: 'Drops duplicated and frozen sensor readings before feature building',
      link: 'https://git.example.test/pdm/sensor-cleaner',
      producedBy: {
        visible: true,
        projectId: w.a1.id,
        projectName: w.a1.name,
        teamName: w.teamA.name,
        createdBy: { id: w.memberA.user.id },
      },
      reuseCount: 0,
      reuses: [],
      hiddenReuses: 0,
    });
    const read = await w.viewerA.client.get<Artifact>(`/artifacts/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const twice = await w.memberA.client.post<ErrorBody>('/artifacts', artifact(w.a1.id));
    expect(twice.status).toBe(409);
    expect(twice.body.error.details).toEqual({ field: 'name' });
    // The same name in another project is another artifact.
    expect((await w.memberA.client.post('/artifacts', artifact(w.a2.id))).status).toBe(201);
    // Without a link.
    const noLink = await addArtifact(w.adminA.client, w.a1.id, { name: 'Labels', link: undefined });
    expect(noLink.link).toBeNull();
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const w = await world();
    const client = w.adminA.client;
    const badKind = await client.post<ErrorBody>(
      '/artifacts',
      artifact(w.a1.id, { kind: 'notebook' }),
    );
    expect(badKind.status).toBe(400);
    expect(fieldsOf(badKind.body)).toEqual(['kind']);
    const badLink = await client.post<ErrorBody>(
      '/artifacts',
      artifact(w.a1.id, { link: 'ftp://files.example.test/x' }),
    );
    expect(badLink.status).toBe(400);
    expect(fieldsOf(badLink.body)).toEqual(['link']);
    const blank = await client.post<ErrorBody>('/artifacts', artifact(w.a1.id, { name: '  ' }));
    expect(fieldsOf(blank.body)).toEqual(['name']);
    const noProject = await client.post<ErrorBody>('/artifacts', {
      name: 'x',
      kind: 'model',
      description: 'y',
    });
    expect(fieldsOf(noProject.body)).toEqual(['projectId']);
    const made = await addArtifact(client, w.a1.id);
    const noPurpose = await client.post<ErrorBody>(`/artifacts/${made.id}/reuses`, {
      projectId: w.a2.id,
    });
    expect(noPurpose.status).toBe(400);
    expect(fieldsOf(noPurpose.body)).toEqual(['purpose']);
    const badSort = await client.get<ErrorBody>('/artifacts?sort=popular');
    expect(badSort.status).toBe(400);
    expect(fieldsOf(badSort.body)).toEqual(['sort']);
  });

  it('lets only members and admins of the project’s team write, and hides other teams’ projects', async () => {
    const w = await world();
    const viewer = await w.viewerA.client.post<ErrorBody>('/artifacts', artifact(w.a1.id));
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe('forbidden');

    const foreign = await w.adminB.client.post<ErrorBody>('/artifacts', artifact(w.a1.id));
    const missing = await w.adminB.client.post<ErrorBody>('/artifacts', artifact(randomUUID()));
    expect(foreign.status).toBe(404);
    expect(foreign.raw.body).toBe(missing.raw.body);
    expect(foreign.raw.body).not.toContain(w.a1.name);

    const made = await addArtifact(w.adminA.client, w.a1.id);
    const viewerReuse = await reuse(w.viewerA.client, made.id, w.a2.id);
    expect(viewerReuse.status).toBe(403);
    // Team B's admin cannot record a reuse in team A's project: 404 like a missing project.
    const foreignReuse = await reuse(w.adminB.client, made.id, w.a2.id);
    const missingReuse = await reuse(w.adminB.client, made.id, randomUUID());
    expect(foreignReuse.status).toBe(404);
    expect(foreignReuse.raw.body).toBe(missingReuse.raw.body);
    const noArtifact = await reuse(w.adminA.client, randomUUID(), w.a2.id);
    expect(noArtifact.status).toBe(404);
    expect((noArtifact.body as unknown as ErrorBody).error.message).toBe('Artifact not found');
    expect((await env().factory.client().get('/artifacts')).status).toBe(401);
    expect((await env().factory.client().get(`/artifacts/${made.id}`)).status).toBe(401);
    expect((await w.adminA.client.get(`/artifacts/${randomUUID()}`)).status).toBe(404);

    // A CI token is not a person: it may not read or write the catalogue.
    const token = await w.adminA.client.post<CreatedToken>(`/projects/${w.a1.id}/ci-tokens`, {
      name: 'ci',
    });
    const ci = w.adminA.client.withBearer(token.body.token);
    expect((await ci.get('/artifacts')).status).toBe(403);
    expect((await ci.post('/artifacts', artifact(w.a1.id, { name: 'CI' }))).status).toBe(403);
    expect((await reuse(ci, made.id, w.a2.id)).status).toBe(403);
    // Nothing was written by the refused calls.
    const after = await w.adminA.client.get<Artifact>(`/artifacts/${made.id}`);
    expect(after.body.reuseCount).toBe(0);
  });

  it('lists the catalogue filtered by kind and words, sorted three ways, a page at a time', async () => {
    const w = await world();
    const t = tag();
    const c = w.adminA.client;
    const churn = await addArtifact(c, w.a1.id, {
      name: `Churn model ${t}`,
      kind: 'model',
      description: 'Gradient boosting on 40 features',
    });
    const labels = await addArtifact(c, w.a1.id, {
      name: `Failure labels ${t}`,
      kind: 'dataset',
      description: 'Labelled pump failures 2019-2024',
    });
    const agg = await addArtifact(c, w.a2.id, {
      name: `aggregates ${t}`,
      kind: 'feature_pipeline',
      description: 'Hourly sensor aggregates',
    });
    const notebook = await addArtifact(c, w.a2.id, {
      name: `Notebook template ${t}`,
      kind: 'template',
      description: 'Start here: 100% reproducible_notebook',
    });
    // Reuses: labels 2 (by a2 twice), churn 1 (by a2), aggregates 0, notebook 1 (by a1).
    expect((await reuse(c, labels.id, w.a2.id, 'Training labels')).status).toBe(201);
    expect((await reuse(c, labels.id, w.a2.id, 'Evaluation labels')).status).toBe(201);
    expect((await reuse(c, churn.id, w.a2.id)).status).toBe(201);
    expect((await reuse(c, notebook.id, w.a1.id)).status).toBe(201);

    const names = (reply: { body: ArtifactList }) => reply.body.items.map((a) => a.id);
    const byName = await c.get<ArtifactList>(`/artifacts?q=${t}&sort=name`);
    expect(byName.status).toBe(200);
    // Case-insensitive: "aggregates" sorts before "Churn".
    expect(names(byName)).toEqual([agg.id, churn.id, labels.id, notebook.id]);
    expect(byName.body.total).toBe(4);
    expect(byName.body.items.map((a) => a.reuseCount)).toEqual([0, 1, 2, 1]);

    const mostReused = await c.get<ArtifactList>(`/artifacts?q=${t}&sort=most_reused`);
    // Ties (churn and notebook, one reuse each) by name.
    expect(names(mostReused)).toEqual([labels.id, churn.id, notebook.id, agg.id]);

    const newest = await c.get<ArtifactList>(`/artifacts?q=${t}&sort=newest`);
    expect(names(newest)).toEqual([notebook.id, agg.id, labels.id, churn.id]);

    const models = await c.get<ArtifactList>(`/artifacts?q=${t}&kind=model`);
    expect(names(models)).toEqual([churn.id]);
    // Words match names or descriptions, in any case; every word must match.
    const pumps = await c.get<ArtifactList>(`/artifacts?q=${encodeURIComponent(`PUMP ${t}`)}`);
    expect(names(pumps)).toEqual([labels.id]);
    // % and _ are searched literally, not as wildcards ("s_n" would match "sensor").
    const percent = await c.get<ArtifactList>(`/artifacts?q=${encodeURIComponent(`100% ${t}`)}`);
    expect(names(percent)).toEqual([notebook.id]);
    const underscore = await c.get<ArtifactList>(`/artifacts?q=${encodeURIComponent(`s_n ${t}`)}`);
    expect(names(underscore)).toEqual([]);

    const first = await c.get<ArtifactList>(`/artifacts?q=${t}&sort=name&limit=3`);
    expect(names(first)).toEqual([agg.id, churn.id, labels.id]);
    expect(first.body).toMatchObject({ total: 4, nextOffset: 3 });
    const second = await c.get<ArtifactList>(`/artifacts?q=${t}&sort=name&limit=3&offset=3`);
    expect(names(second)).toEqual([notebook.id]);
    expect(second.body).toMatchObject({ total: 4, nextOffset: null });

    // Another team sees the whole catalogue too, by name, kind and description.
    const fromB = await w.adminB.client.get<ArtifactList>(`/artifacts?q=${t}&sort=name`);
    expect(names(fromB)).toEqual([agg.id, churn.id, labels.id, notebook.id]);
    expect(fromB.body.items[2]).toMatchObject({
      name: `Failure labels ${t}`,
      kind: 'dataset',
      producedBy: { visible: false },
      reuseCount: 2,
      reuses: [],
      hiddenReuses: 2,
    });
  });

  it('records reuses by another project of the same team, but not by the producing project', async () => {
    const w = await world();
    const made = await addArtifact(w.adminA.client, w.a1.id);
    const first = await reuse(w.memberA.client, made.id, w.a2.id, 'Cleans plant 2');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      reuseCount: 1,
      hiddenReuses: 0,
      reuses: [
        {
          projectId: w.a2.id,
          projectName: w.a2.name,
          purpose: 'Cleans plant 2',
          reusedBy: { id: w.memberA.user.id, email: w.memberA.user.email },
        },
      ],
    });

    const own = await reuse(w.adminA.client, made.id, w.a1.id);
    expect(own.status).toBe(422);
    expect((own.body as unknown as ErrorBody).error).toMatchObject({
      code: 'rule_violation',
      details: { field: 'projectId' },
    });

    const again = await reuse(w.memberA.client, made.id, w.a2.id, 'Cleans plant 2');
    expect(again.status).toBe(409);
    const otherPurpose = await reuse(w.memberA.client, made.id, w.a2.id, 'Cleans plant 3');
    expect(otherPurpose.status).toBe(201);
    expect(otherPurpose.body.reuseCount).toBe(2);
    expect(otherPurpose.body.reuses.map((r) => r.purpose)).toEqual([
      'Cleans plant 2',
      'Cleans plant 3',
    ]);
  });

  it('shows a reuse by another team only as a count, and the producer to its own team only', async () => {
    const w = await world();
    const made = await addArtifact(w.adminA.client, w.a1.id, { name: 'Pump failure labels' });
    const crossed = await reuse(w.adminB.client, made.id, w.b1.id, 'Labels for our pumps');
    expect(crossed.status).toBe(201);

    // Team B sees its own reuse, and nothing of team A's project.
    expect(crossed.body).toMatchObject({
      name: 'Pump failure labels',
      producedBy: { visible: false },
      reuseCount: 1,
      hiddenReuses: 0,
      reuses: [{ projectId: w.b1.id, projectName: w.b1.name, purpose: 'Labels for our pumps' }],
    });
    expect(crossed.body.producedBy).toEqual({ visible: false });
    const seenByB = await w.adminB.client.get<Artifact>(`/artifacts/${made.id}`);
    for (const secret of [w.a1.id, w.a1.name, w.teamA.name, w.adminA.user.email]) {
      expect(JSON.stringify(crossed.body)).not.toContain(secret);
      expect(JSON.stringify(seenByB.body)).not.toContain(secret);
    }

    // Team A sees one reuse, hidden: no project, no team, no person of team B.
    const seenByA = await w.adminA.client.get<Artifact>(`/artifacts/${made.id}`);
    expect(seenByA.body).toMatchObject({
      producedBy: { visible: true, projectId: w.a1.id },
      reuseCount: 1,
      reuses: [],
      hiddenReuses: 1,
    });
    const listA = await w.viewerA.client.get<ArtifactList>(
      `/artifacts?q=${encodeURIComponent('Pump failure labels')}`,
    );
    const kpisA = await w.adminA.client.get<WorkspaceArtifactKpis>('/artifacts/kpis');
    for (const body of [seenByA.body, listA.body, kpisA.body]) {
      const text = JSON.stringify(body);
      for (const secret of [w.b1.id, w.b1.name, w.teamB.name, w.adminB.user.email]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(listA.body.items.find((a) => a.id === made.id)).toMatchObject({
      reuseCount: 1,
      hiddenReuses: 1,
    });
  });

  it('computes the artifact KPIs of a project and of the caller’s workspace view', async () => {
    const w = await world();
    const c = w.adminA.client;
    // a1 produced x (reused 3 times: a2 twice, b1 once) and y (never); a2 produced z (reused by a1).
    const x = await addArtifact(c, w.a1.id, { name: 'Feature store recipes' });
    await addArtifact(c, w.a1.id, { name: 'Plant calendar' });
    const z = await addArtifact(c, w.a2.id, { name: 'Shift roster dataset', kind: 'dataset' });
    await reuse(c, x.id, w.a2.id, 'one');
    await reuse(c, x.id, w.a2.id, 'two');
    await reuse(w.adminB.client, x.id, w.b1.id, 'three');
    await reuse(c, z.id, w.a1.id, 'four');

    // By hand: a1 produced 2, others reused them 3 times, a1 made 1 reuse.
    const a1 = await env().services.artifacts.kpis(w.a1.id);
    expect(a1).toMatchObject({
      produced: 2,
      reusedByOthers: 3,
      reusesMade: 1,
      mostReused: [{ id: x.id, name: 'Feature store recipes', reuseCount: 3 }],
    });
    expect(a1.rules.produced).toMatch(/produced/i);
    // a2 produced 1, reused once by a1, made 2 reuses.
    expect(await env().services.artifacts.kpis(w.a2.id)).toMatchObject({
      produced: 1,
      reusedByOthers: 1,
      reusesMade: 2,
      mostReused: [{ id: z.id, reuseCount: 1 }],
    });

    const mine = await c.get<WorkspaceArtifactKpis>('/artifacts/kpis');
    expect(mine.status).toBe(200);
    expect(mine.body.projects).toEqual(
      [
        {
          projectId: w.a1.id,
          projectName: w.a1.name,
          produced: 2,
          reusedByOthers: 3,
          reusesMade: 1,
        },
        {
          projectId: w.a2.id,
          projectName: w.a2.name,
          produced: 1,
          reusedByOthers: 1,
          reusesMade: 2,
        },
      ].sort((p, q) => p.projectName.localeCompare(q.projectName)),
    );
    // x has the most reuses of this database (3; no other test reuses an artifact 3 times).
    expect(mine.body.mostReused[0]).toEqual({
      id: x.id,
      name: 'Feature store recipes',
      kind: 'tool',
      reuseCount: 3,
      hiddenReuses: 1,
    });
    const theirs = await w.adminB.client.get<WorkspaceArtifactKpis>('/artifacts/kpis');
    expect(theirs.body.projects).toEqual([
      { projectId: w.b1.id, projectName: w.b1.name, produced: 0, reusedByOthers: 0, reusesMade: 1 },
    ]);
    expect(theirs.body.mostReused[0]).toMatchObject({ id: x.id, reuseCount: 3, hiddenReuses: 2 });
    expect(JSON.stringify(theirs.body)).not.toContain(w.a1.name);
  });
});
