import type { Executor } from './executor.js';
import type { ApiTokensTable } from '../schema.js';
import { newId } from '../ids.js';
import { compiledOnce } from './compiled-once.js';

export type TokenKind = 'personal' | 'ci';

export interface TokenRecord {
  id: string;
  /** Who created it: the person a personal token acts as, or who made a CI token. */
  createdBy: { id: string; name: string; email: string };
  kind: TokenKind;
  name: string;
  prefix: string;
  userId: string;
  projectId: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

type TokenRow = ApiTokensTable & { creator_name: string; creator_email: string };

const toToken = (row: TokenRow): TokenRecord => ({
  id: row.id,
  createdBy: { id: row.user_id, name: row.creator_name, email: row.creator_email },
  kind: row.kind as TokenKind,
  name: row.name,
  prefix: row.token_prefix,
  userId: row.user_id,
  projectId: row.project_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

const selectTokens = (db: Executor) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select(['users.name as creator_name', 'users.email as creator_email']);

/** Every authenticated API request looks its token up: compiled once (compiled-once.ts). */
const byHash = compiledOnce((db, tokenHash: string) =>
  selectTokens(db).where('api_tokens.token_hash', '=', tokenHash),
);

export class TokenRepository {
  constructor(private readonly db: Executor) {}

  private selectTokens() {
    return selectTokens(this.db);
  }

  async insert(input: {
    kind: TokenKind;
    name: string;
    tokenHash: string;
    prefix: string;
    userId: string;
    projectId: string | null;
    expiresAt: string | null;
    now: string;
  }): Promise<TokenRecord> {
    const row: ApiTokensTable = {
      id: newId(),
      kind: input.kind,
      name: input.name,
      token_hash: input.tokenHash,
      token_prefix: input.prefix,
      user_id: input.userId,
      project_id: input.projectId,
      created_at: input.now,
      expires_at: input.expiresAt,
      revoked_at: null,
      last_used_at: null,
    };
    await this.db.insertInto('api_tokens').values(row).execute();
    const stored = await this.findById(row.id);
    if (!stored) throw new Error('token vanished right after its insert');
    return stored;
  }

  async findByHash(tokenHash: string): Promise<TokenRecord | undefined> {
    const [row] = await byHash(this.db, tokenHash);
    return row && toToken(row);
  }

  async findById(id: string): Promise<TokenRecord | undefined> {
    const row = await this.selectTokens().where('api_tokens.id', '=', id).executeTakeFirst();
    return row && toToken(row);
  }

  async listPersonal(userId: string): Promise<TokenRecord[]> {
    const rows = await this.selectTokens()
      .where('api_tokens.user_id', '=', userId)
      .where('api_tokens.kind', '=', 'personal')
      .orderBy('api_tokens.id', 'desc')
      .execute();
    return rows.map(toToken);
  }

  async listForProject(projectId: string): Promise<TokenRecord[]> {
    const rows = await this.selectTokens()
      .where('api_tokens.project_id', '=', projectId)
      .orderBy('api_tokens.id', 'desc')
      .execute();
    return rows.map(toToken);
  }

  async touch(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .execute();
  }

  async revoke(id: string, now: string): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** Revokes every live token a person created (personal and CI); returns how many. */
  async revokeAllForUser(userId: string, now: string): Promise<number> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
