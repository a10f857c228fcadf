import {
  notFound,
  type CreateSponsorLinkBody,
  type CreatedSponsorLink,
  type SponsorLink,
  type SponsorView,
} from '@sextant/core';
import type { Repositories, SponsorLinkRecord } from '@sextant/db';
import { iso } from '../clock.js';
import type { Actor } from '../http/access.js';
import { randomSecret, sha256Hex } from '../security/secrets.js';
import { presentCreatedSponsorLink, presentSponsorLink } from '../presenters/sponsor-links.js';
import type { ServiceDeps } from './deps.js';
import { assertLinkGuessesAllowed, recordLinkGuess } from './link-guesses.js';
import type { GoalService } from './goals.service.js';
import type { LedgerService } from './ledger.service.js';
import type { ReportService, SprintReport } from './reports.service.js';
import type { ReviewService } from './review.service.js';
import type { RiskService } from './risks.service.js';

const DAY_MS = 24 * 3600 * 1000;

/** Failed sponsor-link look-ups are counted with the login failures, per client address. */
const LINK_FAILURE_KEY = 'sponsor-link';

/** The services a sponsor view is made of: called with the link's project, never copied. */
export interface SponsorViewParts {
  goals: GoalService;
  reviews: ReviewService;
  ledger: LedgerService;
  risks: RiskService;
  reports: ReportService;
}

/**
 * Sponsor links: a read-only link to one project's sponsor view, made by the project's
 * admins. 256 random bits, stored as their SHA-256, shown once, valid for a number of days,
 * revocable; it works up to and including its expiry instant. Unknown, revoked and expired links answer the same 404. Every use is audited
 * and stamps the link's last use. The link is no session and no token: it opens the view
 * and its report, nothing else.
 */
export class SponsorLinkService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly parts: SponsorViewParts,
  ) {}

  async create(
    projectId: string,
    input: CreateSponsorLinkBody,
    actor: Actor,
  ): Promise<CreatedSponsorLink> {
    const { store, clock } = this.deps;
    const token = randomSecret();
    const now = clock.now();
    const record = await store.transaction(async (repos) => {
      const record = await repos.sponsorLinks.insert({
        projectId,
        name: input.name,
        tokenHash: sha256Hex(token),
        createdBy: actor.userId,
        now: iso(now),
        expiresAt: iso(new Date(now.getTime() + input.expiresInDays * DAY_MS)),
      });
      await this.audit(repos, actor, record, 'sponsor_link.created', {
        name: record.name,
        expiresAt: record.expiresAt,
      });
      return record;
    });
    return presentCreatedSponsorLink(record, token);
  }

  /** Every link of the project, with its last use; never a secret. */
  async list(projectId: string): Promise<SponsorLink[]> {
    const links = await this.deps.store.repos.sponsorLinks.listForProject(projectId);
    return links.map(presentSponsorLink);
  }

  /** Revoking twice is a no-op; the link answers 404 at once. */
  async revoke(projectId: string, linkId: string, actor: Actor): Promise<void> {
    await this.deps.store.transaction(async (repos) => {
      const link = await repos.sponsorLinks.findById(linkId);
      if (!link || link.projectId !== projectId) throw notFound('Sponsor link');
      if (link.revokedAt) return;
      await repos.sponsorLinks.revoke(link.id, iso(this.deps.clock.now()));
      await this.audit(repos, actor, link, 'sponsor_link.revoked', { name: link.name });
    });
  }

  /** The one read-only view of the link's project, made by the services that own each part. */
  async view(token: string, ip: string): Promise<SponsorView> {
    const link = await this.use(token, ip, 'view');
    const { repos } = this.deps.store;
    const project = await repos.projects.findById(link.projectId);
    if (!project) throw missing();
    const latest = await this.latestClosedSprintId(link.projectId);
    const [goals, review, roi, risks] = await Promise.all([
      this.parts.goals.list(link.projectId),
      latest ? this.parts.reviews.review(latest) : Promise.resolve(null),
      this.parts.ledger.roi(link.projectId),
      this.parts.risks.list(link.projectId),
    ]);
    const measured = await Promise.all(
      goals.map(async (goal) => ({
        ...goal,
        progress: (await this.parts.goals.measurements(goal.id)).progress,
      })),
    );
    return {
      project: { id: project.id, name: project.name, stage: project.stage },
      linkName: link.name,
      expiresAt: link.expiresAt,
      goals: measured,
      review,
      roi,
      risks: risks.filter((r) => r.status === 'open' || r.status === 'mitigating'),
      reportPath: latest ? `/sponsor-view/${token}/report.pdf` : null,
    };
  }

  /** The latest closed sprint's report as a PDF; 404 before a sprint has closed. */
  async reportPdf(token: string, ip: string): Promise<SprintReport<Buffer>> {
    const link = await this.use(token, ip, 'report.pdf');
    const latest = await this.latestClosedSprintId(link.projectId);
    if (!latest) throw notFound('Sprint review');
    return this.parts.reports.pdf(latest);
  }

  private async latestClosedSprintId(projectId: string): Promise<string | undefined> {
    const sprints = await this.deps.store.repos.sprints.listForProject(projectId);
    return sprints.filter((s) => s.state === 'closed').at(-1)?.id;
  }

  /**
   * The live link behind a secret, its use audited and stamped. Guesses are throttled like
   * passwords; unknown, revoked and expired links throw the same 404.
   */
  private async use(token: string, ip: string, what: string): Promise<SponsorLinkRecord> {
    const { store, clock } = this.deps;
    const now = clock.now();
    await assertLinkGuessesAllowed(store.repos, ip, now);
    const link = await store.repos.sponsorLinks.findByHash(sha256Hex(token));
    if (!link || link.revokedAt || link.expiresAt < iso(now)) {
      await recordLinkGuess(store.repos, LINK_FAILURE_KEY, ip, now);
      throw missing();
    }
    await store.transaction(async (repos) => {
      await repos.sponsorLinks.markUsed(link.id, iso(now));
      await this.audit(repos, { userId: null, tokenId: null, ip }, link, 'sponsor_link.used', {
        name: link.name,
        what,
      });
    });
    return link;
  }

  private audit(
    repos: Repositories,
    actor: Actor,
    link: SponsorLinkRecord,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return repos.audit.record(
      {
        action,
        actorUserId: actor.userId,
        actorTokenId: actor.tokenId,
        projectId: link.projectId,
        targetType: 'sponsor_link',
        targetId: link.id,
        ip: actor.ip,
        details,
      },
      iso(this.deps.clock.now()),
    );
  }
}

/** Unknown, revoked and expired links answer alike, so one answer tells nothing of others. */
const missing = () => notFound('Sponsor link');
