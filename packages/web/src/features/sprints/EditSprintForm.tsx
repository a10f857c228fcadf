import { useState, type FormEvent } from 'react';
import { checkSprintDates, type SprintDetail, type UpdateSprintBody } from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import { useUpdateSprint } from '../../api/sprints';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { lengthText } from './sprint-text';
import { DateInput } from '../../components/DateInput';

/** Renames, re-goals or re-dates an open sprint; an active sprint keeps its start date. */
export function EditSprintForm({ sprint, onDone }: { sprint: SprintDetail; onDone: () => void }) {
  const [name, setName] = useState(sprint.name);
  const [goal, setGoal] = useState(sprint.goal);
  const [startDate, setStartDate] = useState(sprint.startDate);
  const [endDate, setEndDate] = useState(sprint.endDate);
  const update = useUpdateSprint(sprint.projectId, sprint.id);
  const errors = fieldErrors(update.error);
  const check = startDate && endDate ? checkSprintDates(startDate, endDate) : null;
  const started = sprint.state !== 'planned';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateSprintBody = {};
    if (name.trim() !== sprint.name) body.name = name.trim();
    if (goal.trim() !== sprint.goal) body.goal = goal.trim();
    if (!started && startDate !== sprint.startDate) body.startDate = startDate;
    if (endDate !== sprint.endDate) body.endDate = endDate;
    if (Object.keys(body).length === 0) return onDone();
    update.mutate(body, { onSuccess: onDone });
  };

  return (
    <form className="form inset-form" onSubmit={submit} aria-label="Edit sprint">
      {update.error && Object.keys(errors).length === 0 ? (
        <ErrorNotice error={update.error} title="The sprint was not changed." />
      ) : null}
      <div className="form__row">
        <Field label="Name" error={errors.name}>
          {(props) => (
            <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />
          )}
        </Field>
        <Field label="Goal" optional className="grow" error={errors.goal}>
          {(props) => <input {...props} value={goal} onChange={(e) => setGoal(e.target.value)} />}
        </Field>
      </div>
      <div className="form__row">
        <Field
          label="Start date"
          className="narrow-date"
          error={errors.startDate}
          hint={started ? 'The sprint has started: its start is part of the record.' : undefined}
        >
          {(props) => (
            <DateInput
              {...props}
              value={startDate}
              disabled={started}
              onChange={(e) => setStartDate(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="End date" className="narrow-date" error={errors.endDate}>
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
      {check ? (
        <p className={check.ok ? 'field__hint' : 'hint-warning'} aria-live="polite">
          {check.ok ? lengthText(check.lengthDays) : check.message}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save sprint'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
