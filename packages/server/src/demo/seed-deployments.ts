import type { DeploymentStatus } from '@sextant/core';
import { newId, type Repositories } from '@sextant/db';
import type { DemoDates } from './demo-dates.js';
import type { PortfolioIds } from './demo-histories.js';

/** The CI token CD posts the healthy project's deployments with. */
export interface DemoCi {
  projectId: string;
  tokenId: string;
}

/** A production version and the CI run of its commit, for the runs the seed posts after. */
export interface DemoVersion {
  version: string;
  commit: string;
  runStartedAt: string;
  runFinishedAt: string;
}

interface Deploy {
  offset: number;
  environment: 'production' | 'staging';
  status: DeploymentStatus;
  version: string;
  commit: string;
  time: string;
}

/** Weekly versions of the energy forecast over 56 weeks: all in production after day −400. */
export const ENERGY_WEEKS = 56;

const commitOf = (seed: number, n: number) =>
  `${(seed + n * 7919).toString(16).padStart(7, '0')}${(n * 104_729).toString(16).padStart(9, '0')}`;

/**
 * The healthy project: a version every week (Wednesday-ish, 3 days ago the latest), staged
 * the day before; about one production deployment in ten failed or was rolled back.
 */
function energyDeploys(): Deploy[] {
  const deploys: Deploy[] = [];
  for (let k = ENERGY_WEEKS - 1; k >= 0; k -= 1) {
    const n = ENERGY_WEEKS - k;
    const offset = -(3 + 7 * k);
    const version = `2.${n}.0`;
    const commit = commitOf(0x3e11a, n);
    deploys.push({
      offset: offset - 1,
      environment: 'staging',
      status: k % 7 === 3 ? 'failed' : 'succeeded',
      version,
      commit,
      time: '15:10:00',
    });
    const status: DeploymentStatus =
      k % 11 === 5 ? 'failed' : k % 13 === 8 ? 'rolled_back' : 'succeeded';
    deploys.push({ offset, environment: 'production', status, version, commit, time: '07:40:00' });
  }
  return deploys;
}

/**
 * The failing project: weekly production releases until 75 days ago, two attempts since
 * that failed, and staging deployments that go on (and often fail).
 */
function weldDeploys(): Deploy[] {
  const deploys: Deploy[] = [];
  for (let k = 32; k >= 0; k -= 1) {
    const n = 33 - k;
    deploys.push({
      offset: -(75 + 7 * k),
      environment: 'production',
      status: k % 6 === 4 ? 'failed' : 'succeeded',
      version: `1.${n}.0`,
      commit: commitOf(0x77e1d, n),
      time: '10:20:00',
    });
  }
  deploys.push(
    {
      offset: -68,
      environment: 'production',
      status: 'failed',
      version: '1.34.0',
      commit: commitOf(0x77e1d, 34),
      time: '10:20:00',
    },
    {
      offset: -61,
      environment: 'production',
      status: 'rolled_back',
      version: '1.34.1',
      commit: commitOf(0x77e1d, 35),
      time: '10:20:00',
    },
  );
  for (let j = 7; j >= 0; j -= 1) {
    deploys.push({
      offset: -(12 + 7 * j),
      environment: 'staging',
      status: j % 3 === 1 ? 'succeeded' : 'failed',
      version: `1.35.${8 - j}`,
      commit: commitOf(0x77e1d, 36 + 8 - j),
      time: '16:00:00',
    });
  }
  return deploys.sort((a, b) => a.offset - b.offset);
}

/** The project in productization: a staging deployment every two weeks since the POC ended. */
function supplierDeploys(): Deploy[] {
  const deploys: Deploy[] = [];
  for (let j = 8; j >= 0; j -= 1) {
    deploys.push({
      offset: -(2 + 14 * j),
      environment: 'staging',
      status: j === 5 ? 'failed' : 'succeeded',
      version: `0.${9 - j}.0`,
      commit: commitOf(0x5a991, 9 - j),
      time: '11:00:00',
    });
  }
  return deploys;
}

async function insertAll(
  repos: Repositories,
  dates: DemoDates,
  projectId: string,
  deploys: readonly Deploy[],
  poster: { ci: DemoCi | null; userId: string },
): Promise<void> {
  for (const d of deploys) {
    const finishedAt = dates.at(d.offset, d.time);
    const started = new Date(Date.parse(finishedAt) - 6 * 60_000).toISOString();
    const jobId = `${d.version}-${d.environment}`;
    await repos.deployments.insert({
      id: newId(),
      projectId,
      version: d.version,
      environment: d.environment,
      status: d.status,
      commit: d.commit,
      startedAt: started,
      finishedAt,
      runId: null,
      provenance: poster.ci ? 'ci' : 'manual',
      ci: poster.ci
        ? {
            provider: 'github-actions',
            jobId,
            jobUrl: `https://github.example/plant/deploy/actions/runs/${jobId}`,
          }
        : null,
      tokenId: poster.ci?.tokenId ?? null,
      postedById: poster.ci ? null : poster.userId,
      createdAt: finishedAt,
    });
  }
}

/**
 * Writes the three projects' deployments, oldest first (ids are time-ordered, so the
 * newest-first list reads right). Returns the healthy project's last 8 production versions,
 * whose CI runs the caller posts (a run 20 hours before each deployment: the lead time).
 */
export async function seedDemoDeployments(
  repos: Repositories,
  dates: DemoDates,
  ids: PortfolioIds,
  ci: DemoCi,
  ownerId: string,
): Promise<DemoVersion[]> {
  const energy = energyDeploys();
  await insertAll(repos, dates, ids.energyId, energy, { ci, userId: ownerId });
  await insertAll(repos, dates, ids.weldId, weldDeploys(), { ci: null, userId: ownerId });
  await insertAll(repos, dates, ids.supplierId, supplierDeploys(), { ci: null, userId: ownerId });
  return energy
    .filter((d) => d.environment === 'production' && d.offset >= -(3 + 7 * 7))
    .map((d) => {
      const deployed = Date.parse(dates.at(d.offset, d.time));
      return {
        version: d.version,
        commit: d.commit,
        runStartedAt: new Date(deployed - 20 * 3_600_000).toISOString(),
        runFinishedAt: new Date(deployed - 19 * 3_600_000).toISOString(),
      };
    });
}
