/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are written against
   Kysely<any> on purpose: they must not depend on today's schema types. */
import { sql, type Kysely } from 'kysely';

/**
 * The audit log, filtered: each event names the project it is about (`project_id`, filled by
 * the repository from now on), and the log is indexed for the filters the audit page offers
 * (project, team, person). Existing events get their project where their target leads to one
 * (a project, sprint, story or project token), and their team from that project when they had
 * none (sprint closes and decisions, Jira imports), so a team admin sees them too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('project_id', 'text').execute();
  await sql`
    update audit_events set project_id = case target_type
      when 'project' then (select p.id from projects p where p.id = audit_events.target_id)
      when 'sprint' then (select s.project_id from sprints s where s.id = audit_events.target_id)
      when 'story' then (select s.project_id from stories s where s.id = audit_events.target_id)
      when 'token' then (select t.project_id from api_tokens t where t.id = audit_events.target_id)
    end
    where project_id is null`.execute(db);
  await sql`
    update audit_events
    set team_id = (select p.team_id from projects p where p.id = audit_events.project_id)
    where team_id is null and project_id is not null`.execute(db);
  for (const column of ['project_id', 'team_id', 'actor_user_id']) {
    await db.schema
      .createIndex(`audit_events_${column}_idx`)
      .on('audit_events')
      .columns([column, 'id'])
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are append-only: restore from a backup instead of migrating down.');
}
