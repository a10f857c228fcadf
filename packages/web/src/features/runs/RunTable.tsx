import { Link } from 'react-router';
import type { GoalDirection, Run } from '@sextant/core';
import { formatDateTime } from '../../lib/format';
import { sprintPath } from '../sprints/sprint-text';
import { ComparisonStatus, ProvenanceBadge } from './RunBadges';
import {
  orderMetricNames,
  runName,
  runPath,
  runTime,
  shortCommit,
  shortFingerprint,
} from './run-text';
import { DataTable } from '../../components/DataTable';
import { MetricValue } from '../../components/MetricValue';
import { PrimaryLink } from '../../components/PrimaryLink';

/** How many metrics the table shows for a run when the project has no success metric yet. */
const METRICS_SHOWN = 3;

interface RunTableProps {
  projectId: string;
  runs: Run[];
  metric: { name: string; direction: GoalDirection } | null;
  sprintNames: Map<string, string>;
  selected: readonly string[];
  /** Two runs are selected: the others cannot be ticked until one is unticked. */
  selectionFull: boolean;
  onToggle: (runId: string, on: boolean) => void;
}

function MetricCell({ run, metric }: { run: Run; metric: string | null }) {
  if (metric) {
    const value = run.metrics[metric];
    return value === undefined ? (
      <span className="muted">not reported</span>
    ) : (
      <strong className="run-table__value">
        <MetricValue value={value} />
      </strong>
    );
  }
  const names = orderMetricNames(Object.keys(run.metrics), null);
  return (
    <span className="run-table__metrics">
      {names.slice(0, METRICS_SHOWN).map((name) => (
        <span key={name}>
          {name}{' '}
          <strong>
            <MetricValue value={run.metrics[name] ?? 0} />
          </strong>
        </span>
      ))}
      {names.length > METRICS_SHOWN ? (
        <span className="muted small">+{names.length - METRICS_SHOWN} more</span>
      ) : null}
    </span>
  );
}

/** The project's runs: provenance, the success metric, where they came from and how they compare. */
export function RunTable({
  projectId,
  runs,
  metric,
  sprintNames,
  selected,
  selectionFull,
  onToggle,
}: RunTableProps) {
  const metricLabel = metric?.name ?? 'Metrics';
  return (
    <DataTable
      variant="run-table"
      label="Runs"
      rows={runs}
      rowAttributes={(run) => ({
        className: [
          selected.includes(run.id) ? 'is-selected' : '',
          run.comparison.status === 'not_comparable' ? 'is-not-comparable' : '',
          run.provenance === 'manual' ? 'is-manual' : '',
        ]
          .join(' ')
          .trim(),
      })}
      columns={[
        {
          header: 'Run',
          cell: (run) => {
            const isSelected = selected.includes(run.id);
            const time = formatDateTime(runTime(run));
            return (
              <span className="run-table__run">
                <input
                  type="checkbox"
                  checked={isSelected}
                  disabled={!isSelected && selectionFull}
                  onChange={(e) => onToggle(run.id, e.target.checked)}
                  aria-label={`Select run ${runName(run)} of ${time} to compare`}
                />
                <span className="run-table__name">
                  <PrimaryLink to={runPath(projectId, run.id)}>{time}</PrimaryLink>
                  <span className="muted small">
                    {run.ci
                      ? `${run.ci.provider} · job ${run.ci.jobId}`
                      : run.postedBy
                        ? `by ${run.postedBy.name}`
                        : 'posted without CI metadata'}
                  </span>
                </span>
              </span>
            );
          },
        },
        {
          header: 'Provenance',
          cell: (run) => <ProvenanceBadge provenance={run.provenance} />,
        },
        {
          header: metricLabel,
          headClassName: 'run-table__metric-head',
          cell: (run) => <MetricCell run={run} metric={metric?.name ?? null} />,
        },
        {
          header: 'Commit',
          cell: (run) => (
            <span className="run-table__commit">
              <code title={run.commit}>{shortCommit(run.commit)}</code>
              {run.branch ? <span className="muted small">{run.branch}</span> : null}
            </span>
          ),
        },
        {
          header: 'Fingerprint',
          cell: (run) =>
            run.evaluationFingerprint ? (
              <code title={run.evaluationFingerprint}>
                {shortFingerprint(run.evaluationFingerprint)}
              </code>
            ) : (
              <span className="muted">unstated</span>
            ),
        },
        {
          header: 'Sprint',
          cell: (run) =>
            run.sprintId ? (
              <Link to={sprintPath(projectId, run.sprintId)}>
                {sprintNames.get(run.sprintId) ?? 'Sprint'}
              </Link>
            ) : (
              <span className="muted">None</span>
            ),
        },
        {
          header: 'Comparison',
          cell: (run) => (
            <ComparisonStatus comparison={run.comparison} direction={metric?.direction ?? null} />
          ),
        },
      ]}
    />
  );
}
