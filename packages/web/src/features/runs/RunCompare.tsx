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
  name: string;
  cell: (run: Run) => ReactNode;
}

/** A metric's row: its value in each run, `undefined` where a run did not send it. */
interface MetricRow {
  name: string;
  values: (number | undefined)[];
}

/** A parameter's row: its text in each run. */
interface ParamRow {
  name: string;
  texts: string[];
  differs: boolean;
}

/** Each run's column in a comparison. */
const runLabel = (index: number) => (index === 0 ? 'Earlier run' : 'Later run');

/** The column heading each row with its name, then what marks the row out (or nothing). */
function nameColumn<Row extends { name: string }>(
  header: ReactNode,
  mark: (row: Row) => ReactNode = () => null,
): Column<Row> {
  return {
    header,
    rowHeader: true,
    cell: (row) => (
      <>
        {row.name}
        {mark(row)}
      </>
    ),
  };
}

/** The two runs' columns, the earlier first: `cell` fills a row's cell for the run at `index`. */
function runColumns<Row>(cell: (row: Row, index: number) => ReactNode): Column<Row>[] {
  return [0, 1].map((index) => ({ header: runLabel(index), cell: (row) => cell(row, index) }));
}

/** A table of the comparison: one row per fact, metric or parameter, keyed and headed by its name. */
function CompareTable<Row extends { name: string }>({
  label,
  rows,
  rowAttributes,
  columns,
}: {
  label: string;
  rows: Row[];
  rowAttributes?: (row: Row) => { className: string | undefined };
  columns: Column<Row>[];
}) {
  return (
    <DataTable
      variant="compare-table"
      label={label}
      rows={rows}
      rowKey={(row) => row.name}
      rowAttributes={rowAttributes}
      columns={columns}
    />
  );
}

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
      name: 'Run',
      cell: (run) => <Link to={runPath(projectId, run.id)}>{runName(run)}</Link>,
    },
    {
      name: 'Provenance',
      cell: (run) => <ProvenanceBadge provenance={run.provenance} />,
    },
    {
      name: 'Finished',
      cell: (run) =>
        run.finishedAt ? (
          formatDateTime(run.finishedAt)
        ) : (
          <span className="muted">not stated (received {formatDateTime(run.createdAt)})</span>
        ),
    },
    { name: 'Commit', cell: (run) => <code title={run.commit}>{shortCommit(run.commit)}</code> },
    { name: 'Branch', cell: (run) => run.branch ?? <span className="muted">—</span> },
    {
      name: 'Dataset version',
      cell: (run) => run.datasetVersion ?? <span className="muted">—</span>,
    },
    {
      name: 'Sprint',
      cell: (run) =>
        run.sprintId ? (
          (sprintNames.get(run.sprintId) ?? 'Sprint')
        ) : (
          <span className="muted">None</span>
        ),
    },
    {
      name: 'Fingerprint',
      cell: (run) =>
        run.evaluationFingerprint ? (
          <code>{run.evaluationFingerprint}</code>
        ) : (
          <span className="muted">unstated</span>
        ),
    },
    {
      name: 'Against the baseline',
      cell: (run) => (
        <ComparisonStatus comparison={run.comparison} direction={metric?.direction ?? null} />
      ),
    },
  ];
  return (
    <CompareTable
      label="Runs compared"
      rows={rows}
      columns={[
        nameColumn<Fact>(<span className="sr-only">Fact</span>),
        ...runColumns<Fact>((row, index) => row.cell(runs[index === 0 ? 0 : 1])),
      ]}
    />
  );
}

function MetricsTable({ runs, keyMetric }: { runs: [Run, Run]; keyMetric: string | null }) {
  const [a, b] = runs;
  const names = orderMetricNames([...Object.keys(a.metrics), ...Object.keys(b.metrics)], keyMetric);
  const rows = names.map((name): MetricRow => ({
    name,
    values: [a.metrics[name], b.metrics[name]],
  }));
  return (
    <CompareTable
      label="Metrics compared"
      rows={rows}
      rowAttributes={(row) => ({ className: row.name === keyMetric ? 'is-key' : undefined })}
      columns={[
        nameColumn<MetricRow>('Metric', ({ name }) =>
          name === keyMetric ? <span className="muted small"> success metric</span> : null,
        ),
        ...runColumns<MetricRow>(({ values }, index) => {
          const value = values[index];
          return value === undefined ? '—' : <MetricValue value={value} />;
        }),
        {
          header: 'Difference',
          className: 'compare-table__diff',
          headClassName: null,
          cell: ({ values: [va, vb] }) =>
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
  const rows = names.map((name): ParamRow => {
    const texts = [paramText(a.params[name]), paramText(b.params[name])];
    return { name, texts, differs: texts[0] !== texts[1] };
  });
  return (
    <CompareTable
      label="Parameters compared"
      rows={rows}
      rowAttributes={(row) => ({ className: row.differs ? 'is-different' : undefined })}
      columns={[
        nameColumn<ParamRow>('Parameter', ({ differs }) =>
          differs ? (
            <span className="badge badge--warning compare-table__differs">differs</span>
          ) : null,
        ),
        ...runColumns<ParamRow>(({ texts }, index) => texts[index]),
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
