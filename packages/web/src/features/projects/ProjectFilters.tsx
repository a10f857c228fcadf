import { STAGES, type Team } from '@sextant/core';
import type { ProjectFilters as Filters } from '../../api/keys';
import { stageLabel } from '../../lib/format';
import { FilterSelect } from '../../components/FilterSelect';

interface ProjectFiltersProps {
  teams: Pick<Team, 'id' | 'name'>[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function ProjectFilters({ teams, filters, onChange }: ProjectFiltersProps) {
  return (
    <div className="filters" role="group" aria-label="Filter projects">
      <FilterSelect
        label="Team"
        all="All teams"
        value={filters.teamId}
        options={teams.map((team) => [team.id, team.name] as const)}
        onChange={(teamId) => onChange({ ...filters, teamId })}
      />
      <FilterSelect
        label="Stage"
        all="All stages"
        value={filters.stage}
        options={STAGES.map((stage) => [stage, stageLabel(stage)] as const)}
        onChange={(stage) => onChange({ ...filters, stage })}
      />
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
