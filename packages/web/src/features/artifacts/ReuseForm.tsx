import type { Artifact, Project } from '@sextant/core';
import { useRecordReuse } from '../../api/artifacts';
import { FormShell, SelectField, TextField, useMutationFields } from '../../components/form';
import { projectOptions } from './project-options';

interface ReuseFormProps {
  artifact: Artifact;
  /** The caller's projects where they may write; the producing project is left out. */
  projects: Project[];
  onDone: () => void;
}

/** Records that one of my projects reused an artifact, and what for. */
export function ReuseForm({ artifact, projects, onDone }: ReuseFormProps) {
  const producer = artifact.producedBy.visible ? artifact.producedBy.projectId : null;
  const choices = projects.filter((p) => p.id !== producer);
  const record = useRecordReuse();
  const form = useMutationFields({ projectId: choices[0]?.id ?? '', purpose: '' }, record);
  const { projectId, purpose } = form.values;

  const submit = () =>
    record.mutate(
      { artifactId: artifact.id, body: { projectId, purpose: purpose.trim() } },
      { onSuccess: onDone },
    );

  if (choices.length === 0) {
    return (
      <div className="form">
        <p>
          None of your other projects can record this reuse: a project cannot reuse its own
          artifact, and viewers cannot record reuses.
        </p>
        <div className="form__actions">
          <button type="button" className="btn" onClick={onDone}>
            Close
          </button>
        </div>
      </div>
    );
  }

  return (
    <FormShell
      label={`Record a reuse of ${artifact.name}`}
      className="form"
      onSubmit={submit}
      title={`Record a reuse of “${artifact.name}”`}
      form={form}
      actions={{
        submitLabel: 'Record reuse',
        pendingLabel: 'Recording…',
        disabled: !projectId || !purpose.trim(),
        onCancel: onDone,
      }}
    >
      <div className="form__row">
        <SelectField
          label="Reused by"
          className="narrow"
          {...form.field('projectId')}
          options={projectOptions(choices)}
        />
        <TextField
          label="Purpose"
          className="grow"
          hint="What the project used it for, e.g. “labels for the plant 2 model”."
          {...form.field('purpose')}
          required
        />
      </div>
    </FormShell>
  );
}
