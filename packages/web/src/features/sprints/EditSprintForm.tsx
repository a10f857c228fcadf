import type { SprintDetail, UpdateSprintBody } from '@sextant/core';
import { useUpdateSprint } from '../../api/sprints';
import { FormShell } from '../../components/form';
import { SprintDatesRow, SprintNameGoalRow } from './SprintFields';
import { lengthText } from './sprint-text';
import { useSprintDraft } from './use-sprint-draft';

/** Renames, re-goals or re-dates an open sprint; an active sprint keeps its start date. */
export function EditSprintForm({ sprint, onDone }: { sprint: SprintDetail; onDone: () => void }) {
  const update = useUpdateSprint(sprint.projectId, sprint.id);
  const draft = useSprintDraft(
    { name: sprint.name, goal: sprint.goal, startDate: sprint.startDate, endDate: sprint.endDate },
    update,
  );
  const { name, goal, startDate, endDate } = draft.values;
  const check = draft.datesCheck;
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
      form={draft}
      noticeTitle="The sprint was not changed."
      actions={{
        submitLabel: 'Save sprint',
        onCancel: onDone,
      }}
    >
      <SprintNameGoalRow draft={draft} />
      <SprintDatesRow
        draft={draft}
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
