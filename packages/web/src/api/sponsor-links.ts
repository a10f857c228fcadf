import { useQuery } from '@tanstack/react-query';
import type { CreatedSponsorLink, SponsorLink, SponsorView } from '@sextant/core';
import { api, API_BASE } from './client';
import { useDeleteMutation, usePostMutation } from './mutation';
import { useItems } from './query';
import { keys } from './keys';

/** A project's sponsor links with their last use (for its admins). */
export function useSponsorLinks(projectId: string) {
  return useItems<SponsorLink>(
    keys.sponsorLinks(projectId),
    `/projects/${projectId}/sponsor-links`,
  );
}

/** Makes a sponsor link; its answer carries the secret, the only time it exists. */
export function useCreateSponsorLink(projectId: string) {
  return usePostMutation<CreatedSponsorLink, { name: string; expiresInDays: number }>(
    keys.sponsorLinks(projectId),
    `/projects/${projectId}/sponsor-links`,
  );
}

export function useRevokeSponsorLink(projectId: string) {
  return useDeleteMutation(
    keys.sponsorLinks(projectId),
    (id) => `/projects/${projectId}/sponsor-links/${id}`,
  );
}

/** What a sponsor link opens; a 404 (unknown, revoked or expired) is its answer, not retried. */
export function useSponsorView(token: string) {
  return useQuery({
    queryKey: keys.sponsorView(token),
    queryFn: ({ signal }) =>
      api.get<SponsorView>(`/sponsor-view/${encodeURIComponent(token)}`, undefined, signal),
    retry: false,
  });
}

/** The browser address of an API path the view names (the report's PDF). */
export const apiHref = (path: string) => `${API_BASE}${path}`;
