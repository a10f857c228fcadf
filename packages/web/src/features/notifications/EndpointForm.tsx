import type { EndpointEvent, EndpointKind, EndpointWithSecret } from '@sextant/core';
import { useCreateEndpoint, type EndpointsBase } from '../../api/notifications';
import {
  FormActions,
  FormShell,
  SelectField,
  TextField,
  useMutationFields,
} from '../../components/form';
import { EventChoices } from './EventChoices';
import { KIND_HINTS, KIND_LABELS, eventsFor } from './event-text';

interface Values {
  kind: EndpointKind;
  name: string;
  url: string;
  events: EndpointEvent[];
}

const KINDS: { value: EndpointKind; label: string }[] = (
  Object.keys(KIND_LABELS) as EndpointKind[]
).map((value) => ({ value, label: KIND_LABELS[value] }));

/** Adds a webhook, Slack or Teams endpoint; its secret is handed to `onCreated`, once. */
export function EndpointForm({
  base,
  onCreated,
  onCancel,
}: {
  base: EndpointsBase;
  onCreated: (created: EndpointWithSecret) => void;
  onCancel?: () => void;
}) {
  const create = useCreateEndpoint(base);
  const form = useMutationFields<Values>(
    { kind: 'webhook', name: '', url: '', events: [] },
    create,
  );
  const { kind, name, url, events } = form.values;
  const allowed = eventsFor(kind);
  const submit = () =>
    create.mutate(
      {
        kind,
        name: name.trim(),
        url: url.trim(),
        // An event the new kind cannot take (the digest, off Slack) is dropped.
        events: events.filter((e) => allowed.includes(e)),
      },
      {
        onSuccess: (created) => {
          form.setValues({ kind: 'webhook', name: '', url: '', events: [] });
          onCreated(created);
        },
      },
    );
  return (
    <FormShell
      title="Add an endpoint"
      className="form"
      onSubmit={submit}
      notice={form.notice}
      intro={
        <p className="muted">
          Sextant posts each chosen event to this address as it happens, and keeps a log of every
          delivery.
        </p>
      }
    >
      <div className="form__row">
        <SelectField
          label="Kind"
          className="narrow"
          options={KINDS}
          {...form.field('kind')}
          hint={KIND_HINTS[kind]}
        />
        <TextField
          label="Name"
          className="grow"
          placeholder="e.g. Ops pager, #ml-alerts"
          required
          {...form.field('name')}
        />
      </div>
      <TextField
        label="URL"
        type="url"
        inputMode="url"
        placeholder="https://"
        required
        {...form.field('url')}
        hint="http or https; addresses inside your network are refused unless the server allows them."
      />
      <EventChoices
        legend="Events"
        events={allowed}
        chosen={events}
        onChange={(chosen) => form.setValue('events', chosen)}
        error={form.errors.events ?? form.errors['events[0]']}
      />
      <FormActions
        submitLabel="Add endpoint"
        pendingLabel="Adding…"
        pending={create.isPending}
        disabled={!name.trim() || !url.trim()}
        onCancel={onCancel}
      />
    </FormShell>
  );
}
