import { evaluationChangedWarning } from '@sextant/core';
import { metricOfRecord } from './baselines.js';
import type { ProjectReads } from './project-reads.js';

/** The evaluation-strategy alert: the latest CI run on the success metric against the baseline. */
export async function evaluationWarning(reads: ProjectReads) {
  const { repos, projectId } = reads;
  const [baseline, criterion] = await Promise.all([reads.currentBaseline(), reads.criterion()]);
  const metric = metricOfRecord(criterion);
  if (!baseline || !metric) return null;
  // Runs on every write and project read: two indexed lookups, never the whole run history.
  const latest = await repos.runs.latestCiReporting(projectId, metric.name);
  const baselineRun =
    latest?.id === baseline.runId ? latest : await repos.runs.findById(baseline.runId);
  return evaluationChangedWarning(
    latest
      ? {
          runId: latest.id,
          fingerprint: latest.evaluationFingerprint,
          strategy: latest.evaluationStrategy,
        }
      : null,
    {
      runId: baseline.runId,
      fingerprint: baseline.evaluationFingerprint,
      strategy: baselineRun?.evaluationStrategy ?? null,
    },
  );
}
