import { useState, type FormEvent } from 'react';
import {
  DURATION_PATTERN as DURATION,
  type PutSuccessCriterionBody,
  type SuccessCriterion,
} from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import { usePutSuccessCriterion } from '../../api/criterion';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';
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

export function CriterionForm({ projectId, criterion, onDone, onCancel }: CriterionFormProps) {
  const [values, setValues] = useState(() => initialValues(criterion));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const put = usePutSuccessCriterion(projectId);
  const errors = { ...fieldErrors(put.error), ...localErrors };

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { problems, body } = validate(values);
    setLocalErrors(problems);
    if (body) put.mutate(body, { onSuccess: onDone });
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Success criterion" noValidate>
      {put.error && Object.keys(fieldErrors(put.error)).length === 0 ? (
        <ErrorNotice error={put.error} />
      ) : null}
      <fieldset className="fieldset">
        <legend className="field__label">Model metric</legend>
        <div className="choices">
          <label className="choice">
            <input
              type="radio"
              name="metric-kind"
              checked={values.kind === 'hit_rate_at_n'}
              onChange={() => set('kind', 'hit_rate_at_n')}
            />
            <span>
              <span className="choice__label">Hit rate@N</span>
              <span className="choice__help">
                True positives among the N highest-scored items per period; N is how many
                interventions the team can make per period.
              </span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="metric-kind"
              checked={values.kind === 'named'}
              onChange={() => set('kind', 'named')}
            />
            <span>
              <span className="choice__label">Another metric</span>
              <span className="choice__help">
                A metric your pipeline reports by name, e.g. AUC.
              </span>
            </span>
          </label>
        </div>
        <div className="form__row">
          {values.kind === 'hit_rate_at_n' ? (
            <Field label="N (interventions per period)" error={errors['metric.n']}>
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  value={values.n}
                  onChange={(e) => set('n', e.target.value)}
                />
              )}
            </Field>
          ) : (
            <>
              <Field label="Metric name" className="grow" error={errors['metric.name']}>
                {(props) => (
                  <input
                    {...props}
                    value={values.name}
                    placeholder="e.g. auc"
                    onChange={(e) => set('name', e.target.value)}
                  />
                )}
              </Field>
              <Field label="Better when it" error={errors['metric.direction']}>
                {(props) => (
                  <select
                    {...props}
                    value={values.direction}
                    onChange={(e) =>
                      set('direction', e.target.value === 'decrease' ? 'decrease' : 'increase')
                    }
                  >
                    <option value="increase">Increases</option>
                    <option value="decrease">Decreases</option>
                  </select>
                )}
              </Field>
            </>
          )}
          <Field
            label="Threshold"
            error={errors.threshold}
            hint={values.kind === 'hit_rate_at_n' ? 'e.g. 2 hits per day' : undefined}
          >
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={values.threshold}
                onChange={(e) => set('threshold', e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">Evaluation strategy</legend>
        <p className="field__hint">
          As close as possible to how the pipeline will be used. Changing it changes the
          fingerprint: earlier runs are then not compared with new ones.
        </p>
        <div className="form__row">
          <Field label="Train window" error={errors['evaluation.trainWindow']}>
            {(props) => (
              <select
                {...props}
                value={values.trainWindow}
                onChange={(e) =>
                  set('trainWindow', e.target.value === 'sliding' ? 'sliding' : 'expanding')
                }
              >
                <option value="expanding">Expanding (growing)</option>
                <option value="sliding">Sliding</option>
              </select>
            )}
          </Field>
          {values.trainWindow === 'sliding' ? (
            <Field label="Train size" className="narrow" error={errors['evaluation.trainSize']}>
              {(props) => (
                <input
                  {...props}
                  value={values.trainSize}
                  placeholder="e.g. 52w"
                  onChange={(e) => set('trainSize', e.target.value)}
                />
              )}
            </Field>
          ) : null}
          <Field label="Test window" className="narrow" error={errors['evaluation.testWindow']}>
            {(props) => (
              <input
                {...props}
                value={values.testWindow}
                onChange={(e) => set('testWindow', e.target.value)}
              />
            )}
          </Field>
          <Field label="Step" className="narrow" error={errors['evaluation.step']}>
            {(props) => (
              <input {...props} value={values.step} onChange={(e) => set('step', e.target.value)} />
            )}
          </Field>
          <Field label="Horizon" className="narrow" optional error={errors['evaluation.horizon']}>
            {(props) => (
              <input
                {...props}
                value={values.horizon}
                placeholder="e.g. 2d"
                onChange={(e) => set('horizon', e.target.value)}
              />
            )}
          </Field>
        </div>
        <p className="field__hint">{DURATION_HINT} (hours, days, weeks).</p>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">Value model</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={values.withValue}
            onChange={(e) => set('withValue', e.target.checked)}
          />
          <span>
            <span className="choice__label">Turn the metric into money</span>
            <span className="choice__help">
              What a missed failure and an intervention each cost, per event.
            </span>
          </span>
        </label>
        {values.withValue ? (
          <div className="form__row">
            <Field label="Cost of a missed failure" error={errors['valueModel.costMissed']}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={values.costMissed}
                  onChange={(e) => set('costMissed', e.target.value)}
                />
              )}
            </Field>
            <Field label="Cost of an intervention" error={errors['valueModel.costIntervention']}>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={values.costIntervention}
                  onChange={(e) => set('costIntervention', e.target.value)}
                />
              )}
            </Field>
            <Field label="Currency" className="narrow" error={errors['valueModel.currency']}>
              {(props) => (
                <input
                  {...props}
                  value={values.currency}
                  maxLength={3}
                  onChange={(e) => set('currency', e.target.value.toUpperCase())}
                />
              )}
            </Field>
          </div>
        ) : null}
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={put.isPending}>
          {put.isPending ? 'Saving…' : 'Save criterion'}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
