import type { Deployment } from '@sextant/core';
import type { DeploymentRecord } from '@sextant/db';

/** Where a deployment is seen in the UI (relative to the server's address). */
export const deploymentPath = (d: { projectId: string; id: string }) =>
  `/projects/${d.projectId}/deployments#${d.id}`;

export const presentDeployment = (d: DeploymentRecord): Deployment => ({
  id: d.id,
  projectId: d.projectId,
  version: d.version,
  environment: d.environment,
  status: d.status,
  commit: d.commit,
  startedAt: d.startedAt,
  finishedAt: d.finishedAt,
  runId: d.runId,
  provenance: d.provenance,
  ci: d.ci,
  postedBy: d.postedBy,
  createdAt: d.createdAt,
  url: deploymentPath(d),
});
