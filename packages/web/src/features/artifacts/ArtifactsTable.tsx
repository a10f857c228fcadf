import { Link } from 'react-router';
import { ARTIFACT_KIND_LABELS, type Artifact } from '@sextant/core';
import { Badge } from '../../components/Badge';

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
      <table className="table table--stack artifact-table" aria-label="Artifacts">
        <thead>
          <tr>
            <th scope="col">Artifact</th>
            <th scope="col">Kind</th>
            <th scope="col">Produced by</th>
            <th scope="col">Reuses</th>
            {canReuse ? (
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((artifact) => (
            <tr key={artifact.id} data-artifact={artifact.name}>
              <td data-label="Artifact">
                <div className="artifact-name">
                  <strong>{artifact.name}</strong>
                  <span className="small muted">{artifact.description}</span>
                  {artifact.link ? (
                    <a className="small" href={artifact.link} target="_blank" rel="noreferrer">
                      {artifact.link}
                    </a>
                  ) : null}
                </div>
              </td>
              <td data-label="Kind" className="nowrap">
                <Badge tone="accent">{ARTIFACT_KIND_LABELS[artifact.kind]}</Badge>
              </td>
              <td data-label="Produced by">
                {artifact.producedBy.visible ? (
                  <Link to={`/projects/${artifact.producedBy.projectId}`}>
                    {artifact.producedBy.projectName}
                  </Link>
                ) : (
                  <span className="muted">another team</span>
                )}
              </td>
              <td data-label="Reuses">
                <ReuseCell artifact={artifact} />
              </td>
              {canReuse ? (
                <td className="table__actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => onReuse(artifact)}
                    aria-label={`Record a reuse of ${artifact.name}`}
                  >
                    Record reuse
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
