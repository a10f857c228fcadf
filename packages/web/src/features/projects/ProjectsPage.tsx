import { useState } from 'react';
import { roleAtLeast } from '@sextant/core';
import { useMe } from '../../api/auth';
import type { ProjectFilters as Filters } from '../../api/keys';
import { useProjectList } from '../../api/projects';
import { EmptyState } from '../../components/Feedback';
import { TitledPageHeader } from '../../components/Section';
import { useAddressFilters } from '../../lib/address-filters';
import { NewProjectForm } from './NewProjectForm';
import { ProjectFilters } from './ProjectFilters';
import { ProjectTable } from './ProjectTable';
import { NoMatch, PagedListState } from '../../components/ListState';
import { NoTeamYet } from '../teams/NoTeamYet';

function filtersFrom(params: URLSearchParams): Filters {
  const archived = params.get('archived');
  return {
    teamId: params.get('team') ?? '',
    stage: params.get('stage') ?? '',
    archived: archived === 'all' || archived === 'true' ? archived : 'false',
  };
}

function filtersToParams(filters: Filters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.teamId) out.set('team', filters.teamId);
  if (filters.stage) out.set('stage', filters.stage);
  if (filters.archived !== 'false') out.set('archived', filters.archived);
  return out;
}

export function ProjectsPage() {
  const me = useMe();
  // Filters live in the address, so a filtered list can be shared and survives reload.
  const [filters, setFilters] = useAddressFilters(filtersFrom, filtersToParams);
  const [creating, setCreating] = useState(false);
  const list = useProjectList(filters);

  const teams = me.data?.teams ?? [];
  const writableTeams = teams.filter((team) => roleAtLeast(team.role, 'member'));
  const projects = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.teamId || filters.stage || filters.archived !== 'false');

  const empty = filtered ? (
    <NoMatch
      title="No project matches these filters"
      onClear={() => setFilters({ teamId: '', stage: '', archived: 'false' })}
    />
  ) : (
    <EmptyState
      title="No projects yet"
      action={
        writableTeams.length > 0 && !creating ? (
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
            Create the first project
          </button>
        ) : null
      }
    >
      <p>
        {writableTeams.length > 0
          ? 'Start one with New project: it begins in scoping, where you name its users, goals and success criterion.'
          : 'You are a viewer in your teams; a member or admin of a team can start a project.'}
      </p>
    </EmptyState>
  );

  return (
    <div className="page">
      <TitledPageHeader
        title="Projects"
        subtitle="Every project of your teams, newest first."
        action={
          writableTeams.length > 0 &&
          !creating && { label: 'New project', onClick: () => setCreating(true) }
        }
      />
      {creating ? (
        <NewProjectForm teams={writableTeams} onCancel={() => setCreating(false)} />
      ) : null}

      {teams.length === 0 ? (
        <NoTeamYet>
          <p>
            Every project belongs to a team. Create a team first (you become its admin), or ask a
            team admin to add you.
          </p>
        </NoTeamYet>
      ) : (
        <div className="card card--flush">
          <div className="card__toolbar">
            <ProjectFilters teams={teams} filters={filters} onChange={setFilters} />
          </div>
          <PagedListState query={list} loading="Loading projects…" empty={empty} withError>
            <ProjectTable projects={projects} />
          </PagedListState>
        </div>
      )}
    </div>
  );
}
