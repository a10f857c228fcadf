import { useMemo } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { type SponsorView, type SprintReview } from '@sextant/core';
import { apiHref, useSponsorView } from '../../api/sponsor-links';
import { Badge } from '../../components/Badge';
import { Fact } from '../../components/Fact';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { Logo } from '../../components/Logo';
import { PageTitle } from '../../components/PageTitle';
import { Section } from '../../components/Section';
import { formatDate, formatMoney, formatNumber, formatPercent, formatRoi } from '../../lib/format';
import { RISK_LEVEL_LABELS, levelTone } from '../project/risk-text';
import { ReviewChart } from '../review/ReviewChart';
import {
  DECISION_LABELS,
  DECISION_TONES,
  FORECAST_LABELS,
  FORECAST_TONES,
} from '../review/review-text';

function Goals({ view }: { view: SponsorView }) {
  return (
    <Section title="The business goal">
      {view.goals.length === 0 ? (
        <p className="muted">No business goal has been set yet.</p>
      ) : (
        <ul className="sponsor__list">
          {view.goals.map((goal) => (
            <li key={goal.id}>
              <strong>{goal.statement}</strong>
              <p className="muted">
                {goal.metric}: from {formatNumber(goal.baseline)} to {formatNumber(goal.target)}{' '}
                {goal.unit} by {formatDate(goal.deadline)}
              </p>
              <p>
                {goal.progress.progress !== null ? (
                  <strong>{formatPercent(goal.progress.progress)} of the way. </strong>
                ) : null}
                {goal.progress.message}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Review({ review }: { review: SprintReview }) {
  const metric = review.metric;
  const label = useMemo(
    () =>
      metric
        ? `${metric.name} per sprint: ${review.points
            .map(
              (p) => `${p.name} ${p.bestCiValue === null ? 'none' : formatNumber(p.bestCiValue)}`,
            )
            .join('; ')}`
        : '',
    [metric, review.points],
  );
  const decision = review.decision;
  return (
    <Section title={`Latest sprint review: ${review.sprint.name}`}>
      {metric && review.points.some((p) => p.bestCiValue !== null || p.baselineValue !== null) ? (
        <ReviewChart
          metricName={metric.name}
          points={review.points}
          threshold={review.threshold}
          currentProcess={review.currentProcess}
          label={label}
        />
      ) : (
        <p className="muted">No model result to chart yet.</p>
      )}
      <dl className="facts">
        <Fact label="Against today’s process">
          {review.money ? review.money.text : 'Not stated in money yet.'}
        </Fact>
        <Fact label="Forecast">
          <Badge tone={FORECAST_TONES[review.forecast.status]}>
            {FORECAST_LABELS[review.forecast.status]}
          </Badge>{' '}
          {review.forecast.message}
        </Fact>
        <Fact label="Decision">
          {decision ? (
            <>
              <Badge tone={DECISION_TONES[decision.decision]}>
                {DECISION_LABELS[decision.decision]}
              </Badge>{' '}
              {decision.rationale}{' '}
              <span className="muted small">
                ({decision.decidedBy?.name ?? 'someone'}, {formatDate(decision.decidedAt)})
              </span>
            </>
          ) : (
            'Due at this review: not taken yet.'
          )}
        </Fact>
      </dl>
    </Section>
  );
}

function Roi({ roi }: { roi: SponsorView['roi'] }) {
  if (!roi.currency) {
    return (
      <Section title="Return on investment">
        <p className="muted">No costs or returns recorded yet.</p>
      </Section>
    );
  }
  return (
    <Section title="Return on investment">
      <dl className="facts">
        <Fact label="Spent">{formatMoney(roi.costs, roi.currency)}</Fact>
        <Fact label="Returned">{formatMoney(roi.realizedReturns, roi.currency)}</Fact>
        <Fact label="Return on investment">
          <strong>{formatRoi(roi.roi)}</strong>{' '}
          <span className="muted small">
            ({formatRoi(roi.roiWithEstimates)} counting expected returns)
          </span>
        </Fact>
        <Fact label="Break-even">
          {roi.breakEven.status === 'reached'
            ? `Reached${roi.breakEven.date ? ` on ${formatDate(roi.breakEven.date)}` : ''}`
            : roi.breakEven.month
              ? `Expected around ${roi.breakEven.month}`
              : (roi.breakEven.reason ?? 'Not in sight yet')}
        </Fact>
      </dl>
    </Section>
  );
}

function Risks({ risks }: { risks: SponsorView['risks'] }) {
  return (
    <Section title="Open risks">
      {risks.length === 0 ? (
        <p className="muted">No open risks.</p>
      ) : (
        <ul className="sponsor__list">
          {risks.map((risk) => (
            <li key={risk.id}>
              <strong>{risk.description}</strong>{' '}
              <Badge tone={levelTone(risk.impact)}>{RISK_LEVEL_LABELS[risk.impact]} impact</Badge>
              {risk.mitigation ? <p className="muted">What is done: {risk.mitigation}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** What a sponsor link opens: one project's progress for a reader without an account. */
export function SponsorPage() {
  const { token = '' } = useParams();
  const view = useSponsorView(token);
  const gone = isApiError(view.error) && view.error.status === 404;

  return (
    <main className="sponsor">
      <PageTitle title={view.data ? view.data.project.name : 'Sponsor view'} />
      <header className="sponsor__header">
        <Logo size={32} />
        <div>
          <h1 className="sponsor__title">{view.data ? view.data.project.name : 'Sextant'}</h1>
          {view.data ? (
            <p className="muted">
              Prepared for {view.data.linkName}. This page is read-only; the link works until{' '}
              {formatDate(view.data.expiresAt)}.
            </p>
          ) : null}
        </div>
      </header>
      {view.isPending ? (
        <Loading label="Opening the sponsor view…" />
      ) : gone ? (
        <div className="notice notice--warning" role="alert">
          <strong className="notice__title">This link is no longer valid</strong>
          <p>It was revoked or it has expired. Ask the project team for a new link.</p>
        </div>
      ) : view.isError ? (
        <ErrorNotice error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <div className="sponsor__body">
          <Goals view={view.data} />
          {view.data.review ? (
            <Review review={view.data.review} />
          ) : (
            <Section title="Latest sprint review">
              <p className="muted">No sprint has been reviewed yet.</p>
            </Section>
          )}
          {view.data.reportPath ? (
            <p>
              <a className="btn btn--primary" href={apiHref(view.data.reportPath)}>
                Download the report (PDF)
              </a>
            </p>
          ) : null}
          <Roi roi={view.data.roi} />
          <Risks risks={view.data.risks} />
        </div>
      )}
    </main>
  );
}
