import type { InsightStatus } from '@sextant/core';
import type { Repositories } from '@sextant/db';
import type { DemoDates } from './demo-dates.js';
import type { PortfolioIds } from './demo-histories.js';

interface DemoInsight {
  title: string;
  description: string;
  businessArea: string;
  value: number;
  proposedAt: string;
  acceptedAt?: string;
  implementedAt?: string;
  rejectedAt?: string;
}

const statusOf = (i: DemoInsight): InsightStatus =>
  i.rejectedAt
    ? 'rejected'
    : i.implementedAt
      ? 'implemented'
      : i.acceptedAt
        ? 'accepted'
        : 'proposed';

/**
 * Insights over the last three quarters, dated from the start of today's quarter (`q`):
 * the healthy project has one accepted this quarter, the other two only in earlier quarters.
 */
function insightsOf(dates: DemoDates): Record<keyof PortfolioIds, DemoInsight[]> {
  const q = (offset: number) => {
    const d = new Date(`${dates.quarterStart}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const acceptedThisQuarter = dates.later(dates.quarterStart, dates.day(-10));
  const back = (day: string, days: number) => {
    const d = new Date(`${day}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - days);
    return d.toISOString().slice(0, 10);
  };
  return {
    energyId: [
      {
        title: 'Start the oven pre-heat 40 minutes later on Mondays',
        description:
          'The ovens reach temperature long before the first car; the load sits on the morning peak.',
        businessArea: 'Energy',
        value: 42_000,
        proposedAt: q(-150),
        acceptedAt: q(-140),
        implementedAt: q(-110),
      },
      {
        title: 'Move compressor load off the 6–8 pm tariff peak',
        description:
          'Filling the air tanks before 6 pm covers the evening shift without buying peak power.',
        businessArea: 'Energy',
        value: 65_000,
        proposedAt: q(-70),
        acceptedAt: q(-60),
        implementedAt: q(-20),
      },
      {
        title: 'Replace the booth 2 extraction fans early',
        description: 'The fans draw 18 % more than booth 1; replacement pays back in 4 years.',
        businessArea: 'Maintenance',
        value: 120_000,
        proposedAt: q(-50),
        rejectedAt: q(-35),
      },
      {
        title: 'Lower the night humidity set-point in booths 1–3 to 55 %',
        description:
          'Humidity control at night runs for no paint job; 55 % keeps the booths in spec.',
        businessArea: 'Energy',
        value: 18_000,
        proposedAt: back(acceptedThisQuarter, 14),
        acceptedAt: acceptedThisQuarter,
      },
      {
        title: 'Bundle small colour batches on Tuesdays',
        description:
          'Each colour change flushes the lines and reheats; bundling saves 6 changes a week.',
        businessArea: 'Production planning',
        value: 9_500,
        proposedAt: dates.day(-2),
      },
    ],
    weldId: [
      {
        title: 'Re-teach the seam 14 robot path after every tip change',
        description: 'Half of the flagged seams follow a tip change on robot 14.',
        businessArea: 'Quality',
        value: 30_000,
        proposedAt: q(-200),
        acceptedAt: q(-185),
        implementedAt: q(-150),
      },
      {
        title: 'Add a second camera on the underbody line',
        description:
          'The underbody seams are seen at a steep angle; a second camera would see them.',
        businessArea: 'Quality',
        value: 85_000,
        proposedAt: q(-60),
        rejectedAt: q(-40),
      },
      {
        title: 'Check seams of supplier batch B by hand',
        description: 'Sheets from batch B account for a third of the flagged seams this month.',
        businessArea: 'Procurement',
        value: 12_000,
        proposedAt: dates.day(-8),
      },
    ],
    supplierId: [
      {
        title: 'Order castings from supplier K one week earlier',
        description: 'Supplier K is late on 4 orders in 10 when the lead time is under 3 weeks.',
        businessArea: 'Procurement',
        value: 28_000,
        proposedAt: q(-80),
        acceptedAt: q(-70),
        implementedAt: q(-25),
      },
      {
        title: 'Dual-source the bearing housings',
        description:
          'One supplier caused 5 of the 11 line stops; a second source is qualified already.',
        businessArea: 'Procurement',
        value: 55_000,
        proposedAt: q(-40),
        acceptedAt: q(-30),
      },
      {
        title: 'A weekly delay-risk call with the five riskiest suppliers',
        description: 'The model’s top five each Monday, called by the buyer that week.',
        businessArea: 'Procurement',
        value: 15_000,
        proposedAt: dates.day(-5),
      },
    ],
  };
}

/** A handful of insights per project, in every status, valued in EUR. */
export async function seedDemoInsights(
  repos: Repositories,
  dates: DemoDates,
  ids: PortfolioIds,
  ownerId: string,
): Promise<void> {
  const plan = insightsOf(dates);
  for (const key of ['energyId', 'weldId', 'supplierId'] as const) {
    for (const insight of plan[key]) {
      await repos.insights.insert({
        projectId: ids[key],
        fields: {
          title: insight.title,
          description: insight.description,
          businessArea: insight.businessArea,
          status: statusOf(insight),
          estimatedValue: { amount: insight.value, currency: 'EUR' },
          proposedAt: insight.proposedAt,
          acceptedAt: insight.acceptedAt ?? null,
          implementedAt: insight.implementedAt ?? null,
          rejectedAt: insight.rejectedAt ?? null,
        },
        createdBy: ownerId,
        now: `${insight.proposedAt}T10:00:00.000Z`,
      });
    }
  }
}
