import { useNavigate } from 'react-router';
import type { Team } from '@sextant/core';
import { useCreateProject } from '../../api/projects';
import { FormShell, SelectField, TextField, useMutationFields } from '../../components/form';

interface NewProjectFormProps {
  /** Teams where the person may start projects (member or admin). */
  teams: Pick<Team, 'id' | 'name'>[];
  onCancel: () => void;
}

export function NewProjectForm({ teams, onCancel }: NewProjectFormProps) {
  const create = useCreateProject();
  const navigate = useNavigate();
  const form = useMutationFields({ teamId: teams[0]?.id ?? '', name: '' }, create);
  const { teamId, name } = form.values;

  const submit = () =>
    create.mutate(
      { teamId, name: name.trim() },
      { onSuccess: (project) => navigate(`/projects/${project.id}`) },
    );

  return (
    <FormShell
      className="card form new-project"
      onSubmit={submit}
      title="New project"
      titleLevel={2}
      intro={
        <p className="muted">
          A project starts in scoping. Next you describe its scope, goals and success criterion.
        </p>
      }
      form={form}
      actions={{
        submitLabel: 'Create project',
        pendingLabel: 'Creating…',
        disabled: !name.trim() || !teamId,
        onCancel,
      }}
    >
      <div className="form__row">
        <SelectField
          label="Team"
          {...form.field('teamId')}
          required
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <TextField
          label="Project name"
          className="grow"
          {...form.field('name')}
          placeholder="e.g. Churn early warning"
          required
          autoFocus
        />
      </div>
    </FormShell>
  );
}
