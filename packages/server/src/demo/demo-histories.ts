import type { Stage } from '@sextant/core';
import type { User } from '@sextant/core';

/** The projects the demo seeded before the portfolio, which the portfolio's facts refer to. */
export interface DemoProjects {
  teamId: string;
  owner: User;
  /** A member of the other team, who records that team's reuse of an artifact. */
  otherTeamUser: User;
  pdmId: string;
  spareId: string;
  churnId: string;
}

/** The portfolio's projects, each seeded with its stage history (days from today). */
export interface PortfolioIds {
  energyId: string;
  weldId: string;
  supplierId: string;
}

export interface StageStep {
  stage: Stage;
  offset: number;
  note: string;
}

/** A project's creation day and its moves, in days from today. */
export interface DemoHistory {
  created: number;
  steps: readonly StageStep[];
}

/** When each portfolio project was created and moved (days from today). */
export const ENERGY_HISTORY: DemoHistory = {
  created: -520,
  steps: [
    { stage: 'poc', offset: -490, note: 'Scope signed off by the plant energy manager.' },
    {
      stage: 'productization',
      offset: -450,
      note: 'Objectives met: the day-ahead forecast beat the planners’ estimate by 40 %.',
    },
    {
      stage: 'production',
      offset: -400,
      note: 'Forecast runs every night at 2 am for the paint shop.',
    },
  ],
};

export const WELD_HISTORY: DemoHistory = {
  created: -560,
  steps: [
    { stage: 'poc', offset: -530, note: 'Camera images of 6 months of seams labelled.' },
    {
      stage: 'productization',
      offset: -440,
      note: 'Objectives met on the test line: 92 % of bad seams caught.',
    },
    { stage: 'production', offset: -320, note: 'Live on the body-shop line 2 cameras.' },
  ],
};

export const SUPPLIER_HISTORY: DemoHistory = {
  created: -300,
  steps: [
    { stage: 'poc', offset: -270, note: 'Procurement named Lea Brandt as the first user.' },
    {
      stage: 'productization',
      offset: -120,
      note: 'Objectives met: 3 of 4 late deliveries flagged a week ahead on last year’s data.',
    },
  ],
};
