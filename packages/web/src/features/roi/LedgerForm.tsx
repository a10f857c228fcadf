import { useState, type FormEvent } from 'react';
import { COST_CATEGORIES, RETURN_CATEGORIES } from '@sextant/core';
import { useCreateLedgerEntry, type LedgerEntryInput } from '../../api/ledger';
import { fieldErrors } from '../../api/errors';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { parseNumberInput, todayIso } from '../../lib/format';
import { CATEGORY_LABELS } from './roi-text';
import { DateInput } from '../../components/DateInput';

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
  const errors = fieldErrors(create.error);
  const categories = kind === 'cost' ? COST_CATEGORIES : RETURN_CATEGORIES;
  const daysMode = kind === 'cost' && category === 'people' && byDays;

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
    <form className="form" onSubmit={submit} aria-label="Add a ledger entry">
      <h3 className="form__title">Add a ledger entry</h3>
      {create.error && Object.keys(errors).length === 0 ? (
        <ErrorNotice error={create.error} />
      ) : null}
      <div className="form__row">
        <Field label="Kind" error={errors.kind}>
          {(props) => (
            <select
              {...props}
              value={kind}
              onChange={(e) => {
                const next = e.target.value as 'cost' | 'return';
                setKind(next);
                setCategory(next === 'cost' ? 'people' : 'savings');
              }}
            >
              <option value="cost">Cost</option>
              <option value="return">Return</option>
            </select>
          )}
        </Field>
        <Field label="Category" error={errors.category}>
          {(props) => (
            <select {...props} value={category} onChange={(e) => setCategory(e.target.value)}>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status" error={errors.status}>
          {(props) => (
            <select
              {...props}
              value={status}
              onChange={(e) => setStatus(e.target.value as 'estimated' | 'realized')}
            >
              <option value="realized">Realized</option>
              <option value="estimated">Estimated</option>
            </select>
          )}
        </Field>
        <Field label="Date" error={errors.date}>
          {(props) => (
            <DateInput {...props} value={date} onChange={(e) => setDate(e.target.value)} />
          )}
        </Field>
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
            <Field label="People-days" error={localError ?? errors.peopleDays}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={peopleDays}
                  onChange={(e) => setPeopleDays(e.target.value)}
                />
              )}
            </Field>
            <Field label="Day rate" error={errors.dayRate}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={dayRate}
                  onChange={(e) => setDayRate(e.target.value)}
                />
              )}
            </Field>
          </>
        ) : (
          <Field label="Amount" error={localError ?? errors.amount}>
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                placeholder="e.g. 1200.50"
              />
            )}
          </Field>
        )}
        <Field
          label="Currency"
          className="narrow"
          error={errors.currency}
          hint={currency ? `The ledger is in ${currency}.` : 'The first entry fixes it.'}
        >
          {(props) => (
            <input
              {...props}
              value={entryCurrency}
              maxLength={3}
              onChange={(e) => setEntryCurrency(e.target.value.toUpperCase())}
            />
          )}
        </Field>
      </div>
      <Field label="Note" optional error={errors.note}>
        {(props) => <input {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Add entry'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
