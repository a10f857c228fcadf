import type { Run, RunComparison } from '@sextant/core';
import type { RunRecord } from '@sextant/db';

/** Where a run is seen in the UI (relative to the server's address). */
export const runPath = (run: { projectId: string; id: string }) =>
  `/projects/${run.projectId}/runs/${run.id}`;

export const presentRun = (run: RunRecord, comparison: RunComparison): Run => ({
  id: run.id,
  projectId: run.projectId,
  sprintId: run.sprintId,
  sprintNote: run.sprintNote,
  provenance: run.provenance,
  metrics: run.metrics,
  params: run.params,
  commit: run.commit,
  branch: run.branch,
  datasetVersion: run.datasetVersion,
  evaluationFingerprint: run.evaluationFingerprint,
  evaluationStrategy: run.evaluationStrategy,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  ci: run.ci,
  postedBy: run.postedBy,
  createdAt: run.createdAt,
  comparison,
  url: runPath(run),
});
