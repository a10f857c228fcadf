import type { SprintState, StoryOutcome } from './sprint.js';

/** What the delivery KPIs read of a story (frozen once its sprint is closed). */
export interface DeliveryStory {
  assigneeId: string | null;
  assigneeName: string | null;
  points: number | null;
  outcome: StoryOutcome | null;
  addedAfterStart: boolean;
  /** A copy of it was carried into the next sprint at close. */
  carriedOver: boolean;
}

export interface DeliverySprint {
  id: string;
  number: number;
  name: string;
  state: SprintState;
  startDate: string;
  endDate: string;
  stories: DeliveryStory[];
}

/** A share with what it is a share of; `rate` is 0..1, null when there is nothing to divide by. */
export interface Ratio {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

export interface SprintSuccess {
  committed: number;
  delivered: number;
  addedAfterStart: number;
  carriedOver: number;
  /** Sprint success rate = delivered stories / committed stories. */
  byCount: Ratio;
  /** The same by points, over the stories that have points; null rate when none has. */
  byPoints: Ratio;
  /** Carry-over rate = stories carried into the next sprint / committed stories. */
  carryOver: Ratio;
}

/**
 * Sprint success rate = delivered / committed, where the commitment is every story in
 * the sprint when it closed (those added after the start included, and counted apart).
 */
export function computeSprintSuccess(sprint: Pick<DeliverySprint, 'stories'>): SprintSuccess {
  const stories = sprint.stories;
  const delivered = stories.filter((s) => s.outcome === 'delivered');
  const pointed = stories.filter((s) => s.points !== null);
  const sumPoints = (list: DeliveryStory[]) => list.reduce((sum, s) => sum + (s.points ?? 0), 0);
  const carried = stories.filter((s) => s.carriedOver).length;
  return {
    committed: stories.length,
    delivered: delivered.length,
    addedAfterStart: stories.filter((s) => s.addedAfterStart).length,
    carriedOver: carried,
    byCount: ratio(delivered.length, stories.length),
    byPoints: ratio(
      sumPoints(pointed.filter((s) => s.outcome === 'delivered')),
      sumPoints(pointed),
    ),
    carryOver: ratio(carried, stories.length),
  };
}

/** Closed sprints, oldest first: the KPIs' history. */
export function closedSprintsInOrder(sprints: readonly DeliverySprint[]): DeliverySprint[] {
  return sprints
    .filter((s) => s.state === 'closed')
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.number - b.number);
}

export const PERSON_WINDOW_SPRINTS = 4;

export interface PersonSprintDelivery {
  sprintId: string;
  committed: number;
  delivered: number;
  rate: number | null;
}

export interface PersonDelivery {
  assigneeId: string | null;
  name: string;
  perSprint: PersonSprintDelivery[];
  /** Over the last 4 closed sprints: delivered / committed, summed across them. */
  lastWindow: Ratio;
  /** Of the last 4 closed sprints, how many left this person with an undelivered story. */
  sprintsWithUndelivered: number;
}

/**
 * Per-person delivery rate = the person's delivered stories / the person's committed
 * stories, per closed sprint and summed over the last 4 closed sprints.
 */
