import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Connection, Store } from '@sextant/db';
import type { Clock } from '../clock.js';
import type { Services } from '../services/index.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteDeps {
  services: Services;
  store: Store;
  connection: Connection;
  clock: Clock;
  version: string;
}

/** OpenAPI: which credentials a route accepts. */
export const SIGNED_IN: { [scheme: string]: string[] }[] = [
  { sessionCookie: [] },
  { bearerToken: [] },
];
