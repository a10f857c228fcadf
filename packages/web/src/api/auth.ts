import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginResponse, Me } from '@sextant/core';
import { api } from './client';
import { keys } from './keys';

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: ({ signal }) => api.get<Me>('/me', undefined, signal),
    staleTime: 60_000,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['login'],
    mutationFn: (body: { email: string; password: string }) =>
      api.post<LoginResponse>('/auth/login', body),
    onSuccess: async () => {
      // Whatever the previous visitor saw is not this person's to see.
      client.removeQueries();
      await client.fetchQuery({ queryKey: keys.me, queryFn: () => api.get<Me>('/me') });
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      client.clear();
    },
  });
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * Changes the signed-in person's password. The server ends every other session and
 * renews this one: its answer sets new session and CSRF cookies, which the client reads
 * on the next write. /me is re-read so it reports the renewed session.
 */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordInput) => api.post<void>('/me/password', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.me, exact: true }),
  });
}
