import type { ReactNode } from 'react';
import { DateField, TextField } from '../../components/form';

interface SprintDatesRowProps {
  startDate: string;
  endDate: string;
  onStartDate: (value: string) => void;
  onEndDate: (value: string) => void;
  /** Field errors by name (`startDate`, `endDate`). */
  errors: Record<string, string>;
  /** The fields' class: `narrow-date` in the sprint forms, none in the close dialog. */
  className?: string | undefined;
  startDisabled?: boolean;
  startHint?: ReactNode;
  endHint?: ReactNode;
}

/** A sprint's start and end days, side by side. */
export function SprintDatesRow({
  startDate,
  endDate,
  onStartDate,
  onEndDate,
  errors,
  className = 'narrow-date',
  startDisabled,
  startHint,
  endHint,
}: SprintDatesRowProps) {
  return (
    <div className="form__row">
      <DateField
        label="Start date"
        className={className}
        error={errors.startDate}
        hint={startHint}
        value={startDate}
        disabled={startDisabled}
        onChange={onStartDate}
        required
      />
      <DateField
        label="End date"
        className={className}
        error={errors.endDate}
        hint={endHint}
        value={endDate}
        onChange={onEndDate}
        required
      />
    </div>
  );
}

interface SprintNameGoalRowProps {
  name: string;
  goal: string;
  onName: (value: string) => void;
  onGoal: (value: string) => void;
  /** Field errors by name (`name`, `goal`). */
  errors: Record<string, string>;
  /** A new sprint's name may be left out (it defaults to "Sprint N"); a stored one stays. */
  nameOptional?: boolean;
  namePlaceholder?: string;
  nameHint?: ReactNode;
  goalPlaceholder?: string;
}

/** A sprint's name and goal, side by side. */
export function SprintNameGoalRow({
  name,
  goal,
  onName,
  onGoal,
  errors,
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
        error={errors.name}
        hint={nameHint}
        value={name}
        placeholder={namePlaceholder}
        onChange={onName}
        required={!nameOptional}
      />
      <TextField
        label="Goal"
        optional
        className="grow"
        error={errors.goal}
        value={goal}
        placeholder={goalPlaceholder}
        onChange={onGoal}
      />
    </div>
  );
}
