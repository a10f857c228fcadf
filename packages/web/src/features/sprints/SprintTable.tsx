import { Link } from 'react-router';
import type { Sprint } from '@sextant/core';
import { DataTable, actionsColumn, type Column } from '../../components/DataTable';
import { formatSprintDates } from '../../lib/format';
import { reviewPath } from '../review/review-text';
import { STATUS_LABELS, lengthText } from './sprint-text';
import { SprintStateBadge } from './SprintStateBadge';
import { sprintColumn } from './sprintColumn';

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

/** The sprints' columns: each sprint links to its board, and a closed or active one to its review. */
function sprintColumns(projectId: string): Column<Sprint>[] {
  return [
    sprintColumn(projectId, (sprint) => <>#{sprint.number}</>, {
      linkId: (sprint) => `sprint-name-${sprint.id}`,
      more: (sprint) => (sprint.goal ? <p className="sprint-table__goal">{sprint.goal}</p> : null),
    }),
    { header: 'Dates', cell: (sprint) => formatSprintDates(sprint) },
    { header: 'Length', cell: (sprint) => lengthText(sprint.lengthDays) },
    { header: 'State', cell: (sprint) => <SprintStateBadge state={sprint.state} /> },
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
  ];
}

/** The active sprint's row is marked. */
const currentSprint = (sprint: Sprint) => ({
  className: sprint.state === 'active' ? 'is-current' : undefined,
});

/** The project's sprints in calendar order, each linking to its board. */
export function SprintTable({ projectId, sprints }: { projectId: string; sprints: Sprint[] }) {
  return (
    <DataTable
      variant="sprint-table"
      label="Sprints"
      rows={sprints}
      rowAttributes={currentSprint}
      columns={sprintColumns(projectId)}
    />
  );
}
