import type { RiskLevel, RiskStatus } from '@sextant/core';
import type { Executor } from './executor.js';
import type { RisksTable } from '../schema.js';
import { newId } from '../ids.js';

export interface RiskFields {
  description: string;
  affectedRoles: string[];
  likelihood: RiskLevel;
  impact: RiskLevel;
  mitigation: string;
  owner: string;
  status: RiskStatus;
}

export interface RiskRecord extends RiskFields {
  id: string;
  projectId: string;
  createdAt: string;
  updatedAt: string;
}

const toRisk = (row: RisksTable): RiskRecord => ({
  id: row.id,
  projectId: row.project_id,
  description: row.description,
  affectedRoles: JSON.parse(row.affected_roles_json) as string[],
  likelihood: row.likelihood as RiskLevel,
  impact: row.impact as RiskLevel,
  mitigation: row.mitigation,
  owner: row.owner,
  status: row.status as RiskStatus,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toColumns = (risk: RiskFields) => ({
  description: risk.description,
  affected_roles_json: JSON.stringify(risk.affectedRoles),
  likelihood: risk.likelihood,
  impact: risk.impact,
  mitigation: risk.mitigation,
  owner: risk.owner,
  status: risk.status,
});

export class RiskRepository {
  constructor(private readonly db: Executor) {}

  async insert(projectId: string, risk: RiskFields, now: string): Promise<RiskRecord> {
    const row: RisksTable = {
      id: newId(),
      project_id: projectId,
      ...toColumns(risk),
      created_at: now,
      updated_at: now,
    };
    await this.db.insertInto('risks').values(row).execute();
    return toRisk(row);
  }

  async listForProject(projectId: string): Promise<RiskRecord[]> {
    const rows = await this.db
      .selectFrom('risks')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute();
    return rows.map(toRisk);
  }

  async findInProject(projectId: string, riskId: string): Promise<RiskRecord | undefined> {
    const row = await this.db
      .selectFrom('risks')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('id', '=', riskId)
      .executeTakeFirst();
    return row && toRisk(row);
  }

  async update(riskId: string, risk: RiskFields, now: string): Promise<void> {
    await this.db
      .updateTable('risks')
      .set({ ...toColumns(risk), updated_at: now })
      .where('id', '=', riskId)
      .execute();
  }

  async delete(riskId: string): Promise<void> {
    await this.db.deleteFrom('risks').where('id', '=', riskId).execute();
  }
}
