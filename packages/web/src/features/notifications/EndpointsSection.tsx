import { useState } from 'react';
import type { Endpoint, EndpointWithSecret } from '@sextant/core';
import {
  useDeleteEndpoint,
  useEndpoints,
  useRotateSecret,
  useSendTest,
  useUpdateEndpoint,
  type EndpointsBase,
} from '../../api/notifications';
import { Badge } from '../../components/Badge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, actionsColumn } from '../../components/DataTable';
import { EmptyState, ErrorNotice } from '../../components/Feedback';
import { ListState } from '../../components/ListState';
import { SecretReveal } from '../../components/SecretReveal';
import { Section } from '../../components/Section';
import { TitledTime } from '../../components/TitledTime';
import { DeliveryLog } from './DeliveryLog';
import { EndpointForm } from './EndpointForm';
import { KIND_LABELS, eventsSummary } from './event-text';

function endpointState(e: Endpoint) {
  if (!e.enabled) return { label: 'Disabled', tone: 'neutral' as const, title: e.disabledReason };
  if (e.failingSince) return { label: 'Failing', tone: 'danger' as const, title: null };
  return { label: 'Enabled', tone: 'success' as const, title: null };
}

const SIGNING_NOTE =
  'It is shown only this once: your receiver checks the Sextant-Signature header with it. Rotate it to get a new one.';

/** One endpoint's buttons: its log, a test send, enable or disable, a new secret, delete. */
function EndpointActions({
  endpoint,
  base,
  canEdit,
  open,
  onOpen,
  onSecret,
}: {
  endpoint: Endpoint;
  base: EndpointsBase;
  canEdit: boolean;
  open: boolean;
  onOpen: () => void;
  onSecret: (e: EndpointWithSecret) => void;
}) {
  const update = useUpdateEndpoint(base);
  const remove = useDeleteEndpoint(base);
  const rotate = useRotateSecret(base);
  const test = useSendTest(base);
  const error = update.error ?? remove.error ?? rotate.error ?? test.error;
  return (
    <div className="endpoint-actions">
      <button
        type="button"
        className={`btn btn--small ${open ? 'is-on' : ''}`}
        aria-pressed={open}
        onClick={onOpen}
        aria-label={`Deliveries of ${endpoint.name}`}
      >
        Deliveries
      </button>
      {canEdit ? (
        <>
          <button
            type="button"
            className="btn btn--small"
            disabled={test.isPending || !endpoint.enabled}
            title={endpoint.enabled ? undefined : 'Enable it first'}
            onClick={() => test.mutate(endpoint.id, { onSuccess: () => open || onOpen() })}
            aria-label={`Send a test to ${endpoint.name}`}
          >
            Send test
          </button>
          <button
            type="button"
            className="btn btn--small"
            disabled={update.isPending}
            onClick={() =>
              update.mutate({ endpointId: endpoint.id, body: { enabled: !endpoint.enabled } })
            }
            aria-label={`${endpoint.enabled ? 'Disable' : 'Enable'} ${endpoint.name}`}
          >
            {endpoint.enabled ? 'Disable' : 'Enable'}
          </button>
          <ConfirmButton
            label="New secret"
            danger={false}
            ariaLabel={`New secret for ${endpoint.name}`}
            question="Make a new signing secret? The old one stops working at once."
            confirmLabel="Make new secret"
            pending={rotate.isPending}
            onConfirm={() => rotate.mutate(endpoint.id, { onSuccess: onSecret })}
          />
          <ConfirmButton
            label="Delete"
            ariaLabel={`Delete ${endpoint.name}`}
            question={`Delete “${endpoint.name}” and its delivery log?`}
            pending={remove.isPending}
            onConfirm={() => remove.mutate(endpoint.id)}
          />
        </>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}

/**
 * Webhook, Slack and Teams endpoints at `base` (a project's or the workspace's), each with
 * its delivery log; its admins add, disable, rotate and delete them.
 */
export function EndpointsSection({
  base,
  canEdit,
  all = false,
  title = 'Webhooks, Slack and Teams',
  description,
}: {
  base: EndpointsBase;
  canEdit: boolean;
  /** The workspace list with every project's endpoints too. */
  all?: boolean;
  title?: string;
  description: string;
}) {
  const endpoints = useEndpoints(base, all);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<EndpointWithSecret | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const shown = (e: EndpointWithSecret) => {
    setAdding(false);
    setSecret(e);
  };
  const open = endpoints.data?.find((e) => e.id === openId) ?? null;
  return (
    <Section
      id="endpoints"
      title={title}
      description={description}
      action={
        canEdit && !adding && !secret
          ? { label: 'Add endpoint', onClick: () => setAdding(true) }
          : null
      }
    >
      {secret ? (
        <SecretReveal
          token={{ name: secret.name, token: secret.secret }}
          what="signing secret"
          note={SIGNING_NOTE}
          onDone={() => setSecret(null)}
        />
      ) : null}
      {adding ? (
        <EndpointForm base={base} onCreated={shown} onCancel={() => setAdding(false)} />
      ) : null}
      <ListState
        query={endpoints}
        loading="Loading endpoints…"
        isEmpty={endpoints.data?.length === 0}
        empty={
          adding ? null : (
            <EmptyState
              title="No endpoint yet."
              action={
                canEdit ? (
                  <button
                    type="button"
                    className="btn btn--primary"
                    onClick={() => setAdding(true)}
                  >
                    Add endpoint
                  </button>
                ) : undefined
              }
            >
              <p>
                Add a webhook, a Slack or a Teams incoming-webhook URL, and Sextant tells it when an
                alert opens, a run falls below the baseline, a sprint closes…
                {canEdit ? '' : ' A project admin can add one.'}
              </p>
            </EmptyState>
          )
        }
      >
        {(rows) => (
          <DataTable
            label={title}
            rows={rows}
            variant="endpoint-table"
            rowAttributes={(e) => ({ className: e.enabled ? undefined : 'is-muted' })}
            columns={[
              {
                header: 'Name',
                cell: (e) => (
                  <>
                    <strong>{e.name}</strong>
                    <span className="endpoint-table__kind">
                      {KIND_LABELS[e.kind]}
                      {all ? ` · ${e.projectName ?? 'Workspace'}` : ''}
                    </span>
                  </>
                ),
              },
              { header: 'URL', cell: (e) => <span className="endpoint-table__url">{e.url}</span> },
              { header: 'Events', cell: (e) => eventsSummary(e.events) },
              {
                header: 'Status',
                cell: (e) => {
                  const state = endpointState(e);
                  return (
                    <span title={state.title ?? undefined}>
                      <Badge tone={state.tone}>{state.label}</Badge>
                    </span>
                  );
                },
              },
              {
                header: 'Last delivered',
                cell: (e) =>
                  e.lastSuccessAt ? (
                    <TitledTime at={e.lastSuccessAt} relative />
                  ) : (
                    <span className="muted">Never</span>
                  ),
              },
              actionsColumn((e: Endpoint) => (
                <EndpointActions
                  endpoint={e}
                  base={base}
                  canEdit={canEdit}
                  open={openId === e.id}
                  onOpen={() => setOpenId((id) => (id === e.id ? null : e.id))}
                  onSecret={shown}
                />
              )),
            ]}
          />
        )}
      </ListState>
      {open ? <DeliveryLog base={base} endpoint={open} canEdit={canEdit} /> : null}
    </Section>
  );
}
