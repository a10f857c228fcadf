import type {
  ChangeEvent,
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { DateInput } from '../DateInput';
import { Field } from '../Field';

/** What every field takes besides its control: the label, hint, error and layout class. */
interface FieldFrame {
  label: ReactNode;
  error?: string | null | undefined;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
}

/** A control's own attributes, with `value` a string and `onChange` handed the new value. */
type ControlOf<A> = Omit<A, 'id' | 'value' | 'onChange' | 'className'> & {
  value: string;
  onChange: (value: string) => void;
  /** The control's own class (the field's is `className`). */
  controlClassName?: string;
};

type InputControl = ControlOf<InputHTMLAttributes<HTMLInputElement>> & {
  ref?: Ref<HTMLInputElement>;
  /** Drawn right after the input, inside the field (its `<datalist>`). */
  afterControl?: ReactNode;
};

/** The control's own attributes: the props less the field's and the kit's. */
function omitFrame<
  P extends FieldFrame & { value: unknown; onChange: unknown; controlClassName?: string },
>(props: P) {
  const {
    label: _label,
    error: _error,
    hint: _hint,
    optional: _optional,
    className: _className,
    value: _value,
    onChange: _onChange,
    controlClassName: _controlClassName,
    ...rest
  } = props;
  return rest;
}

function frame({ label, error, hint, optional, className }: FieldFrame) {
  return { label, error, hint, optional, className };
}

/** What the kit sets on a control: its class, its value and the change handler handed the value. */
function bind<T extends string>(props: {
  value: T;
  onChange: (value: T) => void;
  controlClassName?: string | undefined;
}) {
  return {
    className: props.controlClassName,
    value: props.value,
    // A select's options are the T values and a text control's T is string, so the value is a T.
    onChange: (e: ChangeEvent<{ value: string }>) => props.onChange(e.target.value as T),
  };
}

/** A labelled text input (`type` may be email, url, password, search…). */
export function TextField(props: FieldFrame & InputControl) {
  const { afterControl, ...input } = omitFrame(props);
  return (
    <Field {...frame(props)}>
      {(control) => (
        <>
          <input {...control} {...input} {...bind(props)} />
          {afterControl}
        </>
      )}
    </Field>
  );
}

/**
 * A labelled number: a text input with the decimal keypad, its value the text typed, parsed
 * on submit (parseNumberInput) so a half-typed `3.` or `−` is never lost.
 */
export function NumberField(props: FieldFrame & Omit<InputControl, 'type' | 'inputMode'>) {
  return <TextField inputMode="decimal" {...props} />;
}

/** A labelled calendar-day input, the day written beside it (DateInput). */
export function DateField(props: FieldFrame & Omit<InputControl, 'type'>) {
  return (
    <Field {...frame(props)}>
      {(control) => <DateInput {...control} {...omitFrame(props)} {...bind(props)} />}
    </Field>
  );
}

export interface SelectOption<T extends string> {
  value: T;
  label: ReactNode;
}

/** A labelled select over a list of options (or its own `<option>` children). */
export function SelectField<T extends string>(
  props: FieldFrame &
    Omit<ControlOf<SelectHTMLAttributes<HTMLSelectElement>>, 'value' | 'onChange'> & {
      value: T;
      onChange: (value: T) => void;
      options?: readonly SelectOption<T>[];
    },
) {
  const { options, children, ...select } = omitFrame(props);
  return (
    <Field {...frame(props)}>
      {(control) => (
        <select {...control} {...select} {...bind(props)}>
          {options
            ? options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))
            : children}
        </select>
      )}
    </Field>
  );
}

/** A labelled textarea, two rows high unless `rows` says otherwise. */
export function TextareaField(
  props: FieldFrame & ControlOf<TextareaHTMLAttributes<HTMLTextAreaElement>>,
) {
  return (
    <Field {...frame(props)}>
      {(control) => <textarea {...control} rows={2} {...omitFrame(props)} {...bind(props)} />}
    </Field>
  );
}
