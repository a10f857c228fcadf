import {
  AppError,
  LIMITS,
  guessDeliverableType,
  importedSprintState,
  layOutSprints,
  mondayOnOrBefore,
  outcomeOf,
  planJiraImport,
  rangesOverlap,
  readSprintLength,
  truncateText,
  utcDay,
  type JiraImportPlan,
  type JiraImportQuery,
  type JiraImportResult,
  type JiraIssue,
  type JiraPlanNote,
  type SprintState,
  type StoryStatus,
} from '@sextant/core';
import type { MemberRecord, Repositories, SprintRecord, StoryFields } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { parseJiraCsv } from '../import/jira-csv.js';
import { limitedChunks } from '../import/upload-body.js';
import type { ServiceDeps } from './deps.js';
import { refreshDeliveryWarnings } from './delivery.service.js';
import { loadWritableProject } from './project-guards.js';

const SOURCE = 'jira';

/** A Jira export of a few thousand issues is a few MB; 50 MB leaves room for long descriptions. */
export const JIRA_IMPORT_LIMIT = 50 * 1024 * 1024;

type SprintResult = JiraImportResult['sprints'][number];

/** A sprint of the plan once placed: the Sextant sprint it became, or why it was skipped. */
interface PlacedSprint {
  result: SprintResult;
  sprint: SprintRecord | null;
}

/** Display names and emails compare NFC-normalised and case-insensitively. */
const comparable = (text: string) =>
  text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

function matchMember(members: MemberRecord[], assignee: string): MemberRecord | undefined {
  const wanted = comparable(assignee);
  return members.find((m) => comparable(m.name) === wanted || comparable(m.email) === wanted);
}

function listLines(lines: number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  return lines.length > 10 ? `${shown} and ${lines.length - 10} more` : shown;
}

/** The sprint length, or a 422 naming the field. */
function lengthDaysOf(query: JiraImportQuery): number {
  const length = readSprintLength(query.sprintLength);
  if (!length.ok) {
    throw new AppError('sprint_length_invalid', length.message, { field: 'sprintLength' });
  }
  return length.days;
}

/**
 * Imports a Jira CSV export: Jira sprints become sprints (laid end to end, since the CSV has
 * no dates), issues become stories in each sprint they were in, carried over from one to the
 * next. Everything is keyed on Jira's names and keys, so importing the same file again
 * creates nothing. Rows that cannot be used are reported by line and the rest goes in.
 */
export class JiraImportService {
  constructor(private readonly deps: ServiceDeps) {}

  /** `csv` is the file as it arrives (the request body), read chunk by chunk up to 50 MB. */
  async importCsv(
    projectId: string,
    csv: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
    query: JiraImportQuery,
    actor: Actor,
  ): Promise<JiraImportResult> {
    const lengthDays = lengthDaysOf(query);
    const table = await parseJiraCsv(limitedChunks(csv, JIRA_IMPORT_LIMIT));
    // A body of blanks (or none) is not an export: say what to send.
    const blank = (cells: string[]) => cells.join('').trim() === '';
    if (
      table.problems.length === 0 &&
      blank(table.header) &&
      table.rows.every((row) => blank(row.cells))
    ) {
      throw new AppError(
        'invalid_request',
        'body: send the Jira CSV export as the request body, with Content-Type: text/csv.',
        { field: 'body' },
      );
    }
    const plan = planJiraImport(table);
    const { store, clock } = this.deps;
    return store.transaction(async (repos) => {
      const project = await loadWritableProject(repos, projectId);
      const members = await repos.teams.listMembers(project.teamId);
      const writer = new ImportWriter(repos, projectId, members, iso(clock.now()));
      const placed = await writer.placeSprints(plan, query, lengthDays, utcDay(clock.now()));
      for (const issue of plan.issues) await writer.writeIssue(issue, placed);
      const result: JiraImportResult = {
        sprints: plan.sprints.map(({ name }) => {
          const entry = placed.get(name);
          if (!entry) throw new Error(`sprint ${name} was not placed`);
          return entry.result;
        }),
        stories: writer.counts,
        problems: [...plan.problems, ...writer.problems].sort((a, b) => a.line - b.line),
        warnings: [...plan.warnings, ...writer.warnings()].sort((a, b) => a.line - b.line),
        rows: table.rows.length,
      };
      await repos.audit.record(
        {
          action: 'import.jira',
          actorUserId: actor.userId,
          actorTokenId: actor.tokenId,
          targetType: 'project',
          targetId: projectId,
          ip: actor.ip,
          details: {
            rows: result.rows,
            sprintsCreated: result.sprints.filter((s) => s.result === 'created').length,
            storiesCreated: result.stories.created,
            storiesUpdated: result.stories.updated,
            problems: result.problems.length,
          },
        },
        writer.now,
      );
      await refreshDeliveryWarnings(repos, projectId, clock.now());
      return result;
    });
  }
}

