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
  optionsOf,
  useMutationFields,
} from '../../components/form';
import { projectOptions } from './project-options';

const KIND_OPTIONS = optionsOf(ARTIFACT_KINDS, ARTIFACT_KIND_LABELS);

interface ArtifactValues {
  projectId: string;
  name: string;
  kind: ArtifactKind;
  description: string;
  link: string;
}

interface ArtifactFormProps {
  /** The caller's projects where they may write: one of them produced the artifact. */
  projects: Project[];
  onDone: () => void;
}

/** Adds a reusable artifact produced by one of my projects. */
export function ArtifactForm({ projects, onDone }: ArtifactFormProps) {
  const create = useCreateArtifact();
  const form = useMutationFields<ArtifactValues>(
    { projectId: projects[0]?.id ?? '', name: '', kind: 'dataset', description: '', link: '' },
    create,
  );
  const { projectId, name, kind, description, link } = form.values;

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
      className="form"
      onSubmit={submit}
      title="Add an artifact"
      form={form}
      actions={{
        submitLabel: 'Add artifact',
        pendingLabel: 'Adding…',
        disabled: !projectId || !name.trim() || !description.trim(),
        onCancel: onDone,
      }}
    >
      <div className="form__row">
        <SelectField
          label="Produced by"
          className="grow"
          {...form.field('projectId')}
          options={projectOptions(projects)}
        />
        <SelectField label="Kind" {...form.field('kind')} options={KIND_OPTIONS} />
      </div>
      <TextField label="Name" {...form.field('name')} required />
      <TextareaField
        label="Description"
        hint="What it does and when another project would want it."
        {...form.field('description')}
        required
      />
      <TextField
        label="Link"
        optional
        hint="Repository, registry or share (https://…)."
        type="url"
        {...form.field('link')}
        placeholder="https://"
      />
    </FormShell>
  );
}
