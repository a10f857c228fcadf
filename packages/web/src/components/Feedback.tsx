import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

interface ErrorNoticeProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

/** An error a person can read, announced to screen readers, with an optional retry. */
export function ErrorNotice({ error, title, onRetry, children }: ErrorNoticeProps) {
  return (
    <div className="notice notice--error" role="alert">
      {title ? <strong className="notice__title">{title}</strong> : null}
      <p>{errorMessage(error)}</p>
      {children}
      {onRetry ? (
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function Notice({
  tone = 'info',
  title,
  children,
}: {
  tone?: 'info' | 'warning' | 'success';
  title?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'warning' ? 'note' : 'status'}>
      {title ? <strong className="notice__title">{title}</strong> : null}
      {children}
    </div>
  );
}

interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  /** A primary link as the action. */
  link?: { to: string; label: string };
}

/** Says what is missing and what to do next. */
export function EmptyState({ title, children, action: given, link }: EmptyStateProps) {
  const action =
    given ??
    (link ? (
      <Link to={link.to} className="btn btn--primary">
        {link.label}
      </Link>
    ) : null);
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children ? <div className="empty__body">{children}</div> : null}
      {action ? <div className="empty__action">{action}</div> : null}
    </div>
  );
}
