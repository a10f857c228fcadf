import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { Store, type Connection } from '@sextant/db';
import { systemClock, type Clock } from './clock.js';
import { access } from './http/access.js';
import { accessPlugin, API_PREFIX } from './plugins/access.plugin.js';
import { authPlugin } from './plugins/auth.plugin.js';
import { errorsPlugin } from './plugins/errors.plugin.js';
import { openApiPlugin } from './plugins/openapi.plugin.js';
import { securityHeadersPlugin } from './plugins/security-headers.plugin.js';
import { webPlugin } from './plugins/web.plugin.js';
import { auditRoutes } from './routes/audit.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { goalRoutes } from './routes/goals.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { projectRoutes } from './routes/projects.routes.js';
import { riskRoutes } from './routes/risks.routes.js';
import { stageRoutes } from './routes/stage.routes.js';
import { successCriterionRoutes } from './routes/success-criterion.routes.js';
import { teamRoutes } from './routes/teams.routes.js';
import { tokenRoutes } from './routes/tokens.routes.js';
import { invitationRoutes } from './routes/invitations.routes.js';
import { sponsorLinkRoutes } from './routes/sponsor-links.routes.js';
import type { App, RouteDeps } from './routes/types.js';
import { userRoutes } from './routes/users.routes.js';
import { deliveryRoutes } from './routes/delivery.routes.js';
import { sprintRoutes } from './routes/sprints.routes.js';
import { storyRoutes } from './routes/stories.routes.js';
import { importRoutes } from './routes/imports.routes.js';
import { backlogRoutes } from './routes/backlog.routes.js';
import { deploymentRoutes } from './routes/deployments.routes.js';
import { artifactRoutes } from './routes/artifacts.routes.js';
import { kpiRoutes } from './routes/kpis.routes.js';
import { portfolioRoutes } from './routes/portfolio.routes.js';
import { insightRoutes } from './routes/insights.routes.js';
import { ledgerRoutes } from './routes/ledger.routes.js';
import { runRoutes } from './routes/runs.routes.js';
import { reviewRoutes } from './routes/review.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { productionRoutes } from './routes/production.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { createServices, type Services } from './services/index.js';
import { SEXTANT_VERSION } from './version.js';
import { clientPlugin, type ClientFiles } from './plugins/client.plugin.js';

/** Bodies above this are 413; fields have their own, much smaller, limits (400 naming the field). */
export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

export interface AppOptions {
  connection: Connection;
  clock?: Clock;
  /** Fastify logger options; false in tests. */
  logger?: boolean | { level: string };
  trustProxy?: boolean;
  webDir?: string | null;
  /** The files served under /cli/; unset, the built bundle and clients/python of this checkout. */
  clientFiles?: ClientFiles;
  /**
   * More routes under /api/v1, registered after the real ones with the same JSON parser,
   * limits, auth and access rules. Only benchmarks pass this (bench/ingest adds a
   * parse-only twin of the batch route to measure the ceiling); `sextant serve` never does.
   */
  extraRoutes?: (api: App, deps: RouteDeps) => void;
  /**
   * Let webhooks reach loopback, link-local and private addresses; unset, the
   * SEXTANT_ALLOW_PRIVATE_WEBHOOKS environment variable decides (tests set it per app).
   */
  allowPrivateWebhooks?: boolean;
  /** Mail invitations through the job queue (`SEXTANT_SMTP_URL` is set); off by default. */
  mailInvitations?: boolean;
}

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  store: Store;
}

/** The whole HTTP application over one database connection; nothing global, nothing per process. */
export async function buildApp(options: AppOptions): Promise<BuiltApp> {
  const clock = options.clock ?? systemClock;
  const store = new Store(options.connection);
  const services = createServices(
    { store, clock },
    {
      notifications:
        options.allowPrivateWebhooks === undefined
          ? {}
          : { allowPrivateWebhooks: options.allowPrivateWebhooks },
      mailInvitations: options.mailInvitations ?? false,
    },
  );

  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(cookie);
  await app.register(authPlugin, { services });
  await app.register(accessPlugin, { store, clock });
  await app.register(openApiPlugin);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // A client compares it with its own version and warns when the server is newer.
    reply.header('x-sextant-version', SEXTANT_VERSION);
  });

  const deps: RouteDeps = {
    services,
    store,
    connection: options.connection,
    clock,
    version: SEXTANT_VERSION,
  };
  await app.register(
    async (api) => {
      const typed = api as unknown as App;
      typed.get(
        '/openapi.json',
        { config: { access: access.public }, schema: { hide: true } },
        async () => api.swagger(),
      );
      for (const register of [
        healthRoutes,
        authRoutes,
        userRoutes,
        teamRoutes,
        tokenRoutes,
        invitationRoutes,
        sponsorLinkRoutes,
        projectRoutes,
        goalRoutes,
        successCriterionRoutes,
        stageRoutes,
        riskRoutes,
        auditRoutes,
        sprintRoutes,
        storyRoutes,
        deliveryRoutes,
        importRoutes,
        backlogRoutes,
        deploymentRoutes,
        artifactRoutes,
        insightRoutes,
        ledgerRoutes,
        runRoutes,
        reviewRoutes,
        reportRoutes,
        kpiRoutes,
        portfolioRoutes,
        productionRoutes,
        notificationRoutes,
      ]) {
        register(typed, deps);
      }
      options.extraRoutes?.(typed, deps);
    },
    { prefix: API_PREFIX },
  );
  await app.register(clientPlugin, options.clientFiles ? { files: options.clientFiles } : {});
  await app.register(webPlugin, { webDir: options.webDir ?? null });
  await app.ready();
  return { app, services, store };
}
