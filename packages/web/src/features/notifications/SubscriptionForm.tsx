import { useState } from 'react';
import {
  NOTIFICATION_EVENT_TYPES,
  type NotificationEventType,
  type Subscription,
  type SubscriptionMode,
} from '@sextant/core';
import { useSaveSubscription } from '../../api/notifications';
import { Choice, FormActions, FormShell, Segment, useMutationFields } from '../../components/form';
import { EventChoices } from './EventChoices';
import { MODE_LABELS } from './event-text';

/** Off first: the default, and the way out. */
const MODES: readonly SubscriptionMode[] = ['off', 'instant', 'daily'];

interface Values {
  mode: SubscriptionMode;
  events: NotificationEventType[];
  weeklyDigest: boolean;
}

/** My emails for one project: at once, a daily digest or off; which events; the weekly digest. */
export function SubscriptionForm({ subscription }: { subscription: Subscription }) {
  const save = useSaveSubscription();
  const form = useMutationFields<Values>(
    {
      mode: subscription.mode,
      events: subscription.events as NotificationEventType[],
      weeklyDigest: subscription.weeklyDigest,
    },
    save,
  );
  const [saved, setSaved] = useState(false);
  const { mode, events, weeklyDigest } = form.values;
  const change = <K extends keyof Values>(name: K, value: Values[K]) => {
    setSaved(false);
    form.setValue(name, value);
  };
  const submit = () =>
    save.mutate(
      { projectId: subscription.projectId, body: { mode, events, weeklyDigest } },
      { onSuccess: () => setSaved(true) },
    );
  const name = `mode-${subscription.projectId}`;
  return (
    <FormShell
      title={subscription.projectName}
      label={`Notifications for ${subscription.projectName}`}
      className="form subscription"
      onSubmit={submit}
      notice={form.notice}
    >
      <fieldset className="fieldset fieldset--compact">
        <legend className="field__label">Emails</legend>
        <div className="segmented">
          {MODES.map((value) => (
            <Segment
              key={value}
              label={MODE_LABELS[value].label}
              title={MODE_LABELS[value].help}
              type="radio"
              name={name}
              value={value}
              checked={mode === value}
              onChange={() => change('mode', value)}
            />
          ))}
        </div>
        <p className="field__hint">{MODE_LABELS[mode].help}</p>
        {form.errors.mode ? <p className="field__error">{form.errors.mode}</p> : null}
      </fieldset>
      {mode === 'off' ? null : (
        <EventChoices
          legend="About"
          events={NOTIFICATION_EVENT_TYPES}
          chosen={events}
          onChange={(chosen) => change('events', chosen)}
          error={form.errors.events ?? form.errors['events[0]']}
        />
      )}
      <Choice
        type="checkbox"
        label="Weekly sponsor digest"
        help="Mondays: the business goal and its progress, the success metric, the last decision, open alerts."
        checked={weeklyDigest}
        onChange={(e) => change('weeklyDigest', e.target.checked)}
      />
      <FormActions submitLabel="Save" pending={save.isPending} small>
        {saved ? (
          <span className="form__saved" role="status">
            Saved
          </span>
        ) : null}
      </FormActions>
    </FormShell>
  );
}
