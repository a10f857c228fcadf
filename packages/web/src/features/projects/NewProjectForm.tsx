import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Team } from '@sextant/core';
import { useCreateProject } from '../../api/projects';
import { fieldErrors } from '../../api/errors';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';

interface NewProjectFormProps {
  /** Teams where the person may start projects (member or admin). */
  teams: Pick<Team, 'id' | 'name'>[];
  onCancel: () => void;
}

export function NewProjectForm({ teams, onCancel }: NewProjectFormProps) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [name, setName] = useState('');
  const create = useCreateProject();
  const navigate = useNavigate();
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { teamId, name: name.trim() },
      { onSuccess: (project) => navigate(`/projects/${project.id}`) },
    );
  };

  return (
    <form className="card form new-project" onSubmit={submit} aria-label="New project">
      <h2 className="card__title">New project</h2>
      <p className="muted">
        A project starts in scoping. Next you describe its scope, goals and success criterion.
      </p>
      {create.error && Object.keys(errors).length === 0 ? (
        <ErrorNotice error={create.error} />
      ) : null}
      <div className="form__row">
        <Field label="Team" error={errors.teamId}>
          {(props) => (
            <select {...props} value={teamId} onChange={(e) => setTeamId(e.target.value)} required>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Project name" error={errors.name} className="grow">
          {(props) => (
            <input
              {...props}
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Churn early warning"
              required
              autoFocus
            />
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending || !name.trim() || !teamId}
        >
          {create.isPending ? 'Creating…' : 'Create project'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
