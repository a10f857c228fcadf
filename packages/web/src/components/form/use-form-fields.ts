import { useState, type Dispatch, type SetStateAction } from 'react';
import { useFormErrors } from './use-form-errors';

/** What a kit field takes from its form: the value, the change handler and the message. */
export interface FieldBinding<T> {
  value: T;
  onChange: (value: T) => void;
  error: string | undefined;
}

/** Messages by field name (or by the API's path for it). */
type FieldMessages = Record<string, string | undefined>;

/** A form's values held in one state, and the props each kit field takes for one of them. */
export interface FormFields<V> {
  values: V;
  setValues: Dispatch<SetStateAction<V>>;
  /** Sets one value, keeping the others. */
  setValue: <K extends keyof V>(name: K, value: V[K]) => void;
  /**
   * The `{value, onChange, error}` a kit field spreads for `name`: `<TextField label="Owner"
   * {...form.field('owner')} />`. The message is looked up under `errorKey` when the API names
   * the field otherwise (`affectedRoles`, `evaluation.trainSize`), else under `name`.
   */
  field: <K extends keyof V & string>(name: K, errorKey?: string) => FieldBinding<V[K]>;
  /** The messages by field: the form's own problems (see `check`) over the `errors` given. */
  errors: FieldMessages;
  /**
   * Shows the problems the form found itself before sending (by field or API path) under
   * their fields, over any the server named, until the next check; true when there are none.
   */
  check: (problems: Record<string, string>) => boolean;
}

/**
 * A form's field values, from `initial` (or a function making them, run once), with `errors`
 * the messages by field (useFormErrors' `fields`), or a function of the values when a message
 * depends on what is typed (two passwords differ).
 */
export function useFormFields<V extends object>(
  initial: V | (() => V),
  errors: FieldMessages | ((values: V) => FieldMessages),
): FormFields<V> {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const given = typeof errors === 'function' ? errors(values) : errors;
  const messages = { ...given, ...problems };
  const setValue = <K extends keyof V>(name: K, value: V[K]) =>
    setValues((current) => ({ ...current, [name]: value }));
  const field = <K extends keyof V & string>(name: K, errorKey: string = name) => ({
    value: values[name],
    onChange: (value: V[K]) => setValue(name, value),
    error: messages[errorKey],
  });
  const check = (found: Record<string, string>) => {
    setProblems(found);
    return Object.keys(found).length === 0;
  };
  return { values, setValues, setValue, field, errors: messages, check };
}

/** What a form's frame shows of its save (FormShell's `form`). */
export interface SaveState {
  /** The form-level error (see useFormErrors). */
  notice: unknown;
  /** Whether the save is running. */
  pending: boolean;
}

/**
 * useFormFields for a form that saves with `mutation`: the fields' messages come from its error
 * (useFormErrors, `prefix` as there), and the result also holds `errors` by field, the
 * form-level `notice` and whether the save is `pending`, for `<FormShell form={form}>`.
 */
export function useMutationFields<V extends object>(
  initial: V | (() => V),
  mutation: { error: unknown; isPending: boolean },
  prefix?: string,
): FormFields<V> & SaveState {
  const { fields, notice } = useFormErrors(mutation.error, prefix);
  const form = useFormFields(initial, fields);
  return { ...form, notice, pending: mutation.isPending };
}
