import { useState } from 'react';
import { useCreateInsight } from '../../api/insights';
import {
  FormShell,
  NumberField,
  TextField,
  TextareaField,
  useFormErrors,
} from '../../components/form';
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
  const { fields: errors, notice } = useFormErrors(create.error);

  const submit = () => {
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
    <FormShell
      label="Propose an insight"
      className="form"
      onSubmit={submit}
      title="Propose an insight"
      notice={notice}
      actions={{
        submitLabel: 'Propose',
        pendingLabel: 'Saving…',
        pending: create.isPending,
        disabled: !title.trim() || !businessArea.trim(),
        onCancel: onDone,
        cancelClassName: 'btn btn--ghost',
      }}
    >
      <TextField
        label="Recommendation"
        error={errors.title}
        hint="What the business should do, e.g. “send the crew to the 10 highest-scored pumps each morning”."
        value={title}
        onChange={setTitle}
        required
      />
      <div className="form__row">
        <TextField
          label="Business area"
          error={errors.businessArea}
          hint="operations, sales, inventory…"
          list="insight-areas"
          value={businessArea}
          onChange={setBusinessArea}
          required
          afterControl={
            <datalist id="insight-areas">
              {SUGGESTED_AREAS.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          }
        />
        <NumberField
          label="Estimated value"
          optional
          error={localError ?? errors['estimatedValue.amount'] ?? errors.estimatedValue}
          value={amount}
          onChange={setAmount}
          placeholder="e.g. 12000"
        />
        <TextField
          label="Currency"
          className="narrow"
          error={errors['estimatedValue.currency']}
          value={currency}
          maxLength={3}
          onChange={(value) => setCurrency(value.toUpperCase())}
        />
      </div>
      <TextareaField
        label="Details"
        optional
        error={errors.description}
        rows={2}
        value={description}
        onChange={setDescription}
      />
    </FormShell>
  );
}
