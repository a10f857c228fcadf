import {
  AppError,
  bestUnder,
  checkTransition,
  closedOnDay,
  forecastSprints,
  notFound,
  type CreateDecisionBody,
  type ReviewPoint,
  type SprintDecision,
  type SprintReview,
  decisionRecordedEvent,
  stageChangedEvent,
  NOTIFICATION_EVENT_VERSION,
} from '@sextant/core';
import type { Repositories, SprintRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { metricOfRecord, scored } from './baselines.js';
import { presentDecision } from '../presenters/decisions.js';
import type { ServiceDeps } from './deps.js';
import { criterionMoney } from './money.js';
import { NOT_COMPARABLE } from './runs.service.js';
import { loadSprint, loadWritableProject } from './project-guards.js';

/**
 * A closed sprint's review is its record, byte for byte as it was at the close (or at its
 * last audited correction); only the decision in force is read anew, since a decision taken
 * on the record is part of it. Undefined when the sprint has no record (open, or closed
 * before records existed: then it is worked out live).
 */
async function recordedReview(
  repos: Repositories,
  sprint: SprintRecord,
): Promise<SprintReview | undefined> {
  if (sprint.state !== 'closed') return undefined;
  const record = await repos.sprintRecords.find(sprint.id);
  if (!record) return undefined;
  const review = JSON.parse(record.reviewJson) as SprintReview;
  // Records taken before the review listed carried-over stories: none were listed then.
  review.carriedOverStories ??= [];
  const decision = await repos.decisions.latestForSprint(sprint.projectId, sprint.id);
  review.decision = decision ? presentDecision(decision) : null;
  return review;
}

/** Each closed sprint's own point as its record keeps it, by sprint id. */
async function recordedPoints(
  repos: Repositories,
  projectId: string,
): Promise<Map<string, ReviewPoint>> {
  const points = new Map<string, ReviewPoint>();
  for (const record of await repos.sprintRecords.listForProject(projectId)) {
    const review = JSON.parse(record.reviewJson) as SprintReview;
    const own = review.points.find((p) => p.sprintId === record.sprintId);
    if (own) points.set(record.sprintId, own);
  }
  return points;
}

/**
 * The sprint review: per sprint up to this one, the best CI value of the success metric
 * under the baseline's evaluation strategy, the baseline then in force, the threshold, the
 * current process's bar and the goal; a forecast; and the decision taken.
 */
export async function buildReview(
  repos: Repositories,
  sprintId: string,
  now: Date,
): Promise<SprintReview> {
  const sprint = await loadSprint(repos, sprintId);
  const recorded = await recordedReview(repos, sprint);
  if (recorded) return recorded;
  const project = await repos.projects.findById(sprint.projectId);
  if (!project) throw notFound('Sprint');
  const frozen = await recordedPoints(repos, project.id);
  const [criterion, baselines, goals, runs, allSprints, decision, stories] = await Promise.all([
    repos.criteria.find(project.id),
    repos.baselines.listForProject(project.id),
    repos.goals.listForProject(project.id),
    repos.runs.listCi(project.id),
    repos.sprints.listForProject(project.id),
    repos.decisions.latestForSprint(project.id, sprintId),
    repos.stories.listForSprint(sprintId),
  ]);
  const manualCounts = await repos.runs.countBySprint(project.id);
  const metric = metricOfRecord(criterion);
  const baseline = baselines.at(-1) ?? null;
  // Values are compared under one strategy: the baseline's, or the criterion's before there is one.
  const reference = baseline ? baseline.evaluationFingerprint : (metric?.fingerprint ?? null);
  const withMetric = metric ? scored(runs, metric.name) : [];
  const upTo = allSprints.filter((s) => s.startDate <= sprint.startDate);
  const at = iso(now);
  const points = upTo.map((s): ReviewPoint => {
    const kept = frozen.get(s.id);
    if (kept) return kept;
    const inSprint = withMetric.filter((r) => r.sprintId === s.id);
    const best = metric ? bestUnder(inSprint, reference, metric.direction) : null;
    // The bar of the sprint: the baseline in force when it started, else (no baseline yet)
    // the first one set during it, never the one its own close promoted.
    const started = s.startedAt ?? (s.state === 'planned' ? at : `${s.startDate}T00:00:00.000Z`);
    const cutoff = s.closedAt ?? at;
    const promoted = baselines.find((b) => b.reason === 'sprint_close' && b.sprintId === s.id);
    const inForce =
      baselines.filter((b) => b.createdAt <= started && b !== promoted).at(-1) ??
      baselines.find((b) => b.createdAt <= cutoff && b !== promoted);
    return {
      sprintId: s.id,
      name: s.name,
      number: s.number,
      startDate: s.startDate,
      endDate: s.endDate,
      state: s.state,
      bestCiValue: best?.value ?? null,
      bestRunId: best?.id ?? null,
      baselineValue: inForce?.value ?? null,
      promotedValue: promoted?.value ?? null,
      notComparableRuns: inSprint.filter((r) => r.fingerprint !== reference).length,
      manualRuns: manualCounts
        .filter((c) => c.sprintId === s.id && c.provenance === 'manual')
        .reduce((sum, c) => sum + c.n, 0),
    };
  });
  const others = [
    ...new Set(
      withMetric
        .filter((r) => upTo.some((s) => s.id === r.sprintId) && r.fingerprint !== reference)
        .map((r) => r.fingerprint ?? 'unstated'),
    ),
  ];
  const goal = goals[0];
  const values = points.flatMap((p) => (p.bestCiValue === null ? [] : [p.bestCiValue]));
  // What the review's best CI run is worth: this sprint's, else the latest sprint's with one.
  const best = points.at(-1)?.bestCiValue ?? values.at(-1) ?? null;
  const { money } = criterionMoney(criterion, project.scope.currentMetric?.value ?? null, best);
  return {
    sprint: {
      id: sprint.id,
      projectId: project.id,
      name: sprint.name,
      number: sprint.number,
      state: sprint.state,
      startDate: sprint.startDate,
      endDate: sprint.endDate,
      closedOn: closedOnDay(sprint),
      goal: sprint.goal,
    },
    record: null,
    project: { id: project.id, name: project.name, stage: project.stage },
    metric: metric && { name: metric.name, direction: metric.direction },
    threshold: metric?.threshold ?? null,
    evaluationFingerprint: reference,
    currentProcess: project.scope.currentMetric
      ? { name: project.scope.currentMetric.name, value: project.scope.currentMetric.value }
      : null,
    goal: goal ? { text: goal.statement, target: goal.target ?? null } : null,
    baseline: baseline && {
      runId: baseline.runId,
      metricName: baseline.metricName,
      value: baseline.value,
      evaluationFingerprint: baseline.evaluationFingerprint,
      reason: baseline.reason,
      sprintId: baseline.sprintId,
      setAt: baseline.createdAt,
    },
    points,
    forecast: forecastSprints(values, metric?.threshold ?? null, metric?.direction ?? 'increase'),
    money,
    comparability:
      others.length > 0
        ? {
            message: `${NOT_COMPARABLE}: ${others.length} strateg${others.length === 1 ? 'y' : 'ies'} besides the baseline's (${reference ?? 'unstated'}); those runs are listed, never charted against it.`,
            baselineFingerprint: reference,
            otherFingerprints: others,
          }
        : null,
    decision: decision ? presentDecision(decision) : null,
    deliveredStories: stories
      .filter((s) => (s.outcome ?? (s.status === 'done' ? 'delivered' : null)) === 'delivered')
      .map((s) => ({ id: s.id, title: s.title, deliverable: s.deliverable.description })),
    carriedOverStories: stories
      .filter((s) => s.carriedToId !== null)
      .map((s) => ({ id: s.id, title: s.title, carriedToId: s.carriedToId })),
  };
}

export class ReviewService {
  constructor(private readonly deps: ServiceDeps) {}

  review(sprintId: string): Promise<SprintReview> {
    return buildReview(this.deps.store.repos, sprintId, this.deps.clock.now());
  }

  /**
   * Records the sprint-review decision: `drop` moves the project to dropped; `objectives_met`
   * opens the gate to productization (the move itself stays a separate, deliberate step).
   */
  async decide(sprintId: string, body: CreateDecisionBody, actor: Actor): Promise<SprintDecision> {
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      const sprint = await loadSprint(repos, sprintId);
      const project = await loadWritableProject(repos, sprint.projectId);
      const now = iso(clock.now());
      let stage: { from: string; to: string } | null = null;
      if (body.decision === 'drop') {
        const transition = checkTransition(project.stage, 'dropped');
        if (!transition.ok) {
          throw new AppError('stage_transition_invalid', transition.message, {
            field: 'decision',
            from: project.stage,
            to: 'dropped',
          });
        }
        await repos.projects.setStage(project.id, 'dropped', now);
        await repos.stageChanges.insert({
          projectId: project.id,
          fromStage: project.stage,
          toStage: 'dropped',
          note: `Dropped at the review of ${sprint.name}: ${body.rationale}`.slice(0, 1_000),
          changedBy: actor.userId,
          now,
        });
        stage = { from: project.stage, to: 'dropped' };
      }
      const id = await repos.decisions.insert({
        sprintId,
        projectId: project.id,
        decision: body.decision,
        rationale: body.rationale,
        decidedBy: actor.userId,
        stageFrom: stage?.from ?? null,
        stageTo: stage?.to ?? null,
        recordTakenAt:
          sprint.state === 'closed'
            ? ((await repos.sprintRecords.find(sprintId))?.takenAt ?? null)
            : null,
        now,
      });
      await repos.audit.record(
        {
          action: 'sprint.decision',
          actorUserId: actor.userId,
          actorTokenId: actor.tokenId,
          targetType: 'sprint',
          targetId: sprintId,
          ip: actor.ip,
          details: { decision: body.decision, stageChange: stage },
        },
        now,
      );
      const recorded = (await repos.decisions.listForProject(project.id)).find((d) => d.id === id);
      if (!recorded) throw new Error('decision vanished inside its own transaction');
      const eventProject = { id: project.id, name: project.name };
      await repos.notificationEvents.emit(
        decisionRecordedEvent(eventProject, {
          decisionId: id,
          sprintId,
          sprintName: sprint.name,
          decision: body.decision,
          rationale: body.rationale,
          stageChange: stage ? { from: project.stage, to: 'dropped' } : null,
        }),
        NOTIFICATION_EVENT_VERSION,
        now,
      );
      if (stage) {
        await repos.notificationEvents.emit(
          stageChangedEvent(eventProject, {
            from: project.stage,
            to: 'dropped',
            note: `Dropped at the review of ${sprint.name}: ${body.rationale}`.slice(0, 1_000),
            changedAt: now,
          }),
          NOTIFICATION_EVENT_VERSION,
          now,
        );
      }
      return presentDecision(recorded);
    });
  }
}
