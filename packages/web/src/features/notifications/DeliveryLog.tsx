import type { Endpoint, EndpointDelivery } from '@sextant/core';
import { useDeliveries, useResend, type EndpointsBase } from '../../api/notifications';
import { Badge } from '../../components/Badge';
import { DataTable, actionsColumn } from '../../components/DataTable';
import { EmptyState, ErrorNotice } from '../../components/Feedback';
import { PagedListState } from '../../components/ListState';
import { TitledTime } from '../../components/TitledTime';
import { STATUS_LABELS, STATUS_TONES, eventLabel } from './event-text';

const duration = (ms: number | null) =>
  ms === null ? '—' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;

/** What the last attempt got: the response code, or why there was none. */
function outcome(d: EndpointDelivery) {
  if (d.lastStatusCode !== null) {
    return (
      <span title={d.lastError ?? undefined}>
        HTTP {d.lastStatusCode}
        {d.lastError && d.lastStatusCode >= 300 ? (
          <span className="delivery-log__error"> {d.lastError}</span>
        ) : null}
      </span>
    );
  }
  if (d.lastError) return <span className="delivery-log__error">{d.lastError}</span>;
  return <span className="muted">Not tried yet</span>;
}

/** One endpoint's deliveries, newest first, with "Send again" for its admins. */
export function DeliveryLog({
  base,
  endpoint,
  canEdit,
}: {
  base: EndpointsBase;
  endpoint: Endpoint;
  canEdit: boolean;
}) {
  const deliveries = useDeliveries(base, endpoint.id);
  const resend = useResend(base, endpoint.id);
  const rows = deliveries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="delivery-log" aria-label={`Deliveries to ${endpoint.name}`} role="region">
      <h3 className="form__title">Deliveries to {endpoint.name}</h3>
      {resend.error ? <ErrorNotice error={resend.error} title="Not sent again." /> : null}
      <PagedListState
        query={deliveries}
        loading="Loading deliveries…"
        withError
        empty={
          <EmptyState title="Nothing sent yet.">
            <p>
              Each event this endpoint receives is listed here with its response.
              {canEdit ? ' Use “Send test” to try the address now.' : ''}
            </p>
          </EmptyState>
        }
      >
        <DataTable
          label={`Deliveries to ${endpoint.name}`}
          rows={rows}
          variant="delivery-log__table"
          columns={[
            {
              header: 'Event',
              cell: (d) => (
                <span title={d.eventId ?? undefined}>
                  <strong>{eventLabel(d.eventType)}</strong>
                </span>
              ),
            },
            {
              header: 'Status',
              cell: (d) => <Badge tone={STATUS_TONES[d.status]}>{STATUS_LABELS[d.status]}</Badge>,
            },
            { header: 'Response', cell: outcome },
            { header: 'Attempts', className: 'delivery-log__num', cell: (d) => d.attempts },
            {
              header: 'Duration',
              className: 'delivery-log__num',
              cell: (d) => duration(d.lastDurationMs),
            },
            { header: 'Time', cell: (d) => <TitledTime at={d.createdAt} relative /> },
            {
              header: 'Next try',
              cell: (d) =>
                d.status === 'retrying' && d.nextAttemptAt ? (
                  <TitledTime at={d.nextAttemptAt} relative />
                ) : (
                  <span className="muted">—</span>
                ),
            },
            canEdit &&
              actionsColumn((d: EndpointDelivery) => (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => resend.mutate(d.id)}
                  disabled={resend.isPending}
                  aria-label={`Send ${eventLabel(d.eventType)} again`}
                >
                  Send again
                </button>
              )),
          ]}
        />
      </PagedListState>
      {deliveries.isError && rows.length > 0 ? <ErrorNotice error={deliveries.error} /> : null}
    </div>
  );
}
