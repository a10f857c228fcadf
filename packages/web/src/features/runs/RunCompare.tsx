import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { GoalDirection, Run } from '@sextant/core';
import { useRun } from '../../api/runs';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNotice, Loading, Notice } from '../../components/Feedback';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { ComparisonStatus, ProvenanceBadge } from './RunBadges';
import {
  differenceText,
  orderMetricNames,
  paramText,
  runName,
  runPath,
  runTime,
  shortCommit,
} from './run-text';
import { MetricValue } from '../../components/MetricValue';

interface RunCompareProps {
  projectId: string;
  runIds: [string, string];
  metric: { name: string; direction: GoalDirection } | null;
  sprintNames: Map<string, string>;
  onClose: () => void;
}

interface Fact {
  label: string;
  cell: (run: Run) => ReactNode;
}

/** Each run's column in a comparison. */
const runLabel = (index: number) => (index === 0 ? 'Earlier run' : 'Later run');

function FactsTable({
  projectId,
  runs,
  metric,
  sprintNames,
}: {
  projectId: string;
  runs: [Run, Run];
  metric: RunCompareProps['metric'];
  sprintNames: Map<string, string>;
}) {
  const rows: Fact[] = [
    {
      label: 'Run',
      cell: (run) => <Link to={runPath(projectId, run.id)}>{runName(run)}</Link>,
    },
    {
      label: 'Provenance',
      cell: (run) => <ProvenanceBadge provenance={run.provenance} />,
    },
    {
      label: 'Finished',
      cell: (run) =>
        run.finishedAt ? (
          formatDateTime(run.finishedAt)
        ) : (
          <span className="muted">not stated (received {formatDateTime(run.createdAt)})</span>
        ),
    },
    { label: 'Commit', cell: (run) => <code title={run.commit}>{shortCommit(run.commit)}</code> },
    { label: 'Branch', cell: (run) => run.branch ?? <span className="muted">—</span> },
    {
      label: 'Dataset version',
      cell: (run) => run.datasetVersion ?? <span className="muted">—</span>,
    },
    {
      label: 'Sprint',
      cell: (run) =>
        run.sprintId ? (
          (sprintNames.get(run.sprintId) ?? 'Sprint')
        ) : (
          <span className="muted">None</span>
        ),
    },
    {
      label: 'Fingerprint',
      cell: (run) =>
        run.evaluationFingerprint ? (
          <code>{run.evaluationFingerprint}</code>
        ) : (
          <span className="muted">unstated</span>
        ),
    },
    {
      label: 'Against the baseline',
      cell: (run) => (
        <ComparisonStatus comparison={run.comparison} direction={metric?.direction ?? null} />
      ),
    },
  ];
  return (
    <DataTable
      className="table table--stack compare-table"
      label="Runs compared"
      rows={rows}
      rowKey={(row) => row.label}
      columns={[
        {
          header: <span className="sr-only">Fact</span>,
          rowHeader: true,
          cell: (row) => row.label,
        },
        ...runs.map((run, index): Column<Fact> => ({
          key: run.id,
          header: runLabel(index),
          cell: (row) => row.cell(run),
        })),
      ]}
    />
  );
}

function MetricsTable({ runs, keyMetric }: { runs: [Run, Run]; keyMetric: string | null }) {
  const [a, b] = runs;
  const names = orderMetricNames([...Object.keys(a.metrics), ...Object.keys(b.metrics)], keyMetric);
  const rows = names.map((name) => ({ name, va: a.metrics[name], vb: b.metrics[name] }));
  return (
    <DataTable
      className="table table--stack compare-table"
      label="Metrics compared"
      rows={rows}
      rowKey={(row) => row.name}
      rowAttributes={(row) => ({ className: row.name === keyMetric ? 'is-key' : undefined })}
      columns={[
        {
          header: 'Metric',
          rowHeader: true,
          cell: ({ name }) => (
            <>
              {name}
              {name === keyMetric ? <span className="muted small"> success metric</span> : null}
            </>
          ),
        },
        {
          header: runLabel(0),
          cell: ({ va }) => (va === undefined ? '—' : <MetricValue value={va} />),
        },
        {
          header: runLabel(1),
          cell: ({ vb }) => (vb === undefined ? '—' : <MetricValue value={vb} />),
        },
        {
          header: 'Difference',
          className: 'compare-table__diff',
          headClassName: null,
          cell: ({ va, vb }) =>
            va === undefined || vb === undefined ? (
              <span className="muted">only one run</span>
            ) : (
              differenceText(va, vb)
            ),
        },
      ]}
    />
  );
}

