import { AUDIT_ACTIONS } from '@sextant/core';
import type { AuditFilters, AuditPerson } from '../../api/audit';
import { DateInput } from '../../components/DateInput';
import { FilterSelect } from '../../components/FilterSelect';

interface AuditFilterBarProps {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  people: readonly AuditPerson[];
  projects: readonly { id: string; name: string }[];
}

/** The actions offered: every known one, with the one in the address even when unknown. */
function actionOptions(current: string): [string, string][] {
  const known = Object.entries(AUDIT_ACTIONS).map(([action, phrase]): [string, string] => [
    action,
    `${phrase} (${action})`,
  ]);
  return current && !Object.hasOwn(AUDIT_ACTIONS, current) ? [[current, current], ...known] : known;
}

/** Keeps the option in the address in the list, when the lists do not hold it (yet). */
function withCurrent(options: [string, string][], current: string): [string, string][] {
  return current && !options.some(([id]) => id === current)
    ? [[current, current], ...options]
    : options;
}

/** The audit log's filters: person, action, project and the days from and to (UTC). */
export function AuditFilterBar({ filters, onChange, people, projects }: AuditFilterBarProps) {
  const personOptions = withCurrent(
    people.map((p): [string, string] => [p.id, `${p.name} (${p.email})`]),
    filters.person,
  );
  const projectOptions = withCurrent(
    projects.map((p): [string, string] => [p.id, p.name]),
    filters.project,
  );
  return (
    <div className="filters audit-filters" role="group" aria-label="Filter the audit log">
      <FilterSelect
        label="Person"
        all="Everyone"
        value={filters.person}
        options={personOptions}
        onChange={(person) => onChange({ ...filters, person })}
      />
      <FilterSelect
        label="Action"
        all="Every action"
        value={filters.action}
        options={actionOptions(filters.action)}
        onChange={(action) => onChange({ ...filters, action })}
      />
      <FilterSelect
        label="Project"
        all="Every project"
        value={filters.project}
        options={projectOptions}
        onChange={(project) => onChange({ ...filters, project })}
      />
      <label className="filters__item">
        <span className="filters__label">From (UTC)</span>
        <DateInput
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => onChange({ ...filters, from: e.target.value })}
        />
      </label>
      <label className="filters__item">
        <span className="filters__label">To (UTC)</span>
        <DateInput
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => onChange({ ...filters, to: e.target.value })}
        />
      </label>
    </div>
  );
}
