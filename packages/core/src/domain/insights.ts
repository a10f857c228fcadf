/**
 * Actionable insights: business recommendations the project's analysis produced (KPI 5).
 * An insight is proposed, then accepted by the business, then implemented; it may be
 * rejected while proposed or accepted. Each move stamps its day.
 */

export const INSIGHT_STATUSES = ['proposed', 'accepted', 'implemented', 'rejected'] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

/** Move rule: proposed → accepted → implemented; proposed or accepted → rejected; nothing else. */
export const INSIGHT_MOVES: Readonly<Record<InsightStatus, readonly InsightStatus[]>> = {
  proposed: ['accepted', 'rejected'],
  accepted: ['implemented', 'rejected'],
  implemented: [],
  rejected: [],
};

export const INSIGHT_MOVE_RULE =
  'proposed → accepted → implemented; proposed or accepted → rejected; nothing else. ' +
  'Each move stamps its day (today, or a given day that is not in the future and not before the previous move).';

export function allowedInsightMoves(from: InsightStatus): readonly InsightStatus[] {
  return INSIGHT_MOVES[from];
}

export function isAllowedInsightMove(from: InsightStatus, to: InsightStatus): boolean {
  return INSIGHT_MOVES[from].includes(to);
}

/** The days an insight's moves were stamped (YYYY-MM-DD); null until the move happens. */
export interface InsightStamps {
  proposedAt: string;
  acceptedAt: string | null;
  implementedAt: string | null;
  rejectedAt: string | null;
}

/** The day the insight reached its current status: the earliest day a next move may carry. */
export function lastMoveDay(status: InsightStatus, stamps: InsightStamps): string {
  if (status === 'implemented') return stamps.implementedAt ?? stamps.proposedAt;
  if (status === 'accepted') return stamps.acceptedAt ?? stamps.proposedAt;
  if (status === 'rejected') return stamps.rejectedAt ?? stamps.proposedAt;
  return stamps.proposedAt;
}

/** The stamps after moving to `to` on `day`: the earlier stamps are kept as history. */
export function stampInsightMove(
  stamps: InsightStamps,
  to: InsightStatus,
  day: string,
): InsightStamps {
  if (to === 'accepted') return { ...stamps, acceptedAt: day };
  if (to === 'implemented') return { ...stamps, implementedAt: day };
  if (to === 'rejected') return { ...stamps, rejectedAt: day };
  return stamps;
}
