import { Link } from 'react-router';
import type { Sprint } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { DataTable, actionsColumn } from '../../components/DataTable';
import { formatSprintDates } from '../../lib/format';
import { reviewPath } from '../review/review-text';
import {
  SPRINT_STATE_LABELS,
  SPRINT_STATE_TONES,
  STATUS_LABELS,
  lengthText,
  sprintPath,
} from './sprint-text';
import { PrimaryLink } from '../../components/PrimaryLink';

function StoryCounts({ sprint }: { sprint: Sprint }) {
  const { todo, in_progress: inProgress, done } = sprint.storyCounts;
  const total = todo + inProgress + done;
  if (total === 0) return <span className="muted">No stories</span>;
  return (
    <span className="story-counts">
      <span>
        {total} stor{total === 1 ? 'y' : 'ies'}
      </span>
      <span className="muted">
        {todo} {STATUS_LABELS.todo.toLowerCase()} · {inProgress}{' '}
        {STATUS_LABELS.in_progress.toLowerCase()} · {done} {STATUS_LABELS.done.toLowerCase()}
      </span>
    </span>
  );
}

/** The project's sprints in calendar order, each linking to its board. */
export function SprintTable({ projectId, sprints }: { projectId: string; sprints: Sprint[] }) {
  return (
    <DataTable
      variant="sprint-table"
      label="Sprints"
      rows={sprints}
      rowAttributes={(sprint) => ({
        className: sprint.state === 'active' ? 'is-current' : undefined,
      })}
      columns={[
        {
          header: 'Sprint',
          cell: (sprint) => (
            <>
              <PrimaryLink id={`sprint-name-${sprint.id}`} to={sprintPath(projectId, sprint.id)}>
                {sprint.name}
              </PrimaryLink>
              <span className="muted small">#{sprint.number}</span>
              {sprint.goal ? <p className="sprint-table__goal">{sprint.goal}</p> : null}
            </>
          ),
        },
        { header: 'Dates', cell: (sprint) => formatSprintDates(sprint) },
        { header: 'Length', cell: (sprint) => lengthText(sprint.lengthDays) },
        {
          header: 'State',
          cell: (sprint) => (
            <Badge tone={SPRINT_STATE_TONES[sprint.state]}>
              {SPRINT_STATE_LABELS[sprint.state]}
            </Badge>
          ),
        },
        { header: 'Stories', cell: (sprint) => <StoryCounts sprint={sprint} /> },
        actionsColumn(
          (sprint: Sprint) =>
            sprint.state === 'planned' ? null : (
              <Link
                className="btn btn--small"
                to={reviewPath(projectId, sprint.id)}
                aria-describedby={`sprint-name-${sprint.id}`}
              >
                Review
              </Link>
            ),
          { name: 'Review', labelled: false },
        ),
      ]}
    />
  );
}
