import { Link } from 'react-router';
import { DEPLOYMENT_RUN_RULE, type Deployment } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { formatDateTime } from '../../lib/format';
import { ProvenanceBadge } from '../runs/RunBadges';
import { PROVENANCE_LABELS, runPath, shortCommit } from '../runs/run-text';
import { STATUS_LABELS, STATUS_TONES } from './deployment-text';

/** The project's deployments, newest first: what went where, how it ended and who sent it. */
export function DeploymentsTable({
  projectId,
  deployments,
}: {
  projectId: string;
  deployments: Deployment[];
}) {
  return (
    <table className="table table--stack" aria-label="Deployments">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Environment</th>
          <th scope="col">Status</th>
          <th scope="col">Finished</th>
          <th scope="col">Commit</th>
          <th scope="col">Provenance</th>
          <th scope="col">Run</th>
        </tr>
      </thead>
      <tbody>
        {deployments.map((d) => (
          <tr key={d.id} id={d.id}>
            <td data-label="Version">
              <strong>{d.version}</strong>
            </td>
            <td data-label="Environment">{d.environment}</td>
            <td data-label="Status">
              <Badge tone={STATUS_TONES[d.status]}>{STATUS_LABELS[d.status]}</Badge>
            </td>
            <td data-label="Finished">{formatDateTime(d.finishedAt)}</td>
            <td data-label="Commit">
              <code>{d.commit ? shortCommit(d.commit) : '—'}</code>
            </td>
            <td data-label="Provenance">
              <ProvenanceBadge provenance={d.provenance} />
              {d.ci ? (
                <>
                  {' '}
                  <a href={d.ci.jobUrl} className="small" rel="noreferrer" target="_blank">
                    job {d.ci.jobId}
                  </a>
                </>
              ) : null}
            </td>
            <td data-label="Run">
              {d.run ? (
                <>
                  <Link to={runPath(projectId, d.run.id)}>
                    Run {shortCommit(d.run.commit)} ({PROVENANCE_LABELS[d.run.provenance]})
                  </Link>
                  {d.run.linkedBy === 'commit' ? (
                    <span className="muted small" title={DEPLOYMENT_RUN_RULE}>
                      {' '}
                      by its commit
                    </span>
                  ) : null}
                </>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
