import type { ReactNode } from 'react';

export interface FormActionsProps {
  submitLabel: string;
  /** The submit button's text while the mutation runs; `Saving…` unless told. */
  pendingLabel?: string;
  pending: boolean;
  /** Disabled beyond while pending (a required field still empty). */
  disabled?: boolean;
  onCancel?: () => void;
  cancelLabel?: string;
  /** `btn` unless the form's cancel is quieter (`btn btn--ghost`). */
  cancelClassName?: string;
  /** Small buttons, for a form inside a card. */
  small?: boolean;
  /** The submit does harm (drops a project): a danger button instead of the primary one. */
  danger?: boolean;
  /** Anything after the buttons. */
  children?: ReactNode;
}

/** The submit row: the primary submit button and an optional cancel. */
export function FormActions({
  submitLabel,
  pendingLabel = 'Saving…',
  pending,
  disabled = false,
  onCancel,
  cancelLabel = 'Cancel',
  cancelClassName,
  small = false,
  danger = false,
  children,
}: FormActionsProps) {
  const tone = danger ? 'btn--danger' : 'btn--primary';
  const size = small ? ' btn--small' : '';
  return (
    <div className="form__actions">
      <button type="submit" className={`btn ${tone}${size}`} disabled={pending || disabled}>
        {pending ? pendingLabel : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className={cancelClassName ?? `btn${size}`} onClick={onCancel}>
          {cancelLabel}
        </button>
      ) : null}
      {children}
    </div>
  );
}

/** A submit button at the end of a row of fields (`form__row--end`), for one-line forms. */
export function InlineSubmit({
  label,
  pendingLabel,
  pending,
  disabled = false,
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      className="btn btn--primary form__inline-submit"
      disabled={pending || disabled}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
