import { Link } from 'react-router';
import { ARTIFACT_KIND_LABELS, type Artifact } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { DataTable, actionsColumn } from '../../components/DataTable';

interface ArtifactsTableProps {
  items: Artifact[];
  /** Whether the caller has a project that could record a reuse. */
  canReuse: boolean;
  onReuse: (artifact: Artifact) => void;
}

function ReuseCell({ artifact }: { artifact: Artifact }) {
  const projects = [...new Set(artifact.reuses.map((r) => r.projectName))];
  return (
    <div className="artifact-reuses">
      <strong className="artifact-reuses__count" data-testid="reuse-count">
        {artifact.reuseCount}
      </strong>
      {projects.length > 0 ? <span className="small muted">by {projects.join(', ')}</span> : null}
      {artifact.hiddenReuses > 0 ? (
        <span className="small muted">+ {artifact.hiddenReuses} by other teams (not named)</span>
      ) : null}
    </div>
  );
}

/** The catalogue: name and description, kind, producing project, reuses. */
export function ArtifactsTable({ items, canReuse, onReuse }: ArtifactsTableProps) {
  return (
    <div className="artifact-table-wrap">
      <DataTable
        variant="artifact-table"
        label="Artifacts"
        rows={items}
        rowAttributes={(artifact) => ({ 'data-artifact': artifact.name })}
        columns={[
          {
            header: 'Artifact',
            cell: (artifact) => (
              <div className="artifact-name">
                <strong>{artifact.name}</strong>
                <span className="small muted">{artifact.description}</span>
                {artifact.link ? (
                  <a className="small" href={artifact.link} target="_blank" rel="noreferrer">
                    {artifact.link}
                  </a>
                ) : null}
              </div>
            ),
          },
          {
            header: 'Kind',
            className: 'nowrap',
            headClassName: null,
            cell: (artifact) => <Badge tone="accent">{ARTIFACT_KIND_LABELS[artifact.kind]}</Badge>,
          },
          {
            header: 'Produced by',
            cell: (artifact) =>
              artifact.producedBy.visible ? (
                <Link to={`/projects/${artifact.producedBy.projectId}`}>
                  {artifact.producedBy.projectName}
                </Link>
              ) : (
                <span className="muted">another team</span>
              ),
          },
          { header: 'Reuses', cell: (artifact) => <ReuseCell artifact={artifact} /> },
          canReuse &&
            actionsColumn(
              (artifact: Artifact) => (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => onReuse(artifact)}
                  aria-label={`Record a reuse of ${artifact.name}`}
                >
                  Record reuse
                </button>
              ),
              { labelled: false },
            ),
        ]}
      />
    </div>
  );
}
