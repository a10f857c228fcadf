import { z } from 'zod';

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    /** Name of the newest applied migration. */
    schemaVersion: z.string(),
    migrations: z.number().int(),
    /** SQLite only: the `synchronous` pragma of the server's connection (FULL is required). */
    synchronous: z.string().nullable(),
    journalMode: z.string().nullable(),
  }),
});
export type Health = z.infer<typeof Health>;

/** `/health` while the database does not answer: a 503, so a load balancer takes the server out. */
export const HealthDown = z.object({
  status: z.literal('database_unavailable'),
  version: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    reachable: z.literal(false),
  }),
});
export type HealthDown = z.infer<typeof HealthDown>;
