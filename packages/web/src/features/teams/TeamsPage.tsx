import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldErrors } from '../../api/errors';
import { useCreateTeam, useTeams } from '../../api/teams';
import { EmptyState, ErrorNotice, Loading } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { PageHeader, Section } from '../../components/Section';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../lib/format';
import { RoleBadge } from './RoleBadge';

function CreateTeamForm() {
  const [name, setName] = useState('');
  const create = useCreateTeam();
  const navigate = useNavigate();
  const errors = fieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim() }, { onSuccess: (team) => navigate(`/teams/${team.id}`) });
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Create team">
      {create.error && !errors.name ? <ErrorNotice error={create.error} /> : null}
      <div className="form__row form__row--end">
        <Field label="Team name" className="grow" error={errors.name}>
          {(props) => (
            <input
              {...props}
              value={name}
              placeholder="e.g. Reliability Analytics"
              onChange={(e) => setName(e.target.value)}
              required
            />
          )}
        </Field>
        <button
          type="submit"
          className="btn btn--primary form__inline-submit"
          disabled={create.isPending || !name.trim()}
        >
          {create.isPending ? 'Creating…' : 'Create team'}
        </button>
      </div>
      <p className="field__hint">You become the team’s admin and can add members.</p>
    </form>
  );
}

export function TeamsPage() {
  const teams = useTeams();
  return (
    <div className="page">
      <PageTitle title="Teams" />
      <PageHeader
        title="Teams"
        subtitle="Projects belong to teams; your role in a team decides what you may change."
      />
      <Section title="Your teams" className="card--flush-body">
        {teams.isPending ? (
          <Loading />
        ) : teams.isError ? (
          <ErrorNotice error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.data.length === 0 ? (
          <EmptyState title="You are not in a team yet">
            <p>Create one below, or ask a team admin to add you by your email.</p>
          </EmptyState>
        ) : (
          <DataTable
            label="Your teams"
            rows={teams.data}
            rowKey={(team) => team.id}
            columns={[
              {
                header: 'Team',
                cell: (team) => (
                  <Link className="table__primary-link" to={`/teams/${team.id}`}>
                    {team.name}
                  </Link>
                ),
              },
              { header: 'Your role', cell: (team) => <RoleBadge role={team.role} /> },
              { header: 'Members', cell: (team) => team.memberCount },
              { header: 'Created', cell: (team) => formatDate(team.createdAt) },
            ]}
          />
        )}
      </Section>
      <Section title="Create a team">
        <CreateTeamForm />
      </Section>
    </div>
  );
}
