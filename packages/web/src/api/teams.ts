import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Member, Team, TeamRole } from '@sextant/core';
import { api } from './client';
import { keys } from './keys';

export function useTeams() {
  return useQuery({
    queryKey: keys.teams,
    queryFn: ({ signal }) => api.get<{ items: Team[] }>('/teams', undefined, signal),
    select: (data) => data.items,
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: keys.team(id),
    queryFn: ({ signal }) => api.get<Team>(`/teams/${id}`, undefined, signal),
  });
}

export function useMembers(teamId: string) {
  return useQuery({
    queryKey: keys.members(teamId),
    queryFn: ({ signal }) =>
      api.get<{ items: Member[] }>(`/teams/${teamId}/members`, undefined, signal),
    select: (data) => data.items,
  });
}

export function useCreateTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => api.post<Team>('/teams', body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.teams }),
        client.invalidateQueries({ queryKey: keys.me }),
      ]),
  });
}

function useMemberWrite<V, R>(teamId: string, write: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['teams'] }),
        client.invalidateQueries({ queryKey: keys.me }),
        client.invalidateQueries({ queryKey: keys.members(teamId) }),
      ]),
  });
}

export function useAddMember(teamId: string) {
  return useMemberWrite(teamId, (body: { email: string; role: TeamRole }) =>
    api.post<Member>(`/teams/${teamId}/members`, body),
  );
}

export function useChangeMemberRole(teamId: string) {
  return useMemberWrite(teamId, ({ userId, role }: { userId: string; role: TeamRole }) =>
    api.patch<Member>(`/teams/${teamId}/members/${userId}`, { role }),
  );
}

export function useRemoveMember(teamId: string) {
  return useMemberWrite(teamId, (userId: string) =>
    api.delete(`/teams/${teamId}/members/${userId}`),
  );
}
