import type { PageResult } from '@sextant/db';

/** A page of records as the API lists it: each item presented, the cursor as it is. */
export const presentPage = <R, A>(page: PageResult<R>, present: (record: R) => A) => ({
  items: page.items.map(present),
  nextCursor: page.nextCursor,
});
