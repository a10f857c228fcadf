import { useQuery } from '@tanstack/react-query';
import type { AuditEvent, Member, Page, Project, User } from '@sextant/core';
import { API_BASE, api } from './client';
import { useCursorPages } from './query';

const PAGE_SIZE = 50;

/** The audit page's filters, as they stand in the address ('' for none). */
export interface AuditFilters {
  person: string;
  action: string;
  project: string;
  from: string;
  to: string;
}

/** Whose log: the workspace's (`teamId` null, workspace admins) or one team's (its admins). */
const logPath = (teamId: string | null) => (teamId ? `/teams/${teamId}/audit` : '/audit');

const auditKeys = {
  log: (teamId: string | null, filters: AuditFilters) =>
    ['audit', teamId ?? 'workspace', filters] as const,
  people: (teamId: string | null) => ['audit', teamId ?? 'workspace', 'people'] as const,
  projects: (teamId: string | null) => ['audit', teamId ?? 'workspace', 'projects'] as const,
};

const queryOf = (filters: AuditFilters) => ({
  person: filters.person,
  action: filters.action,
  project: filters.project,
  from: filters.from,
  to: filters.to,
});

/** The filtered audit log, newest first, a page at a time ("Load more"). */
export function useAuditLog(teamId: string | null, filters: AuditFilters) {
  return useCursorPages<AuditEvent>(auditKeys.log(teamId, filters), logPath(teamId), (cursor) => ({
    limit: PAGE_SIZE,
    cursor,
    ...queryOf(filters),
  }));
}

/** The address of the filtered log as a CSV file (the same filters, every page). */
export function auditCsvHref(teamId: string | null, filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(queryOf(filters))) {
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return `${API_BASE}${logPath(teamId)}.csv${search ? `?${search}` : ''}`;
}

/** A person the person filter offers. */
export interface AuditPerson {
  id: string;
  name: string;
  email: string;
}

/** The people to filter by: the workspace's accounts, or the team's members. */
export function useAuditPeople(teamId: string | null) {
  return useQuery({
    queryKey: auditKeys.people(teamId),
    queryFn: async ({ signal }): Promise<AuditPerson[]> => {
      if (teamId) {
        const page = await api.get<Page<Member>>(`/teams/${teamId}/members`, undefined, signal);
        return page.items.map((m) => ({ id: m.userId, name: m.name, email: m.email }));
      }
      const page = await api.get<Page<User>>('/users', { limit: 200 }, signal);
      return page.items.map((u) => ({ id: u.id, name: u.name, email: u.email }));
    },
  });
}

/** The projects to filter by: the team's, or those of the caller's teams. */
export function useAuditProjects(teamId: string | null) {
  return useQuery({
    queryKey: auditKeys.projects(teamId),
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<Project>>(
        '/projects',
        { limit: 200, archived: 'all', teamId: teamId ?? undefined },
        signal,
      );
      return page.items;
    },
  });
}
