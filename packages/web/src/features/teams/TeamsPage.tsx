import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Team } from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import { useCreateTeam, useTeams } from '../../api/teams';
import { EmptyState } from '../../components/Feedback';
import { ListState } from '../../components/ListState';
import { FormShell, InlineSubmit, TextField } from '../../components/form';
import { Section, TitledPageHeader } from '../../components/Section';
import { DataTable, type Column } from '../../components/DataTable';
import { formatDate } from '../../lib/format';
import { RoleBadge } from './RoleBadge';
import { PrimaryLink } from '../../components/PrimaryLink';

function CreateTeamForm() {
  const [name, setName] = useState('');
  const create = useCreateTeam();
  const navigate = useNavigate();
  const errors = fieldErrors(create.error);
  const submit = () =>
    create.mutate({ name: name.trim() }, { onSuccess: (team) => navigate(`/teams/${team.id}`) });
  return (
    <FormShell
      label="Create team"
      className="form"
      onSubmit={submit}
      notice={create.error && !errors.name ? create.error : null}
    >
      <div className="form__row form__row--end">
        <TextField
          label="Team name"
          className="grow"
          error={errors.name}
          value={name}
          placeholder="e.g. Reliability Analytics"
          onChange={setName}
          required
        />
        <InlineSubmit
          label="Create team"
          pendingLabel="Creating…"
          pending={create.isPending}
          disabled={!name.trim()}
        />
      </div>
      <p className="field__hint">You become the team’s admin and can add members.</p>
    </FormShell>
  );
}

/** The reader's teams, each linking to its page. */
const TEAM_COLUMNS: Column<Team>[] = [
  {
    header: 'Team',
    cell: (team) => <PrimaryLink to={`/teams/${team.id}`}>{team.name}</PrimaryLink>,
  },
  { header: 'Your role', cell: (team) => <RoleBadge role={team.role} /> },
  { header: 'Members', cell: (team) => team.memberCount },
  { header: 'Created', cell: (team) => formatDate(team.createdAt) },
];

export function TeamsPage() {
  const teams = useTeams();
  return (
    <div className="page">
      <TitledPageHeader
        title="Teams"
        subtitle="Projects belong to teams; your role in a team decides what you may change."
      />
      <Section title="Your teams" className="card--flush-body">
        <ListState
          query={teams}
          isEmpty={teams.data?.length === 0}
          empty={
            <EmptyState title="You are not in a team yet">
              <p>Create one below, or ask a team admin to add you by your email.</p>
            </EmptyState>
          }
        >
          {(data) => <DataTable label="Your teams" rows={data} columns={TEAM_COLUMNS} />}
        </ListState>
      </Section>
      <Section title="Create a team">
        <CreateTeamForm />
      </Section>
    </div>
  );
}
