import { useId, useState } from 'react';
import type { CreateGoalBody, Goal } from '@sextant/core';
import { useCreateGoal, useUpdateGoal } from '../../api/goals';
import { fieldProblems, isApiError, type FieldProblem } from '../../api/errors';
import {
  DateField,
  FormShell,
  NumberField,
  Segment,
  SelectField,
  TextField,
  useFormErrors,
  useFormFields,
} from '../../components/form';
import { parseNumberInput } from '../../lib/format';

interface GoalFormProps {
  projectId: string;
  /** The goal to edit, or none to add one. */
  goal?: Goal | null | undefined;
  onDone: () => void;
  onCancel?: (() => void) | undefined;
}

type TargetKind = 'absolute' | 'relative';

/** The problems a 422 goal_not_quantifiable lists, one per field. */
function goalProblems(error: unknown): FieldProblem[] {
  if (!isApiError(error) || error.code !== 'goal_not_quantifiable') return [];
  return fieldProblems(error.details.problems);
}

const DIRECTION_OPTIONS = [
  { value: '', label: 'Choose…' },
  { value: 'increase', label: 'Increase' },
  { value: 'decrease', label: 'Decrease' },
];

const TARGET_KINDS: { kind: TargetKind; label: string }[] = [
  { kind: 'absolute', label: 'A value' },
  { kind: 'relative', label: 'A change in %' },
];

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
  const [targetKind, setTargetKind] = useState<TargetKind>(
    goal && goal.targetChangePct !== null ? 'relative' : 'absolute',
  );
  const targetKindName = useId();
  const create = useCreateGoal(projectId);
  const update = useUpdateGoal(projectId);
  const save = goal ? update : create;
  const action = goal ? 'Edit goal' : 'Add goal';

  // Field errors: the 422's problems (named by goal field) and a 400's field list.
  const server = useFormErrors(save.error);
  const errors: Record<string, string> = { ...server.fields };
  for (const problem of goalProblems(save.error)) {
    const key =
      problem.field === 'target' && targetKind === 'relative' ? 'targetChangePct' : problem.field;
    errors[key] = errors[key]
      ? `${errors[key]} ${sentence(problem.message)}`
      : sentence(problem.message);
  }
  const form = useFormFields(() => (goal ? valuesOf(goal) : EMPTY), errors);
  const values = form.values;

  const submit = () => {
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
    if (!form.check(problems)) return;

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
      form.setValues(EMPTY);
      onDone();
    };
    if (goal) update.mutate({ goalId: goal.id, body }, { onSuccess });
    else create.mutate(body, { onSuccess });
  };

  const refused = goalProblems(save.error).length > 0;

  return (
    <FormShell
      label={action}
      className="form goal-form"
      onSubmit={submit}
      noValidate
      title={goal ? 'Edit the goal' : 'Add a goal'}
      notice={refused ? save.error : server.notice}
      noticeTitle={refused ? 'This goal was refused.' : undefined}
      actions={{
        submitLabel: goal ? 'Save goal' : 'Add goal',
        pendingLabel: goal ? 'Saving…' : 'Adding…',
        pending: save.isPending,
        onCancel,
      }}
    >
      <TextField
        label="Statement"
        hint="What the business wants, in a sentence."
        {...form.field('statement')}
        placeholder="e.g. Reduce monthly churn"
      />
      <div className="form__row">
        <TextField
          label="Metric"
          className="grow"
          {...form.field('metric')}
          placeholder="e.g. Monthly churn rate"
        />
        <SelectField label="Direction" {...form.field('direction')} options={DIRECTION_OPTIONS} />
      </div>
      <div className="form__row">
        <NumberField
          label="Baseline"
          className="narrow"
          hint="Value today"
          {...form.field('baseline')}
        />
        <fieldset className="fieldset fieldset--compact target-kind">
          <legend className="field__label">Target as</legend>
          <div className="segmented">
            {TARGET_KINDS.map(({ kind, label }) => (
              <Segment
                key={kind}
                label={label}
                type="radio"
                name={targetKindName}
                checked={targetKind === kind}
                onChange={() => setTargetKind(kind)}
              />
            ))}
          </div>
        </fieldset>
        {targetKind === 'absolute' ? (
          <NumberField label="Target" className="narrow" {...form.field('target')} />
        ) : (
          <NumberField
            label="Change (%)"
            className="narrow"
            hint="−10 means 10 % lower"
            {...form.field('changePct', 'targetChangePct')}
          />
        )}
        <TextField
          label="Unit"
          className="narrow"
          optional
          {...form.field('unit')}
          placeholder="e.g. %"
        />
      </div>
      <DateField label="Deadline" className="narrow-date" {...form.field('deadline')} />
    </FormShell>
  );
}
