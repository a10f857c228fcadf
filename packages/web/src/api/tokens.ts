import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedToken, Token } from '@sextant/core';
import { api } from './client';
import { useItems } from './query';
import { keys } from './keys';

export interface CreateTokenInput {
  name: string;
  /** ISO-8601 instant with offset, or null for no expiry. */
  expiresAt: string | null;
}

export function usePersonalTokens() {
  return useItems<Token>(keys.tokens, '/tokens');
}

export function useCreatePersonalToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenInput) => api.post<CreatedToken>('/tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useCiTokens(projectId: string) {
  return useItems<Token>(keys.ciTokens(projectId), `/projects/${projectId}/ci-tokens`);
}

export function useCreateCiToken(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenInput) =>
      api.post<CreatedToken>(`/projects/${projectId}/ci-tokens`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.ciTokens(projectId) }),
  });
}

/** Revokes a personal token or a project's CI token (DELETE /tokens/:id serves both). */
export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: Token) => api.delete(`/tokens/${token.id}`),
    onSuccess: (_data, token) =>
      client.invalidateQueries({
        queryKey: token.projectId ? keys.ciTokens(token.projectId) : keys.tokens,
      }),
  });
}
