import { checkSprintDates } from '@sextant/core';
import type { PlanSprintInput } from '../../api/sprints';
import { useMutationFields, type FormFields, type SaveState } from '../../components/form';

/** What the sprint forms edit: a sprint's name, goal and days, as typed. */
export interface SprintDraft {
  name: string;
  goal: string;
  startDate: string;
  endDate: string;
}

/** A sprint draft's fields and save, and the check of its days once both are set (else null). */
export interface SprintDraftFields extends FormFields<SprintDraft>, SaveState {
  datesCheck: ReturnType<typeof checkSprintDates> | null;
}

/**
 * The name, goal and days of a sprint being planned, edited or planned on closing the one
 * before, saved with `mutation` (its error's fields under `prefix`, as in useFormErrors).
 */
export function useSprintDraft(
  initial: SprintDraft | (() => SprintDraft),
  mutation: { error: unknown; isPending: boolean },
  prefix?: string,
): SprintDraftFields {
  const draft = useMutationFields(initial, mutation, prefix);
  const { startDate, endDate } = draft.values;
  const datesCheck = startDate && endDate ? checkSprintDates(startDate, endDate) : null;
  return { ...draft, datesCheck };
}

/** The body that plans a draft: a name left empty is left out, so the API names it Sprint N. */
export function planSprintBody({ name, goal, startDate, endDate }: SprintDraft): PlanSprintInput {
  return {
    ...(name.trim() ? { name: name.trim() } : {}),
    goal: goal.trim(),
    startDate,
    endDate,
  };
}
