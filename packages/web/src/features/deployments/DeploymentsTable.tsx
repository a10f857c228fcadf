import { Link } from 'react-router';
import { DEPLOYMENT_RUN_RULE, type Deployment } from '@sextant/core';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
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
    <DataTable
      label="Deployments"
      rows={deployments}
      rowAttributes={(d) => ({ id: d.id })}
      columns={[
        { header: 'Version', cell: (d) => <strong>{d.version}</strong> },
        { header: 'Environment', cell: (d) => d.environment },
        {
          header: 'Status',
          cell: (d) => <Badge tone={STATUS_TONES[d.status]}>{STATUS_LABELS[d.status]}</Badge>,
        },
        { header: 'Finished', cell: (d) => formatDateTime(d.finishedAt) },
        { header: 'Commit', cell: (d) => <code>{d.commit ? shortCommit(d.commit) : '—'}</code> },
        {
          header: 'Provenance',
          cell: (d) => (
            <>
              <ProvenanceBadge provenance={d.provenance} />
              {d.ci ? (
                <>
                  {' '}
                  <a href={d.ci.jobUrl} className="small" rel="noreferrer" target="_blank">
                    job {d.ci.jobId}
                  </a>
                </>
              ) : null}
            </>
          ),
        },
        {
          header: 'Run',
          cell: (d) =>
            d.run ? (
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
            ),
        },
      ]}
    />
  );
}
