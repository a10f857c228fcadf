import { useState, type FormEvent } from 'react';
import { useCreateInsight } from '../../api/insights';
import { fieldErrors } from '../../api/errors';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { parseNumberInput } from '../../lib/format';
import { SUGGESTED_AREAS } from './insight-text';

/** Propose an insight: a business recommendation, its area and what it may be worth. */
export function InsightForm({
  projectId,
  defaultCurrency,
  onDone,
}: {
  projectId: string;
  /** The currency of the project's ledger, when it has one. */
  defaultCurrency: string;
  onDone: () => void;
}) {
  const [title, setTitle] = useState('');
  const [businessArea, setBusinessArea] = useState('');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(defaultCurrency);
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useCreateInsight(projectId);
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = parseNumberInput(amount);
    if (value === 'invalid' || (value !== null && value < 0)) {
      setLocalError('Give the estimated value as a number, e.g. 12000 or 12000.50.');
      return;
    }
    setLocalError(null);
    create.mutate(
      {
        title: title.trim(),
        businessArea: businessArea.trim(),
        description: description.trim(),
        estimatedValue:
          value === null ? null : { amount: value, currency: currency.trim().toUpperCase() },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Propose an insight">
      <h3 className="form__title">Propose an insight</h3>
      {create.error && Object.keys(errors).length === 0 ? (
        <ErrorNotice error={create.error} />
      ) : null}
      <Field
        label="Recommendation"
        error={errors.title}
        hint="What the business should do, e.g. “send the crew to the 10 highest-scored pumps each morning”."
      >
        {(props) => (
          <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} required />
        )}
      </Field>
      <div className="form__row">
        <Field
          label="Business area"
          error={errors.businessArea}
          hint="operations, sales, inventory…"
        >
          {(props) => (
            <>
              <input
                {...props}
                list="insight-areas"
                value={businessArea}
                onChange={(e) => setBusinessArea(e.target.value)}
                required
              />
              <datalist id="insight-areas">
                {SUGGESTED_AREAS.map((a) => (
                  <option key={a} value={a} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field
          label="Estimated value"
          optional
          error={localError ?? errors['estimatedValue.amount'] ?? errors.estimatedValue}
        >
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              placeholder="e.g. 12000"
            />
          )}
        </Field>
        <Field label="Currency" className="narrow" error={errors['estimatedValue.currency']}>
          {(props) => (
            <input
              {...props}
              value={currency}
              maxLength={3}
              onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            />
          )}
        </Field>
      </div>
      <Field label="Details" optional error={errors.description}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending || !title.trim() || !businessArea.trim()}
        >
          {create.isPending ? 'Saving…' : 'Propose'}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
