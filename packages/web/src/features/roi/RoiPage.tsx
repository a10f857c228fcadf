import { useState, type ComponentProps } from 'react';
import type { LedgerCategory, LedgerEntry, RoiResponse } from '@sextant/core';
import { useLedger } from '../../api/ledger';
import { Badge } from '../../components/Badge';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/Feedback';
import { ListState } from '../../components/ListState';
import { Section } from '../../components/Section';
import { formatDate, formatMoney, formatNumber, formatRoi } from '../../lib/format';
import { ProjectPageHeader, ProjectRoute, type ProjectAccess } from '../project/ProjectSubpage';
import { LedgerForm } from './LedgerForm';
import { RoiChart } from './RoiChart';
import { CATEGORY_LABELS } from './roi-text';

function breakEvenText(roi: RoiResponse): string {
  const { breakEven } = roi;
  if (breakEven.status === 'reached') return `Reached in ${breakEven.month}`;
  if (breakEven.status === 'projected') return `Projected for ${breakEven.month}`;
  return 'Not in sight';
}

function Tiles({ roi }: { roi: RoiResponse }) {
  const money = (v: number) => (roi.currency ? formatMoney(v, roi.currency) : formatNumber(v));
  return (
    <div className="tiles" role="list" aria-label="ROI figures">
      <div className="tile" role="listitem">
        <p className="tile__label">ROI (realized)</p>
        <p className="tile__value">{formatRoi(roi.roi)}</p>
        <p className="tile__detail">
          {money(roi.realizedReturns)} returned for {money(roi.costs)} spent
        </p>
      </div>
      <div className="tile" role="listitem">
        <p className="tile__label">ROI with estimates</p>
        <p className="tile__value">{formatRoi(roi.roiWithEstimates)}</p>
        <p className="tile__detail">Adds {money(roi.estimatedReturns)} of estimated returns</p>
      </div>
      <div className="tile" role="listitem">
        <p className="tile__label">Break-even</p>
        <p className="tile__value">{breakEvenText(roi)}</p>
        <p className="tile__detail">
          {roi.breakEven.reason ??
            (roi.breakEven.date ? `By ${formatDate(roi.breakEven.date)}` : '')}
        </p>
      </div>
    </div>
  );
}

/** A ledger column of one badge: its tone and words for the entry. */
function badgeColumn(
  header: string,
  badge: (entry: LedgerEntry) => [ComponentProps<typeof Badge>['tone'], string],
): Column<LedgerEntry> {
  return {
    header,
    cell: (entry) => {
      const [tone, text] = badge(entry);
      return <Badge tone={tone}>{text}</Badge>;
    },
  };
}

function LedgerTable({ entries }: { entries: LedgerEntry[] }) {
  return (
    <DataTable
      label="Ledger entries"
      rows={entries}
      columns={[
        { header: 'Date', cell: (e) => formatDate(e.date) },
        badgeColumn('Kind', (e) =>
          e.kind === 'cost' ? ['danger', 'Cost'] : ['success', 'Return'],
        ),
        {
          header: 'Category',
          cell: (e) => (
            <>
              {CATEGORY_LABELS[e.category as LedgerCategory] ?? e.category}
              {e.peopleDays !== null && e.dayRate !== null
                ? ` · ${formatNumber(e.peopleDays)} days × ${formatMoney(e.dayRate, e.currency)}`
                : ''}
            </>
          ),
        },
        badgeColumn('Status', (e) =>
          e.status === 'realized' ? ['accent', 'Realized'] : ['neutral', 'Estimated'],
        ),
        {
          header: 'Amount',
          className: 'ledger-amount',
          cell: (e) => formatMoney(e.amount, e.currency),
        },
        { header: 'Note', cell: (e) => e.note ?? '' },
      ]}
    />
  );
}

function RoiContent({ project, canEdit }: ProjectAccess) {
  const ledger = useLedger(project.id);
  const [adding, setAdding] = useState(false);

  return (
    <div className="page page--wide">
      <ProjectPageHeader
        project={project}
        tab="ROI"
        title="Return on investment"
        subtitle="What the project cost and what it gave back, estimated or realized. ROI = (returns − costs) / costs; the break-even month is projected from the last six months."
        action={canEdit && !adding && { label: 'Add an entry', onClick: () => setAdding(true) }}
        readOnly={
          !canEdit && { title: 'You can view this ledger.', what: 'its ledger is read-only' }
        }
      />
      {adding ? (
        <div className="card card--padded">
          <LedgerForm
            projectId={project.id}
            currency={ledger.data?.roi.currency ?? null}
            onDone={() => setAdding(false)}
          />
        </div>
      ) : null}
      <ListState
        query={ledger}
        loading="Loading the ledger…"
        isEmpty={ledger.data?.items.length === 0}
        empty={
          <EmptyState title="No ledger entries yet">
            {canEdit ? (
              <p>
                Record what the project costs (people-days, infrastructure, licences) and what it
                gives back (savings, revenue, avoided losses), estimated first and realized when
                measured. The first entry fixes the ledger's currency.
              </p>
            ) : (
              <p>
                The team records here what the project costs and what it gives back, estimated first
                and realized when measured. Nothing is recorded yet.
              </p>
            )}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <Tiles roi={data.roi} />
            <Section
              title="Cumulative cost and return"
              description={`By month, in ${data.roi.currency ?? ''}.`}
            >
              <RoiChart roi={data.roi} />
              {data.roi.breakEven.status === 'not_in_sight' ? (
                <p className="roi-break-even">
                  <strong>Break-even not in sight.</strong> {data.roi.breakEven.reason}
                </p>
              ) : null}
              <p className="rule">{data.roi.method}</p>
            </Section>
            <Section title="Ledger" className="card--flush-body">
              <LedgerTable entries={data.items} />
            </Section>
          </>
        )}
      </ListState>
    </div>
  );
}

export function RoiPage() {
  return <ProjectRoute content={RoiContent} />;
}
