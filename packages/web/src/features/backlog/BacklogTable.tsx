import { Link } from 'react-router';
import {
  BACKLOG_STATUSES,
  isOpenBacklogStatus,
  type BacklogItem,
  type BacklogStatus,
} from '@sextant/core';
import { useDeleteBacklogItem, useUpdateBacklogItem } from '../../api/backlog';
import { Badge } from '../../components/Badge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, actionsColumn } from '../../components/DataTable';
import { ErrorNotice } from '../../components/Feedback';
import { runPath } from '../runs/run-text';
import { BACKLOG_STATUS_LABELS, BACKLOG_STATUS_TONES, effortText } from './backlog-text';

interface BacklogTableProps {
  projectId: string;
  items: BacklogItem[];
  canEdit: boolean;
  onEdit: (item: BacklogItem) => void;
}

/** The backlog in its order (simplest first); members change an idea's status in place. */
export function BacklogTable({ projectId, items, canEdit, onEdit }: BacklogTableProps) {
  const update = useUpdateBacklogItem(projectId);
  const remove = useDeleteBacklogItem(projectId);
  return (
    <>
      {update.error ? (
        <ErrorNotice error={update.error} title="The status was not changed." />
      ) : null}
      {remove.error ? <ErrorNotice error={remove.error} title="The idea was not removed." /> : null}
      <DataTable
        variant="backlog-table"
        label="Improvement ideas"
        rows={items}
        rowAttributes={(item) => ({
          className: isOpenBacklogStatus(item.status) ? undefined : 'is-muted',
        })}
        columns={[
          {
            header: 'Idea',
            cell: (item, index) => (
              <span className="backlog-idea">
                <span className="backlog-idea__rank" aria-label={`Rank ${index + 1}`}>
                  {index + 1}
                </span>
                <span className="backlog-idea__text">
                  <strong className="backlog-idea__change">{item.proposedChange}</strong>
                  <span className="backlog-idea__seen">Seen: {item.observation}</span>
                  {item.runId ? (
                    <Link className="small" to={runPath(projectId, item.runId)}>
                      From a run
                    </Link>
                  ) : null}
                </span>
              </span>
            ),
          },
          {
            header: 'Effort',
            className: 'nowrap',
            headClassName: null,
            cell: (item) => effortText(item.effort),
          },
          { header: 'Expected impact', cell: (item) => item.expectedImpact },
          {
            header: 'Status',
            cell: (item) =>
              canEdit ? (
                <select
                  aria-label={`Status of “${item.proposedChange}”`}
                  value={item.status}
                  disabled={update.isPending}
                  onChange={(e) =>
                    update.mutate({
                      itemId: item.id,
                      body: { status: e.target.value as BacklogStatus },
                    })
                  }
                >
                  {BACKLOG_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {BACKLOG_STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              ) : (
                <Badge tone={BACKLOG_STATUS_TONES[item.status]}>
                  {BACKLOG_STATUS_LABELS[item.status]}
                </Badge>
              ),
          },
          canEdit &&
            actionsColumn(
              (item: BacklogItem) => (
                <>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => onEdit(item)}
                    aria-label={`Edit “${item.proposedChange}”`}
                  >
                    Edit
                  </button>
                  <ConfirmButton
                    label="Remove"
                    ariaLabel={`Remove “${item.proposedChange}”`}
                    question="Remove this idea?"
                    onConfirm={() => remove.mutate(item.id)}
                    pending={remove.isPending}
                  />
                </>
              ),
              { labelled: false },
            ),
        ]}
      />
    </>
  );
}
