import { expect, it } from 'vitest';
import type { Artifact, CreatedToken, Deployment, ErrorBody, Page, Run } from '@sextant/core';
import { describeEachDatabase } from '../support/harness.js';

// Every link a person or a pipeline gives is shown as a link on a page; only http:// and
// https:// may be stored. React refuses to follow a `javascript:` href, but not a `data:`
// one, and the API's other readers (scripts, the OpenAPI page) have no such guard.
const HOSTILE = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
];

const fieldsOf = (body: ErrorBody) =>
  (body.error.details.fields as { field: string }[]).map((f) => f.field);

const ci = (jobUrl: string) => ({ provider: 'github-actions', jobId: '99', jobUrl });

describeEachDatabase('links a user gives are http or https only', (env) => {
  async function project() {
    const { admin, project } = await env().factory.workspace();
    const token = await admin.client.post<CreatedToken>(`/projects/${project.id}/ci-tokens`, {
      name: 'ci',
    });
    expect(token.status).toBe(201);
    return { admin, project, ciClient: admin.client.withBearer(token.body.token) };
  }

  it('refuses a javascript: or data: CI job URL on a run, a batch and a deployment, storing nothing', async () => {
    const { admin, project: p, ciClient } = await project();
    for (const jobUrl of HOSTILE) {
      const single = await ciClient.post<ErrorBody>(`/projects/${p.id}/runs`, {
        metrics: { hit_rate_at_10: 0.4 },
        commit: 'a1b2c3d',
        ci: ci(jobUrl),
      });
      expect(single.status).toBe(400);
      expect(fieldsOf(single.body)).toEqual(['ci.jobUrl']);
      expect(single.body.error.message).toContain('http:// or https://');

      const batch = await ciClient.post<ErrorBody>(`/projects/${p.id}/runs/batch`, {
        runs: [
          { metrics: { hit_rate_at_10: 0.4 }, commit: 'a1', ci: ci('https://ci.example.test/1') },
          { metrics: { hit_rate_at_10: 0.5 }, commit: 'a2', ci: ci(jobUrl) },
        ],
      });
      expect(batch.status).toBe(400);
      expect(fieldsOf(batch.body)).toEqual(['runs[1].ci.jobUrl']);

      const deployment = await ciClient.post<ErrorBody>(`/projects/${p.id}/deployments`, {
        version: '1.0.0',
        environment: 'production',
        status: 'succeeded',
        finishedAt: '2026-11-20T10:00:00Z',
        ci: ci(jobUrl),
      });
      expect(deployment.status).toBe(400);
      expect(fieldsOf(deployment.body)).toEqual(['ci.jobUrl']);
    }
    const runs = await admin.client.get<Page<Run>>(`/projects/${p.id}/runs`);
    expect(runs.body.items).toEqual([]);
    const deployments = await admin.client.get<Page<Deployment>>(`/projects/${p.id}/deployments`);
    expect(deployments.body.items).toEqual([]);
  });

  it('refuses a javascript: or data: artifact link, storing nothing', async () => {
    const { admin, project: p } = await project();
    const name = `Link probe ${p.id}`;
    for (const link of HOSTILE) {
      const reply = await admin.client.post<ErrorBody>('/artifacts', {
        name,
        kind: 'tool',
        description: 'where it lives must be a web address',
        link,
        projectId: p.id,
      });
      expect(reply.status).toBe(400);
      expect(fieldsOf(reply.body)).toEqual(['link']);
    }
    const listed = await admin.client.get<Page<Artifact>>(
      `/artifacts?q=${encodeURIComponent(p.id)}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
  });

  it('still takes http and https links', async () => {
    const { project: p, ciClient } = await project();
    const run = await ciClient.post<Run>(`/projects/${p.id}/runs`, {
      metrics: { hit_rate_at_10: 0.4 },
      commit: 'a1b2c3d',
      ci: ci('http://jenkins.internal:8080/job/pdm/12/'),
    });
    expect(run.status).toBe(201);
    expect(run.body.ci?.jobUrl).toBe('http://jenkins.internal:8080/job/pdm/12/');
    expect(run.body.provenance).toBe('ci');
  });
});
