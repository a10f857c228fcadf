/** What choosing a deployment's run needs of a run. */
export interface DeploymentRunCandidate {
  id: string;
  commit: string;
  provenance: 'ci' | 'manual';
  finishedAt: string | null;
  createdAt: string;
}

/** `posted`: the deployment named the run; `commit`: the CI run of its commit that finished last. */
export type DeploymentRunLink = 'posted' | 'commit';

export const DEPLOYMENT_RUN_RULE =
  'A deployment’s run is the one it names; else the CI run of the same project and commit that finished last (a run that states no finish counts when it arrived); else none.';

/**
 * The run a deployment shipped: the one it names (`runId`), else the CI run of the same
 * commit that finished last (a run without a finish counts at its arrival); null without.
 */
export function deploymentRun<R extends DeploymentRunCandidate>(
  deployment: { runId: string | null; commit: string | null },
  runs: readonly R[],
): { run: R; linkedBy: DeploymentRunLink } | null {
  if (deployment.runId !== null) {
    const named = runs.find((r) => r.id === deployment.runId);
    return named ? { run: named, linkedBy: 'posted' } : null;
  }
  if (deployment.commit === null) return null;
  let latest: R | null = null;
  for (const run of runs) {
    if (run.provenance !== 'ci' || run.commit !== deployment.commit) continue;
    if (latest === null || laterThan(run, latest)) latest = run;
  }
  return latest ? { run: latest, linkedBy: 'commit' } : null;
}

/** Finished later; on the same instant, the one that arrived last (ids are time-ordered). */
function laterThan(a: DeploymentRunCandidate, b: DeploymentRunCandidate): boolean {
  const at = (r: DeploymentRunCandidate) => Date.parse(r.finishedAt ?? r.createdAt);
  return at(a) !== at(b) ? at(a) > at(b) : a.id > b.id;
}
