import type { ReactNode } from 'react';
import { DateField } from '../../components/form';

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
