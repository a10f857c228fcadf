import { useCreateInsight } from '../../api/insights';
import {
  FormShell,
  NumberField,
  TextField,
  TextareaField,
  parseOptionalNonNegative,
  useMutationFields,
} from '../../components/form';
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
  const create = useCreateInsight(projectId);
  const form = useMutationFields(
    { title: '', businessArea: '', description: '', amount: '', currency: defaultCurrency },
    create,
  );
  const { title, businessArea, description, amount, currency } = form.values;

  const submit = () => {
    const value = parseOptionalNonNegative(amount);
    if (value === 'invalid') {
      form.check({
        'estimatedValue.amount': 'Give the estimated value as a number, e.g. 12000 or 12000.50.',
      });
      return;
    }
    form.check({});
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
      className="form"
      onSubmit={submit}
      title="Propose an insight"
      form={form}
      actions={{
        submitLabel: 'Propose',
        disabled: !title.trim() || !businessArea.trim(),
        onCancel: onDone,
        cancelClassName: 'btn btn--ghost',
      }}
    >
      <TextField
        label="Recommendation"
        hint="What the business should do, e.g. “send the crew to the 10 highest-scored pumps each morning”."
        {...form.field('title')}
        required
      />
      <div className="form__row">
        <TextField
          label="Business area"
          hint="operations, sales, inventory…"
          list="insight-areas"
          {...form.field('businessArea')}
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
          {...form.field('amount')}
          error={form.errors['estimatedValue.amount'] ?? form.errors.estimatedValue}
          placeholder="e.g. 12000"
        />
        <TextField
          label="Currency"
          className="narrow"
          {...form.field('currency', 'estimatedValue.currency')}
          maxLength={3}
          onChange={(value) => form.setValue('currency', value.toUpperCase())}
        />
      </div>
      <TextareaField label="Details" optional {...form.field('description')} />
    </FormShell>
  );
}
