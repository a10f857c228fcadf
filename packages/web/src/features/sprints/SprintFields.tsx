import type { ReactNode } from 'react';
import { DateField, TextField, type FormFields } from '../../components/form';
import type { SprintDraft } from './use-sprint-draft';

interface SprintDatesRowProps {
  /** The draft whose `startDate` and `endDate` the row edits (useSprintDraft). */
  draft: FormFields<SprintDraft>;
  /** The fields' class: `narrow-date` in the sprint forms, none in the close dialog. */
  className?: string | undefined;
  startDisabled?: boolean;
  startHint?: ReactNode;
  endHint?: ReactNode;
}

/** A sprint's start and end days, side by side. */
export function SprintDatesRow({
  draft,
  className = 'narrow-date',
  startDisabled,
  startHint,
  endHint,
}: SprintDatesRowProps) {
  const days = [
    { name: 'startDate', label: 'Start date', hint: startHint, disabled: startDisabled },
    { name: 'endDate', label: 'End date', hint: endHint, disabled: undefined },
  ] as const;
  return (
    <div className="form__row">
      {days.map(({ name, label, hint, disabled }) => (
        <DateField
          key={name}
          label={label}
          className={className}
          hint={hint}
          {...draft.field(name)}
          disabled={disabled}
          required
        />
      ))}
    </div>
  );
}

interface SprintNameGoalRowProps {
  /** The draft whose `name` and `goal` the row edits (useSprintDraft). */
  draft: FormFields<SprintDraft>;
  /** A new sprint's name may be left out (it defaults to "Sprint N"); a stored one stays. */
  nameOptional?: boolean;
  namePlaceholder?: string;
  nameHint?: ReactNode;
  goalPlaceholder?: string;
}

/** A sprint's name and goal, side by side. */
export function SprintNameGoalRow({
  draft,
  nameOptional = false,
  namePlaceholder,
  nameHint,
  goalPlaceholder,
}: SprintNameGoalRowProps) {
  return (
    <div className="form__row">
      <TextField
        label="Name"
        optional={nameOptional}
        hint={nameHint}
        {...draft.field('name')}
        placeholder={namePlaceholder}
        required={!nameOptional}
      />
      <TextField
        label="Goal"
        optional
        className="grow"
        {...draft.field('goal')}
        placeholder={goalPlaceholder}
      />
    </div>
  );
}
