import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptedInvitation,
  CreatedInvitation,
  Invitation,
  InvitationView,
  Me,
  TeamRole,
} from '@sextant/core';
import { api } from './client';
import { useDeleteMutation, usePostMutation } from './mutation';
import { useItems } from './query';
import { keys } from './keys';

/** A team's pending invitations (for its admins). */
export function useInvitations(teamId: string) {
  return useItems<Invitation>(keys.invitations(teamId), `/teams/${teamId}/invitations`);
}

/** Makes an invitation; its answer carries the link's secret, the only time it exists. */
export function useCreateInvitation(teamId: string) {
  return usePostMutation<CreatedInvitation, { email: string; role: TeamRole }>(
    keys.invitations(teamId),
    `/teams/${teamId}/invitations`,
  );
}

export function useRevokeInvitation(teamId: string) {
  return useDeleteMutation(keys.invitations(teamId), (id) => `/teams/${teamId}/invitations/${id}`);
}

/** What a link offers; a 404 (unknown or revoked) or 410 (used or expired) is its answer. */
export function useInvitationLink(token: string) {
  return useQuery({
    queryKey: keys.invitationLink(token),
    queryFn: ({ signal }) =>
      api.get<InvitationView>(`/invitations/${encodeURIComponent(token)}`, undefined, signal),
  });
}

/**
 * Accepting signs a new person in (accept) or adds the signed-in one to the team (join):
 * whatever was cached belongs to whoever was here before, so it is dropped and /me re-read.
 */
function useAcceptWrite<V>(write: (vars: V) => Promise<AcceptedInvitation>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      // The link's own answer stays until the page moves on, so it does not flash "used".
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'invitation-link' });
      await client.fetchQuery({ queryKey: keys.me, queryFn: () => api.get<Me>('/me') });
    },
  });
}

export function useAcceptInvitation(token: string) {
  return useAcceptWrite((body: { name: string; password: string }) =>
    api.post<AcceptedInvitation>(`/invitations/${encodeURIComponent(token)}/accept`, body),
  );
}

export function useJoinInvitation(token: string) {
  return useAcceptWrite(() =>
    api.post<AcceptedInvitation>(`/invitations/${encodeURIComponent(token)}/join`),
  );
}
