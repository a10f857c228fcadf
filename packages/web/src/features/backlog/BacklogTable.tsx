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
      <table className="table table--stack backlog-table" aria-label="Improvement ideas">
        <thead>
          <tr>
            <th scope="col">Idea</th>
            <th scope="col">Effort</th>
            <th scope="col">Expected impact</th>
            <th scope="col">Status</th>
            {canEdit ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={item.id} className={isOpenBacklogStatus(item.status) ? undefined : 'is-muted'}>
              <td data-label="Idea">
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
              </td>
              <td data-label="Effort" className="nowrap">
                {effortText(item.effort)}
              </td>
              <td data-label="Expected impact">{item.expectedImpact}</td>
              <td data-label="Status">
                {canEdit ? (
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
                )}
              </td>
              {canEdit ? (
                <td className="table__actions">
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
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
