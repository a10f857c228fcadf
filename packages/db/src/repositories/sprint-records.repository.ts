import type { Executor } from './executor.js';

/** A closed sprint's record: its review and report as they were at the close. */
export interface SprintRecordRow {
  sprintId: string;
  projectId: string;
  /** JSON text, kept byte for byte. */
  reviewJson: string;
  reportJson: string;
  takenAt: string;
  takenBy: string | null;
}

/** Written once, at the close; an audited correction replaces the texts, never the sprint. */
export class SprintRecordRepository {
  constructor(private readonly db: Executor) {}

  async insert(row: SprintRecordRow): Promise<void> {
    await this.db
      .insertInto('sprint_records')
      .values({
        sprint_id: row.sprintId,
        project_id: row.projectId,
        review_json: row.reviewJson,
        report_json: row.reportJson,
        taken_at: row.takenAt,
        taken_by: row.takenBy,
      })
      .execute();
  }

  /** A correction's new texts (the correction itself is in the audit log and in the texts). */
  async replace(sprintId: string, texts: { reviewJson: string; reportJson: string }) {
    await this.db
      .updateTable('sprint_records')
      .set({ review_json: texts.reviewJson, report_json: texts.reportJson })
      .where('sprint_id', '=', sprintId)
      .execute();
  }

  async find(sprintId: string): Promise<SprintRecordRow | undefined> {
    const row = await this.db
      .selectFrom('sprint_records')
      .selectAll()
      .where('sprint_id', '=', sprintId)
      .executeTakeFirst();
    return row && toRow(row);
  }

  async listForProject(projectId: string): Promise<SprintRecordRow[]> {
    const rows = await this.db
      .selectFrom('sprint_records')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('taken_at')
      .execute();
    return rows.map(toRow);
  }
}

function toRow(row: {
  sprint_id: string;
  project_id: string;
  review_json: string;
  report_json: string;
  taken_at: string;
  taken_by: string | null;
}): SprintRecordRow {
  return {
    sprintId: row.sprint_id,
    projectId: row.project_id,
    reviewJson: row.review_json,
    reportJson: row.report_json,
    takenAt: row.taken_at,
    takenBy: row.taken_by,
  };
}
