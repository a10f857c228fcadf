import type { CurrencyAmount, InsightStatus } from '@sextant/core';
import {
  personRef,
  decodeCursor,
  toPage,
  type Executor,
  type PageRequest,
  type PageResult,
} from './executor.js';
import type { InsightsTable } from '../schema.js';
import type { PersonRef } from './stories.repository.js';
import { newId } from '../ids.js';

/** What a person writes about an insight, and the days its moves were stamped. */
export interface InsightFields {
  title: string;
  description: string;
  businessArea: string;
  status: InsightStatus;
  estimatedValue: CurrencyAmount | null;
  proposedAt: string;
  acceptedAt: string | null;
  implementedAt: string | null;
  rejectedAt: string | null;
}

export interface InsightRecord extends InsightFields {
  id: string;
  projectId: string;
  createdBy: PersonRef | null;
  createdAt: string;
  updatedAt: string;
}

export interface InsightFilter {
  status?: InsightStatus | undefined;
  area?: string | undefined;
}

type InsightRow = InsightsTable & { creator_name: string | null; creator_email: string | null };

const toInsight = (row: InsightRow): InsightRecord => ({
  id: row.id,
  projectId: row.project_id,
  title: row.title,
  description: row.description,
  businessArea: row.business_area,
  status: row.status as InsightStatus,
  // The check constraint sets value and currency together.
  estimatedValue:
    row.estimated_value !== null && row.currency !== null
      ? { amount: Number(row.estimated_value), currency: row.currency }
      : null,
  proposedAt: row.proposed_at,
  acceptedAt: row.accepted_at,
  implementedAt: row.implemented_at,
  rejectedAt: row.rejected_at,
  createdBy: personRef(row.created_by, row.creator_name, row.creator_email),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (fields: InsightFields) => ({
  title: fields.title,
  description: fields.description,
  business_area: fields.businessArea,
  status: fields.status,
  estimated_value: fields.estimatedValue?.amount ?? null,
  currency: fields.estimatedValue?.currency ?? null,
  proposed_at: fields.proposedAt,
  accepted_at: fields.acceptedAt,
  implemented_at: fields.implementedAt,
  rejected_at: fields.rejectedAt,
});

export class InsightRepository {
  constructor(private readonly db: Executor) {}

  private selectInsights() {
    return this.db
      .selectFrom('insights')
      .leftJoin('users as creator', 'creator.id', 'insights.created_by')
      .selectAll('insights')
      .select(['creator.name as creator_name', 'creator.email as creator_email']);
  }

  async insert(input: {
    projectId: string;
    fields: InsightFields;
    createdBy: string | null;
    now: string;
  }): Promise<string> {
    const row: InsightsTable = {
      id: newId(),
      project_id: input.projectId,
      ...toColumns(input.fields),
      created_by: input.createdBy,
      created_at: input.now,
      updated_at: input.now,
    };
    await this.db.insertInto('insights').values(row).execute();
    return row.id;
  }

  async findById(id: string): Promise<InsightRecord | undefined> {
    const row = await this.selectInsights().where('insights.id', '=', id).executeTakeFirst();
    return row && toInsight(row);
  }

  /** Newest first (ids are time-ordered), filtered by status and exact business area. */
  async list(
    projectId: string,
    filter: InsightFilter,
    page: PageRequest,
  ): Promise<PageResult<InsightRecord>> {
    let query = this.selectInsights().where('insights.project_id', '=', projectId);
    if (filter.status) query = query.where('insights.status', '=', filter.status);
    if (filter.area) query = query.where('insights.business_area', '=', filter.area);
    const before = decodeCursor(page.cursor);
    if (before) query = query.where('insights.id', '<', before);
    const rows = await query
      .orderBy('insights.id', 'desc')
      .limit(page.limit + 1)
      .execute();
    return toPage(rows.map(toInsight), page.limit);
  }

  /** Every insight of a project, oldest first: what the KPIs read. */
  async listForProject(projectId: string): Promise<InsightRecord[]> {
    const rows = await this.selectInsights()
      .where('insights.project_id', '=', projectId)
      .orderBy('insights.id')
      .execute();
    return rows.map(toInsight);
  }

  async update(id: string, fields: InsightFields, now: string): Promise<void> {
    await this.db
      .updateTable('insights')
      .set({ ...toColumns(fields), updated_at: now })
      .where('id', '=', id)
      .execute();
  }
}
