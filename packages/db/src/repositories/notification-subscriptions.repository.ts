import type { Executor } from './executor.js';
import type { NotificationSubscriptionsTable } from '../schema.js';
import { newId } from '../ids.js';

export type SubscriptionMode = 'instant' | 'daily' | 'off';

export interface NotificationSubscriptionRecord {
  id: string;
  userId: string;
  userName: string;
  userEmail: string;
  projectId: string;
  projectName: string;
  /** Event types mailed; empty means every event. */
  events: string[];
  /** Events at once, in a daily digest, or not at all. */
  mode: SubscriptionMode;
  /** Receives the project's weekly sponsor digest. */
  weeklyDigest: boolean;
  createdAt: string;
  updatedAt: string;
}

type SubscriptionRow = NotificationSubscriptionsTable & {
  user_name: string;
  user_email: string;
  project_name: string;
};

const toSubscription = (row: SubscriptionRow): NotificationSubscriptionRecord => ({
  id: row.id,
  userId: row.user_id,
  userName: row.user_name,
  userEmail: row.user_email,
  projectId: row.project_id,
  projectName: row.project_name,
  events: JSON.parse(row.events) as string[],
  mode: row.mode as SubscriptionMode,
  weeklyDigest: row.weekly_digest === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** People's email notifications, one row per (person, project). */
export class NotificationSubscriptionRepository {
  constructor(private readonly db: Executor) {}

  private select() {
    return this.db
      .selectFrom('notification_subscriptions')
      .innerJoin('users', 'users.id', 'notification_subscriptions.user_id')
      .innerJoin('projects', 'projects.id', 'notification_subscriptions.project_id')
      .selectAll('notification_subscriptions')
      .select([
        'users.name as user_name',
        'users.email as user_email',
        'projects.name as project_name',
      ]);
  }

  /** Creates or replaces the person's settings for the project. */
  async upsert(input: {
    userId: string;
    projectId: string;
    events: string[];
    mode: SubscriptionMode;
    weeklyDigest: boolean;
    now: string;
  }): Promise<NotificationSubscriptionRecord> {
    await this.db
      .insertInto('notification_subscriptions')
      .values({
        id: newId(),
        user_id: input.userId,
        project_id: input.projectId,
        events: JSON.stringify(input.events),
        mode: input.mode,
        weekly_digest: input.weeklyDigest ? 1 : 0,
        created_at: input.now,
        updated_at: input.now,
      })
      .onConflict((oc) =>
        oc.columns(['user_id', 'project_id']).doUpdateSet({
          events: JSON.stringify(input.events),
          mode: input.mode,
          weekly_digest: input.weeklyDigest ? 1 : 0,
          updated_at: input.now,
        }),
      )
      .execute();
    const saved = await this.find(input.userId, input.projectId);
    if (!saved) throw new Error('subscription vanished inside its own transaction');
    return saved;
  }

  async find(userId: string, projectId: string): Promise<NotificationSubscriptionRecord | null> {
    const row = await this.select()
      .where('notification_subscriptions.user_id', '=', userId)
      .where('notification_subscriptions.project_id', '=', projectId)
      .executeTakeFirst();
    return row ? toSubscription(row) : null;
  }

  async listForUser(userId: string): Promise<NotificationSubscriptionRecord[]> {
    const rows = await this.select()
      .where('notification_subscriptions.user_id', '=', userId)
      .orderBy('projects.name')
      .execute();
    return rows.map(toSubscription);
  }

  /** Who is subscribed to a project (active accounts only), by name. */
  async listForProject(projectId: string): Promise<NotificationSubscriptionRecord[]> {
    const rows = await this.select()
      .where('notification_subscriptions.project_id', '=', projectId)
      .where('users.deactivated_at', 'is', null)
      .orderBy('users.name')
      .execute();
    return rows.map(toSubscription);
  }

  /** Every active subscriber of the project's weekly sponsor digest. */
  async listWeeklyDigest(projectId: string): Promise<NotificationSubscriptionRecord[]> {
    return (await this.listForProject(projectId)).filter((s) => s.weeklyDigest);
  }

  /** Projects with at least one weekly-digest subscriber. */
  async projectsWithWeeklyDigest(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('notification_subscriptions')
      .select('project_id')
      .distinct()
      .where('weekly_digest', '=', 1)
      .execute();
    return rows.map((r) => r.project_id);
  }

  async delete(userId: string, projectId: string): Promise<void> {
    await this.db
      .deleteFrom('notification_subscriptions')
      .where('user_id', '=', userId)
      .where('project_id', '=', projectId)
      .execute();
  }
}
