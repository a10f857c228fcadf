import type { UseMutationResult } from '@tanstack/react-query';
import type { CreatedToken } from '@sextant/core';
import type { CreateTokenInput } from '../../api/tokens';
import {
  DateField,
  FormShell,
  SelectField,
  TextField,
  useMutationFields,
} from '../../components/form';
import { todayIso } from '../../lib/format';

const EXPIRY_CHOICES = [
  { value: 'never', label: 'Never' },
  ...(['7', '30', '90'] as const).map((days) => ({ value: days, label: `In ${days} days` })),
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
  /** The create mutation (a personal or a CI token). */
  create: UseMutationResult<CreatedToken, Error, CreateTokenInput>;
  onCreated: (token: CreatedToken) => void;
}

export function CreateTokenForm({
  nameHint,
  namePlaceholder,
  submitLabel,
  create,
  onCreated,
}: CreateTokenFormProps) {
  const form = useMutationFields<{ name: string; expiry: Expiry; date: string }>(
    { name: '', expiry: '90', date: '' },
    create,
  );
  const { name, expiry, date } = form.values;

  const submit = () =>
    create.mutate(
      { name: name.trim(), expiresAt: expiresAt(expiry, date) },
      {
        onSuccess: (token) => {
          form.setValue('name', '');
          onCreated(token);
        },
      },
    );

  return (
    <FormShell
      label={submitLabel}
      className="form"
      onSubmit={submit}
      form={form}
      actions={{
        submitLabel,
        pendingLabel: 'Creating…',
        disabled: !name.trim() || (expiry === 'date' && !date),
      }}
    >
      <div className="form__row form__row--end">
        <TextField
          label="Token name"
          className="grow"
          hint={nameHint}
          {...form.field('name')}
          placeholder={namePlaceholder}
          required
        />
        <SelectField
          label="Expires"
          {...form.field('expiry', 'expiresAt')}
          options={EXPIRY_CHOICES}
        />
        {expiry === 'date' ? (
          <DateField
            label="Expiry date"
            min={todayIso()}
            value={date}
            onChange={(value) => form.setValue('date', value)}
            required
          />
        ) : null}
      </div>
    </FormShell>
  );
}
