import { describe, expect, it } from 'vitest';
import { ciMetadataOf, detectCiEnvironment, withOverrides } from '../../src/ci-env.js';

const GITHUB = {
  GITHUB_ACTIONS: 'true',
  GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  GITHUB_REF_NAME: 'main',
  GITHUB_HEAD_REF: '',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/forecasting',
};

const GITLAB = {
  GITLAB_CI: 'true',
  CI_COMMIT_SHA: 'f00dfacecafe0000000000000000000000000000',
  CI_COMMIT_REF_NAME: 'feature/lag-features',
  CI_JOB_ID: '4242',
  CI_JOB_URL: 'https://gitlab.example.com/acme/forecasting/-/jobs/4242',
};

describe('detectCiEnvironment', () => {
  it('reads commit, branch, job id and job URL from GitHub Actions', () => {
    expect(detectCiEnvironment(GITHUB)).toEqual({
      provider: 'github-actions',
      commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      branch: 'main',
      jobId: '9876543210-2',
      jobUrl: 'https://github.com/acme/forecasting/actions/runs/9876543210',
    });
  });

  it("takes a pull request's branch from GITHUB_HEAD_REF, not the merge ref", () => {
    const pr = { ...GITHUB, GITHUB_REF_NAME: '17/merge', GITHUB_HEAD_REF: 'tune-model' };
    expect(detectCiEnvironment(pr).branch).toBe('tune-model');
  });

  it('uses the run id alone without an attempt, and a GitHub Enterprise server URL', () => {
    const { GITHUB_RUN_ATTEMPT: _attempt, ...rest } = GITHUB;
    const env = { ...rest, GITHUB_SERVER_URL: 'https://git.example.com/' };
    expect(detectCiEnvironment(env)).toMatchObject({
      jobId: '9876543210',
      jobUrl: 'https://git.example.com/acme/forecasting/actions/runs/9876543210',
    });
  });

  it('leaves the job URL out when GitHub does not say where the repository lives', () => {
    const { GITHUB_SERVER_URL: _server, ...env } = GITHUB;
    const detected = detectCiEnvironment(env);
    expect(detected).not.toHaveProperty('jobUrl');
    expect(detected.jobId).toBe('9876543210-2');
  });

  it('reads GitLab CI', () => {
    expect(detectCiEnvironment(GITLAB)).toEqual({
      provider: 'gitlab-ci',
      commit: 'f00dfacecafe0000000000000000000000000000',
      branch: 'feature/lag-features',
      jobId: '4242',
      jobUrl: 'https://gitlab.example.com/acme/forecasting/-/jobs/4242',
    });
  });

  it('reads the plain SEXTANT_* variables elsewhere', () => {
    expect(
      detectCiEnvironment({
        SEXTANT_COMMIT: 'abc123',
        SEXTANT_BRANCH: 'main',
        SEXTANT_CI_PROVIDER: 'jenkins',
        SEXTANT_JOB_ID: '77',
        SEXTANT_JOB_URL: 'https://ci.example.com/job/train/77/',
      }),
    ).toEqual({
      provider: 'jenkins',
      commit: 'abc123',
      branch: 'main',
      jobId: '77',
      jobUrl: 'https://ci.example.com/job/train/77/',
    });
  });

  it('lets a SEXTANT_* variable override what a CI system says', () => {
    const env = { ...GITHUB, SEXTANT_COMMIT: 'headsha' };
    expect(detectCiEnvironment(env)).toMatchObject({
      provider: 'github-actions',
      commit: 'headsha',
      branch: 'main',
    });
  });

  it('returns nothing outside CI, and ignores CI variables unless the system flag is "true"', () => {
    expect(detectCiEnvironment({})).toEqual({});
    expect(detectCiEnvironment({ ...GITHUB, GITHUB_ACTIONS: '' })).toEqual({});
    expect(detectCiEnvironment({ ...GITLAB, GITLAB_CI: 'false' })).toEqual({});
  });

  it('treats empty and blank variables as unset', () => {
    expect(detectCiEnvironment({ SEXTANT_COMMIT: '  ', SEXTANT_BRANCH: '' })).toEqual({});
    expect(detectCiEnvironment({ ...GITLAB, CI_JOB_URL: '' })).not.toHaveProperty('jobUrl');
  });

  it('prefers GitHub Actions when both flags are set', () => {
    expect(detectCiEnvironment({ ...GITLAB, ...GITHUB }).provider).toBe('github-actions');
  });
});

describe('withOverrides', () => {
  it('lets --commit and --branch win over the environment, field by field', () => {
    const detected = detectCiEnvironment(GITHUB);
    expect(withOverrides(detected, { commit: 'deadbeef' })).toEqual({
      ...detected,
      commit: 'deadbeef',
    });
    expect(withOverrides(detected, { branch: 'release' }).branch).toBe('release');
    expect(withOverrides({}, { commit: 'x', branch: 'y' })).toEqual({ commit: 'x', branch: 'y' });
    expect(withOverrides(detected, { commit: '', branch: undefined })).toEqual(detected);
  });
});

describe('ciMetadataOf', () => {
  it('gives the metadata when provider, job id and job URL are all known', () => {
    expect(ciMetadataOf(detectCiEnvironment(GITLAB))).toEqual({
      provider: 'gitlab-ci',
      jobId: '4242',
      jobUrl: 'https://gitlab.example.com/acme/forecasting/-/jobs/4242',
    });
  });

  it('names what is missing otherwise', () => {
    expect(ciMetadataOf({ commit: 'abc' })).toEqual({
      missing: [
        'provider (SEXTANT_CI_PROVIDER)',
        'job id (SEXTANT_JOB_ID)',
        'job URL (SEXTANT_JOB_URL)',
      ],
    });
    expect(ciMetadataOf({ provider: 'jenkins', jobId: '1' })).toEqual({
      missing: ['job URL (SEXTANT_JOB_URL)'],
    });
  });
});
