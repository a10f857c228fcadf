import {
  AppError,
  notFound,
  type CorrectStoryBody,
  type Story,
  type CreateStoryBody,
  type UpdateStoryBody,
} from '@sextant/core';
import type { Repositories, StoryFields, StoryRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { presentStory } from '../presenters/stories.js';
import type { ServiceDeps } from './deps.js';
import { correctSprintRecord } from './sprint-records.js';
import { refreshDeliveryWarnings } from './delivery.service.js';
import { assertSprintOpen } from './sprints.service.js';
import { loadSprint, loadWritableProject } from './project-guards.js';

/** An assignee must be in the project's team (any role). */
async function assertAssignable(repos: Repositories, teamId: string, assigneeId: string | null) {
  if (assigneeId && !(await repos.teams.roleOf(teamId, assigneeId))) {
    throw new AppError(
      'assignee_not_member',
      'assigneeId: the assignee must be a member of the project’s team.',
      {
        field: 'assigneeId',
      },
    );
  }
}

async function loadStory(repos: Repositories, storyId: string): Promise<StoryRecord> {
  const story = await repos.stories.findById(storyId);
  if (!story) throw notFound('Story');
  return story;
}

export class StoryService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(sprintId: string): Promise<Story[]> {
    return (await this.deps.store.repos.stories.listForSprint(sprintId)).map(presentStory);
  }

  /** Stories added once the sprint is active join the commitment, marked as added late. */
  async create(sprintId: string, body: CreateStoryBody): Promise<Story> {
    const { store, clock } = this.deps;
    const story = await store.transaction(async (repos) => {
      const sprint = await loadSprint(repos, sprintId);
      const project = await loadWritableProject(repos, sprint.projectId);
      assertSprintOpen(sprint);
      const assigneeId = body.assigneeId ?? null;
      await assertAssignable(repos, project.teamId, assigneeId);
      const id = await repos.stories.insert({
        projectId: sprint.projectId,
        sprintId,
        fields: {
          title: body.title,
          deliverableType: body.deliverable.type,
          deliverableDescription: body.deliverable.description,
          assigneeId,
          status: body.status,
          points: body.points ?? null,
        },
        addedAfterStart: sprint.state === 'active',
        now: iso(clock.now()),
      });
      await refreshDeliveryWarnings(repos, sprint.projectId, clock.now());
      return loadStory(repos, id);
    });
    return presentStory(story);
  }

  async update(storyId: string, patch: UpdateStoryBody): Promise<Story> {
    const { store, clock } = this.deps;
    const story = await store.transaction(async (repos) => {
      const story = await loadStory(repos, storyId);
      const sprint = await loadSprint(repos, story.sprintId);
      const project = await loadWritableProject(repos, story.projectId);
      assertSprintOpen(sprint);
      const fields: StoryFields = {
        title: patch.title ?? story.title,
        deliverableType: patch.deliverable?.type ?? story.deliverable.type,
        deliverableDescription: patch.deliverable?.description ?? story.deliverable.description,
        assigneeId:
          patch.assigneeId !== undefined ? patch.assigneeId : (story.assignee?.id ?? null),
        status: patch.status ?? story.status,
        points: patch.points !== undefined ? patch.points : story.points,
      };
      if (patch.assigneeId !== undefined)
        await assertAssignable(repos, project.teamId, fields.assigneeId);
      const now = iso(clock.now());
      await repos.stories.update(storyId, fields, now);
      if (patch.position !== undefined) {
        const order = (await repos.stories.listForSprint(sprint.id))
          .map((s) => s.id)
          .filter((id) => id !== storyId);
        order.splice(Math.min(patch.position, order.length), 0, storyId);
        await repos.stories.setOrder(sprint.id, order, now);
      }
      await refreshDeliveryWarnings(repos, story.projectId, clock.now());
      return loadStory(repos, storyId);
    });
    return presentStory(story);
  }

  /**
   * A story of a planned sprint, or one added after the start, may be deleted. One that
   * was committed when the sprint started stays in the record: deleting it would hide
   * an undelivered commitment.
   */
  async delete(storyId: string): Promise<void> {
    const { store, clock } = this.deps;
    await store.transaction(async (repos) => {
      const story = await loadStory(repos, storyId);
      const sprint = await loadSprint(repos, story.sprintId);
      await loadWritableProject(repos, story.projectId);
      assertSprintOpen(sprint);
      if (sprint.state === 'active' && !story.addedAfterStart) {
        throw new AppError(
          'story_committed',
          `“${story.title}” was committed when ${sprint.name} started, so it stays in the record; at close it counts as not delivered unless done, and it can be carried over.`,
          { storyId },
        );
      }
      await repos.stories.delete(storyId);
      await refreshDeliveryWarnings(repos, story.projectId, clock.now());
    });
  }

  /** The one way to change a closed sprint's record: an explicit, audited correction. */
  async correct(storyId: string, body: CorrectStoryBody, actor: Actor): Promise<Story> {
    const { store, clock } = this.deps;
    const story = await store.transaction(async (repos) => {
      const story = await loadStory(repos, storyId);
      const sprint = await loadSprint(repos, story.sprintId);
      const project = await loadWritableProject(repos, story.projectId);
      if (sprint.state !== 'closed') {
        throw new AppError(
          'sprint_state',
          `${sprint.name} is ${sprint.state}: outcomes are recorded at close; until then change the story's status.`,
        );
      }
      const now = iso(clock.now());
      await repos.stories.correctOutcome(storyId, {
        outcome: body.outcome,
        reason: body.reason,
        by: actor.userId,
        now,
      });
      await repos.audit.record(
        {
          action: 'story.outcome_corrected',
          actorUserId: actor.userId,
          actorTokenId: actor.tokenId,
          teamId: project.teamId,
          targetType: 'story',
          targetId: storyId,
          ip: actor.ip,
          details: {
            sprintId: sprint.id,
            from: story.outcome,
            to: body.outcome,
            reason: body.reason,
          },
        },
        now,
      );
      const by = actor.userId ? await repos.users.findById(actor.userId) : undefined;
      await correctSprintRecord(repos, sprint.id, {
        at: now,
        by: by?.name ?? null,
        reason: `${story.title}: ${story.outcome ?? 'no outcome'} → ${body.outcome}. ${body.reason}`,
      });
      await refreshDeliveryWarnings(repos, story.projectId, clock.now());
      return loadStory(repos, storyId);
    });
    return presentStory(story);
  }
}
