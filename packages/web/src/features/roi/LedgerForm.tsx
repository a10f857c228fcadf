import { useState } from 'react';
import { COST_CATEGORIES, RETURN_CATEGORIES } from '@sextant/core';
import { useCreateLedgerEntry, type LedgerEntryInput } from '../../api/ledger';
import {
  DateField,
  FormShell,
  NumberField,
  SelectField,
  TextField,
  optionsOf,
  useMutationFields,
  type SelectOption,
} from '../../components/form';
import { parseNumberInput, todayIso } from '../../lib/format';
import { CATEGORY_LABELS } from './roi-text';

const KIND_OPTIONS: SelectOption<'cost' | 'return'>[] = [
  { value: 'cost', label: 'Cost' },
  { value: 'return', label: 'Return' },
];
const STATUS_OPTIONS: SelectOption<'estimated' | 'realized'>[] = [
  { value: 'realized', label: 'Realized' },
  { value: 'estimated', label: 'Estimated' },
];

interface EntryValues {
  kind: 'cost' | 'return';
  category: string;
  amount: string;
  peopleDays: string;
  dayRate: string;
  currency: string;
  status: 'estimated' | 'realized';
  date: string;
  note: string;
}

/** Record a cost or a return; a people cost may be given as days × day rate. */
export function LedgerForm({
  projectId,
  currency,
  onDone,
}: {
  projectId: string;
  /** The ledger's currency once the first entry fixed it; null before. */
  currency: string | null;
  onDone: () => void;
}) {
  const [byDays, setByDays] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useCreateLedgerEntry(projectId);
  const form = useMutationFields<EntryValues>(
    () => ({
      kind: 'cost',
      category: 'people',
      amount: '',
      peopleDays: '',
      dayRate: '',
      currency: currency ?? 'EUR',
      status: 'realized',
      date: todayIso(),
      note: '',
    }),
    create,
  );
  const { kind, category, amount, peopleDays, dayRate, status, date, note } = form.values;
  const entryCurrency = form.values.currency;
  const categories = kind === 'cost' ? COST_CATEGORIES : RETURN_CATEGORIES;
  const daysMode = kind === 'cost' && category === 'people' && byDays;

  const submit = () => {
    const body: LedgerEntryInput = {
      kind,
      category,
      currency: entryCurrency.trim().toUpperCase(),
      status,
      date,
      note: note.trim() || null,
    };
    if (daysMode) {
      const days = parseNumberInput(peopleDays);
      const rate = parseNumberInput(dayRate);
      if (typeof days !== 'number' || typeof rate !== 'number') {
        setLocalError('Give the people-days and the day rate as numbers.');
        return;
      }
      body.peopleDays = days;
      body.dayRate = rate;
    } else {
      const value = parseNumberInput(amount);
      if (typeof value !== 'number') {
        setLocalError('Give the amount as a number, e.g. 1200.50.');
        return;
      }
      body.amount = value;
    }
    setLocalError(null);
    create.mutate(body, { onSuccess: onDone });
  };

  return (
    <FormShell
      className="form"
      onSubmit={submit}
      title="Add a ledger entry"
      form={form}
      actions={{
        submitLabel: 'Add entry',
        onCancel: onDone,
        cancelClassName: 'btn btn--ghost',
      }}
    >
      <div className="form__row">
        <SelectField
          label="Kind"
          {...form.field('kind')}
          onChange={(next) =>
            form.setValues((v) => ({
              ...v,
              kind: next,
              category: next === 'cost' ? 'people' : 'savings',
            }))
          }
          options={KIND_OPTIONS}
        />
        <SelectField
          label="Category"
          {...form.field('category')}
          options={optionsOf(categories, CATEGORY_LABELS)}
        />
        <SelectField label="Status" {...form.field('status')} options={STATUS_OPTIONS} />
        <DateField label="Date" {...form.field('date')} />
      </div>
      {kind === 'cost' && category === 'people' ? (
        <label className="choice">
          <input type="checkbox" checked={byDays} onChange={(e) => setByDays(e.target.checked)} />{' '}
          Give it as people-days × day rate
        </label>
      ) : null}
      <div className="form__row">
        {daysMode ? (
          <>
            <NumberField
              label="People-days"
              {...form.field('peopleDays')}
              error={localError ?? form.errors.peopleDays}
            />
            <NumberField label="Day rate" {...form.field('dayRate')} />
          </>
        ) : (
          <NumberField
            label="Amount"
            {...form.field('amount')}
            error={localError ?? form.errors.amount}
            placeholder="e.g. 1200.50"
          />
        )}
        <TextField
          label="Currency"
          className="narrow"
          hint={currency ? `The ledger is in ${currency}.` : 'The first entry fixes it.'}
          {...form.field('currency')}
          maxLength={3}
          onChange={(value) => form.setValue('currency', value.toUpperCase())}
        />
      </div>
      <TextField label="Note" optional {...form.field('note')} />
    </FormShell>
  );
}
