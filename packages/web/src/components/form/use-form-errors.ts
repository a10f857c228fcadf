import { useMemo } from 'react';
import { fieldErrors } from '../../api/errors';

/** What a form shows of a failed mutation. */
export interface FormErrors {
  /** Messages keyed by the form's own field names, from a 400's `details.fields`. */
  fields: Record<string, string>;
  /**
   * The error to show above the form: the mutation's error when it named none of the
   * fields (a 409, a refused rule, a network failure), else null.
   */
  notice: unknown;
}

/**
 * Turns a mutation's error into per-field messages and a form-level notice. `prefix` drops a
 * leading path (`nextSprint.`) so fields are looked up by the form's own names.
 */
export function useFormErrors(error: unknown, prefix = ''): FormErrors {
  return useMemo(() => {
    const fields = fieldErrors(error, prefix);
    const notice = error && Object.keys(fields).length === 0 ? error : null;
    return { fields, notice };
  }, [error, prefix]);
}
