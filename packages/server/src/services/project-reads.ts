import type {
  BaselineRecord,
  GoalRecord,
  InsightRecord,
  LedgerEntryRecord,
  ProjectRecord,
  Repositories,
  SuccessCriterionRecord,
} from '@sextant/db';
import type { DeliverySprint } from '@sextant/core';
import type { SprintRecord, StoryRecord } from '@sextant/db';

/** A sprint with its stories as the KPI functions read them. */
export function deliverySprintOf(
  sprint: SprintRecord,
  stories: readonly StoryRecord[],
): DeliverySprint {
  return {
    id: sprint.id,
    number: sprint.number,
    name: sprint.name,
    state: sprint.state,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    stories: stories
      .filter((story) => story.sprintId === sprint.id)
      .map((story) => ({
        assigneeId: story.assignee?.id ?? null,
        assigneeName: story.assignee?.name ?? null,
        points: story.points,
        outcome: story.outcome,
        addedAfterStart: story.addedAfterStart,
        carriedOver: story.carriedToId !== null,
      })),
  };
}

/** Sprints with their stories as the KPI functions read them. */
export async function gatherDeliverySprints(
  repos: Repositories,
  projectId: string,
): Promise<DeliverySprint[]> {
  const [sprints, stories] = await Promise.all([
    repos.sprints.listForProject(projectId),
    repos.stories.listForProject(projectId),
  ]);
  return sprints.map((sprint) => deliverySprintOf(sprint, stories));
}

/**
 * One request's reads of one project, each made at most once however many parts of the answer
 * need it: `/kpis` judges the alerts and builds seven KPI families from largely the same rows
 * (on PostgreSQL every read is a round trip). Outside a transaction only: a write in between
 * would not be seen.
 */
export class ProjectReads {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly repos: Repositories,
    readonly projectId: string,
  ) {}

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let pending = this.memo.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.memo.set(key, pending);
    }
    return pending;
  }

  project(): Promise<ProjectRecord | undefined> {
    return this.once('project', () => this.repos.projects.findById(this.projectId));
  }

  goals(): Promise<GoalRecord[]> {
    return this.once('goals', () => this.repos.goals.listForProject(this.projectId));
  }

  /** Oldest first; the last is the current baseline. */
  baselines(): Promise<BaselineRecord[]> {
    return this.once('baselines', () => this.repos.baselines.listForProject(this.projectId));
  }

  async currentBaseline(): Promise<BaselineRecord | undefined> {
    return (await this.baselines()).at(-1);
  }

  criterion(): Promise<SuccessCriterionRecord | undefined> {
    return this.once('criterion', () => this.repos.criteria.find(this.projectId));
  }

  deliverySprints(): Promise<DeliverySprint[]> {
    return this.once('sprints', () => gatherDeliverySprints(this.repos, this.projectId));
  }

  /** Runs posted, per provenance. */
  runCounts(): ReturnType<Repositories['runs']['countByProject']> {
    return this.once('runCounts', () => this.repos.runs.countByProject([this.projectId]));
  }

  insights(): Promise<InsightRecord[]> {
    return this.once('insights', () => this.repos.insights.listForProject(this.projectId));
  }

  ledger(): Promise<LedgerEntryRecord[]> {
    return this.once('ledger', () => this.repos.ledger.listForProject(this.projectId));
  }
}
