import type { Repositories, Store, UnsubscribeKind } from '@sextant/db';
import { iso, type Clock } from '../clock.js';
import { randomSecret, sha256Hex } from '../security/secrets.js';
import { absoluteUrl, type NotificationConfig } from './config.js';

/**
 * A fresh one-click unsubscribe link for one email: 256 random bits, stored as their SHA-256
 * (a leaked database row cannot be turned into a link). `${PUBLIC_URL}/unsubscribe/<token>`.
 */
export async function createUnsubscribeLink(
  repos: Repositories,
  config: Pick<NotificationConfig, 'publicUrl'>,
  input: { userId: string; projectId: string | null; kind: UnsubscribeKind; now: string },
): Promise<string> {
  const token = randomSecret(32);
  await repos.notificationUnsubscribes.insert({ tokenHash: sha256Hex(token), ...input });
  return absoluteUrl(config, `/unsubscribe/${token}`);
}

export type UnsubscribeResult =
  | { ok: true; kind: UnsubscribeKind; projectId: string | null; projectName: string | null }
  | { ok: false };

/**
 * What the public unsubscribe route calls (GET page's confirm and the RFC 8058 POST): an
 * `events` link turns the person's email for that project off (every project when the link
 * has none), a `weekly` link turns its weekly digest off. Idempotent: a link works again and
 * again; an unknown token is `{ ok: false }` (answer 404).
 */
export async function unsubscribe(
  deps: { store: Store; clock: Clock },
  token: string,
): Promise<UnsubscribeResult> {
  const { store, clock } = deps;
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false };
  return store.transaction(async (repos) => {
    const link = await repos.notificationUnsubscribes.find(sha256Hex(token));
    if (!link) return { ok: false } as const;
    const now = iso(clock.now());
    const subs = link.projectId
      ? [await repos.notificationSubscriptions.find(link.userId, link.projectId)].filter(
          (s) => s !== null,
        )
      : await repos.notificationSubscriptions.listForUser(link.userId);
    for (const sub of subs) {
      await repos.notificationSubscriptions.upsert({
        userId: sub.userId,
        projectId: sub.projectId,
        events: sub.events,
        mode: link.kind === 'events' ? 'off' : sub.mode,
        weeklyDigest: link.kind === 'weekly' ? false : sub.weeklyDigest,
        now,
      });
    }
    await repos.notificationUnsubscribes.markUsed(link.tokenHash, now);
    const projectName =
      link.projectId !== null
        ? ((await repos.projects.findById(link.projectId))?.name ?? null)
        : null;
    return { ok: true, kind: link.kind, projectId: link.projectId, projectName } as const;
  });
}
