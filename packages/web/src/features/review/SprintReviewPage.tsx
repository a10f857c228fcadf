import { API_BASE } from '../../api/client';
import { useMemo } from 'react';
import { Link, Navigate } from 'react-router';
import {
  formatMetricText,
  perPeriodText,
  formatMoneyShort,
  formatMoneyText,
  type SprintReview,
} from '@sextant/core';
import { useSprintReview } from '../../api/runs';
import { Fact } from '../../components/Fact';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { EmptyState, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { PageHeader, Section } from '../../components/Section';
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatSprintDates,
  formatNumber,
} from '../../lib/format';
import { TopBacklog } from '../backlog/TopBacklog';
import {
  ProjectCrumbs,
  ProjectItemState,
  ProjectItemRoute,
  type ProjectAccess,
} from '../project/ProjectSubpage';
import { runPath, shortFingerprint } from '../runs/run-text';
import { SPRINT_STATE_LABELS, SPRINT_STATE_TONES, sprintPath } from '../sprints/sprint-text';
import { DecisionForm } from './DecisionForm';
import { ReviewChart } from './ReviewChart';
import { FORECAST_LABELS, FORECAST_TONES, reviewPath } from './review-text';
import { MetricValue } from '../../components/MetricValue';

type ReviewPoint = SprintReview['points'][number];

const value = (v: number | null) => (v === null ? null : formatNumber(v));

function chartLabel(review: SprintReview, metricName: string): string {
  const parts = review.points.map(
    (p) =>
      `${p.name}: best CI ${value(p.bestCiValue) ?? 'none'}, baseline ${value(p.baselineValue) ?? 'none'}`,
  );
  const lines = [
    review.threshold === null ? null : `threshold ${formatNumber(review.threshold)}`,
    review.currentProcess
      ? `current process ${review.currentProcess.name} ${formatNumber(review.currentProcess.value)}`
      : null,
  ].filter(Boolean);
  return `${metricName} per sprint. ${parts.join('; ')}${lines.length ? `. Lines: ${lines.join(', ')}` : ''}.`;
}

function Figures({
  projectId,
  review,
  metricName,
}: {
  projectId: string;
  review: SprintReview;
  metricName: string;
}) {
  const meets = (p: ReviewPoint) =>
    p.bestCiValue !== null &&
    review.threshold !== null &&
    (review.metric?.direction === 'decrease'
      ? p.bestCiValue <= review.threshold
      : p.bestCiValue >= review.threshold);
  return (
    <DataTable
      variant="figures"
      label={`${metricName} per sprint`}
      rows={review.points}
      rowKey={(p) => p.sprintId}
      rowAttributes={(p) => ({
        className: p.sprintId === review.sprint.id ? 'is-current' : undefined,
      })}
      columns={[
        {
          header: 'Sprint',
          cell: (p) => (
            <>
              <Link className="table__primary-link" to={reviewPath(projectId, p.sprintId)}>
                {p.name}
              </Link>
              <span className="muted small">{formatDateRange(p.startDate, p.endDate)}</span>
            </>
          ),
        },
        {
          header: 'Best CI run',
          cell: (p) =>
            p.bestCiValue === null ? (
              <span className="muted">No CI run</span>
            ) : p.bestRunId ? (
              <Link to={runPath(projectId, p.bestRunId)}>
                <strong>
                  <MetricValue value={p.bestCiValue} />
                </strong>
              </Link>
            ) : (
              <strong>
                <MetricValue value={p.bestCiValue} />
              </strong>
            ),
        },
        {
          header: 'Baseline',
          cell: (p) => value(p.baselineValue) ?? <span className="muted">None yet</span>,
        },
        {
          header: 'Threshold',
          cell: (p) =>
            review.threshold === null ? (
              '—'
            ) : meets(p) ? (
              <Badge tone="success">Met</Badge>
            ) : (
              <span className="muted">{formatNumber(review.threshold)}</span>
            ),
        },
        {
          header: 'Not comparable',
          cell: (p) =>
            p.notComparableRuns > 0 ? (
              <strong className="rate--low">{p.notComparableRuns}</strong>
            ) : (
              0
            ),
        },
        { header: 'Manual runs', cell: (p) => p.manualRuns },
      ]}
    />
  );
}

function ForecastCard({ review }: { review: SprintReview }) {
  const f = review.forecast;
  return (
    <Section title="Forecast" className="forecast">
      <p className="forecast__status">
        <Badge tone={FORECAST_TONES[f.status]}>{FORECAST_LABELS[f.status]}</Badge>
      </p>
      {f.status === 'in_sight' && f.sprintsNeeded !== null ? (
        <p className="forecast__figure">
          {f.sprintsNeeded} more sprint{f.sprintsNeeded === 1 ? '' : 's'}
        </p>
      ) : f.status === 'not_in_sight' ? (
        <p className="forecast__figure forecast__figure--bad">Not in sight</p>
      ) : null}
      <p>{f.message}</p>
      {f.status === 'reached' && f.pacePerSprint !== null ? (
        <p className="muted small">
          Pace: {f.pacePerSprint > 0 ? '+' : ''}
          {formatNumber(Number(f.pacePerSprint.toPrecision(3)))} per sprint
        </p>
      ) : null}
      {review.money?.atThreshold && review.threshold !== null ? (
        <p className="muted small">
          At the threshold {formatMetricText(review.threshold)}:{' '}
          {formatMoneyText(review.money.atThreshold.perPeriod, review.money.currency)}{' '}
          {perPeriodText(review.money.period)}, about{' '}
          {formatMoneyShort(review.money.atThreshold.perYear, review.money.currency)} a year.
        </p>
      ) : null}
      <p className="rule">{f.method}</p>
    </Section>
  );
}

