import type { FormEvent, ReactNode } from 'react';
import { ErrorNotice } from '../Feedback';
import { FormActions, type FormActionsProps } from './FormActions';
import type { SaveState } from './use-form-fields';

interface FormShellProps {
  /** The form's accessible name (its aria-label); the title unless told. */
  label?: string;
  className: string;
  onSubmit: () => void;
  /** A heading above the form: an `h3.form__title`, or `h2.card__title` for a card. */
  title?: string;
  titleLevel?: 2 | 3;
  /** Shown between the title and the notice. */
  intro?: ReactNode;
  /**
   * The form's save (useMutationFields): its notice is shown unless `notice` is given, and the
   * submit row is pending while it runs unless `actions` says.
   */
  form?: SaveState;
  /** The form-level error (see useFormErrors), shown above the fields when set. */
  notice?: unknown;
  noticeTitle?: string;
  noValidate?: boolean;
  /** The submit row; left out when the form draws its own. */
  actions?: Omit<FormActionsProps, 'pending'> & { pending?: boolean };
  children: ReactNode;
}

/** A form's frame: title, error notice, the fields, and the submit/cancel row. */
export function FormShell({
  title,
  label = title,
  className,
  onSubmit,
  titleLevel = 3,
  intro,
  form,
  notice = form?.notice,
  noticeTitle,
  noValidate,
  actions,
  children,
}: FormShellProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={className} onSubmit={submit} aria-label={label} noValidate={noValidate}>
      {title === undefined ? null : titleLevel === 2 ? (
        <h2 className="card__title">{title}</h2>
      ) : (
        <h3 className="form__title">{title}</h3>
      )}
      {intro}
      {notice ? <ErrorNotice error={notice} title={noticeTitle} /> : null}
      {children}
      {actions ? (
        <FormActions {...actions} pending={actions.pending ?? form?.pending ?? false} />
      ) : null}
    </form>
  );
}
