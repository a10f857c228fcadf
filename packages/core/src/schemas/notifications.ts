import { z } from 'zod';
import { NOTIFICATION_EVENT_TYPES } from '../domain/notification-events.js';
import {
  ENDPOINT_DELIVERY_STATUSES,
  ENDPOINT_EVENT_TYPES,
  ENDPOINT_KINDS,
  SUBSCRIPTION_MODES,
  WEEKLY_DIGEST_EVENT,
  type EndpointKind,
} from '../domain/notification-settings.js';
import { LIMITS, UserRef, requiredText } from './common.js';

export const EndpointKindSchema = z.enum(ENDPOINT_KINDS);
export const EndpointEventSchema = z.enum(ENDPOINT_EVENT_TYPES);

/** Event types chosen; empty means every event. Each type at most once. */
const EndpointEvents = z
  .array(EndpointEventSchema)
  .max(ENDPOINT_EVENT_TYPES.length)
  .refine((events) => new Set(events).size === events.length, {
    message: 'must not name an event twice',
  });

/** An endpoint's address: http(s), at most 2000 characters; where it resolves is checked too. */
export const EndpointUrl = z
  .string()
  .trim()
  .max(2_000)
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }));

const digestOnlyForSlack = (
  body: { kind?: EndpointKind; events?: readonly string[] | undefined },
  ctx: z.RefinementCtx,
) => {
  if (body.kind !== 'slack' && body.events?.includes(WEEKLY_DIGEST_EVENT)) {
    ctx.addIssue({
      code: 'custom',
      path: ['events'],
      message: `${WEEKLY_DIGEST_EVENT} goes to Slack endpoints only`,
    });
  }
};

export const CreateEndpointBody = z
  .strictObject({
    kind: EndpointKindSchema,
    name: requiredText(LIMITS.name),
    url: EndpointUrl,
    events: EndpointEvents.default([]),
  })
  .superRefine(digestOnlyForSlack);
export type CreateEndpointBody = z.infer<typeof CreateEndpointBody>;

export const UpdateEndpointBody = z.strictObject({
  name: requiredText(LIMITS.name).optional(),
  url: EndpointUrl.optional(),
  events: EndpointEvents.optional(),
  /** false disables it (nothing is sent); true enables it again and forgets its failures. */
  enabled: z.boolean().optional(),
});
export type UpdateEndpointBody = z.infer<typeof UpdateEndpointBody>;

export const EndpointParams = z.strictObject({
  id: z.string().min(1).max(100),
  endpointId: z.string().min(1).max(100),
});
export const WorkspaceEndpointParams = z.strictObject({
  endpointId: z.string().min(1).max(100),
});
export const DeliveryParams = EndpointParams.extend({
  deliveryId: z.string().min(1).max(100),
});
export const WorkspaceDeliveryParams = WorkspaceEndpointParams.extend({
  deliveryId: z.string().min(1).max(100),
});

/** `scope=all`: every endpoint of every project besides the workspace's own. */
export const WorkspaceEndpointsQuery = z.strictObject({
  scope: z.enum(['workspace', 'all']).default('workspace'),
});

/** An endpoint as its readers see it: never its secret. */
export const Endpoint = z.object({
  id: z.string(),
  /** Null: a workspace endpoint, which receives every project's events. */
  projectId: z.string().nullable(),
  /** The project's name for project endpoints (in the workspace-wide list). */
  projectName: z.string().nullable(),
  kind: EndpointKindSchema,
  name: z.string(),
  url: z.string(),
  /** Empty: every event. */
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
  /** Since when its deliveries fail (the first failure of the current streak). */
  failingSince: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  createdBy: UserRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Endpoint = z.infer<typeof Endpoint>;

/** The answer to a creation or a rotation: the only time the signing secret is shown. */
export const EndpointWithSecret = Endpoint.extend({ secret: z.string() });
export type EndpointWithSecret = z.infer<typeof EndpointWithSecret>;

export const EndpointDeliveryStatusSchema = z.enum(ENDPOINT_DELIVERY_STATUSES);

/** One event sent (or being sent) to one endpoint, with its last attempt. */
export const EndpointDelivery = z.object({
  id: z.string(),
  eventId: z.string().nullable(),
  eventType: z.string().nullable(),
  channel: z.enum(['webhook', 'slack', 'teams', 'email']),
  status: EndpointDeliveryStatusSchema,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type EndpointDelivery = z.infer<typeof EndpointDelivery>;

export const SubscriptionModeSchema = z.enum(SUBSCRIPTION_MODES);

const SubscriptionEvents = z
  .array(z.enum(NOTIFICATION_EVENT_TYPES))
  .max(NOTIFICATION_EVENT_TYPES.length)
  .refine((events) => new Set(events).size === events.length, {
    message: 'must not name an event twice',
  });

/** My email settings for one project (defaults — off, every event — until I save some). */
export const Subscription = z.object({
  projectId: z.string(),
  projectName: z.string(),
  /** Empty: every event. */
  events: z.array(z.string()),
  mode: SubscriptionModeSchema,
  weeklyDigest: z.boolean(),
});
export type Subscription = z.infer<typeof Subscription>;

export const UpdateSubscriptionBody = z.strictObject({
  events: SubscriptionEvents.default([]),
  mode: SubscriptionModeSchema,
  weeklyDigest: z.boolean().default(false),
});
export type UpdateSubscriptionBody = z.infer<typeof UpdateSubscriptionBody>;

export const SubscriptionParams = z.strictObject({ projectId: z.string().min(1).max(100) });

/** Who on the project gets its emails, and how. */
export const Subscriber = z.object({
  user: UserRef,
  events: z.array(z.string()),
  mode: SubscriptionModeSchema,
  weeklyDigest: z.boolean(),
});
export type Subscriber = z.infer<typeof Subscriber>;

/** The secret of an unsubscribe link, as it appears in its path. */
export const UnsubscribeTokenParam = z.strictObject({ token: z.string().min(1).max(200) });

/** What an unsubscribe link stops: one project's emails, or every email (project null). */
export const UnsubscribeView = z.object({
  email: z.string(),
  /** `events`: the project's event emails (daily digest included); `weekly`: its weekly digest. */
  kind: z.enum(['events', 'weekly']),
  project: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** When the link was used already (it keeps working: unsubscribing twice changes nothing). */
  usedAt: z.string().nullable(),
});
export type UnsubscribeView = z.infer<typeof UnsubscribeView>;

/** The web app's page for an unsubscribe link; the secret follows the slash. */
export const UNSUBSCRIBE_PATH = '/unsubscribe/';
