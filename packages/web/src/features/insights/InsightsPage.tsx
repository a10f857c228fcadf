import { useState } from 'react';
import { INSIGHT_STATUSES, type InsightPage } from '@sextant/core';
import { useInsights } from '../../api/insights';
import { useRoi } from '../../api/ledger';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { BoardColumn } from '../../components/BoardColumn';
import { Section } from '../../components/Section';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { InsightCard } from './InsightCard';
import { InsightForm } from './InsightForm';
import { INSIGHT_STATUS_LABELS, moneyList } from './insight-text';

function Tiles({ kpis }: { kpis: InsightPage['kpis'] }) {
  const quarter = kpis.quarters.find((q) => q.period === kpis.thisQuarter);
  const previous = kpis.quarters.at(-2);
  return (
    <div className="tiles" role="list" aria-label="Insight figures">
      <div className="tile" role="listitem">
        <p className="tile__label">Delivered this quarter</p>
        <p className="tile__value">{kpis.deliveredThisQuarter}</p>
        <p className="tile__detail">
          {kpis.thisQuarter}
          {previous && previous.period !== kpis.thisQuarter
            ? ` · ${previous.delivered} in ${previous.period}`
            : ''}
        </p>
      </div>
      <div className="tile" role="listitem">
        <p className="tile__label">Value delivered this quarter</p>
        <p className="tile__value">{moneyList(kpis.valueThisQuarter)}</p>
        <p className="tile__detail">Estimated value of the insights accepted</p>
      </div>
      <div className="tile" role="listitem">
        <p className="tile__label">Implemented this quarter</p>
        <p className="tile__value">{quarter?.implemented ?? 0}</p>
        <p className="tile__detail">Put into practice by the business</p>
      </div>
    </div>
  );
}

function PeriodTable({
  periods,
  label,
}: {
  periods: InsightPage['kpis']['months'];
  label: 'Month' | 'Quarter';
}) {
  const rows = [...periods].reverse().slice(0, 12);
  return (
    <DataTable
      className="table"
      label={`Insights per ${label.toLowerCase()}`}
      rows={rows}
      rowKey={(m) => m.period}
      columns={[
        { header: label, label: null, cell: (m) => m.period },
        { header: 'Delivered', label: null, cell: (m) => m.delivered },
        { header: 'Implemented', label: null, cell: (m) => m.implemented },
        { header: 'Estimated value', label: null, cell: (m) => moneyList(m.value) },
      ]}
    />
  );
}

function InsightsContent({ project, canEdit }: ProjectAccess) {
  const insights = useInsights(project.id);
  const roi = useRoi(project.id);
  const [adding, setAdding] = useState(false);

  return (
    <div className="page page--wide">
      <ProjectPageHeader
        project={project}
        title="Insights"
        subtitle="Actionable business recommendations from the project's analysis: proposed, accepted by the business, then implemented. How many the project delivers per month and quarter is the measure of the value it gives."
        action={
          canEdit && !adding && { label: 'Propose an insight', onClick: () => setAdding(true) }
        }
        readOnly={
          !canEdit && { title: 'You can view these insights.', what: 'its insights are read-only' }
        }
      />
      {adding ? (
        <div className="card card--padded">
          <InsightForm
            projectId={project.id}
            defaultCurrency={roi.data?.currency ?? 'EUR'}
            onDone={() => setAdding(false)}
          />
        </div>
      ) : null}
      {insights.isPending ? (
        <Loading label="Loading the insights…" />
      ) : insights.isError ? (
        <ErrorNotice error={insights.error} onRetry={() => void insights.refetch()} />
      ) : (
        <>
          <Tiles kpis={insights.data.kpis} />
          {insights.data.items.length === 0 ? (
            <EmptyState title="No insights yet">
              <p>
                An insight is a recommendation the business can act on: reorder stock earlier, send
                the crew to the riskiest machines first, call the customers most likely to leave.
                {canEdit
                  ? ' Propose one as soon as the analysis shows it.'
                  : ' The team proposes them as the analysis shows them; none is proposed yet.'}
              </p>
            </EmptyState>
          ) : null}
          <div className="board board--insights" aria-label="Insights board">
            {INSIGHT_STATUSES.map((status) => {
              const cards = insights.data.items.filter((i) => i.status === status);
              return (
                <BoardColumn
                  key={status}
                  title={INSIGHT_STATUS_LABELS[status]}
                  count={cards.length}
                  noun="insights"
                  empty="No insights"
                >
                  {cards.map((insight) => (
                    <InsightCard
                      key={insight.id}
                      insight={insight}
                      projectId={project.id}
                      canEdit={canEdit}
                    />
                  ))}
                </BoardColumn>
              );
            })}
          </div>
          <div className="insight-periods">
            <Section title="Per quarter" className="card--flush-body">
              <PeriodTable periods={insights.data.kpis.quarters} label="Quarter" />
            </Section>
            <Section title="Per month" className="card--flush-body">
              <PeriodTable periods={insights.data.kpis.months} label="Month" />
            </Section>
          </div>
          <p className="rule">
            {insights.data.kpis.rules.delivered} {insights.data.kpis.rules.value}
          </p>
        </>
      )}
    </div>
  );
}

export function InsightsPage() {
  return <ProjectRoute content={InsightsContent} />;
}
