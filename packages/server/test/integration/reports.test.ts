import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { CreatedToken, ErrorBody, Run } from '@sextant/core';
import { describeEachDatabase, type TestEnv } from '../support/harness.js';
import { HIT_RATE_CRITERION, quantifiableGoal } from '../support/factory.js';
import { addStory, closeSprint, createSprint, startSprint } from '../support/sprints.js';

const CI = { provider: 'github-actions', jobId: '77', jobUrl: 'https://ci.example.test/runs/77' };

/**
 * A project as it stands at its second sprint demo: criterion, CI runs in two sprints, a
 * delivered and an open story, a backlog idea and the sponsor's decision.
 */
async function projectAtDemo(env: TestEnv) {
  const { admin, team, project } = await env.factory.workspace({
    users: [{ name: 'Maria Jensen', role: 'Maintenance planner' }],
    currentMetric: { name: 'Planners’ list hit rate@10', value: 0.8 },
  });
  const url = `/projects/${project.id}`;
  expect((await admin.client.post(`${url}/goals`, quantifiableGoal(env.clock.now()))).status).toBe(
    201,
  );
  expect((await admin.client.put(`${url}/success-criterion`, HIT_RATE_CRITERION)).status).toBe(200);
  const token = await admin.client.post<CreatedToken>(`${url}/ci-tokens`, { name: 'ci' });
  const ci = admin.client.withBearer(token.body.token);
  const run = async (value: number, finishedAt: string) => {
    const reply = await ci.post<Run>(`${url}/runs`, {
      metrics: { hit_rate_at_10: value },
      commit: 'a1b2c3d',
      finishedAt,
      ci: CI,
    });
    expect(reply.body.provenance).toBe('ci');
  };

  const s1 = await createSprint(admin.client, project.id, '2026-04-06', '2026-04-17', 'Sprint 1');
  const s2 = await createSprint(admin.client, project.id, '2026-04-20', '2026-05-01', 'Sprint <2>');
  await run(0.4, '2026-04-08T10:00:00Z');
  await run(0.55, '2026-04-09T10:00:00Z');
  await startSprint(admin.client, s1.id);
  await closeSprint(admin.client, s1.id);
  await run(0.9, '2026-04-22T10:00:00Z');
  await addStory(admin.client, s2.id, {
    title: 'Rolling vibration features *v2*',
    assigneeId: null,
    status: 'done',
  });
  await addStory(admin.client, s2.id, {
    title: 'Hyperparameter search',
    assigneeId: null,
    status: 'todo',
  });
  expect(
    (
      await admin.client.post(`${url}/backlog`, {
        observation: 'Most misses were pumps restarted the day before',
        proposedChange: 'Add an "hours since restart" feature',
        effort: { size: 'S' },
        expectedImpact: '+0.2 hit rate@10',
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await admin.client.post(`/sprints/${s2.id}/decision`, {
        decision: 'continue',
        rationale: 'Climbing <fast>; one more sprint on features.',
      })
    ).status,
  ).toBe(201);
  return { admin, team, project, s1, s2 };
}

describeEachDatabase('sprint-demo reports', (env) => {
  it('serves the HTML report with the chart as inline SVG, the decision and a strict policy', async () => {
    const { admin, s2 } = await projectAtDemo(env());
    const reply = await admin.client.get<string>(`/sprints/${s2.id}/report.html`);
    expect(reply.status).toBe(200);
    expect(reply.raw.headers['content-type']).toBe('text/html; charset=utf-8');
    // The report's own policy (inline styles and images, no script), not the app's.
    expect(reply.raw.headers['content-security-policy']).toBe(
      "default-src 'none';style-src 'unsafe-inline';img-src data:",
    );
    const html = reply.body;
    expect(html).toMatch(/<svg [^>]*viewBox="0 0 720 320"/);
    expect(html).toContain('>threshold 2</text>');
    expect(html).toContain('>today 0.8</text>');
    expect(html).toContain('Today: Planners’ list hit rate@10');
    expect(html).toContain('<span class="badge continue">Continue</span>');
    expect(html).toContain('Climbing &lt;fast&gt;; one more sprint on features.');
    expect(html).toContain('Sprint &lt;2&gt;');
    expect(html).not.toContain('Sprint <2>');
    expect(html).toContain('Add an &quot;hours since restart&quot; feature');
    expect(html).toContain('hit rate@10 (events among the 10 top-scored per period');
    // One point per sprint: 0.55 (sprint 1's best) and 0.9.
    expect(html).toContain('Sprint 1: 0.55; Sprint &lt;2&gt;: 0.9');
    expect(html).toContain(
      '<strong>In money:</strong> 0.9 caught a day against 0.8 today: +€2,500 a day, about +€913 k a year.',
    );
  });

  it('serves the Markdown report with the delivered stories and the backlog', async () => {
    const { admin, project, s2 } = await projectAtDemo(env());
    const reply = await admin.client.get<string>(`/sprints/${s2.id}/report.md`);
    expect(reply.status).toBe(200);
    expect(reply.raw.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const md = reply.body;
    expect(md).toContain(`# Sprint review: ${project.name} — Sprint \\<2\\>`);
    expect(md).toContain('## Delivered stories\n\n- **Rolling vibration features \\*v2\\***');
    expect(md).not.toContain('Hyperparameter search');
    expect(md).toContain('## Top backlog items\n\n1. **Add an "hours since restart" feature**');
    // Sprint 1's bar was the first CI run (0.4); its close promoted 0.55, the next sprint's bar.
    expect(md).toContain('| Sprint 1 | 0.55 | 0.4 | 0 | 0 |');
    expect(md).toContain('| Sprint \\<2\\> | 0.9 | 0.55 | 0 | 0 |');
    expect(md).toContain('**Continue** by ');
    // The best CI run (0.9) in money against today's 0.8: (0.9 − 0.8) × 25,000 a day, × 365.
    expect(md).toContain(
      '**In money:** 0.9 caught a day against 0.8 today: +€2,500 a day, about +€913 k a year.',
    );
    // At the threshold 2: 2 × 25,000 − 10 × 800 = 42,000 a day, × 365 = 15,330,000.
    expect(md).toContain('At the threshold 2: €42,000 a day, about €15.3 M a year.');
    expect(md).toContain('data:image/svg+xml;base64,');
  });

  it('prints the PDF with Chromium, named after the project and sprint', async () => {
    const { admin, project, s2 } = await projectAtDemo(env());
    const reply = await admin.client.get(`/sprints/${s2.id}/report.pdf`);
    expect(reply.status).toBe(200);
    expect(reply.raw.headers['content-type']).toBe('application/pdf');
    const slug = project.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    expect(reply.raw.headers['content-disposition']).toBe(
      `inline; filename="${slug}-sprint-2-review.pdf"`,
    );
    const pdf = reply.raw.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('lets a viewer read the reports; another team gets the same 404 as a missing sprint', async () => {
    const { admin, team, s2 } = await projectAtDemo(env());
    const viewer = await env().factory.member(team.id, admin, 'viewer');
    for (const format of ['html', 'md']) {
      expect((await viewer.client.get(`/sprints/${s2.id}/report.${format}`)).status).toBe(200);
    }
    const outsider = (await env().factory.workspace()).admin;
    for (const format of ['html', 'md', 'pdf']) {
      const foreign = await outsider.client.get<ErrorBody>(`/sprints/${s2.id}/report.${format}`);
      const missing = await outsider.client.get<ErrorBody>(
        `/sprints/${randomUUID()}/report.${format}`,
      );
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(foreign.body).toEqual(missing.body);
    }
    const anonymous = await env().factory.client().get<ErrorBody>(`/sprints/${s2.id}/report.md`);
    expect(anonymous.status).toBe(401);
  });

  it('reports a project with no criterion and no runs without failing', async () => {
    const { admin, project } = await env().factory.workspace();
    const sprint = await createSprint(admin.client, project.id, '2026-06-01', '2026-06-12');
    const html = await admin.client.get<string>(`/sprints/${sprint.id}/report.html`);
    expect(html.status).toBe(200);
    expect(html.body).toContain('No success criterion yet');
    const md = await admin.client.get<string>(`/sprints/${sprint.id}/report.md`);
    expect(md.body).toContain('_No decision recorded yet._');
    expect(md.body).toContain('_No story delivered in this sprint._');
    expect(md.body).toContain('_No open backlog item._');
  });
});
