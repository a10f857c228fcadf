import { Link, Navigate } from 'react-router';
import type { Run } from '@sextant/core';
import { useRun } from '../../api/runs';
import { useSprints } from '../../api/sprints';
import { Fact } from '../../components/Fact';
import { Notice } from '../../components/Feedback';
import { DataTable } from '../../components/DataTable';
import { PageTitle } from '../../components/PageTitle';
import { PageHeader, Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import {
  ProjectCrumbs,
  ProjectItemState,
  ProjectItemRoute,
  type ProjectAccess,
} from '../project/ProjectSubpage';
import { sprintPath } from '../sprints/sprint-text';
import { ComparisonStatus, ProvenanceBadge } from './RunBadges';
import { EvaluationPanel } from './EvaluationPanel';
import {
  MANUAL_EXPLANATION,
  orderMetricNames,
  paramText,
  runName,
  runPath,
  runTimeText,
  strategyText,
  successMetric,
} from './run-text';
import { MetricValue } from '../../components/MetricValue';

function NotComparable({ run }: { run: Run }) {
  const c = run.comparison;
  return (
    <Notice tone="warning" title="Not comparable: evaluation strategy changed.">
      <p>
        This run was evaluated under <code>{c.runFingerprint ?? 'an unstated strategy'}</code>, the
        baseline under <code>{c.baselineFingerprint ?? 'an unstated strategy'}</code>. Its numbers
        are never compared with the baseline, charted against it or used to promote a new one.
      </p>
      {c.runStrategy || c.baselineStrategy ? (
        <dl className="strategies">
          <dt>This run’s strategy</dt>
          <dd title={c.runStrategy ?? undefined}>{strategyText(c.runStrategy)}</dd>
          <dt>The baseline’s strategy</dt>
          <dd title={c.baselineStrategy ?? undefined}>{strategyText(c.baselineStrategy)}</dd>
        </dl>
      ) : null}
    </Notice>
  );
}

function RunContent({ project, canEdit, runId }: ProjectAccess & { runId: string }) {
  const query = useRun(runId);
  const sprints = useSprints(project.id);
  const metric = successMetric(project);
  const trail = [{ to: `/projects/${project.id}/runs`, label: 'Runs' }];

  if (query.isPending || query.isError) {
    return <ProjectItemState query={query} loading="Loading run…" what="Run" />;
  }
  const run = query.data;
  if (run.projectId !== project.id) return <Navigate to={runPath(run.projectId, run.id)} replace />;
  const sprint = sprints.data?.find((s) => s.id === run.sprintId);
  const metricNames = orderMetricNames(Object.keys(run.metrics), metric?.name ?? null);
  const paramNames = orderMetricNames(Object.keys(run.params), null);

  return (
    <div className="page page--wide run-detail">
      <PageTitle title={`Run ${runName(run)} · ${project.name}`} />
      <ProjectCrumbs project={project} trail={trail} />
      <PageHeader
        title={
          <span className="run-title">
            Run {runName(run)} <ProvenanceBadge provenance={run.provenance} />
          </span>
        }
        subtitle={`${runTimeText(run)}${run.finishedAt ? '' : ' · finish not stated'}${sprint ? ` · ${sprint.name}` : ''}`}
        actions={
          canEdit ? (
            <Link to={`/projects/${project.id}/backlog?run=${run.id}`} className="btn">
              Add an improvement idea
            </Link>
          ) : null
        }
      />
      {run.comparison.status === 'not_comparable' ? <NotComparable run={run} /> : null}
      {run.provenance === 'manual' ? (
        <Notice title="Manual run.">{MANUAL_EXPLANATION}</Notice>
      ) : null}
      <div className="project-grid">
        <div className="project-grid__main">
          <Section
            title="Metrics"
            description={
              metric
                ? `The success metric ${metric.name} first.`
                : canEdit
                  ? 'Set the success criterion to say which metric counts.'
                  : 'No success criterion says yet which metric counts.'
            }
            className="card--flush-body"
          >
            <DataTable
              label="Metrics"
              rows={metricNames}
              rowKey={(name) => name}
              rowAttributes={(name) => ({
                className: name === metric?.name ? 'is-key' : undefined,
              })}
              columns={[
                {
                  header: 'Metric',
                  cell: (name) => (
                    <>
                      {name}
                      {name === metric?.name ? (
                        <span className="badge badge--accent compare-table__differs">
                          success metric
                        </span>
                      ) : null}
                    </>
                  ),
                },
                {
                  header: 'Value',
                  className: 'num',
                  headClassName: null,
                  cell: (name) => <MetricValue value={run.metrics[name] ?? 0} />,
                },
              ]}
            />
          </Section>
          <Section title="Parameters" className="card--flush-body">
            {paramNames.length === 0 ? (
              <p className="muted">This run sent no parameters.</p>
            ) : (
              <DataTable
                label="Parameters"
                rows={paramNames}
                rowKey={(name) => name}
                columns={[
                  { header: 'Parameter', cell: (name) => name },
                  { header: 'Value', cell: (name) => paramText(run.params[name]) },
                ]}
              />
            )}
          </Section>
        </div>
        <aside className="project-grid__side">
          <EvaluationPanel
            run={run}
            currency={project.successCriterion?.valueModel?.currency ?? null}
          />
          <Section title="Against the baseline">
            <p>
              <ComparisonStatus comparison={run.comparison} direction={metric?.direction ?? null} />
            </p>
            {run.comparison.status !== 'not_comparable' ? (
              <p className="small">{run.comparison.message}</p>
            ) : null}
          </Section>
          <Section title="Where it came from">
            <dl className="facts">
              <Fact label="Commit">
                <code className="code">{run.commit}</code>
              </Fact>
              <Fact label="Branch">{run.branch ?? '—'}</Fact>
              <Fact label="Dataset">{run.datasetVersion ?? '—'}</Fact>
              <Fact label="Fingerprint">
                {run.evaluationFingerprint ? (
                  <code className="code">{run.evaluationFingerprint}</code>
                ) : (
                  'unstated'
                )}
              </Fact>
              {run.evaluationStrategy ? (
                <Fact label="Strategy">
                  <span title={run.evaluationStrategy}>{strategyText(run.evaluationStrategy)}</span>
                </Fact>
              ) : null}
              <Fact label="Sprint">
                {run.sprintId ? (
                  <Link to={sprintPath(project.id, run.sprintId)}>{sprint?.name ?? 'Sprint'}</Link>
                ) : (
                  'None'
                )}
                {run.sprintNote ? <div className="muted small">{run.sprintNote}</div> : null}
              </Fact>
              <Fact label="Started">
                {run.startedAt ? formatDateTime(run.startedAt) : 'not stated'}
              </Fact>
              <Fact label="Finished">
                {run.finishedAt ? formatDateTime(run.finishedAt) : 'not stated'}
              </Fact>
              <Fact label="Received">{formatDateTime(run.createdAt)}</Fact>
              {run.ci ? (
                <Fact label="CI job">
                  <a href={run.ci.jobUrl} target="_blank" rel="noreferrer noopener">
                    {run.ci.provider} job {run.ci.jobId}
                  </a>
                </Fact>
              ) : null}
              <Fact label="Posted by">
                {run.postedBy ? run.postedBy.name : run.ci ? 'CI token' : '—'}
              </Fact>
            </dl>
          </Section>
        </aside>
      </div>
    </div>
  );
}

export function RunDetailPage() {
  return <ProjectItemRoute content={RunContent} param="runId" />;
}
