import type { EndpointEvent } from '@sextant/core';
import { Choice } from '../../components/form';
import { EVENT_LABELS } from './event-text';

/**
 * The events to send, as checkboxes; none ticked means every event (and says so), so a
 * new event type reaches those who chose "every event" without a change.
 */
export function EventChoices<E extends EndpointEvent>({
  legend,
  events,
  chosen,
  onChange,
  error,
  disabled,
}: {
  legend: string;
  events: readonly E[];
  chosen: readonly E[];
  onChange: (chosen: E[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const toggle = (event: E, on: boolean) =>
    onChange(on ? [...chosen, event] : chosen.filter((e) => e !== event));
  return (
    <fieldset className={`fieldset fieldset--compact ${error ? 'field--invalid' : ''}`}>
      <legend className="field__label">{legend}</legend>
      <div className="choices choices--inline event-choices">
        {events.map((event) => (
          <Choice
            key={event}
            type="checkbox"
            label={EVENT_LABELS[event]}
            checked={chosen.includes(event)}
            disabled={disabled}
            onChange={(e) => toggle(event, e.target.checked)}
          />
        ))}
      </div>
      <p className="field__hint">
        {chosen.length === 0
          ? 'None ticked: every event is sent, including kinds added later.'
          : `${chosen.length} chosen; only these are sent.`}
      </p>
      {error ? <p className="field__error">{error}</p> : null}
    </fieldset>
  );
}
