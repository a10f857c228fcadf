import { useState } from 'react';
import {
  ARTIFACT_KINDS,
  ARTIFACT_KIND_LABELS,
  type ArtifactKind,
  type Project,
} from '@sextant/core';
import { useCreateArtifact } from '../../api/artifacts';
import {
  FormShell,
  SelectField,
  TextField,
  TextareaField,
  useFormErrors,
} from '../../components/form';

interface ArtifactFormProps {
  /** The caller's projects where they may write: one of them produced the artifact. */
  projects: Project[];
  onDone: () => void;
}

/** Adds a reusable artifact produced by one of my projects. */
export function ArtifactForm({ projects, onDone }: ArtifactFormProps) {
  const [projectId, setProjectId] = useState(projects[0]?.id ?? '');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ArtifactKind>('dataset');
  const [description, setDescription] = useState('');
  const [link, setLink] = useState('');
  const create = useCreateArtifact();
  const errors = useFormErrors(create.error);

  const submit = () =>
    create.mutate(
      {
        projectId,
        name: name.trim(),
        kind,
        description: description.trim(),
        link: link.trim() || null,
      },
      { onSuccess: onDone },
    );

  return (
    <FormShell
      label="Add an artifact"
      className="form"
      onSubmit={submit}
      title="Add an artifact"
      notice={errors.notice}
      actions={{
        submitLabel: 'Add artifact',
        pendingLabel: 'Adding…',
        pending: create.isPending,
        disabled: !projectId || !name.trim() || !description.trim(),
        onCancel: onDone,
      }}
    >
      <div className="form__row">
        <SelectField
          label="Produced by"
          error={errors.fields.projectId}
          className="grow"
          value={projectId}
          onChange={setProjectId}
          options={projects.map((p) => ({ value: p.id, label: `${p.name} · ${p.teamName}` }))}
        />
        <SelectField
          label="Kind"
          error={errors.fields.kind}
          value={kind}
          onChange={setKind}
          options={ARTIFACT_KINDS.map((k) => ({ value: k, label: ARTIFACT_KIND_LABELS[k] }))}
        />
      </div>
      <TextField label="Name" error={errors.fields.name} value={name} onChange={setName} required />
      <TextareaField
        label="Description"
        error={errors.fields.description}
        hint="What it does and when another project would want it."
        rows={2}
        value={description}
        onChange={setDescription}
        required
      />
      <TextField
        label="Link"
        error={errors.fields.link}
        optional
        hint="Repository, registry or share (https://…)."
        type="url"
        value={link}
        onChange={setLink}
        placeholder="https://"
      />
    </FormShell>
  );
}
