import type { Executor } from './executor.js';
import type { SponsorLinksTable } from '../schema.js';
import { newId } from '../ids.js';

/** A sponsor link, with who made it; never its secret. */
export interface SponsorLinkRecord {
  id: string;
  projectId: string;
  name: string;
  /** Who made it; null once that account is gone. */
  createdBy: { id: string; name: string; email: string } | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

type SponsorLinkRow = SponsorLinksTable & {
  creator_name: string | null;
  creator_email: string | null;
};

const toSponsorLink = (row: SponsorLinkRow): SponsorLinkRecord => ({
  id: row.id,
  projectId: row.project_id,
  name: row.name,
  createdBy:
    row.created_by && row.creator_name !== null && row.creator_email !== null
      ? { id: row.created_by, name: row.creator_name, email: row.creator_email }
      : null,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

/** Sponsor links: written by a project's admins, read by whoever holds one. */
export class SponsorLinkRepository {
  constructor(private readonly db: Executor) {}

  private select() {
    return this.db
      .selectFrom('sponsor_links')
      .leftJoin('users', 'users.id', 'sponsor_links.created_by')
      .selectAll('sponsor_links')
      .select(['users.name as creator_name', 'users.email as creator_email']);
  }

  async insert(input: {
    projectId: string;
    name: string;
    tokenHash: string;
    createdBy: string | null;
    now: string;
    expiresAt: string;
  }): Promise<SponsorLinkRecord> {
    const row: SponsorLinksTable = {
      id: newId(),
      project_id: input.projectId,
      name: input.name,
      token_hash: input.tokenHash,
      created_by: input.createdBy,
      created_at: input.now,
      expires_at: input.expiresAt,
      revoked_at: null,
      last_used_at: null,
    };
    await this.db.insertInto('sponsor_links').values(row).execute();
    const stored = await this.findById(row.id);
    if (!stored) throw new Error('sponsor link vanished right after its insert');
    return stored;
  }

  async findById(id: string): Promise<SponsorLinkRecord | undefined> {
    const row = await this.select().where('sponsor_links.id', '=', id).executeTakeFirst();
    return row && toSponsorLink(row);
  }

  async findByHash(tokenHash: string): Promise<SponsorLinkRecord | undefined> {
    const row = await this.select()
      .where('sponsor_links.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toSponsorLink(row);
  }

  /** Every link of the project, revoked and expired ones too, newest first. */
  async listForProject(projectId: string): Promise<SponsorLinkRecord[]> {
    const rows = await this.select()
      .where('sponsor_links.project_id', '=', projectId)
      .orderBy('sponsor_links.created_at', 'desc')
      .orderBy('sponsor_links.id', 'desc')
      .execute();
    return rows.map(toSponsorLink);
  }

  /** How many links exist at all, revoked and expired ones too (the demo's later starts). */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('sponsor_links')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async revoke(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('sponsor_links')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async markUsed(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('sponsor_links')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .execute();
  }
}
