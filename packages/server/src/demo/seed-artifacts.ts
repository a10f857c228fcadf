import type { ArtifactKind } from '@sextant/core';
import type { Repositories } from '@sextant/db';
import type { DemoDates } from './demo-dates.js';
import type { DemoProjects, PortfolioIds } from './demo-histories.js';

type ProjectKey = keyof PortfolioIds | 'pdmId' | 'spareId' | 'churnId';

interface DemoArtifact {
  name: string;
  kind: ArtifactKind;
  description: string;
  by: ProjectKey;
  offset: number;
  reuses: { by: ProjectKey; purpose: string; offset: number }[];
}

/** Six artifacts: five reused by other projects (one by the other team), one not yet. */
const ARTIFACTS: readonly DemoArtifact[] = [
  {
    name: 'Weld-seam image set, labelled',
    kind: 'dataset',
    description:
      '48,000 seam images from line 2 cameras, labelled good / rework by quality engineers.',
    by: 'weldId',
    offset: -500,
    reuses: [],
  },
  {
    name: 'Plant calendar and shift table',
    kind: 'dataset',
    description:
      'One row per plant day: shifts, holidays, planned stops and line speeds, since 2019.',
    by: 'energyId',
    offset: -480,
    reuses: [
      { by: 'supplierId', purpose: 'Working days between order and delivery', offset: -240 },
      { by: 'pdmId', purpose: 'Shift features for the failure model', offset: -30 },
      { by: 'spareId', purpose: 'Working-day calendar for part demand', offset: -4 },
    ],
  },
  {
    name: 'Day-ahead gradient-boosting forecaster',
    kind: 'model',
    description:
      'LightGBM on calendar, weather and load lags with a quantile head; retrains nightly.',
    by: 'energyId',
    offset: -430,
    reuses: [{ by: 'spareId', purpose: 'Starting model for weekly part demand', offset: -3 }],
  },
  {
    name: 'Supplier master-data cleaner',
    kind: 'tool',
    description: 'Merges supplier duplicates across the two ERPs and normalises lead times.',
    by: 'supplierId',
    offset: -250,
    reuses: [
      { by: 'weldId', purpose: 'Sheet-metal batches traced to their supplier', offset: -150 },
      { by: 'spareId', purpose: 'Lead times per spare-part supplier', offset: -6 },
    ],
  },
  {
    name: 'Press sensor daily features',
    kind: 'feature_pipeline',
    description:
      'Daily aggregates and vibration band energies per press, from the sensor historian.',
    by: 'pdmId',
    offset: -30,
    reuses: [
      { by: 'weldId', purpose: 'Press load as context for weld defects', offset: -12 },
      { by: 'energyId', purpose: 'Press-line load as a driver of plant demand', offset: -8 },
    ],
  },
  {
    name: 'Time-based backtest template',
    kind: 'template',
    description: 'Expanding-window backtest with a CI job that posts the metric to Sextant.',
    by: 'pdmId',
    offset: -25,
    reuses: [
      { by: 'energyId', purpose: 'Backtest of the retrained forecaster', offset: -15 },
      { by: 'supplierId', purpose: 'Backtest of the delay classifier', offset: -10 },
      { by: 'churnId', purpose: 'Monthly backtest of the churn model', offset: -6 },
    ],
  },
];

/** The artifact catalogue, produced and reused across the demo's projects (and teams). */
export async function seedDemoArtifacts(
  repos: Repositories,
  dates: DemoDates,
  ids: PortfolioIds,
  demo: DemoProjects,
): Promise<void> {
  const projectOf: Record<ProjectKey, string> = {
    ...ids,
    pdmId: demo.pdmId,
    spareId: demo.spareId,
    churnId: demo.churnId,
  };
  for (const artifact of ARTIFACTS) {
    const id = await repos.artifacts.insert({
      projectId: projectOf[artifact.by],
      name: artifact.name,
      kind: artifact.kind,
      description: artifact.description,
      link: null,
      createdBy: demo.owner.id,
      now: dates.at(artifact.offset, '11:00:00'),
    });
    for (const reuse of artifact.reuses) {
      await repos.artifacts.insertReuse({
        artifactId: id,
        projectId: projectOf[reuse.by],
        purpose: reuse.purpose,
        reusedBy: reuse.by === 'churnId' ? demo.otherTeamUser.id : demo.owner.id,
        now: dates.at(reuse.offset, '14:00:00'),
      });
    }
  }
}
