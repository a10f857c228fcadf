import { useState } from 'react';
import { checkSprintDates, type SprintDetail, type UpdateSprintBody } from '@sextant/core';
import { useUpdateSprint } from '../../api/sprints';
import { FormShell, useFormErrors } from '../../components/form';
import { SprintDatesRow, SprintNameGoalRow } from './SprintFields';
import { lengthText } from './sprint-text';

/** Renames, re-goals or re-dates an open sprint; an active sprint keeps its start date. */
export function EditSprintForm({ sprint, onDone }: { sprint: SprintDetail; onDone: () => void }) {
  const [name, setName] = useState(sprint.name);
  const [goal, setGoal] = useState(sprint.goal);
  const [startDate, setStartDate] = useState(sprint.startDate);
  const [endDate, setEndDate] = useState(sprint.endDate);
  const update = useUpdateSprint(sprint.projectId, sprint.id);
  const errors = useFormErrors(update.error);
  const check = startDate && endDate ? checkSprintDates(startDate, endDate) : null;
  const started = sprint.state !== 'planned';

  const submit = () => {
    const body: UpdateSprintBody = {};
    if (name.trim() !== sprint.name) body.name = name.trim();
    if (goal.trim() !== sprint.goal) body.goal = goal.trim();
    if (!started && startDate !== sprint.startDate) body.startDate = startDate;
    if (endDate !== sprint.endDate) body.endDate = endDate;
    if (Object.keys(body).length === 0) return onDone();
    update.mutate(body, { onSuccess: onDone });
  };

  return (
    <FormShell
      label="Edit sprint"
      className="form inset-form"
      onSubmit={submit}
      notice={errors.notice}
      noticeTitle="The sprint was not changed."
      actions={{
        submitLabel: 'Save sprint',
        pendingLabel: 'Saving…',
        pending: update.isPending,
        onCancel: onDone,
      }}
    >
      <SprintNameGoalRow
        name={name}
        goal={goal}
        onName={setName}
        onGoal={setGoal}
        errors={errors.fields}
      />
      <SprintDatesRow
        startDate={startDate}
        endDate={endDate}
        onStartDate={setStartDate}
        onEndDate={setEndDate}
        errors={errors.fields}
        startDisabled={started}
        startHint={started ? 'The sprint has started: its start is part of the record.' : undefined}
      />
      {check ? (
        <p className={check.ok ? 'field__hint' : 'hint-warning'} aria-live="polite">
          {check.ok ? lengthText(check.lengthDays) : check.message}
        </p>
      ) : null}
    </FormShell>
  );
}
