import { isoWeek, sponsorDigest, type SponsorDigestInput } from '@sextant/core';
import { judgeAlerts } from '../services/alerts.service.js';
import { GoalService } from '../services/goals.service.js';
import { ReviewService } from '../services/review.service.js';
import { absoluteUrl } from './config.js';
import type { NotificationDeps } from './deps.js';

/** `weekly:${projectId}:${userId|endpointId}:${ISO week}` → its parts; null for other keys. */
export function parseWeeklyKey(
  key: string,
): { projectId: string; target: string; week: string } | null {
  const match = /^weekly:([^:]+):([^:]+):(\d{4}-W\d{2})$/.exec(key);
  return match ? { projectId: match[1]!, target: match[2]!, week: match[3]! } : null;
}

export const weeklyKey = (projectId: string, target: string, week: string) =>
  `weekly:${projectId}:${target}:${week}`;

export interface WeeklyDigestContent {
  subject: string;
  text: string;
  html: string;
  slackText: string;
  slackBlocks: Record<string, unknown>[];
}

/**
 * The digest's figures, read through the services the sponsor view is made of (goals with
 * their measured progress, the sprint review with the metric, money and decision) and the
 * project's open alerts as judged now; null when the project is gone.
 */
export async function gatherSponsorDigest(
  deps: Pick<NotificationDeps, 'store' | 'clock' | 'config'>,
  projectId: string,
): Promise<SponsorDigestInput | null> {
  const { store, clock, config } = deps;
  const { repos } = store;
  const project = await repos.projects.findById(projectId);
  if (!project) return null;
  const goalsService = new GoalService({ store, clock });
  const reviews = new ReviewService({ store, clock });
  const now = clock.now();
  const sprints = await repos.sprints.listForProject(projectId);
  const latest = sprints.at(-1);
  const lastClosed = sprints.filter((s) => s.state === 'closed').at(-1);
  const [goals, review, closedReview, alerts] = await Promise.all([
    goalsService.list(projectId),
    latest ? reviews.review(latest.id) : Promise.resolve(null),
    lastClosed && lastClosed.id !== latest?.id
      ? reviews.review(lastClosed.id)
      : Promise.resolve(null),
    // Judged now, as the project's alerts page shows them (stored rows refreshed if stale).
    judgeAlerts(store, projectId, now).then((judged) => judged.alerts),
  ]);
  const measured = await Promise.all(
    goals.map(async (goal) => ({
      goal,
      progress: (await goalsService.measurements(goal.id)).progress,
    })),
  );
  const decided = [review, closedReview].find((r) => r?.decision) ?? null;
  const best = review?.points.filter((p) => p.bestCiValue !== null).at(-1)?.bestCiValue ?? null;
  const today = now.toISOString().slice(0, 10);
  const active = sprints.find((s) => s.state === 'active');
  const due: SponsorDigestInput['due'] = [];
  if (active) due.push({ what: `${active.name} review`, on: active.endDate });
  const planned = sprints.find((s) => s.state === 'planned');
  if (!active && planned) due.push({ what: `${planned.name} starts`, on: planned.startDate });
  for (const { goal } of measured) {
    if (goal.deadline >= today)
      due.push({ what: `Goal deadline: ${goal.statement}`, on: goal.deadline });
  }
  return {
    project: { id: project.id, name: project.name, stage: project.stage },
    week: isoWeek(now, config.timeZone),
    url: absoluteUrl(config, `/projects/${project.id}`),
    timeZone: config.timeZone,
    goals: measured.map(({ goal, progress }) => ({
      statement: goal.statement,
      metric: goal.metric,
      unit: goal.unit,
      target: goal.target,
      deadline: goal.deadline,
      progress: progress.progress,
      latest: progress.latest,
      message: progress.message,
    })),
    metric: review?.metric
      ? {
          name: review.metric.name,
          value: best,
          threshold: review.threshold,
          currentProcess: review.currentProcess,
          money: review.money,
          forecast: review.forecast.message || null,
        }
      : null,
    decision: decided?.decision
      ? {
          decision: decided.decision.decision,
          rationale: decided.decision.rationale,
          decidedAt: decided.decision.decidedAt,
          decidedBy: decided.decision.decidedBy?.name ?? null,
          sprintName: decided.sprint.name,
        }
      : null,
    due,
    alerts: alerts.map((a) => ({ message: a.message, since: a.since })),
  };
}

/** The project's weekly sponsor digest as of now; null when the project is gone. */
export async function weeklyDigestFor(
  deps: Pick<NotificationDeps, 'store' | 'clock' | 'config'>,
  projectId: string,
  unsubscribeUrl: string | null,
): Promise<WeeklyDigestContent | null> {
  const input = await gatherSponsorDigest(deps, projectId);
  if (!input) return null;
  const digest = sponsorDigest(input, unsubscribeUrl);
  return {
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    slackText: digest.slack.text,
    slackBlocks: digest.slack.blocks,
  };
}
