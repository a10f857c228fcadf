import type { InputHTMLAttributes, ReactNode } from 'react';

interface ChoiceProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> {
  /** The choice's name, in bold. */
  label: ReactNode;
  /** A line under the name saying what the choice means. */
  help?: ReactNode;
}

/**
 * A radio button or checkbox with its name and an optional line of help (`label.choice`);
 * every other prop goes to the input.
 */
export function Choice({ label, help, ...input }: ChoiceProps) {
  return (
    <label className="choice">
      <input {...input} />
      <span>
        <span className="choice__label">{label}</span>
        {help === undefined ? null : <span className="choice__help">{help}</span>}
      </span>
    </label>
  );
}

interface SegmentProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'title'> {
  label: ReactNode;
  /** The segment's tooltip. */
  title?: string | undefined;
}

/** One radio of a segmented control (`.segmented`), lit (`is-on`) when checked. */
export function Segment({ label, title, ...input }: SegmentProps) {
  return (
    <label className={`segmented__option ${input.checked ? 'is-on' : ''}`} title={title}>
      <input {...input} />
      {label}
    </label>
  );
}
