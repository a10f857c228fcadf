import {
  DURATION_PATTERN as DURATION,
  type PutSuccessCriterionBody,
  type SuccessCriterion,
} from '@sextant/core';
import { usePutSuccessCriterion } from '../../api/criterion';
import {
  Choice,
  FormShell,
  NumberField,
  SelectField,
  TextField,
  useMutationFields,
  type SelectOption,
} from '../../components/form';
import { parseNumberInput } from '../../lib/format';

interface CriterionFormProps {
  projectId: string;
  criterion: SuccessCriterion | null;
  onDone: () => void;
  onCancel?: (() => void) | undefined;
}

const DURATION_HINT = 'A count and a unit: 12h, 1d, 2w';

function initialValues(c: SuccessCriterion | null) {
  return {
    kind: c?.metric.kind ?? 'hit_rate_at_n',
    n: c?.metric.kind === 'hit_rate_at_n' ? String(c.metric.n) : '10',
    name: c?.metric.kind === 'named' ? c.metric.name : '',
    direction: c?.metric.kind === 'named' ? c.metric.direction : 'increase',
    threshold: c ? String(c.threshold) : '',
    trainWindow: c?.evaluation.trainWindow ?? 'expanding',
    trainSize: c?.evaluation.trainSize ?? '',
    testWindow: c?.evaluation.testWindow ?? '1d',
    step: c?.evaluation.step ?? '1d',
    horizon: c?.evaluation.horizon ?? '',
    withValue: Boolean(c?.valueModel),
    costMissed: c?.valueModel ? String(c.valueModel.costMissed) : '',
    costIntervention: c?.valueModel ? String(c.valueModel.costIntervention) : '',
    currency: c?.valueModel?.currency ?? 'EUR',
  };
}

type Values = ReturnType<typeof initialValues>;

/** Checks what the browser can check, so the person sees every mistake at once. */
function validate(v: Values): { problems: Record<string, string>; body?: PutSuccessCriterionBody } {
  const problems: Record<string, string> = {};
  const n = parseNumberInput(v.n);
  const threshold = parseNumberInput(v.threshold);
  if (v.kind === 'hit_rate_at_n' && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) {
    problems['metric.n'] = 'N is a whole number of interventions per period, 1 or more.';
  }
  if (v.kind === 'named' && !v.name.trim()) problems['metric.name'] = 'Name the metric.';
  if (typeof threshold !== 'number') problems.threshold = 'Give the threshold as a number.';
  if (v.trainWindow === 'sliding' && !DURATION.test(v.trainSize.trim())) {
    problems['evaluation.trainSize'] = `A sliding window needs its size. ${DURATION_HINT}.`;
  }
  for (const key of ['testWindow', 'step'] as const) {
    if (!DURATION.test(v[key].trim())) problems[`evaluation.${key}`] = `${DURATION_HINT}.`;
  }
  if (v.horizon.trim() && !DURATION.test(v.horizon.trim())) {
    problems['evaluation.horizon'] = `${DURATION_HINT}, or leave empty.`;
  }
  const costMissed = parseNumberInput(v.costMissed);
  const costIntervention = parseNumberInput(v.costIntervention);
  if (v.withValue) {
    if (typeof costMissed !== 'number' || costMissed < 0) {
      problems['valueModel.costMissed'] = 'An amount of 0 or more.';
    }
    if (typeof costIntervention !== 'number' || costIntervention < 0) {
      problems['valueModel.costIntervention'] = 'An amount of 0 or more.';
    }
    if (!/^[A-Z]{3}$/.test(v.currency.trim().toUpperCase())) {
      problems['valueModel.currency'] = 'An ISO 4217 code such as EUR or USD.';
    }
  }
  if (Object.keys(problems).length > 0) return { problems };
  const body: PutSuccessCriterionBody = {
    metric:
      v.kind === 'hit_rate_at_n'
        ? { kind: 'hit_rate_at_n', n: n as number }
        : {
            kind: 'named',
            name: v.name.trim(),
            direction: v.direction === 'decrease' ? 'decrease' : 'increase',
          },
    threshold: threshold as number,
    evaluation: {
      trainWindow: v.trainWindow === 'sliding' ? 'sliding' : 'expanding',
      trainSize: v.trainWindow === 'sliding' ? v.trainSize.trim() : null,
      testWindow: v.testWindow.trim(),
      step: v.step.trim(),
      horizon: v.horizon.trim() || null,
    },
    valueModel: v.withValue
      ? {
          costMissed: costMissed as number,
          costIntervention: costIntervention as number,
          currency: v.currency.trim().toUpperCase(),
        }
      : null,
  };
  return { problems, body };
}

