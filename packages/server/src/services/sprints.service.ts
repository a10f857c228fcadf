import {
  AppError,
  checkSprintDates,
  rangesOverlap,
  sprintSpan,
  type CloseSprintBody,
  type CloseSprintResult,
  type Sprint,
  type SprintDetail,
  type CreateSprintBody,
  type UpdateSprintBody,
  sprintClosedEvent,
  NOTIFICATION_EVENT_VERSION,
} from '@sextant/core';
import type { Repositories, SprintRecord, StoryRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { presentCloseOutcome, presentSprint } from '../presenters/sprints.js';
import { presentStory } from '../presenters/stories.js';
import type { ServiceDeps } from './deps.js';
import { refreshDeliveryWarnings } from './delivery.service.js';
import { promoteBaselineAtClose } from './baselines.js';
import { takeSprintRecord } from './sprint-records.js';
import { loadSprint, loadWritableProject } from './project-guards.js';

interface PlannedDates {
  startDate: string;
  endDate: string;
}

/** The length rule and the no-overlap rule for a sprint's dates (422 and 409). */
async function assertDatesFit(
  repos: Repositories,
  projectId: string,
  dates: PlannedDates,
  ignoreSprintId: string | null,
): Promise<void> {
  const length = checkSprintDates(dates.startDate, dates.endDate);
  if (!length.ok) {
    throw new AppError('sprint_length_invalid', length.message, {
      startDate: dates.startDate,
      endDate: dates.endDate,
    });
  }
  // A sprint closed early ends on its close day: the next one may start the day after.
  const clash = (await repos.sprints.listForProject(projectId)).find(
    (other) => other.id !== ignoreSprintId && rangesOverlap(sprintSpan(other), dates),
  );
  if (clash) {
    throw new AppError(
      'sprint_overlap',
      `${dates.startDate} to ${dates.endDate} overlaps ${clash.name} (${clash.startDate} to ${clash.endDate}); sprints of a project never overlap.`,
      { sprintId: clash.id, name: clash.name, startDate: clash.startDate, endDate: clash.endDate },
    );
  }
}

export function assertSprintOpen(sprint: SprintRecord): void {
  if (sprint.state === 'closed') {
    throw new AppError(
      'sprint_closed',
      `${sprint.name} is closed: its stories and outcomes are frozen. A recorded outcome is fixed with a correction (POST /stories/{id}/corrections).`,
      { sprintId: sprint.id },
    );
  }
}

export interface CloseOutcome {
  sprint: SprintRecord;
  delivered: number;
  notDelivered: number;
  carriedOver: StoryRecord[];
  nextSprint: SprintRecord | null;
}

export class SprintService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(projectId: string, body: CreateSprintBody): Promise<Sprint> {
    const { store, clock } = this.deps;
    const sprint = await store.transaction(async (repos) => {
      const sprint = await this.insert(repos, projectId, body, iso(clock.now()));
      await refreshDeliveryWarnings(repos, projectId, clock.now());
      return sprint;
    });
    return presentSprint(sprint);
  }

  private async insert(
    repos: Repositories,
    projectId: string,
    body: CreateSprintBody,
    now: string,
  ): Promise<SprintRecord> {
    await loadWritableProject(repos, projectId);
    await assertDatesFit(repos, projectId, body, null);
    return repos.sprints.insert({
      projectId,
      name: body.name ?? null,
      goal: body.goal,
      startDate: body.startDate,
      endDate: body.endDate,
      now,
    });
  }

  /** A sprint with its stories in order. */
  async detail(sprintId: string): Promise<SprintDetail> {
    const { repos } = this.deps.store;
    const [sprint, stories] = await Promise.all([
      loadSprint(repos, sprintId),
      repos.stories.listForSprint(sprintId),
    ]);
    return { ...presentSprint(sprint), stories: stories.map(presentStory) };
  }

  async list(projectId: string): Promise<Sprint[]> {
    return (await this.deps.store.repos.sprints.listForProject(projectId)).map(presentSprint);
  }

  /** Planned sprints change freely; an active one keeps its start date; a closed one is frozen. */
  async update(sprintId: string, patch: UpdateSprintBody): Promise<Sprint> {
    const { store, clock } = this.deps;
    const sprint = await store.transaction(async (repos) => {
      const sprint = await loadSprint(repos, sprintId);
      await loadWritableProject(repos, sprint.projectId);
      assertSprintOpen(sprint);
      if (sprint.state === 'active' && patch.startDate && patch.startDate !== sprint.startDate) {
        throw new AppError(
          'sprint_state',
          `${sprint.name} has started: its start date is part of the record.`,
          {
            field: 'startDate',
          },
        );
      }
      const next = {
        name: patch.name ?? sprint.name,
        goal: patch.goal ?? sprint.goal,
        startDate: patch.startDate ?? sprint.startDate,
        endDate: patch.endDate ?? sprint.endDate,
      };
      if (next.startDate !== sprint.startDate || next.endDate !== sprint.endDate) {
        await assertDatesFit(repos, sprint.projectId, next, sprint.id);
      }
      await repos.sprints.update(sprintId, { ...next, now: iso(clock.now()) });
      await refreshDeliveryWarnings(repos, sprint.projectId, clock.now());
      return loadSprint(repos, sprintId);
    });
    return presentSprint(sprint);
  }

  /** planned → active. Its stories now are the commitment; later ones are marked as added. */
  async start(sprintId: string, actor: Actor): Promise<Sprint> {
    const { store, clock } = this.deps;
    const sprint = await store.transaction(async (repos) => {
      const sprint = await loadSprint(repos, sprintId);
      await loadWritableProject(repos, sprint.projectId);
      if (sprint.state !== 'planned') {
        throw new AppError(
          'sprint_state',
          `${sprint.name} is ${sprint.state}; only a planned sprint can start.`,
        );
      }
      const active = (await repos.sprints.listForProject(sprint.projectId)).find(
        (s) => s.state === 'active',
      );
      if (active) {
        throw new AppError(
          'sprint_state',
          `${active.name} is still active: close it before starting ${sprint.name}.`,
          {
            activeSprintId: active.id,
          },
        );
      }
      const now = iso(clock.now());
      await repos.sprints.markStarted(sprintId, actor.userId, now);
      await refreshDeliveryWarnings(repos, sprint.projectId, clock.now());
      return loadSprint(repos, sprintId);
    });
    return presentSprint(sprint);
  }

  /**
   * active → closed: every story's outcome is frozen (done = delivered, else not
   * delivered), and the chosen not-delivered stories are copied into the next sprint,
   * linked to their originals, so both sprints keep their history.
   */
  async close(sprintId: string, body: CloseSprintBody, actor: Actor): Promise<CloseSprintResult> {
    const { store, clock } = this.deps;
    const outcome = await store.transaction(async (repos) => {
      const sprint = await loadSprint(repos, sprintId);
      const project = await loadWritableProject(repos, sprint.projectId);
      if (sprint.state !== 'active') {
        const why =
          sprint.state === 'closed' ? 'is already closed' : 'has not started: start it first';
        throw new AppError('sprint_state', `${sprint.name} ${why}.`);
      }
      const stories = await repos.stories.listForSprint(sprintId);
      const carry = [...new Set(body.carryOver)];
      const invalid = carry.filter((id) => {
        const story = stories.find((s) => s.id === id);
        return !story || story.status === 'done';
      });
      if (invalid.length > 0) {
        throw new AppError(
          'carry_over_invalid',
          'Only stories of this sprint that are not done can be carried over.',
          { field: 'carryOver', storyIds: invalid },
        );
      }
      const now = iso(clock.now());
      // Closed first: a sprint closed early ends today, so the next one may start tomorrow.
      // (Inside the transaction: a refused next sprint undoes the close too.)
      await repos.stories.freezeOutcomes(sprintId, now);
      await repos.sprints.markClosed(sprintId, actor.userId, now);
      let nextSprint: SprintRecord | null = null;
      if (body.nextSprint) {
        nextSprint = await this.insert(repos, sprint.projectId, body.nextSprint, now);
      } else if (carry.length > 0) {
        nextSprint =
          (await repos.sprints.listForProject(sprint.projectId)).find(
            (s) => s.state === 'planned' && s.startDate > sprint.endDate,
          ) ?? null;
      }
      if (carry.length > 0 && !nextSprint) {
        throw new AppError(
          'next_sprint_missing',
          'There is no planned sprint after this one to carry stories into: plan it first, or send nextSprint with the close.',
          { field: 'nextSprint' },
        );
      }
      const promoted = await promoteBaselineAtClose(repos, sprint, now);
      const carried: StoryRecord[] = [];
      for (const id of carry) {
        const original = stories.find((s) => s.id === id);
        if (!original || !nextSprint) continue;
        const copyId = await repos.stories.insert({
          projectId: sprint.projectId,
          sprintId: nextSprint.id,
          fields: {
            title: original.title,
            deliverableType: original.deliverable.type,
            deliverableDescription: original.deliverable.description,
            assigneeId: original.assignee?.id ?? null,
            status: original.status,
            points: original.points,
          },
          addedAfterStart: nextSprint.state === 'active',
          carriedFromId: original.id,
          now,
        });
        const copy = await repos.stories.findById(copyId);
        if (copy) carried.push(copy);
      }
      const delivered = stories.filter((s) => s.status === 'done').length;
      // Last, so the record holds the promotion and the carried-over stories.
      await takeSprintRecord(repos, sprintId, clock.now(), actor.userId);
      await repos.audit.record(
        {
          action: 'sprint.closed',
          actorUserId: actor.userId,
          actorTokenId: actor.tokenId,
          targetType: 'sprint',
          targetId: sprintId,
          ip: actor.ip,
          details: {
            delivered,
            notDelivered: stories.length - delivered,
            carriedOver: carried.length,
            newBaseline: promoted ? { runId: promoted.runId, value: promoted.value } : null,
          },
        },
        now,
      );
      await repos.notificationEvents.emit(
        sprintClosedEvent(
          { id: project.id, name: project.name },
          {
            sprintId,
            sprintName: sprint.name,
            committed: stories.length,
            delivered,
            successRate: stories.length > 0 ? delivered / stories.length : null,
            carriedOver: carried.length,
            nextSprintId: nextSprint?.id ?? null,
            newBaseline: promoted ? { runId: promoted.runId, value: promoted.value } : null,
          },
        ),
        NOTIFICATION_EVENT_VERSION,
        now,
      );
      await refreshDeliveryWarnings(repos, sprint.projectId, clock.now());
      return {
        sprint: await loadSprint(repos, sprintId),
        delivered,
        notDelivered: stories.length - delivered,
        carriedOver: carried,
        nextSprint: nextSprint ? await loadSprint(repos, nextSprint.id) : null,
      };
    });
    return presentCloseOutcome(outcome);
  }
}
