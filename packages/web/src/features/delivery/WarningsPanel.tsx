import { useId } from 'react';
import { Link } from 'react-router';
import type { DeliveryWarningView } from '@sextant/core';
import { formatDate } from '../../lib/format';

const RULE_TITLES: Record<DeliveryWarningView['rule'], string> = {
  low_delivery_streak: 'Low delivery',
  person_not_delivering: 'Stories left undelivered',
  sprint_overdue: 'Sprint overdue',
  sprint_empty: 'Sprint without stories',
  evaluation_changed: 'Evaluation strategy changed',
};

interface WarningsPanelProps {
  warnings: DeliveryWarningView[];
  /** Where the reader acts on them. */
  sprintsHref: string;
}

/** Open early warnings, each with why (the numbers) and since when; nothing when there are none. */
export function WarningsPanel({ warnings, sprintsHref }: WarningsPanelProps) {
  const titleId = useId();
  if (warnings.length === 0) return null;
  return (
    <section className="warnings" aria-labelledby={titleId}>
      <header className="warnings__header">
        <h2 id={titleId} className="warnings__title">
          <span className="warnings__icon" aria-hidden="true">
            !
          </span>
          {warnings.length === 1 ? '1 early warning' : `${warnings.length} early warnings`}
        </h2>
        <div className="warnings__links">
          <Link to={sprintsHref}>Sprints</Link>
        </div>
      </header>
      <ul className="warnings__list" aria-label="Early warnings">
        {warnings.map((warning) => (
          <li key={warning.id} className="warnings__item">
            <strong className="warnings__rule">{RULE_TITLES[warning.rule]}</strong>
            <span className="warnings__message">{warning.message}</span>
            <span className="warnings__since">
              Since <time dateTime={warning.since}>{formatDate(warning.since)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
