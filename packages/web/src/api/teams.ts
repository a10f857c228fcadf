import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member, Team, TeamRole } from '@sextant/core';
import { api } from './client';
import { useGet, useItems } from './query';
import { keys } from './keys';

export function useTeams() {
  return useItems<Team>(keys.teams, '/teams');
}

export function useTeam(id: string) {
  return useGet<Team>(keys.team(id), `/teams/${id}`);
}

export function useMembers(teamId: string) {
  return useItems<Member>(keys.members(teamId), `/teams/${teamId}/members`);
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
