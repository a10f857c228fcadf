import { addDays, mondayOnOrBefore, utcDay, type CreateRunBody } from '@sextant/core';
import type { User } from '@sextant/core';
import type { Clock } from '../clock.js';
import type { Services } from '../services/index.js';

const SYSTEM = { userId: null, tokenId: null, ip: null };

interface DemoStory {
  title: string;
  type: 'dataset' | 'report' | 'model' | 'business_report' | 'pipeline' | 'other';
  description: string;
  done: boolean;
  points: number;
}

/** Three two-week sprints: two closed (one story carried over), the third running today. */
const SPRINTS: { goal: string; stories: DemoStory[]; hitRates: number[] }[] = [
  {
    goal: 'A first end-to-end number: the baseline model scored like the planner’s round',
    hitRates: [0.9, 1.0],
    stories: [
      {
        title: 'Join sensor history with the maintenance log',
        type: 'dataset',
        description:
          'One row per press and day with sensor aggregates and the failure label, 2 years',
        done: true,
        points: 5,
      },
      {
        title: 'Time-based evaluation with an expanding window',
        type: 'pipeline',
        description: 'CI job that scores hit rate@10 per day on the test window and posts it',
        done: true,
        points: 3,
      },
      {
        title: 'Baseline model: gradient boosting on daily features',
        type: 'model',
        description: 'Model scoring every press each morning, with its evaluation run in CI',
        done: true,
        points: 5,
      },
      {
        title: 'Simulate the planner’s longest-unchecked round',
        type: 'report',
        description: 'The bar to beat: hit rate@10 of today’s strategy on the same days',
        done: false,
        points: 3,
      },
    ],
  },
  {
    goal: 'Beat the baseline with vibration features; show Maria the ranked list',
    hitRates: [1.2, 1.3],
    stories: [
      {
        title: 'Vibration spectrum features',
        type: 'dataset',
        description: 'Daily band energies per press added to the feature table',
        done: true,
        points: 5,
      },
      {
        title: 'Ranked list for the 7 am round',
        type: 'report',
        description: 'A one-page list of the 10 presses most likely to fail within 2 days',
        done: true,
        points: 3,
      },
      {
        title: 'Error analysis of the largest misses',
        type: 'report',
        description: 'The ten failures ranked lowest, with what the model saw',
        done: false,
        points: 2,
      },
    ],
  },
  {
    goal: 'Close the gap to 2 failures caught per day',
    hitRates: [1.6],
    stories: [
      {
        title: 'Operator feedback form on the ranked list',
        type: 'pipeline',
        description: 'Maria records acted / not acted and why for each listed press',
        done: true,
        points: 3,
      },
      {
        title: 'Sprint demo report for Henrik',
        type: 'business_report',
        description: 'Hit rate per sprint against the planner’s bar, in euros',
        done: false,
        points: 2,
      },
    ],
  },
];

/**
 * Gives the demo project a history worth looking at: sprints with stories and outcomes,
 * CI runs whose best value per sprint rises towards the threshold, a baseline promoted at
 * each close, and a "continue" decision at the last review.
 */
export async function seedDemoHistory(
  services: Services,
  clock: Clock,
  projectId: string,
  owner: User,
): Promise<void> {
  const actor = { ...SYSTEM, userId: owner.id };
  const ci = await services.tokens.createCi(projectId, owner, { name: 'demo-ci' }, actor);
  const ciCaller = {
    actor: { ...SYSTEM, tokenId: ci.id },
    ciProjectId: projectId,
    idempotencyScope: `token:${ci.id}`,
    idempotencyKey: null,
  };
  const today = utcDay(clock.now());
  const lastStart = addDays(mondayOnOrBefore(today), -7);
  const starts = [addDays(lastStart, -28), addDays(lastStart, -14), lastStart];
  const sprints = [];
  for (const [index, plan] of SPRINTS.entries()) {
    const start = starts[index] ?? lastStart;
    sprints.push(
      await services.sprints.create(projectId, {
        name: `Sprint ${index + 1}`,
        goal: plan.goal,
        startDate: start,
        endDate: addDays(start, 13),
      }),
    );
  }
  for (const [index, plan] of SPRINTS.entries()) {
    const sprint = sprints[index];
    if (!sprint) continue;
    const stories = [];
    for (const story of plan.stories) {
      stories.push(
        await services.stories.create(sprint.id, {
          title: story.title,
          deliverable: { type: story.type, description: story.description },
          assigneeId: owner.id,
          points: story.points,
          status: 'todo',
        }),
      );
    }
    await services.sprints.start(sprint.id, actor);
    for (const [i, story] of stories.entries()) {
      if (plan.stories[i]?.done) await services.stories.update(story.id, { status: 'done' });
    }
    const runs: CreateRunBody[] = plan.hitRates.map((value, i) => ({
      metrics: { hit_rate_at_10: value, precision_at_10: Number((value / 10).toFixed(3)) },
      params: { model: 'gradient_boosting', max_depth: 4 + index, learning_rate: 0.05 },
      commit: `${(0xa1b2c3 + index * 16 + i).toString(16)}d4e5f6`,
      branch: 'main',
      datasetVersion: `sensors-v${index + 1}`,
      finishedAt: `${addDays(sprint.startDate, 3 + i * 4)}T06:30:00Z`,
      ci: {
        provider: 'github-actions',
        jobId: String(9100 + index * 10 + i),
        jobUrl: `https://github.example/plant/pdm/actions/runs/${9100 + index * 10 + i}`,
      },
    }));
    await services.runs.post(projectId, runs, ciCaller, { demo: index });
    const next = sprints[index + 1];
    if (!next) break;
    const carry = stories.filter((_, i) => !plan.stories[i]?.done).slice(0, 1);
    await services.sprints.close(sprint.id, { carryOver: carry.map((s) => s.id) }, actor);
    if (index === SPRINTS.length - 2) {
      await services.reviews.decide(
        sprint.id,
        {
          decision: 'continue',
          rationale:
            'Hit rate@10 rose from 1.0 to 1.3 failures caught per day, against 0.4 for the planner’s round. One more sprint on the remaining gap.',
        },
        actor,
      );
    }
  }
}
