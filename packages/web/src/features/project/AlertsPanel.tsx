import { useId } from 'react';
import { Link } from 'react-router';
import type { AlertView } from '@sextant/core';
import { formatDate } from '../../lib/format';

const SEVERITY_LABEL: Record<AlertView['severity'], string> = { red: 'Red', amber: 'Amber' };

/**
 * The project's open alerts, red first: why (the message), since when, and where to act. A
 * reader who may not change the project gets no action that would (the message says what is
 * missing), only the pages that show the matter.
 */
export function AlertsPanel({ alerts, canEdit }: { alerts: AlertView[]; canEdit: boolean }) {
  const titleId = useId();
  const sorted = [...alerts].sort(
    (a, b) => Number(b.severity === 'red') - Number(a.severity === 'red'),
  );
  return (
    <section className="alerts" aria-labelledby={titleId}>
      <h2 id={titleId} className="alerts__title">
        {alerts.length === 0
          ? 'Alerts'
          : alerts.length === 1
            ? '1 open alert'
            : `${alerts.length} open alerts`}
      </h2>
      {alerts.length === 0 ? (
        <p className="alerts__empty">No open alerts</p>
      ) : (
        <ul className="alerts__list" aria-label="Open alerts">
          {sorted.map((alert) => (
            <li key={alert.id} className={`alerts__item alerts__item--${alert.severity}`}>
              <span className={`alerts__severity alerts__severity--${alert.severity}`}>
                {SEVERITY_LABEL[alert.severity]}
              </span>
              <span className="alerts__message">{alert.message}</span>
              <span className="alerts__since">
                Since <time dateTime={alert.since}>{formatDate(alert.since)}</time>
              </span>
              {canEdit || alert.action.kind === 'open' ? (
                <Link className="btn btn--small alerts__action" to={alert.action.path}>
                  {alert.action.label}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