export function computePersonDelivery(
  sprints: readonly DeliverySprint[],
  window = PERSON_WINDOW_SPRINTS,
): PersonDelivery[] {
  const closed = closedSprintsInOrder(sprints);
  const recent = new Set(closed.slice(-window).map((s) => s.id));
  const people = new Map<string, PersonDelivery>();
  for (const sprint of closed) {
    const bySprint = new Map<
      string,
      { name: string; id: string | null; committed: number; delivered: number }
    >();
    for (const story of sprint.stories) {
      const key = story.assigneeId ?? '';
      const entry = bySprint.get(key) ?? {
        name: story.assigneeName ?? 'Unassigned',
        id: story.assigneeId,
        committed: 0,
        delivered: 0,
      };
      entry.committed += 1;
      if (story.outcome === 'delivered') entry.delivered += 1;
      bySprint.set(key, entry);
    }
    for (const [key, entry] of bySprint) {
      const person = people.get(key) ?? {
        assigneeId: entry.id,
        name: entry.name,
        perSprint: [],
        lastWindow: ratio(0, 0),
        sprintsWithUndelivered: 0,
      };
      person.perSprint.push({
        sprintId: sprint.id,
        committed: entry.committed,
        delivered: entry.delivered,
        rate: ratio(entry.delivered, entry.committed).rate,
      });
      if (recent.has(sprint.id)) {
        person.lastWindow = ratio(
          person.lastWindow.numerator + entry.delivered,
          person.lastWindow.denominator + entry.committed,
        );
        if (entry.delivered < entry.committed) person.sprintsWithUndelivered += 1;
      }
      people.set(key, person);
    }
  }
  return [...people.values()].sort(
    (a, b) =>
      Number(a.assigneeId === null) - Number(b.assigneeId === null) || a.name.localeCompare(b.name),
  );
}

export type TrendDirection = 'improving' | 'declining' | 'flat' | 'insufficient_data';

/** Below this many points of success rate per sprint, a trend counts as flat. */
export const TREND_FLAT_SLOPE = 0.05;

export interface TeamTrend {
  /** Success rate by count of each closed sprint, oldest first (null for an empty sprint). */
  rates: { sprintId: string; rate: number | null }[];
  /** Least-squares slope through the last 4 rates, in rate per sprint. */
  slopePerSprint: number | null;
  direction: TrendDirection;
}

/**
 * Team trend = the least-squares slope of the success rate over the last 4 closed
 * sprints (at least 2 needed): above +0.05 per sprint improving, below −0.05 declining,
 * otherwise flat.
 */
export function computeTeamTrend(
  sprints: readonly DeliverySprint[],
  window = PERSON_WINDOW_SPRINTS,
): TeamTrend {
  const rates = closedSprintsInOrder(sprints).map((s) => ({
    sprintId: s.id,
    rate: computeSprintSuccess(s).byCount.rate,
  }));
  const points = rates
    .slice(-window)
    .map((r) => r.rate)
    .filter((r): r is number => r !== null);
  if (points.length < 2) return { rates, slopePerSprint: null, direction: 'insufficient_data' };
  const n = points.length;
  const meanX = (n - 1) / 2;
  const meanY = points.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  points.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  const slope = num / den;
  const direction: TrendDirection =
    slope > TREND_FLAT_SLOPE ? 'improving' : slope < -TREND_FLAT_SLOPE ? 'declining' : 'flat';
  return { rates, slopePerSprint: slope, direction };
}

/** Over every closed sprint: delivered / committed, and carried over / committed. */
export function computeOverall(sprints: readonly DeliverySprint[]): {
  success: Ratio;
  carryOver: Ratio;
} {
  const all = closedSprintsInOrder(sprints).map(computeSprintSuccess);
  const sum = (pick: (s: SprintSuccess) => number) => all.reduce((total, s) => total + pick(s), 0);
  const committed = sum((s) => s.committed);
  return {
    success: ratio(
      sum((s) => s.delivered),
      committed,
    ),
    carryOver: ratio(
      sum((s) => s.carriedOver),
      committed,
    ),
  };
}

/** The rules, word for word, for the API and the UI to show beside the figures. */
export const DELIVERY_RULES = {
  sprintSuccessRate:
    'Sprint success rate = delivered stories / committed stories; the commitment is every story in the sprint at close, late additions included.',
  sprintSuccessRateByPoints:
    'By points = points of delivered stories / points of committed stories, over the stories that have points.',
  personDeliveryRate:
    "Per-person delivery rate = the person's delivered stories / the person's committed stories, per sprint and over the last 4 closed sprints.",
  teamTrend:
    'Team trend = least-squares slope of the success rate over the last 4 closed sprints: above +5 points per sprint improving, below −5 declining, otherwise flat.',
  carryOverRate: 'Carry-over rate = stories carried into the next sprint / committed stories.',
} as const;
