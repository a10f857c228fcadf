import { STAGES, type Team } from '@sextant/core';
import type { ProjectFilters as Filters } from '../../api/keys';
import { stageLabel } from '../../lib/format';

interface ProjectFiltersProps {
  teams: Pick<Team, 'id' | 'name'>[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function ProjectFilters({ teams, filters, onChange }: ProjectFiltersProps) {
  return (
    <div className="filters" role="group" aria-label="Filter projects">
      <label className="filters__item">
        <span className="filters__label">Team</span>
        <select
          value={filters.teamId}
          onChange={(e) => onChange({ ...filters, teamId: e.target.value })}
        >
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__item">
        <span className="filters__label">Stage</span>
        <select
          value={filters.stage}
          onChange={(e) => onChange({ ...filters, stage: e.target.value })}
        >
          <option value="">All stages</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabel(stage)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__check">
        <input
          type="checkbox"
          checked={filters.archived === 'all'}
          onChange={(e) => onChange({ ...filters, archived: e.target.checked ? 'all' : 'false' })}
        />
        Show archived
      </label>
    </div>
  );
}
