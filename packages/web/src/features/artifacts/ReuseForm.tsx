import { useState } from 'react';
import type { Artifact, Project } from '@sextant/core';
import { useRecordReuse } from '../../api/artifacts';
import { FormShell, SelectField, TextField, useFormErrors } from '../../components/form';

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
  const [projectId, setProjectId] = useState(choices[0]?.id ?? '');
  const [purpose, setPurpose] = useState('');
  const record = useRecordReuse();
  const errors = useFormErrors(record.error);

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
      notice={errors.notice}
      actions={{
        submitLabel: 'Record reuse',
        pendingLabel: 'Recording…',
        pending: record.isPending,
        disabled: !projectId || !purpose.trim(),
        onCancel: onDone,
      }}
    >
      <div className="form__row">
        <SelectField
          label="Reused by"
          error={errors.fields.projectId}
          className="narrow"
          value={projectId}
          onChange={setProjectId}
          options={choices.map((p) => ({ value: p.id, label: `${p.name} · ${p.teamName}` }))}
        />
        <TextField
          label="Purpose"
          error={errors.fields.purpose}
          className="grow"
          hint="What the project used it for, e.g. “labels for the plant 2 model”."
          value={purpose}
          onChange={setPurpose}
          required
        />
      </div>
    </FormShell>
  );
}
