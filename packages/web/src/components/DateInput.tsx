import type { InputHTMLAttributes } from 'react';
import { formatDate } from '../lib/format';

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value'> & {
  value: string;
};

/**
 * A calendar-day input with the day written beside it the one way Sextant writes dates
 * (`2 Dec 2026`), whatever order the browser's own control shows (mm/dd/yyyy in en-US).
 */
export function DateInput({ value, ...props }: DateInputProps) {
  return (
    <span className="date-input">
      <input {...props} type="date" value={value} />
      {value ? (
        <span className="date-input__text" aria-hidden="true">
          {formatDate(value)}
        </span>
      ) : null}
    </span>
  );
}
