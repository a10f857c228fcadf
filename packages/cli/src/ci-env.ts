/** What a CI job says about itself: the commit it built, its branch, and where to see the job. */
export interface CiEnvironment {
  /** `github-actions`, `gitlab-ci`, or whatever SEXTANT_CI_PROVIDER names. */
  provider: string;
  commit: string;
  branch: string;
  jobId: string;
  jobUrl: string;
}

/** Any field may be missing: outside CI, or when the job does not set a variable. */
export type DetectedCiEnvironment = Partial<CiEnvironment>;

/** An unset variable and an empty one mean the same: CI systems export empty strings freely. */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function githubActions(env: NodeJS.ProcessEnv): DetectedCiEnvironment {
  const runId = read(env, 'GITHUB_RUN_ID');
  const attempt = read(env, 'GITHUB_RUN_ATTEMPT');
  const server = read(env, 'GITHUB_SERVER_URL')?.replace(/\/+$/, '');
  const repository = read(env, 'GITHUB_REPOSITORY');
  return {
    provider: 'github-actions',
    commit: read(env, 'GITHUB_SHA'),
    // On pull_request events GITHUB_REF_NAME is "42/merge"; GITHUB_HEAD_REF is the PR's branch.
    branch: read(env, 'GITHUB_HEAD_REF') ?? read(env, 'GITHUB_REF_NAME'),
    // A re-run keeps the run id and bumps the attempt: "123456-2" tells the two apart.
    jobId: runId && (attempt ? `${runId}-${attempt}` : runId),
    jobUrl:
      runId && server && repository ? `${server}/${repository}/actions/runs/${runId}` : undefined,
  };
}

function gitlabCi(env: NodeJS.ProcessEnv): DetectedCiEnvironment {
  return {
    provider: 'gitlab-ci',
    commit: read(env, 'CI_COMMIT_SHA'),
    branch: read(env, 'CI_COMMIT_REF_NAME'),
    jobId: read(env, 'CI_JOB_ID'),
    jobUrl: read(env, 'CI_JOB_URL'),
  };
}

/**
 * Reads commit, branch and job from GitHub Actions (GITHUB_ACTIONS=true) or GitLab CI
 * (GITLAB_CI=true) variables. The plain SEXTANT_COMMIT, SEXTANT_BRANCH, SEXTANT_CI_PROVIDER,
 * SEXTANT_JOB_ID and SEXTANT_JOB_URL serve every other CI system, and, when set, win over
 * what was detected (say, to report a pull request's head commit instead of its merge commit).
 * Fields nobody set are left out.
 */
export function detectCiEnvironment(env: NodeJS.ProcessEnv): DetectedCiEnvironment {
  const detected =
    read(env, 'GITHUB_ACTIONS') === 'true'
      ? githubActions(env)
      : read(env, 'GITLAB_CI') === 'true'
        ? gitlabCi(env)
        : {};
  const merged: DetectedCiEnvironment = {
    provider: read(env, 'SEXTANT_CI_PROVIDER') ?? detected.provider,
    commit: read(env, 'SEXTANT_COMMIT') ?? detected.commit,
    branch: read(env, 'SEXTANT_BRANCH') ?? detected.branch,
    jobId: read(env, 'SEXTANT_JOB_ID') ?? detected.jobId,
    jobUrl: read(env, 'SEXTANT_JOB_URL') ?? detected.jobUrl,
  };
  return Object.fromEntries(
    Object.entries(merged).filter(([, value]) => value !== undefined),
  ) as DetectedCiEnvironment;
}

/** The job's CI metadata when all three parts are known, else the names of what is missing. */
export function ciMetadataOf(
  detected: DetectedCiEnvironment,
): { provider: string; jobId: string; jobUrl: string } | { missing: string[] } {
  const { provider, jobId, jobUrl } = detected;
  if (provider && jobId && jobUrl) return { provider, jobId, jobUrl };
  const missing = [
    provider ? null : 'provider (SEXTANT_CI_PROVIDER)',
    jobId ? null : 'job id (SEXTANT_JOB_ID)',
    jobUrl ? null : 'job URL (SEXTANT_JOB_URL)',
  ].filter((name): name is string => name !== null);
  return { missing };
}

/** Explicit flags override the environment, field by field. */
export function withOverrides(
  detected: DetectedCiEnvironment,
  flags: { commit?: string; branch?: string },
): DetectedCiEnvironment {
  const commit = flags.commit?.trim() || detected.commit;
  const branch = flags.branch?.trim() || detected.branch;
  return {
    ...detected,
    ...(commit ? { commit } : {}),
    ...(branch ? { branch } : {}),
  };
}
