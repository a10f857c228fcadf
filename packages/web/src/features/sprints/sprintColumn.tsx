import type { ReactNode } from 'react';
import type { Column } from '../../components/DataTable';
import { PrimaryLink } from '../../components/PrimaryLink';
import { sprintPath } from './sprint-text';

/**
 * The column a table of sprints leads with: the sprint's name linking to its board (with the
 * link's `id`, where other cells point at it), `detail` in small muted words, then `more`.
 */
export function sprintColumn<Row extends { id: string; name: string }>(
  projectId: string,
  detail: (sprint: Row) => ReactNode,
  { linkId, more }: { linkId?: (sprint: Row) => string; more?: (sprint: Row) => ReactNode } = {},
): Column<Row> {
  return {
    header: 'Sprint',
    cell: (sprint) => (
      <>
        <PrimaryLink id={linkId?.(sprint)} to={sprintPath(projectId, sprint.id)}>
          {sprint.name}
        </PrimaryLink>
        <span className="muted small">{detail(sprint)}</span>
        {more?.(sprint)}
      </>
    ),
  };
}
