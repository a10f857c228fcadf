import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { GoalDirection, Run } from '@sextant/core';
import { useRun } from '../../api/runs';
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
  const rows: { label: string; cell: (run: Run) => ReactNode }[] = [
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
    <table className="table table--stack compare-table" aria-label="Runs compared">
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">Fact</span>
          </th>
          {runs.map((run, index) => (
            <th key={run.id} scope="col">
              {index === 0 ? 'Earlier run' : 'Later run'}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Run</th>
          {runs.map((run, index) => (
            <td key={run.id} data-label={index === 0 ? 'Earlier run' : 'Later run'}>
              <Link to={runPath(projectId, run.id)}>{runName(run)}</Link>
            </td>
          ))}
        </tr>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {runs.map((run, index) => (
              <td key={run.id} data-label={index === 0 ? 'Earlier run' : 'Later run'}>
                {row.cell(run)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MetricsTable({ runs, keyMetric }: { runs: [Run, Run]; keyMetric: string | null }) {
  const [a, b] = runs;
  const names = orderMetricNames([...Object.keys(a.metrics), ...Object.keys(b.metrics)], keyMetric);
  return (
    <table className="table table--stack compare-table" aria-label="Metrics compared">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Earlier run</th>
          <th scope="col">Later run</th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const va = a.metrics[name];
          const vb = b.metrics[name];
          return (
            <tr key={name} className={name === keyMetric ? 'is-key' : undefined}>
              <th scope="row">
                {name}
                {name === keyMetric ? <span className="muted small"> success metric</span> : null}
              </th>
              <td data-label="Earlier run">
                {va === undefined ? '—' : <MetricValue value={va} />}
              </td>
              <td data-label="Later run">{vb === undefined ? '—' : <MetricValue value={vb} />}</td>
              <td data-label="Difference" className="compare-table__diff">
                {va === undefined || vb === undefined ? (
                  <span className="muted">only one run</span>
                ) : (
                  differenceText(va, vb)
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ParamsTable({ runs }: { runs: [Run, Run] }) {
  const [a, b] = runs;
  const names = orderMetricNames([...Object.keys(a.params), ...Object.keys(b.params)], null);
  if (names.length === 0) return <p className="muted">Neither run sent parameters.</p>;
  return (
    <table className="table table--stack compare-table" aria-label="Parameters compared">
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Earlier run</th>
          <th scope="col">Later run</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => {
          const pa = paramText(a.params[name]);
          const pb = paramText(b.params[name]);
          const differs = pa !== pb;
          return (
            <tr key={name} className={differs ? 'is-different' : undefined}>
              <th scope="row">
                {name}
                {differs ? (
                  <span className="badge badge--warning compare-table__differs">differs</span>
                ) : null}
              </th>
              <td data-label="Earlier run">{pa}</td>
              <td data-label="Later run">{pb}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
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
