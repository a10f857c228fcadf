import { useId, useState, type FormEvent } from 'react';
import type { CreateGoalBody, Goal } from '@sextant/core';
import { useCreateGoal, useUpdateGoal } from '../../api/goals';
import { fieldErrors, isApiError } from '../../api/errors';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { parseNumberInput } from '../../lib/format';
import { DateInput } from '../../components/DateInput';

interface GoalFormProps {
  projectId: string;
  /** The goal to edit, or none to add one. */
  goal?: Goal | null | undefined;
  onDone: () => void;
  onCancel?: (() => void) | undefined;
}

type TargetKind = 'absolute' | 'relative';

interface GoalProblem {
  field: string;
  message: string;
}

/** The problems a 422 goal_not_quantifiable lists, one per field. */
function goalProblems(error: unknown): GoalProblem[] {
  if (!isApiError(error) || error.code !== 'goal_not_quantifiable') return [];
  const problems = error.details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is GoalProblem =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as GoalProblem).field === 'string' &&
      typeof (p as GoalProblem).message === 'string',
  );
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

const EMPTY = {
  statement: '',
  metric: '',
  direction: '',
  baseline: '',
  target: '',
  changePct: '',
  deadline: '',
  unit: '',
};

/** The form's text values for a stored goal; a relative goal also shows its resolved target. */
function valuesOf(goal: Goal): typeof EMPTY {
  return {
    statement: goal.statement,
    metric: goal.metric,
    direction: goal.direction,
    baseline: String(goal.baseline),
    target: String(goal.target),
    changePct: goal.targetChangePct === null ? '' : String(goal.targetChangePct),
    deadline: goal.deadline,
    unit: goal.unit,
  };
}

/** Adds a goal, or edits one when given it; both refuse an ambiguous goal field by field. */
export function GoalForm({ projectId, goal, onDone, onCancel }: GoalFormProps) {
  const [values, setValues] = useState(() => (goal ? valuesOf(goal) : EMPTY));
  const [targetKind, setTargetKind] = useState<TargetKind>(
    goal && goal.targetChangePct !== null ? 'relative' : 'absolute',
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const targetKindName = useId();
  const create = useCreateGoal(projectId);
  const update = useUpdateGoal(projectId);
  const save = goal ? update : create;
  const action = goal ? 'Edit goal' : 'Add goal';

  const set = (key: keyof typeof EMPTY) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));

  // Field errors: the 422's problems (named by goal field) and a 400's field list.
  const errors: Record<string, string> = { ...fieldErrors(save.error) };
  for (const problem of goalProblems(save.error)) {
    const key =
      problem.field === 'target' && targetKind === 'relative' ? 'targetChangePct' : problem.field;
    errors[key] = errors[key]
      ? `${errors[key]} ${sentence(problem.message)}`
      : sentence(problem.message);
  }
  Object.assign(errors, localErrors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const numbers = {
      baseline: parseNumberInput(values.baseline),
      target: targetKind === 'absolute' ? parseNumberInput(values.target) : null,
      targetChangePct: targetKind === 'relative' ? parseNumberInput(values.changePct) : null,
    };
    const problems: Record<string, string> = {};
    for (const [key, value] of Object.entries(numbers)) {
      if (value === 'invalid') problems[key] = 'Write a number, e.g. 3.1';
    }
    if (!values.statement.trim()) problems.statement = 'Say what the goal is.';
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;

    const num = (value: number | null | 'invalid') => (typeof value === 'number' ? value : null);
    const body: CreateGoalBody = {
      statement: values.statement.trim(),
      metric: values.metric.trim() || null,
      direction:
        values.direction === 'increase' || values.direction === 'decrease'
          ? values.direction
          : null,
      baseline: num(numbers.baseline),
      target: num(numbers.target),
      targetChangePct: num(numbers.targetChangePct),
      deadline: values.deadline || null,
      unit: values.unit.trim() || null,
    };
    const onSuccess = () => {
      setValues(EMPTY);
      onDone();
    };
    if (goal) update.mutate({ goalId: goal.id, body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  };

  const refused = goalProblems(save.error).length > 0;

  return (
    <form className="form goal-form" onSubmit={submit} aria-label={action} noValidate>
      <h3 className="form__title">{goal ? 'Edit the goal' : 'Add a goal'}</h3>
      {refused ? (
        <div className="notice notice--error" role="alert">
          <strong className="notice__title">This goal was refused.</strong>
          <p>{save.error?.message}</p>
        </div>
      ) : save.error && Object.keys(fieldErrors(save.error)).length === 0 ? (
        <ErrorNotice error={save.error} />
      ) : null}
      <Field
        label="Statement"
        error={errors.statement}
        hint="What the business wants, in a sentence."
      >
        {(props) => (
          <input
            {...props}
            value={values.statement}
            placeholder="e.g. Reduce monthly churn"
            onChange={(e) => set('statement')(e.target.value)}
          />
        )}
      </Field>
      <div className="form__row">
        <Field label="Metric" className="grow" error={errors.metric}>
          {(props) => (
            <input
              {...props}
              value={values.metric}
              placeholder="e.g. Monthly churn rate"
              onChange={(e) => set('metric')(e.target.value)}
            />
          )}
        </Field>
        <Field label="Direction" error={errors.direction}>
          {(props) => (
            <select
              {...props}
              value={values.direction}
              onChange={(e) => set('direction')(e.target.value)}
            >
              <option value="">Choose…</option>
              <option value="increase">Increase</option>
              <option value="decrease">Decrease</option>
            </select>
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label="Baseline" className="narrow" error={errors.baseline} hint="Value today">
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              value={values.baseline}
              onChange={(e) => set('baseline')(e.target.value)}
            />
          )}
        </Field>
        <fieldset className="fieldset fieldset--compact target-kind">
          <legend className="field__label">Target as</legend>
          <div className="segmented">
            <label className={`segmented__option ${targetKind === 'absolute' ? 'is-on' : ''}`}>
              <input
                type="radio"
                name={targetKindName}
                checked={targetKind === 'absolute'}
                onChange={() => setTargetKind('absolute')}
              />
              A value
            </label>
            <label className={`segmented__option ${targetKind === 'relative' ? 'is-on' : ''}`}>
              <input
                type="radio"
                name={targetKindName}
                checked={targetKind === 'relative'}
                onChange={() => setTargetKind('relative')}
              />
              A change in %
            </label>
          </div>
        </fieldset>
        {targetKind === 'absolute' ? (
          <Field label="Target" className="narrow" error={errors.target}>
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={values.target}
                onChange={(e) => set('target')(e.target.value)}
              />
            )}
          </Field>
        ) : (
          <Field
            label="Change (%)"
            className="narrow"
            error={errors.targetChangePct}
            hint="−10 means 10 % lower"
          >
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={values.changePct}
                onChange={(e) => set('changePct')(e.target.value)}
              />
            )}
          </Field>
        )}
        <Field label="Unit" className="narrow" optional error={errors.unit}>
          {(props) => (
            <input
              {...props}
              value={values.unit}
              placeholder="e.g. %"
              onChange={(e) => set('unit')(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Deadline" className="narrow-date" error={errors.deadline}>
        {(props) => (
          <DateInput
            {...props}
            value={values.deadline}
            onChange={(e) => set('deadline')(e.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {goal
            ? save.isPending
              ? 'Saving…'
              : 'Save goal'
            : save.isPending
              ? 'Adding…'
              : 'Add goal'}
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
