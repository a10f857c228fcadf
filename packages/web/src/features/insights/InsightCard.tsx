import type { Insight, InsightStatus } from '@sextant/core';
import { useUpdateInsight } from '../../api/insights';
import { errorMessage } from '../../api/errors';
import { Badge } from '../../components/Badge';
import { formatDate, formatMoney } from '../../lib/format';
import { INSIGHT_MOVE_LABELS } from './insight-text';

/** The day of the card's last move, as its column would say it. */
function lastDay(insight: Insight): string {
  if (insight.status === 'implemented') return `Implemented ${formatDate(insight.implementedAt)}`;
  if (insight.status === 'accepted') return `Accepted ${formatDate(insight.acceptedAt)}`;
  if (insight.status === 'rejected') return `Rejected ${formatDate(insight.rejectedAt)}`;
  return `Proposed ${formatDate(insight.proposedAt)}`;
}

/** One insight on the board, with buttons for the moves it may make. */
export function InsightCard({
  insight,
  projectId,
  canEdit,
}: {
  insight: Insight;
  projectId: string;
  canEdit: boolean;
}) {
  const update = useUpdateInsight(projectId);
  const moveTo = (status: InsightStatus) =>
    update.mutate({ insightId: insight.id, body: { status } });
  return (
    <li
      className={`story-card insight-card insight-card--${insight.status}`}
      aria-label={insight.title}
    >
      <p className="story-card__title">{insight.title}</p>
      {insight.description ? (
        <p className="insight-card__description">{insight.description}</p>
      ) : null}
      <div className="story-card__meta">
        <Badge>{insight.businessArea}</Badge>
        <span className="insight-card__value">
          {insight.estimatedValue
            ? formatMoney(insight.estimatedValue.amount, insight.estimatedValue.currency)
            : 'No value estimated'}
        </span>
      </div>
      <p className="insight-card__day">{lastDay(insight)}</p>
      {canEdit && insight.allowedMoves.length > 0 ? (
        <div className="story-card__actions">
          {insight.allowedMoves.map((status) => (
            <button
              key={status}
              type="button"
              className={`btn btn--small ${status === 'rejected' ? 'btn--ghost' : 'btn--primary'}`}
              disabled={update.isPending}
              onClick={() => moveTo(status)}
            >
              {INSIGHT_MOVE_LABELS[status]}
            </button>
          ))}
        </div>
      ) : null}
      {update.error ? <p className="field__error">{errorMessage(update.error)}</p> : null}
    </li>
  );
}
