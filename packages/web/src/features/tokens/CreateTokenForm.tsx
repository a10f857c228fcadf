import { useState, type FormEvent } from 'react';
import type { CreatedToken } from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import type { CreateTokenInput } from '../../api/tokens';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { todayIso } from '../../lib/format';
import { DateInput } from '../../components/DateInput';

const EXPIRY_CHOICES = [
  { value: 'never', label: 'Never' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
  { value: 'date', label: 'On a date…' },
] as const;

type Expiry = (typeof EXPIRY_CHOICES)[number]['value'];

/** The instant a choice means: a number of days from now, or the end of a chosen day. */
function expiresAt(choice: Expiry, date: string): string | null {
  if (choice === 'never') return null;
  if (choice === 'date') return date ? new Date(`${date}T23:59:59`).toISOString() : null;
  return new Date(Date.now() + Number(choice) * 24 * 3600 * 1000).toISOString();
}

interface CreateTokenFormProps {
  /** What the token is for, shown as the name field's hint. */
  nameHint: string;
  namePlaceholder: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onCreate: (input: CreateTokenInput, done: (token: CreatedToken) => void) => void;
  onCreated: (token: CreatedToken) => void;
}

export function CreateTokenForm({
  nameHint,
  namePlaceholder,
  submitLabel,
  pending,
  error,
  onCreate,
  onCreated,
}: CreateTokenFormProps) {
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<Expiry>('90');
  const [date, setDate] = useState('');
  const errors = fieldErrors(error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate({ name: name.trim(), expiresAt: expiresAt(expiry, date) }, (token) => {
      setName('');
      onCreated(token);
    });
  };

  return (
    <form className="form" onSubmit={submit} aria-label={submitLabel}>
      {error && Object.keys(errors).length === 0 ? <ErrorNotice error={error} /> : null}
      <div className="form__row form__row--end">
        <Field label="Token name" className="grow" hint={nameHint} error={errors.name}>
          {(props) => (
            <input
              {...props}
              value={name}
              placeholder={namePlaceholder}
              onChange={(e) => setName(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Expires" error={errors.expiresAt}>
          {(props) => (
            <select {...props} value={expiry} onChange={(e) => setExpiry(e.target.value as Expiry)}>
              {EXPIRY_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {expiry === 'date' ? (
          <Field label="Expiry date">
            {(props) => (
              <DateInput
                {...props}
                min={todayIso()}
                value={date}
                onChange={(e) => setDate(e.target.value)}
                required
              />
            )}
          </Field>
        ) : null}
      </div>
      <div className="form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={pending || !name.trim() || (expiry === 'date' && !date)}
        >
          {pending ? 'Creating…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
