import { useState, type FormEvent } from 'react';
import {
  ARTIFACT_KINDS,
  ARTIFACT_KIND_LABELS,
  type ArtifactKind,
  type Project,
} from '@sextant/core';
import { useCreateArtifact } from '../../api/artifacts';
import { fieldErrors } from '../../api/errors';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';

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
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
  };

  return (
    <form className="form" onSubmit={submit} aria-label="Add an artifact">
      <h3 className="form__title">Add an artifact</h3>
      {create.error && Object.keys(errors).length === 0 ? (
        <ErrorNotice error={create.error} />
      ) : null}
      <div className="form__row">
        <Field label="Produced by" error={errors.projectId} className="grow">
          {(props) => (
            <select {...props} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {p.teamName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind" error={errors.kind}>
          {(props) => (
            <select
              {...props}
              value={kind}
              onChange={(e) => setKind(e.target.value as ArtifactKind)}
            >
              {ARTIFACT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ARTIFACT_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Name" error={errors.name}>
        {(props) => (
          <input {...props} value={name} onChange={(e) => setName(e.target.value)} required />
        )}
      </Field>
      <Field
        label="Description"
        error={errors.description}
        hint="What it does and when another project would want it."
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
          />
        )}
      </Field>
      <Field
        label="Link"
        error={errors.link}
        optional
        hint="Repository, registry or share (https://…)."
      >
        {(props) => (
          <input
            {...props}
            type="url"
            value={link}
            onChange={(e) => setLink(e.target.value)}
            placeholder="https://"
          />
        )}
      </Field>
      <div className="form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending || !projectId || !name.trim() || !description.trim()}
        >
          {create.isPending ? 'Adding…' : 'Add artifact'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
