import { useState, type ReactNode } from 'react';

interface ConfirmButtonProps {
  /** The button's text, e.g. "Revoke". */
  label: string;
  /** The question shown before acting, e.g. "Revoke token ci-main?". */
  question: ReactNode;
  /** Text of the confirming button; defaults to the label. */
  confirmLabel?: string;
  onConfirm: () => void;
  pending?: boolean;
  danger?: boolean;
  /** Accessible name when the visible label alone is ambiguous in a list. */
  ariaLabel?: string;
}

/** A destructive action that asks once, inline, before it acts. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending,
  danger = true,
  ariaLabel,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className={`btn btn--small ${danger ? 'btn--danger-ghost' : ''}`}
        onClick={() => setAsking(true)}
        aria-label={ariaLabel}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm">
      <span className="confirm__question">{question}</span>
      <button
        type="button"
        className={`btn btn--small ${danger ? 'btn--danger' : 'btn--primary'}`}
        disabled={pending}
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel ?? label}
      </button>
      <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
