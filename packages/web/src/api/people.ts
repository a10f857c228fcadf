import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person, UpdateProfileBody, User } from '@sextant/core';
import { api } from './client';
import { useCursorPages } from './query';
import { keys, type PeopleFilters } from './keys';

const PAGE_SIZE = 50;

/** Everyone in the workspace, a page at a time (workspace admins only). */
export function usePeople(filters: PeopleFilters) {
  return useCursorPages<Person>(keys.peopleList(filters), '/people', (cursor) => ({
    limit: PAGE_SIZE,
    cursor,
    q: filters.q.trim() || undefined,
    sort: filters.sort,
  }));
}

/**
 * Deactivates or reactivates a person (`POST /users/:id/deactivate|reactivate`); the people
 * list is re-read.
 */
export function useSetPersonActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ person, active }: { person: Person; active: boolean }) =>
      api.post<Person>(`/users/${person.id}/${active ? 'reactivate' : 'deactivate'}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.people }),
  });
}

/** Changes the signed-in person's own name and email; /me is re-read. */
export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => api.patch<User>('/me', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.me, exact: true }),
  });
}
