import { useState } from 'react';
import { Link } from 'react-router';
import { addDays, type ProductionReport } from '@sextant/core';
import { isApiError } from '../../api/errors';
import { useProduction, useReasonToBacklog, type ProductionRange } from '../../api/production';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/form';
import { Section } from '../../components/Section';
import { formatMoney, formatNumber, formatPercent, todayIso } from '../../lib/format';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { DisagreementChart, HitRateChart } from './ProductionCharts';
import { hitRateText } from './production-text';

/** The page opens on the last 90 days. */
const DEFAULT_DAYS = 90;

function Tiles({ report, canEdit }: { report: ProductionReport; canEdit: boolean }) {
  const { totals, threshold, currency } = report;
  const money = (v: number) => (currency ? formatMoney(v, currency) : formatNumber(v));
  const beatsBar = totals.hitRate - totals.bar;
  return (
    <div className="tiles" role="list" aria-label="Production figures">
      <div className="tile" role="listitem">
        <p className="tile__label">Production hit rate@{report.n}</p>
        <p className="tile__value">{hitRateText(totals.hitRate)}</p>
        <p className="tile__detail">
          The bar (longest-unchecked): {hitRateText(totals.bar)} ({beatsBar >= 0 ? '+' : '−'}
          {formatNumber(Math.abs(Math.round(beatsBar * 100) / 100))})
          {threshold !== null ? ` · threshold ${hitRateText(threshold)}` : ''}.{' '}
          {totals.eventsCaught} of {totals.events} events caught over {totals.days} days.
        </p>
      </div>
      <div className="tile" role="listitem">
        <p className="tile__label">Money realized</p>
        <p className="tile__value">
          {totals.realized.net !== null ? money(totals.realized.net) : '—'}
        </p>
        <p className="tile__detail">
          {totals.realized.net !== null
            ? `Operators acted ${totals.realized.acted} times and caught ${totals.realized.eventsCaught} events. Had they followed the model: ${totals.modelNet !== null ? money(totals.modelNet) : '—'}.`
            : canEdit
              ? 'Set the value model (cost of a missed event and of an intervention) on the success criterion.'
              : 'No value model (cost of a missed event and of an intervention) on the success criterion yet.'}
        </p>
      </div>
      <div className="tile" role="listitem">
        <p className="tile__label">Disagreement rate</p>
        <p className="tile__value">{formatPercent(totals.disagreement.rate)}</p>
        <p className="tile__detail">
          Of {totals.disagreement.considered} cases: {totals.disagreement.ignored} of the model’s
          top {report.n} not acted on, {totals.disagreement.overridden} acted on outside it.
        </p>
      </div>
    </div>
  );
}

/** What the parts of the report get: the report, its project, and whether the reader may act. */
interface ReportProps {
  report: ProductionReport;
  projectId: string;
  canEdit: boolean;
}

function ReasonsTable({ report, projectId, canEdit }: ReportProps) {
  const toBacklog = useReasonToBacklog(projectId);
  const [made, setMade] = useState<Record<string, string>>({});
  return (
    <>
      {toBacklog.error ? <ErrorNotice error={toBacklog.error} /> : null}
      <DataTable
        label="Disagreement reasons"
        rows={report.reasons}
        rowKey={(r) => r.reason}
        columns={[
          { header: 'Reason', cell: (r) => r.reason },
          { header: 'Count', className: 'num', cell: (r) => r.count },
          canEdit && {
            header: 'Improvement backlog',
            cell: (r: ProductionReport['reasons'][number]) =>
              made[r.reason] ? (
                <Link to={`/projects/${projectId}/backlog`}>In the backlog</Link>
              ) : (
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={toBacklog.isPending}
                  aria-label={`Make “${r.reason}” a backlog item`}
                  onClick={() =>
                    toBacklog.mutate(
                      { reason: r.reason, from: report.from, to: report.to },
                      {
                        onSuccess: (item) =>
                          setMade((current) => ({ ...current, [r.reason]: item.id })),
                      },
                    )
                  }
                >
                  Make it a backlog item
                </button>
              ),
          },
        ]}
      />
    </>
  );
}