/** The writes of one import, with what it counted and noticed on the way. */
class ImportWriter {
  readonly counts = { created: 0, existing: 0, updated: 0 };
  readonly problems: JiraPlanNote[] = [];
  private readonly unmatched = new Map<string, number[]>();
  private readonly withoutDescription: number[] = [];
  private readonly truncatedTitles: number[] = [];

  constructor(
    private readonly repos: Repositories,
    private readonly projectId: string,
    private readonly members: MemberRecord[],
    readonly now: string,
  ) {}

  /**
   * Finds or creates each Jira sprint. New ones start where the previous one ended (the first
   * on firstSprintStart, by default the Monday of the earliest issue) and take their state
   * from today; one that would overlap a sprint made in Sextant is skipped with a problem.
   */
  async placeSprints(
    plan: JiraImportPlan,
    query: JiraImportQuery,
    lengthDays: number,
    today: string,
  ): Promise<Map<string, PlacedSprint>> {
    const all = await this.repos.sprints.listForProject(this.projectId);
    const known = new Map<string, SprintRecord>();
    for (const name of plan.sprints.map((s) => s.name)) {
      const found = all.find((s) => s.external?.source === SOURCE && s.external.key === name);
      if (found) known.set(name, found);
    }
    const firstStart =
      query.firstSprintStart ?? mondayOnOrBefore(plan.earliestCreated?.slice(0, 10) ?? today);
    const slots = layOutSprints(
      plan.sprints.map((s) => s.name),
      firstStart,
      lengthDays,
      known,
    );
    const placed = new Map<string, PlacedSprint>();
    const taken = all.filter((s) => s.external?.source !== SOURCE || !known.has(s.external.key));
    for (const slot of slots) {
      const existing = known.get(slot.name);
      if (existing) {
        placed.set(slot.name, {
          sprint: existing,
          result: this.sprintResult(existing, 'existing'),
        });
        continue;
      }
      const clash = taken.find((other) => rangesOverlap(other, slot));
      if (clash) {
        this.problems.push({
          line: plan.issues.find((i) => i.sprints.includes(slot.name))?.line ?? 1,
          message:
            `Sprint "${slot.name}" would run ${slot.startDate} to ${slot.endDate}, which overlaps ` +
            `${clash.name} (${clash.startDate} to ${clash.endDate}), so it and its stories were not ` +
            'imported. Import again with another firstSprintStart or sprintLength.',
        });
        placed.set(slot.name, {
          sprint: null,
          result: {
            name: slot.name,
            sprintId: null,
            state: null,
            startDate: null,
            endDate: null,
            result: 'skipped',
            stories: 0,
          },
        });
        continue;
      }
      const state: SprintState = importedSprintState(slot, today);
      const created = await this.repos.sprints.insert({
        projectId: this.projectId,
        name: truncateText(slot.name, LIMITS.name),
        goal: '',
        startDate: slot.startDate,
        endDate: slot.endDate,
        external: { source: SOURCE, key: slot.name },
        now: this.now,
      });
      if (state !== 'planned')
        await this.repos.sprints.setImportedState(created.id, state, this.now);
      const sprint = { ...created, state };
      taken.push(sprint);
      placed.set(slot.name, { sprint, result: this.sprintResult(sprint, 'created') });
    }
    return placed;
  }

  private sprintResult(sprint: SprintRecord, result: 'created' | 'existing'): SprintResult {
    return {
      name: sprint.external?.key ?? sprint.name,
      sprintId: sprint.id,
      state: sprint.state,
      startDate: sprint.startDate,
      endDate: sprint.endDate,
      result,
      stories: 0,
    };
  }

