import type { Sprint } from '@sextant/core';
import { useCreateSprint } from '../../api/sprints';
import { FormShell } from '../../components/form';
import { SprintDatesRow, SprintNameGoalRow } from './SprintFields';
import { lengthText, suggestSprintDates } from './sprint-text';
import { planSprintBody, useSprintDraft } from './use-sprint-draft';

interface PlanSprintFormProps {
  projectId: string;
  sprints: Sprint[];
  onDone: (sprint: Sprint) => void;
  onCancel: () => void;
}

/** Plans a sprint: dates prefilled with the next free Monday and the suggested two weeks. */
export function PlanSprintForm({ projectId, sprints, onDone, onCancel }: PlanSprintFormProps) {
  const create = useCreateSprint(projectId);
  const draft = useSprintDraft(
    () => ({ name: '', goal: '', ...suggestSprintDates(sprints) }),
    create,
  );
  const check = draft.datesCheck;
  const nextNumber = sprints.reduce((max, s) => Math.max(max, s.number), 0) + 1;

  const submit = () => create.mutate(planSprintBody(draft.values), { onSuccess: onDone });

  return (
    <FormShell
      className="form inset-form"
      onSubmit={submit}
      title="Plan a sprint"
      form={draft}
      noticeTitle="This sprint was refused."
      actions={{
        submitLabel: 'Plan sprint',
        pendingLabel: 'Planning…',
        onCancel,
      }}
    >
      <SprintNameGoalRow
        draft={draft}
        nameOptional
        nameHint={`Defaults to “Sprint ${nextNumber}”.`}
        namePlaceholder={`Sprint ${nextNumber}`}
        goalPlaceholder="e.g. A first model scored against the planners’ list"
      />
      <SprintDatesRow draft={draft} endHint="Last day of the sprint, included." />
      <p className={check && !check.ok ? 'hint-warning' : 'field__hint'} aria-live="polite">
        {check === null
          ? 'A sprint lasts 1 to 4 weeks; two to three is the norm.'
          : check.ok
            ? `${lengthText(check.lengthDays)}. A sprint lasts 1 to 4 weeks; two to three is the norm.`
            : check.message}
      </p>
    </FormShell>
  );
}