function GoalCard({ review, projectId }: { review: SprintReview; projectId: string }) {
  const { goal, metric, threshold, baseline, currentProcess } = review;
  return (
    <Section title="Goal and success criterion">
      <dl className="facts">
        <Fact label="Goal">
          {goal ? (
            <>
              {goal.text}
              {goal.target !== null ? (
                <span className="muted"> (target {formatNumber(goal.target)})</span>
              ) : null}
            </>
          ) : (
            <span className="muted">No quantifiable goal yet</span>
          )}
        </Fact>
        <Fact label="Success metric">
          {metric ? (
            <>
              <code>{metric.name}</code>{' '}
              <span className="muted">
                ({metric.direction === 'increase' ? 'higher' : 'lower'} is better)
              </span>
            </>
          ) : (
            <span className="muted">Not set</span>
          )}
        </Fact>
        <Fact label="Threshold">
          {threshold === null ? (
            '—'
          ) : (
            <>
              {metric?.direction === 'decrease' ? '≤' : '≥'} {formatNumber(threshold)}
            </>
          )}
        </Fact>
        <Fact label="Baseline">
          {baseline ? (
            <>
              <Link to={runPath(projectId, baseline.runId)}>{formatNumber(baseline.value)}</Link>{' '}
              <span className="muted small">
                {baseline.reason === 'first_ci_run'
                  ? 'the first CI run'
                  : 'the best CI run at a sprint close'}
                , since {formatDate(baseline.setAt)}
              </span>
            </>
          ) : (
            <span className="muted">None yet: the first CI run sets it</span>
          )}
        </Fact>
        <Fact label="Evaluation">
          {review.evaluationFingerprint ? (
            <code title={review.evaluationFingerprint}>
              {shortFingerprint(review.evaluationFingerprint)}
            </code>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label="Current process">
          {currentProcess ? (
            `${currentProcess.name}: ${formatNumber(currentProcess.value)}`
          ) : (
            <span className="muted">Not stated in the scope</span>
          )}
        </Fact>
      </dl>
    </Section>
  );
}

function ChartSection({
  review,
  projectId,
  canEdit,
}: {
  review: SprintReview;
  projectId: string;
  canEdit: boolean;
}) {
  const metric = review.metric;
  const points = review.points;
  const hasValues = points.some((p) => p.bestCiValue !== null || p.baselineValue !== null);
  const notComparable = points.reduce((sum, p) => sum + p.notComparableRuns, 0);
  const label = useMemo(() => (metric ? chartLabel(review, metric.name) : ''), [review, metric]);

  if (!metric) {
    return (
      <Section title="Success metric per sprint">
        <EmptyState
          title={
            canEdit
              ? 'Set the success criterion to chart this review'
              : 'No success criterion yet to chart this review'
          }
          action={
            canEdit ? (
              <Link to={`/projects/${projectId}#success-criterion`} className="btn btn--primary">
                Go to the success criterion
              </Link>
            ) : null
          }
        >
          <p>The chart shows the metric the sponsor accepts, against its threshold.</p>
        </EmptyState>
      </Section>
    );
  }
  return (
    <Section
      title={`${metric.name} per sprint`}
      description="The best CI run of each sprint under the baseline’s evaluation strategy, the baseline then in force, the threshold and today’s process. Manual runs are never charted."
    >
      {review.comparability ? (
        <Notice tone="warning" title="Not comparable: evaluation strategy changed.">
          <p>
            {notComparable} CI run{notComparable === 1 ? ' was' : 's were'} evaluated under another
            strategy ({review.comparability.otherFingerprints.map(shortFingerprint).join(', ')})
            than the baseline’s ({shortFingerprint(review.comparability.baselineFingerprint)}). They
            are not charted; see them on the <Link to={`/projects/${projectId}/runs`}>Runs</Link>{' '}
            page.
          </p>
        </Notice>
      ) : null}
      {hasValues ? (
        <ReviewChart
          metricName={metric.name}
          points={points}
          threshold={review.threshold}
          currentProcess={review.currentProcess}
          label={label}
        />
      ) : (
        <EmptyState
          title="No CI run in these sprints yet"
          action={
            <Link to={`/projects/${projectId}/runs`} className="btn">
              See runs
            </Link>
          }
        >
          <p>
            The chart fills in as CI posts runs with the project’s CI token (
            <code>sextant run report</code>). Manual runs do not count.
          </p>
        </EmptyState>
      )}
      {review.money ? (
        <p className="review-money" aria-label="In money">
          <strong>In money:</strong> {review.money.text}.
        </p>
      ) : null}
      <details className="figures-details" open>
        <summary>Figures per sprint</summary>
        <Figures projectId={projectId} review={review} metricName={metric.name} />
      </details>
    </Section>
  );
}

/** The sprint report's downloads, in the header: the PDF first, described on hover. */
const REPORT_FORMATS: { extension: string; text: string; title?: string }[] = [
  {
    extension: 'pdf',
    text: 'Report (PDF)',
    title: 'The sprint-demo report: goal, criterion, chart, decision, stories, next ideas',
  },
  { extension: 'html', text: 'HTML' },
  { extension: 'md', text: 'Markdown' },
];

function ReviewContent({ project, canEdit, sprintId }: ProjectAccess & { sprintId: string }) {
  const query = useSprintReview(sprintId);
  const trail = [{ to: `/projects/${project.id}/sprints`, label: 'Sprints' }];

  if (query.isPending || query.isError) {
    return <ProjectItemState query={query} loading="Loading the sprint review…" what="Sprint" />;
  }
  const review = query.data;
  const sprint = review.sprint;
  if (sprint.projectId !== project.id) {
    return <Navigate to={reviewPath(sprint.projectId, sprint.id)} replace />;
  }
  const state = sprint.state as keyof typeof SPRINT_STATE_LABELS;

  return (
    <div className="page page--wide">
      <PageTitle title={`${sprint.name} review · ${project.name}`} />
      <ProjectCrumbs
        project={project}
        trail={[...trail, { to: sprintPath(project.id, sprint.id), label: sprint.name }]}
      />
      <PageHeader
        title={
          <span className="review-title">
            {sprint.name} review{' '}
            {SPRINT_STATE_LABELS[state] ? (
              <Badge tone={SPRINT_STATE_TONES[state]}>{SPRINT_STATE_LABELS[state]}</Badge>
            ) : null}
          </span>
        }
        subtitle={
          <>
            <span>{formatSprintDates(sprint)}</span>
            {sprint.goal ? <span> · {sprint.goal}</span> : null}
          </>
        }
        actions={
          <>
            {REPORT_FORMATS.map(({ extension, text, title }) => (
              <a
                key={extension}
                className="btn"
                href={`${API_BASE}/sprints/${sprint.id}/report.${extension}`}
                target="_blank"
                rel="noreferrer"
                title={title}
              >
                {text}
              </a>
            ))}
            <Link to={sprintPath(project.id, sprint.id)} className="btn">
              Sprint board
            </Link>
          </>
        }
      />
      {review.record ? <RecordNotice record={review.record} /> : null}
      <div className="project-grid review-grid">
        <div className="project-grid__main">
          <ChartSection review={review} projectId={project.id} canEdit={canEdit} />
          <Section
            title="Decision"
            description="What the sponsor decides at the demo, with why. Continue, objectives met or drop."
          >
            <DecisionForm
              projectId={project.id}
              projectName={project.name}
              projectStage={project.stage}
              sprintId={sprint.id}
              decision={review.decision}
              canDecide={canEdit}
            />
          </Section>
          <Section
            title="Delivered in this sprint"
            description={
              sprint.state === 'closed'
                ? 'The stories recorded as delivered at close.'
                : 'Stories done so far; the record is made when the sprint closes.'
            }
          >
            {review.deliveredStories.length === 0 ? (
              <p className="muted">No story delivered{sprint.state === 'closed' ? '' : ' yet'}.</p>
            ) : (
              <ul className="delivered-list">
                {review.deliveredStories.map((story) => (
                  <li key={story.id}>
                    <strong>{story.title}</strong>
                    {story.deliverable ? (
                      <span className="muted small">{story.deliverable}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {review.carriedOverStories.length > 0 ? (
              <>
                <h3 className="review-subheading">Carried over into the next sprint</h3>
                <ul className="delivered-list" aria-label="Carried over">
                  {review.carriedOverStories.map((story) => (
                    <li key={story.id}>{story.title}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </Section>
        </div>
        <aside className="project-grid__side">
          <ForecastCard review={review} />
          <GoalCard review={review} projectId={project.id} />
          <Section title="Next improvement ideas" description="The simplest open ideas first.">
            <TopBacklog projectId={project.id} canEdit={canEdit} />
          </Section>
        </aside>
      </div>
    </div>
  );
}

export function SprintReviewPage() {
  return <ProjectItemRoute content={ReviewContent} param="sprintId" />;
}

/** A closed sprint's review is its record: when it was made, and any audited correction. */
function RecordNotice({ record }: { record: NonNullable<SprintReview['record']> }) {
  return (
    <Notice title={`The record of the close, ${formatDateTime(record.takenAt)}`}>
      <p>
        What the sponsor decided on. Runs and edits after the close do not change it; only an
        audited correction does.
      </p>
      {record.corrections.length > 0 ? (
        <ul>
          {record.corrections.map((c) => (
            <li key={c.at}>
              Correction {formatDateTime(c.at)} by {c.by ?? 'unknown'}: {c.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
