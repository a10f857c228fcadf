import { useState } from 'react';
import { COST_CATEGORIES, RETURN_CATEGORIES } from '@sextant/core';
import { useCreateLedgerEntry, type LedgerEntryInput } from '../../api/ledger';
import {
  DateField,
  FormShell,
  NumberField,
  SelectField,
  TextField,
  useFormErrors,
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
  const [kind, setKind] = useState<'cost' | 'return'>('cost');
  const [category, setCategory] = useState('people');
  const [byDays, setByDays] = useState(false);
  const [amount, setAmount] = useState('');
  const [peopleDays, setPeopleDays] = useState('');
  const [dayRate, setDayRate] = useState('');
  const [entryCurrency, setEntryCurrency] = useState(currency ?? 'EUR');
  const [status, setStatus] = useState<'estimated' | 'realized'>('realized');
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useCreateLedgerEntry(projectId);
  const errors = useFormErrors(create.error);
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
      label="Add a ledger entry"
      className="form"
      onSubmit={submit}
      title="Add a ledger entry"
      notice={errors.notice}
      actions={{
        submitLabel: 'Add entry',
        pendingLabel: 'Saving…',
        pending: create.isPending,
        onCancel: onDone,
        cancelClassName: 'btn btn--ghost',
      }}
    >
      <div className="form__row">
        <SelectField
          label="Kind"
          error={errors.fields.kind}
          value={kind}
          onChange={(next) => {
            setKind(next);
            setCategory(next === 'cost' ? 'people' : 'savings');
          }}
          options={KIND_OPTIONS}
        />
        <SelectField
          label="Category"
          error={errors.fields.category}
          value={category}
          onChange={setCategory}
          options={categories.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        />
        <SelectField
          label="Status"
          error={errors.fields.status}
          value={status}
          onChange={setStatus}
          options={STATUS_OPTIONS}
        />
        <DateField label="Date" error={errors.fields.date} value={date} onChange={setDate} />
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
              error={localError ?? errors.fields.peopleDays}
              value={peopleDays}
              onChange={setPeopleDays}
            />
            <NumberField
              label="Day rate"
              error={errors.fields.dayRate}
              value={dayRate}
              onChange={setDayRate}
            />
          </>
        ) : (
          <NumberField
            label="Amount"
            error={localError ?? errors.fields.amount}
            value={amount}
            onChange={setAmount}
            placeholder="e.g. 1200.50"
          />
        )}
        <TextField
          label="Currency"
          className="narrow"
          error={errors.fields.currency}
          hint={currency ? `The ledger is in ${currency}.` : 'The first entry fixes it.'}
          value={entryCurrency}
          maxLength={3}
          onChange={(value) => setEntryCurrency(value.toUpperCase())}
        />
      </div>
      <TextField label="Note" optional error={errors.fields.note} value={note} onChange={setNote} />
    </FormShell>
  );
}
