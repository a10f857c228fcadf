import { useState, type FormEvent } from 'react';
import { checkSprintDates, type Sprint } from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import { useCreateSprint } from '../../api/sprints';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { lengthText, suggestSprintDates } from './sprint-text';
import { DateInput } from '../../components/DateInput';

interface PlanSprintFormProps {
  projectId: string;
  sprints: Sprint[];
  onDone: (sprint: Sprint) => void;
  onCancel: () => void;
}

/** Plans a sprint: dates prefilled with the next free Monday and the suggested two weeks. */
export function PlanSprintForm({ projectId, sprints, onDone, onCancel }: PlanSprintFormProps) {
  const [suggested] = useState(() => suggestSprintDates(sprints));
  const [name, setName] = useState('');
  const [goal, setGoal] = useState('');
  const [startDate, setStartDate] = useState(suggested.startDate);
  const [endDate, setEndDate] = useState(suggested.endDate);
  const create = useCreateSprint(projectId);
  const errors = fieldErrors(create.error);
  const check = startDate && endDate ? checkSprintDates(startDate, endDate) : null;
  const nextNumber = sprints.reduce((max, s) => Math.max(max, s.number), 0) + 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        ...(name.trim() ? { name: name.trim() } : {}),
        goal: goal.trim(),
        startDate,
        endDate,
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="form inset-form" onSubmit={submit} aria-label="Plan a sprint">
      <h3 className="form__title">Plan a sprint</h3>
      {create.error && Object.keys(errors).length === 0 ? (
        <ErrorNotice error={create.error} title="This sprint was refused." />
      ) : null}
      <div className="form__row">
        <Field
          label="Name"
          optional
          error={errors.name}
          hint={`Defaults to “Sprint ${nextNumber}”.`}
        >
          {(props) => (
            <input
              {...props}
              value={name}
              placeholder={`Sprint ${nextNumber}`}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Goal" optional className="grow" error={errors.goal}>
          {(props) => (
            <input
              {...props}
              value={goal}
              placeholder="e.g. A first model scored against the planners’ list"
              onChange={(e) => setGoal(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label="Start date" className="narrow-date" error={errors.startDate}>
          {(props) => (
            <DateInput
              {...props}
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              required
            />
          )}
        </Field>
        <Field
          label="End date"
          className="narrow-date"
          error={errors.endDate}
          hint="Last day of the sprint, included."
        >
          {(props) => (
            <DateInput
              {...props}
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              required
            />
          )}
        </Field>
      </div>
      <p className={check && !check.ok ? 'hint-warning' : 'field__hint'} aria-live="polite">
        {check === null
          ? 'A sprint lasts 1 to 4 weeks; two to three is the norm.'
          : check.ok
            ? `${lengthText(check.lengthDays)}. A sprint lasts 1 to 4 weeks; two to three is the norm.`
            : check.message}
      </p>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={create.isPending}>
          {create.isPending ? 'Planning…' : 'Plan sprint'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
