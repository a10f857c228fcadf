import { formatDayText } from './date-format.js';
import { addDays } from './sprint.js';
import {
  closedSprintsInOrder,
  computePersonDelivery,
  computeSprintSuccess,
  type DeliverySprint,
} from './delivery.js';

/** Each early warning's threshold, as a named setting. */
export const DELIVERY_WARNING_SETTINGS = {
  /** Closed sprints below this success rate count as low. */
  lowDeliveryRate: 0.5,
  /** How many low closed sprints in a row raise the warning. */
  lowDeliveryStreak: 2,
  /** The window of closed sprints looked at per person… */
  personWindow: 4,
  /** …and in how many of them the person left a story undelivered. */
  personSprintsWithUndelivered: 3,
  /** A planned sprint starting within this many days must have stories. */
  emptySprintLeadDays: 3,
} as const;

export type DeliveryWarningSettings = {
  -readonly [K in keyof typeof DELIVERY_WARNING_SETTINGS]: number;
};

export const DELIVERY_WARNING_RULES = [
  'low_delivery_streak',
  'person_not_delivering',
  'sprint_overdue',
  'sprint_empty',
  'evaluation_changed',
] as const;
export type DeliveryWarningRule = (typeof DELIVERY_WARNING_RULES)[number];

/** A warning as the rules see it now; the service stores it, with since when it holds. */
export interface DeliveryWarning {
  rule: DeliveryWarningRule;
  /** What it is about, so the same warning is recognised run after run: a sprint, a person. */
  subjectKey: string;
  message: string;
  /** The numbers that triggered it. */
  details: Record<string, unknown>;
}

const pct = (rate: number) => `${Math.round(rate * 100)} %`;

/**
 * Early warnings on delivery, judged at `today` (YYYY-MM-DD):
 * two consecutive closed sprints (the latest two) below 50 % delivered; one person with
 * undelivered stories in 3 of the last 4 closed sprints; an active sprint past its end
 * date; an active sprint, or a planned one starting within 3 days, with no story.
 */
export function evaluateDeliveryWarnings(
  sprints: readonly DeliverySprint[],
  today: string,
  settings: DeliveryWarningSettings = DELIVERY_WARNING_SETTINGS,
): DeliveryWarning[] {
  const warnings: DeliveryWarning[] = [];
  const closed = closedSprintsInOrder(sprints);

  const streak = closed.slice(-settings.lowDeliveryStreak);
  const streakRates = streak.map((s) => ({ sprint: s, success: computeSprintSuccess(s) }));
  if (
    streak.length === settings.lowDeliveryStreak &&
    streakRates.every(
      (r) => r.success.byCount.rate !== null && r.success.byCount.rate < settings.lowDeliveryRate,
    )
  ) {
    warnings.push({
      rule: 'low_delivery_streak',
      subjectKey: 'project',
      message:
        `${streak.length} sprints in a row delivered under ${pct(settings.lowDeliveryRate)} of their stories: ` +
        streakRates
          .map(
            (r) =>
              `${r.sprint.name} ${r.success.delivered}/${r.success.committed} (${pct(r.success.byCount.rate ?? 0)})`,
          )
          .join(', ') +
        '. Things are not under control: look at the gap.',
      details: {
        threshold: settings.lowDeliveryRate,
        sprints: streakRates.map((r) => ({
          sprintId: r.sprint.id,
          name: r.sprint.name,
          delivered: r.success.delivered,
          committed: r.success.committed,
          rate: r.success.byCount.rate,
        })),
      },
    });
  }

  const window = closed.slice(-settings.personWindow);
  if (window.length > 0) {
    for (const person of computePersonDelivery(window, settings.personWindow)) {
      if (person.assigneeId === null) continue;
      if (person.sprintsWithUndelivered < settings.personSprintsWithUndelivered) continue;
      const misses = person.perSprint
        .filter((p) => p.delivered < p.committed)
        .map((p) => {
          const sprint = window.find((s) => s.id === p.sprintId);
          return {
            sprintId: p.sprintId,
            name: sprint?.name ?? '',
            undelivered: p.committed - p.delivered,
          };
        });
      warnings.push({
        rule: 'person_not_delivering',
        subjectKey: person.assigneeId,
        message:
          `${person.name} left stories undelivered in ${person.sprintsWithUndelivered} of the last ` +
          `${window.length} closed sprints (${misses.map((m) => `${m.name}: ${m.undelivered}`).join(', ')}).`,
        details: {
          assigneeId: person.assigneeId,
          name: person.name,
          sprintsWithUndelivered: person.sprintsWithUndelivered,
          window: window.length,
          threshold: settings.personSprintsWithUndelivered,
          sprints: misses,
        },
      });
    }
  }

  for (const sprint of sprints) {
    if (sprint.state === 'active' && sprint.endDate < today) {
      const overdueDays = Math.round((Date.parse(today) - Date.parse(sprint.endDate)) / 86_400_000);
      warnings.push({
        rule: 'sprint_overdue',
        subjectKey: sprint.id,
        message: `${sprint.name} ended on ${formatDayText(sprint.endDate)} and is still active (${overdueDays} day${overdueDays === 1 ? '' : 's'} over): close it to record what was delivered.`,
        details: { sprintId: sprint.id, name: sprint.name, endDate: sprint.endDate, overdueDays },
      });
    }
    const startsSoon =
      sprint.state === 'planned' &&
      sprint.startDate <= addDays(today, settings.emptySprintLeadDays);
    if ((sprint.state === 'active' || startsSoon) && sprint.stories.length === 0) {
      warnings.push({
        rule: 'sprint_empty',
        subjectKey: sprint.id,
        message: `${sprint.name} (${sprint.state}, from ${formatDayText(sprint.startDate)}) has no story: every sprint needs stories with a tangible deliverable.`,
        details: {
          sprintId: sprint.id,
          name: sprint.name,
          state: sprint.state,
          startDate: sprint.startDate,
        },
      });
    }
  }
  return warnings;
}
