import { Link } from 'react-router';
import { topOpenBacklog } from '@sextant/core';
import { useBacklog } from '../../api/backlog';
import { Badge } from '../../components/Badge';
import { ErrorNotice, Loading } from '../../components/Feedback';
import {
  BACKLOG_STATUS_LABELS,
  BACKLOG_STATUS_TONES,
  backlogPath,
  effortText,
} from './backlog-text';

/** How many ideas the review shows: the next steps, not the whole backlog. */
const SHOWN = 5;

/** The simplest open improvement ideas, for the review's "what next". */
export function TopBacklog({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const backlog = useBacklog(projectId);
  if (backlog.isPending) return <Loading label="Loading the backlog…" />;
  if (backlog.isError) {
    return <ErrorNotice error={backlog.error} onRetry={() => void backlog.refetch()} />;
  }
  const top = topOpenBacklog(backlog.data.items, SHOWN);
  const open = topOpenBacklog(backlog.data.items, Number.MAX_SAFE_INTEGER).length;
  return (
    <div className="top-backlog">
      {top.length === 0 ? (
        <p className="muted">
          {canEdit
            ? 'No open idea yet. Look at the largest errors of the best run and write down what they share and what would fix it.'
            : 'No open idea yet.'}
        </p>
      ) : (
        <ol className="top-backlog__list" aria-label="Simplest open ideas">
          {top.map((item) => (
            <li key={item.id} className="top-backlog__item">
              <span className="top-backlog__change">{item.proposedChange}</span>
              <span className="top-backlog__meta">
                <span>{effortText(item.effort)}</span>
                <span>{item.expectedImpact}</span>
                {item.status !== 'idea' ? (
                  <Badge tone={BACKLOG_STATUS_TONES[item.status]}>
                    {BACKLOG_STATUS_LABELS[item.status]}
                  </Badge>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="top-backlog__links">
        <Link to={backlogPath(projectId)}>
          {open > SHOWN ? `All ${open} open ideas` : 'Open the backlog'}
        </Link>
        {canEdit ? <Link to={`${backlogPath(projectId)}?new=1`}>Add an idea</Link> : null}
      </p>
    </div>
  );
}
