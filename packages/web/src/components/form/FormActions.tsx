import type { ReactNode } from 'react';

export interface FormActionsProps {
  submitLabel: string;
  /** The submit button's text while the mutation runs (`Saving…`). */
  pendingLabel: string;
  pending: boolean;
  /** Disabled beyond while pending (a required field still empty). */
  disabled?: boolean;
  onCancel?: () => void;
  cancelLabel?: string;
  /** Anything after the buttons. */
  children?: ReactNode;
}

/** The submit row: the primary submit button and an optional cancel. */
export function FormActions({
  submitLabel,
  pendingLabel,
  pending,
  disabled = false,
  onCancel,
  cancelLabel = 'Cancel',
  children,
}: FormActionsProps) {
  return (
    <div className="form__actions">
      <button type="submit" className="btn btn--primary" disabled={pending || disabled}>
        {pending ? pendingLabel : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="btn" onClick={onCancel}>
          {cancelLabel}
        </button>
      ) : null}
      {children}
    </div>
  );
}