function ParamsTable({ runs }: { runs: [Run, Run] }) {
  const [a, b] = runs;
  const names = orderMetricNames([...Object.keys(a.params), ...Object.keys(b.params)], null);
  if (names.length === 0) return <p className="muted">Neither run sent parameters.</p>;
  const rows = names.map((name) => {
    const pa = paramText(a.params[name]);
    const pb = paramText(b.params[name]);
    return { name, pa, pb, differs: pa !== pb };
  });
  return (
    <DataTable
      className="table table--stack compare-table"
      label="Parameters compared"
      rows={rows}
      rowKey={(row) => row.name}
      rowAttributes={(row) => ({ className: row.differs ? 'is-different' : undefined })}
      columns={[
        {
          header: 'Parameter',
          rowHeader: true,
          cell: ({ name, differs }) => (
            <>
              {name}
              {differs ? (
                <span className="badge badge--warning compare-table__differs">differs</span>
              ) : null}
            </>
          ),
        },
        { header: runLabel(0), cell: ({ pa }) => pa },
        { header: runLabel(1), cell: ({ pb }) => pb },
      ]}
    />
  );
}

/** Two runs side by side: facts, every metric with the difference, and the parameters. */
export function RunCompare({ projectId, runIds, metric, sprintNames, onClose }: RunCompareProps) {
  const first = useRun(runIds[0]);
  const second = useRun(runIds[1]);
  const close = (
    <button type="button" className="btn btn--small" onClick={onClose}>
      Close comparison
    </button>
  );

  let body: ReactNode;
  if (first.isPending || second.isPending) {
    body = <Loading label="Loading the two runs…" />;
  } else if (first.isError || second.isError) {
    body = (
      <ErrorNotice error={first.error ?? second.error} title="The runs could not be loaded." />
    );
  } else {
    const runs = [first.data, second.data].sort((x, y) => runTime(x).localeCompare(runTime(y))) as [
      Run,
      Run,
    ];
    const [a, b] = runs;
    const fingerprintsDiffer = a.evaluationFingerprint !== b.evaluationFingerprint;
    const manual = runs.filter((r) => r.provenance === 'manual');
    body = (
      <>
        {fingerprintsDiffer ? (
          <Notice tone="warning" title="Not comparable: evaluation strategy changed.">
            <p>
              The earlier run was evaluated under{' '}
              <code>{a.evaluationFingerprint ?? 'an unstated strategy'}</code>, the later one under{' '}
              <code>{b.evaluationFingerprint ?? 'an unstated strategy'}</code>. The differences
              below do not compare like with like.
            </p>
          </Notice>
        ) : null}
        {manual.length > 0 ? (
          <p className="muted small">
            {manual.length === 2
              ? 'Both runs are manual'
              : `The ${manual[0] === a ? 'earlier' : 'later'} run is manual`}
            : shown for reference, never used for baselines, charts or KPIs.
          </p>
        ) : null}
        <FactsTable projectId={projectId} runs={runs} metric={metric} sprintNames={sprintNames} />
        <h3 className="compare__title">Metrics</h3>
        <MetricsTable runs={runs} keyMetric={metric?.name ?? null} />
        <h3 className="compare__title">Parameters</h3>
        <ParamsTable runs={runs} />
      </>
    );
  }

  return (
    <Section
      title="Two runs side by side"
      description="The earlier run on the left; differences are the later run minus the earlier one."
      actions={close}
      className="compare"
    >
      {body}
    </Section>
  );
}