const METRIC_KINDS = [
  {
    kind: 'hit_rate_at_n',
    label: 'Hit rate@N',
    help: 'True positives among the N highest-scored items per period; N is how many interventions the team can make per period.',
  },
  {
    kind: 'named',
    label: 'Another metric',
    help: 'A metric your pipeline reports by name, e.g. AUC.',
  },
] as const;

const DIRECTION_OPTIONS: SelectOption<'increase' | 'decrease'>[] = [
  { value: 'increase', label: 'Increases' },
  { value: 'decrease', label: 'Decreases' },
];
const TRAIN_WINDOW_OPTIONS: SelectOption<'expanding' | 'sliding'>[] = [
  { value: 'expanding', label: 'Expanding (growing)' },
  { value: 'sliding', label: 'Sliding' },
];

export function CriterionForm({ projectId, criterion, onDone, onCancel }: CriterionFormProps) {
  const put = usePutSuccessCriterion(projectId);
  const form = useMutationFields(() => initialValues(criterion), put);
  const { values, setValue: set, field } = form;

  const submit = () => {
    const { problems, body } = validate(values);
    if (form.check(problems) && body) put.mutate(body, { onSuccess: onDone });
  };

  return (
    <FormShell
      label="Success criterion"
      className="form"
      onSubmit={submit}
      noValidate
      form={form}
      actions={{
        submitLabel: 'Save criterion',
        onCancel,
      }}
    >
      <fieldset className="fieldset">
        <legend className="field__label">Model metric</legend>
        <div className="choices">
          {METRIC_KINDS.map(({ kind, label, help }) => (
            <Choice
              key={kind}
              label={label}
              help={help}
              type="radio"
              name="metric-kind"
              checked={values.kind === kind}
              onChange={() => set('kind', kind)}
            />
          ))}
        </div>
        <div className="form__row">
          {values.kind === 'hit_rate_at_n' ? (
            <TextField
              label="N (interventions per period)"
              {...field('n', 'metric.n')}
              inputMode="numeric"
            />
          ) : (
            <>
              <TextField
                label="Metric name"
                className="grow"
                {...field('name', 'metric.name')}
                placeholder="e.g. auc"
              />
              <SelectField
                label="Better when it"
                {...field('direction', 'metric.direction')}
                options={DIRECTION_OPTIONS}
              />
            </>
          )}
          <NumberField
            label="Threshold"
            {...field('threshold')}
            hint={values.kind === 'hit_rate_at_n' ? 'e.g. 2 hits per day' : undefined}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">Evaluation strategy</legend>
        <p className="field__hint">
          As close as possible to how the pipeline will be used. Changing it changes the
          fingerprint: earlier runs are then not compared with new ones.
        </p>
        <div className="form__row">
          <SelectField
            label="Train window"
            {...field('trainWindow', 'evaluation.trainWindow')}
            options={TRAIN_WINDOW_OPTIONS}
          />
          {values.trainWindow === 'sliding' ? (
            <TextField
              label="Train size"
              className="narrow"
              {...field('trainSize', 'evaluation.trainSize')}
              placeholder="e.g. 52w"
            />
          ) : null}
          <TextField
            label="Test window"
            className="narrow"
            {...field('testWindow', 'evaluation.testWindow')}
          />
          <TextField label="Step" className="narrow" {...field('step', 'evaluation.step')} />
          <TextField
            label="Horizon"
            className="narrow"
            optional
            {...field('horizon', 'evaluation.horizon')}
            placeholder="e.g. 2d"
          />
        </div>
        <p className="field__hint">{DURATION_HINT} (hours, days, weeks).</p>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">Value model</legend>
        <Choice
          label="Turn the metric into money"
          help="What a missed failure and an intervention each cost, per event."
          type="checkbox"
          checked={values.withValue}
          onChange={(e) => set('withValue', e.target.checked)}
        />
        {values.withValue ? (
          <div className="form__row">
            <NumberField
              label="Cost of a missed failure"
              {...field('costMissed', 'valueModel.costMissed')}
            />
            <NumberField
              label="Cost of an intervention"
              {...field('costIntervention', 'valueModel.costIntervention')}
            />
            <TextField
              label="Currency"
              className="narrow"
              {...field('currency', 'valueModel.currency')}
              maxLength={3}
              onChange={(value) => set('currency', value.toUpperCase())}
            />
          </div>
        ) : null}
      </fieldset>
    </FormShell>
  );
}