function RangeControls({
  range,
  onChange,
}: {
  range: ProductionRange;
  onChange: (range: ProductionRange) => void;
}) {
  /** One end of the range as a date field's value and change; clearing the field changes nothing. */
  const end = (key: 'from' | 'to') => ({
    value: range[key],
    onChange: (date: string) => date && onChange({ ...range, [key]: date }),
  });
  return (
    <div className="form__row" role="group" aria-label="Range">
      <fieldset className="fieldset fieldset--compact">
        <legend className="field__label">Period</legend>
        <div className="segmented">
          {(['day', 'week'] as const).map((period) => (
            <label
              key={period}
              className={`segmented__option ${range.period === period ? 'is-on' : ''}`}
            >
              <input
                type="radio"
                name="production-period"
                value={period}
                checked={range.period === period}
                onChange={() => onChange({ ...range, period })}
              />
              {period === 'day' ? 'Day' : 'Week'}
            </label>
          ))}
        </div>
      </fieldset>
      <DateField label="From" className="narrow" {...end('from')} max={range.to} />
      <DateField label="To" className="narrow" {...end('to')} min={range.from} />
    </div>
  );
}

function NoPredictions({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  if (!canEdit) {
    return (
      <EmptyState title="No predictions in this range">
        <p>
          The team’s pipeline sends the model’s daily scores, the operators’ decisions and the
          outcomes. None falls in these dates.
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title="No predictions in this range"
      action={
        <a href="/api/docs" className="btn">
          Read the API docs
        </a>
      }
    >
      <p>
        Send the model’s daily scores, the operators’ decisions and the outcomes to{' '}
        <code>POST /api/v1/projects/{projectId}/feedback/predictions</code>,{' '}
        <code>…/feedback/decisions</code> and <code>…/feedback/outcomes</code>: JSON{' '}
        <code>{'{"items": […]}'}</code> for small batches, CSV or NDJSON in bulk. A CI token needs
        the <code>feedback:write</code> scope.
      </p>
    </EmptyState>
  );
}

function ProductionContent({ project, canEdit }: ProjectAccess) {
  const [range, setRange] = useState<ProductionRange>(() => {
    const to = todayIso();
    return { from: addDays(to, -(DEFAULT_DAYS - 1)), to, period: 'day' };
  });
  const query = useProduction(project.id, range);
  const noCriterion = isApiError(query.error) && query.error.status === 422;

  return (
    <div className="page page--wide">
      <ProjectPageHeader
        project={project}
        title="Production"
        subtitle="The model’s hit rate@N in production beside the bar (today’s strategy: check the machines unchecked the longest), the money realized, and where the operators disagree with the model."
      />
      {noCriterion ? (
        <EmptyState
          title="No hit rate@N success criterion"
          action={
            canEdit ? (
              <Link to={`/projects/${project.id}#success-criterion`} className="btn btn--primary">
                Set the success criterion
              </Link>
            ) : null
          }
        >
          <p>
            Production is measured as a hit rate@N: the events caught among the N highest-scored
            items a day, N being how many interventions the team can make.{' '}
            {canEdit
              ? 'Set a hit rate@N criterion on the overview to see this page.'
              : 'This page shows it once the project has a hit rate@N criterion.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <RangeControls range={range} onChange={setRange} />
          {query.isPending ? (
            <Loading label="Loading production figures…" />
          ) : query.isError ? (
            <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
          ) : query.data.periods.length === 0 ? (
            <NoPredictions projectId={project.id} canEdit={canEdit} />
          ) : (
            <ProductionFigures report={query.data} projectId={project.id} canEdit={canEdit} />
          )}
        </>
      )}
    </div>
  );
}

/** The rules behind the figures, in words, as the API states them. */
function Rules({ rules, names }: { rules: Record<string, string>; names: string[] }) {
  return (
    <>
      {names
        .filter((name) => rules[name])
        .map((name) => (
          <p key={name} className="rule">
            {rules[name]}
          </p>
        ))}
    </>
  );
}

function ProductionFigures({ report, projectId, canEdit }: ReportProps) {
  return (
    <>
      <Tiles report={report} canEdit={canEdit} />
      <Section
        title={`Hit rate@${report.n} per ${report.periodKind}`}
        description={`Events caught a day among the model’s top ${report.n} (horizon ${report.horizon}), beside the bar on the same ${report.periodKind}s; the dashed line is the criterion’s threshold.`}
      >
        <HitRateChart report={report} />
        <Rules rules={report.rules} names={['label', 'tie', 'version', 'bar']} />
      </Section>
      <Section
        title="Operator disagreement"
        description="The model ranked it in its top N and the operator did not act, or the reverse."
      >
        <DisagreementChart report={report} />
        <Rules rules={report.rules} names={['disagreement', 'rising']} />
      </Section>
      <Section title="Disagreement reasons" className="card--flush-body">
        {report.reasons.length === 0 ? (
          <p className="muted">The operators gave no reason for a disagreement in this range.</p>
        ) : (
          <ReasonsTable report={report} projectId={projectId} canEdit={canEdit} />
        )}
      </Section>
    </>
  );
}

export function ProductionPage() {
  return <ProjectRoute content={ProductionContent} />;
}
