import type { Deployment, DeploymentRunLink } from '@sextant/core';
import type { DeploymentRecord, RunStartRow } from '@sextant/db';
import { runPath } from './runs.js';

/** Where a deployment is seen in the UI (relative to the server's address). */
export const deploymentPath = (d: { projectId: string; id: string }) =>
  `/projects/${d.projectId}/deployments#${d.id}`;

/** The deployment's run as `deploymentRun` chose it, or null. */
export type DeploymentRunChoice = { run: RunStartRow; linkedBy: DeploymentRunLink } | null;

export const presentDeployment = (d: DeploymentRecord, run: DeploymentRunChoice): Deployment => ({
  id: d.id,
  projectId: d.projectId,
  version: d.version,
  environment: d.environment,
  status: d.status,
  commit: d.commit,
  startedAt: d.startedAt,
  finishedAt: d.finishedAt,
  runId: d.runId,
  run: run
    ? {
        id: run.run.id,
        commit: run.run.commit,
        provenance: run.run.provenance,
        finishedAt: run.run.finishedAt,
        linkedBy: run.linkedBy,
        url: runPath({ projectId: d.projectId, id: run.run.id }),
      }
    : null,
  provenance: d.provenance,
  ci: d.ci,
  postedBy: d.postedBy,
  createdAt: d.createdAt,
  url: deploymentPath(d),
});