  /**
   * One story per sprint the issue was in, each carried from the one before. Only the last
   * has Jira's status; in the earlier ones the issue was not finished (it moved on).
   */
  async writeIssue(issue: JiraIssue, placed: Map<string, PlacedSprint>): Promise<void> {
    const fields = this.fieldsOf(issue);
    let previousId: string | null = null;
    for (const [index, name] of issue.sprints.entries()) {
      const entry = placed.get(name);
      const sprint = entry?.sprint;
      if (!entry || !sprint) {
        previousId = null;
        continue;
      }
      const last = index === issue.sprints.length - 1;
      const status: StoryStatus = last ? issue.mappedStatus : 'in_progress';
      previousId = await this.writeStory(sprint, { ...fields, status }, issue.key, previousId);
      entry.result.stories += 1;
    }
  }

  private async writeStory(
    sprint: SprintRecord,
    fields: StoryFields,
    key: string,
    carriedFromId: string | null,
  ): Promise<string> {
    const ref = { source: SOURCE, key };
    const existing = await this.repos.stories.findByExternal(sprint.id, ref);
    if (!existing) {
      this.counts.created += 1;
      return this.repos.stories.insert({
        projectId: this.projectId,
        sprintId: sprint.id,
        fields,
        addedAfterStart: false,
        carriedFromId,
        external: ref,
        outcome: sprint.state === 'closed' ? outcomeOf(fields.status) : null,
        now: this.now,
      });
    }
    this.counts.existing += 1;
    // A closed sprint's record is frozen; an open sprint follows Jira's latest export.
    const changed =
      existing.title !== fields.title ||
      existing.status !== fields.status ||
      existing.points !== fields.points ||
      (existing.assignee?.id ?? null) !== fields.assigneeId;
    if (sprint.state !== 'closed' && changed) {
      this.counts.updated += 1;
      await this.repos.stories.update(
        existing.id,
        {
          ...fields,
          deliverableType: existing.deliverable.type,
          deliverableDescription: existing.deliverable.description,
        },
        this.now,
      );
    }
    return existing.id;
  }

  private fieldsOf(issue: JiraIssue): StoryFields {
    let assigneeId: string | null = null;
    if (issue.assignee !== null) {
      const member = matchMember(this.members, issue.assignee);
      if (member) assigneeId = member.userId;
      else
        this.unmatched.set(issue.assignee, [
          ...(this.unmatched.get(issue.assignee) ?? []),
          issue.line,
        ]);
    }
    if (issue.description === null) this.withoutDescription.push(issue.line);
    const title = issue.summary;
    if (title.length > LIMITS.name) this.truncatedTitles.push(issue.line);
    return {
      title: truncateText(title, LIMITS.name),
      deliverableType: guessDeliverableType(issue.summary, issue.issueType),
      deliverableDescription: truncateText(
        issue.description ?? `See Jira ${issue.key}.`,
        LIMITS.shortText,
      ),
      assigneeId,
      status: issue.mappedStatus,
      points: issue.points,
    };
  }

  /** Remarks gathered over all rows, one per kind (or per unknown person). */
  warnings(): JiraPlanNote[] {
    const notes: JiraPlanNote[] = [];
    for (const [name, lines] of this.unmatched) {
      notes.push({
        line: lines[0] ?? 1,
        message:
          `Assignee "${name}" (line ${listLines(lines)}) is not a member of this project's team, so ` +
          'those stories have no assignee. Add them to the team and import again to assign the open ones.',
      });
    }
    if (this.withoutDescription.length > 0) {
      notes.push({
        line: this.withoutDescription[0] ?? 1,
        message:
          `${this.withoutDescription.length} issue(s) (line ${listLines(this.withoutDescription)}) have no ` +
          'Description, so their deliverable reads "See Jira KEY": say what each one hands over.',
      });
    }
    if (this.truncatedTitles.length > 0) {
      notes.push({
        line: this.truncatedTitles[0] ?? 1,
        message: `Summaries longer than ${LIMITS.name} characters were shortened (line ${listLines(this.truncatedTitles)}).`,
      });
    }
    return notes;
  }
}
