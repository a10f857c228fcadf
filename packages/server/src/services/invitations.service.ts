import {
  AppError,
  INVITATION_TTL_DAYS,
  notFound,
  type AcceptInvitationBody,
  type AcceptedInvitation,
  type CreateInvitationBody,
  type CreatedInvitation,
  type Invitation,
  type InvitationView,
  invitationCreatedEvent,
  NOTIFICATION_EVENT_VERSION,
} from '@sextant/core';
import type { InvitationRecord, Repositories, UserRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { hashPassword } from '../security/passwords.js';
import { randomSecret, sha256Hex } from '../security/secrets.js';
import {
  presentCreatedInvitation,
  presentInvitation,
  presentInvitationView,
} from '../presenters/invitations.js';
import { presentUser } from '../presenters/users.js';
import type { AuthService } from './auth.service.js';
import type { ServiceDeps } from './deps.js';
import { assertLinkGuessesAllowed, recordLinkGuess } from './link-guesses.js';
import { noInvitationMail, type InvitationMailer } from './invitation-mail.js';

const TTL_MS = INVITATION_TTL_DAYS * 24 * 3600 * 1000;

/**
 * Failed link look-ups are counted with the login failures, under this key, per client
 * address: guessing links is throttled like guessing passwords (50 per 15 minutes).
 */
const LINK_FAILURE_KEY = 'invitation-link';

/** Where an acceptance comes from: the new session is bound to it like a login's. */
export interface InvitationClient {
  ip: string;
  userAgent: string | null;
  previousSessionToken: string | null;
}

/** What accepting answers: the API shape, plus the new session for the route's cookies. */
export interface AcceptResult {
  body: AcceptedInvitation;
  session: { sessionToken: string; csrfToken: string } | null;
}

/**
 * Invitations to a team. A link is 256 random bits, stored as its SHA-256, shown once,
 * valid for 7 days, revocable and usable once. An unknown link and a revoked one answer the
 * same 404; a used or expired one answers 410 with its own code. Accepting is one
 * transaction: the account, the membership, the link marked used and the audit, or nothing.
 *
 * An email that already has an account cannot make a second one: its owner signs in and
 * joins (`join`), which adds the membership to that account; nobody else may use the link.
 */
export class InvitationService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
    private readonly mailer: InvitationMailer = noInvitationMail,
  ) {}

  async create(
    teamId: string,
    input: CreateInvitationBody,
    actor: Actor,
  ): Promise<CreatedInvitation> {
    const { store, clock } = this.deps;
    const token = randomSecret();
    const now = clock.now();
    const record = await store.transaction(async (repos) => {
      const existing = await repos.users.findByEmail(input.email);
      if (existing && (await repos.teams.roleOf(teamId, existing.id))) {
        throw new AppError('already_member', `${input.email} is already a member of this team.`, {
          field: 'email',
        });
      }
      const pending = await repos.invitations.listPending(teamId, iso(now));
      if (pending.some((i) => i.email === input.email)) {
        throw new AppError(
          'conflict',
          `${input.email} already has a pending invitation to this team: revoke it to make a new link.`,
          { field: 'email' },
        );
      }
      const record = await repos.invitations.insert({
        teamId,
        email: input.email,
        role: input.role,
        tokenHash: sha256Hex(token),
        invitedBy: actor.userId,
        now: iso(now),
        expiresAt: iso(new Date(now.getTime() + TTL_MS)),
      });
      await this.audit(repos, actor, record, 'invitation.created', {
        email: record.email,
        role: record.role,
        expiresAt: record.expiresAt,
      });
      // The event names who and where, never the link or its token.
      await repos.notificationEvents.emit(
        invitationCreatedEvent(
          {
            invitationId: record.id,
            teamId: record.teamId,
            teamName: record.teamName,
            email: record.email,
            role: record.role,
            expiresAt: record.expiresAt,
          },
          record.invitedBy?.name ?? null,
        ),
        NOTIFICATION_EVENT_VERSION,
        iso(now),
      );
      // In the transaction: a queued mailer enqueues its job here (mail exactly when invited).
      await this.mailer.send(
        {
          invitationId: record.id,
          email: record.email,
          teamName: record.teamName,
          role: record.role,
          invitedByName: record.invitedBy?.name ?? null,
          path: presentCreatedInvitation(record, token, false).path,
          expiresAt: record.expiresAt,
        },
        repos,
      );
      return record;
    });
    return presentCreatedInvitation(record, token, this.mailer !== noInvitationMail);
  }

  /** The team's pending invitations: not accepted, not revoked, not expired. */
  async listPending(teamId: string): Promise<Invitation[]> {
    const { store, clock } = this.deps;
    const pending = await store.repos.invitations.listPending(teamId, iso(clock.now()));
    return pending.map(presentInvitation);
  }

  /** Revoking twice is a no-op; an accepted invitation cannot be revoked (remove the member). */
  async revoke(teamId: string, invitationId: string, actor: Actor): Promise<void> {
    const { store } = this.deps;
    await store.transaction(async (repos) => {
      const invitation = await repos.invitations.findById(invitationId);
      if (!invitation || invitation.teamId !== teamId) throw notFound('Invitation');
      if (invitation.revokedAt) return;
      if (invitation.acceptedAt) {
        throw new AppError(
          'conflict',
          'This invitation was already accepted: remove the member from the team instead.',
        );
      }
      await repos.invitations.revoke(invitation.id, iso(this.deps.clock.now()));
      await this.audit(repos, actor, invitation, 'invitation.revoked', {
        email: invitation.email,
        role: invitation.role,
      });
    });
  }

  /** What the holder of a pending link sees: the team, the role and whether to sign in. */
  async view(token: string, ip: string): Promise<InvitationView> {
    const invitation = await this.findUsable(token, ip);
    const account = await this.deps.store.repos.users.findByEmail(invitation.email);
    return presentInvitationView(invitation, account !== undefined);
  }

  /** A new account from a link, signed in at once in the team with the invitation's role. */
  async accept(
    token: string,
    input: AcceptInvitationBody,
    client: InvitationClient,
  ): Promise<AcceptResult> {
    const { store, clock } = this.deps;
    await this.findUsable(token, client.ip);
    const passwordHash = await hashPassword(input.password);
    return store.transaction(async (repos) => {
      const invitation = await this.usableIn(repos, token);
      if (await repos.users.findByEmail(invitation.email)) {
        throw new AppError(
          'email_taken',
          `An account with email ${invitation.email} already exists: sign in as it to join the team.`,
          { field: 'email' },
        );
      }
      const now = iso(clock.now());
      const user = await repos.users.insert({
        email: invitation.email,
        name: input.name,
        passwordHash,
        isAdmin: false,
        now,
      });
      await repos.audit.record(
        {
          action: 'user.created',
          actorUserId: user.id,
          targetType: 'user',
          targetId: user.id,
          ip: client.ip,
          details: { email: user.email, isAdmin: false, invitationId: invitation.id },
        },
        now,
      );
      await this.addMembership(repos, invitation, user, {
        userId: user.id,
        tokenId: null,
        ip: client.ip,
      });
      const session = await this.auth.startSession(repos, user.id, client);
      return {
        body: {
          user: presentUser(user),
          teamId: invitation.teamId,
          role: invitation.role,
          csrfToken: session.csrfToken,
        },
        session,
      };
    });
  }

  /** The signed-in owner of the invited email joins the team with the link's role. */
  async join(token: string, user: UserRecord, actor: Actor): Promise<AcceptedInvitation> {
    const { store } = this.deps;
    await this.findUsable(token, actor.ip ?? '');
    return store.transaction(async (repos) => {
      const invitation = await this.usableIn(repos, token);
      if (invitation.email !== user.email) {
        throw new AppError(
          'forbidden',
          `This invitation is for ${invitation.email}: sign in as that account to accept it.`,
        );
      }
      if (await repos.teams.roleOf(invitation.teamId, user.id)) {
        throw new AppError('already_member', 'You are already a member of this team.');
      }
      await this.addMembership(repos, invitation, user, actor);
      return {
        user: presentUser(user),
        teamId: invitation.teamId,
        role: invitation.role,
        csrfToken: null,
      };
    });
  }

  private async addMembership(
    repos: Repositories,
    invitation: InvitationRecord,
    user: UserRecord,
    actor: Actor,
  ): Promise<void> {
    const now = iso(this.deps.clock.now());
    // Only one acceptance wins the link, even when two arrive at once.
    if (!(await repos.invitations.markAccepted(invitation.id, user.id, now))) throw used();
    await repos.teams.addMember({
      teamId: invitation.teamId,
      userId: user.id,
      role: invitation.role,
      now,
    });
    await this.audit(repos, actor, invitation, 'invitation.accepted', {
      email: invitation.email,
      role: invitation.role,
      userId: user.id,
    });
  }

  /**
   * The pending invitation behind a link, read outside any transaction so that a failed
   * look-up can be counted: too many from one address → 429, like logins.
   */
  private async findUsable(token: string, ip: string): Promise<InvitationRecord> {
    const { store, clock } = this.deps;
    const now = clock.now();
    await assertLinkGuessesAllowed(store.repos, ip, now);
    const invitation = await store.repos.invitations.findByHash(sha256Hex(token));
    if (!invitation || invitation.revokedAt) {
      await recordLinkGuess(store.repos, LINK_FAILURE_KEY, ip, now);
      throw missing();
    }
    return checkPending(invitation, now);
  }

  /** The same checks inside the write's transaction, where they decide. */
  private async usableIn(repos: Repositories, token: string): Promise<InvitationRecord> {
    const invitation = await repos.invitations.findByHash(sha256Hex(token));
    if (!invitation || invitation.revokedAt) throw missing();
    return checkPending(invitation, this.deps.clock.now());
  }

  private audit(
    repos: Repositories,
    actor: Actor,
    invitation: InvitationRecord,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return repos.audit.record(
      {
        action,
        actorUserId: actor.userId,
        actorTokenId: actor.tokenId,
        teamId: invitation.teamId,
        targetType: 'invitation',
        targetId: invitation.id,
        ip: actor.ip,
        details,
      },
      iso(this.deps.clock.now()),
    );
  }
}

/** Unknown and revoked links answer alike, so a link's answer tells nothing about others. */
const missing = () => notFound('Invitation');

const used = () => new AppError('invitation_used', 'This invitation link has already been used.');

function checkPending(invitation: InvitationRecord, now: Date): InvitationRecord {
  if (invitation.acceptedAt) throw used();
  if (invitation.expiresAt <= iso(now)) {
    throw new AppError(
      'invitation_expired',
      'This invitation link has expired: ask a team admin for a new one.',
      { expiresAt: invitation.expiresAt },
    );
  }
  return invitation;
}
