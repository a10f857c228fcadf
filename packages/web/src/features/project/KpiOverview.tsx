import { useId } from 'react';
import { useProjectKpis } from '../../api/kpis';
import { ErrorNotice, Loading } from '../../components/Feedback';
import { HealthBadge } from '../../components/HealthBadge';
import { AlertsPanel } from './AlertsPanel';
import { KpiTiles } from './KpiTiles';

/** The overview's top: the project's health with its reasons, the KPI tiles and the open alerts. */
export function KpiOverview({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const titleId = useId();
  const kpis = useProjectKpis(projectId);
  return (
    <section className="kpi-overview" aria-labelledby={titleId}>
      <header className="kpi-overview__header">
        <h2 id={titleId} className="kpi-overview__title">
          Health and KPIs
        </h2>
        {kpis.data ? (
          <HealthBadge health={kpis.data.health.health} reasons={kpis.data.health.reasons} />
        ) : null}
      </header>
      {kpis.isPending ? (
        <Loading label="Loading KPIs…" />
      ) : !kpis.data ? (
        <ErrorNotice error={kpis.error} onRetry={() => void kpis.refetch()} />
      ) : (
        <>
          <p className="rule">{kpis.data.health.rule}</p>
          <KpiTiles kpis={kpis.data} />
          <AlertsPanel alerts={kpis.data.alerts} canEdit={canEdit} />
        </>
      )}
    </section>
  );
}
