import { STAGES, type Team } from '@sextant/core';
import type { ProjectFilters as Filters } from '../../api/keys';
import { stageLabel } from '../../lib/format';
import { FilterSelects, type FilterChoice } from '../../components/FilterSelect';

const STAGE_OPTIONS = STAGES.map((stage) => [stage, stageLabel(stage)] as const);

interface ProjectFiltersProps {
  teams: Pick<Team, 'id' | 'name'>[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function ProjectFilters({ teams, filters, onChange }: ProjectFiltersProps) {
  const choices: FilterChoice<'teamId' | 'stage'>[] = [
    {
      key: 'teamId',
      label: 'Team',
      all: 'All teams',
      options: teams.map((team) => [team.id, team.name] as const),
    },
    { key: 'stage', label: 'Stage', all: 'All stages', options: STAGE_OPTIONS },
  ];
  return (
    <div className="filters" role="group" aria-label="Filter projects">
      <FilterSelects choices={choices} filters={filters} onChange={onChange} />
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
