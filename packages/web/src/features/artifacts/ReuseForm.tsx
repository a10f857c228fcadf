import { useState, type FormEvent } from 'react';
import type { Artifact, Project } from '@sextant/core';
import { useRecordReuse } from '../../api/artifacts';
import { fieldErrors } from '../../api/errors';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';

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
  const errors = fieldErrors(record.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { artifactId: artifact.id, body: { projectId, purpose: purpose.trim() } },
      { onSuccess: onDone },
    );
  };

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
    <form className="form" onSubmit={submit} aria-label={`Record a reuse of ${artifact.name}`}>
      <h3 className="form__title">Record a reuse of “{artifact.name}”</h3>
      {record.error && Object.keys(errors).length === 0 ? (
        <ErrorNotice error={record.error} />
      ) : null}
      <div className="form__row">
        <Field label="Reused by" error={errors.projectId} className="narrow">
          {(props) => (
            <select {...props} value={projectId} onChange={(e) => setProjectId(e.target.value)}>
              {choices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} · {p.teamName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Purpose"
          error={errors.purpose}
          className="grow"
          hint="What the project used it for, e.g. “labels for the plant 2 model”."
        >
          {(props) => (
            <input
              {...props}
              value={purpose}
              onChange={(e) => setPurpose(e.target.value)}
              required
            />
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={record.isPending || !projectId || !purpose.trim()}
        >
          {record.isPending ? 'Recording…' : 'Record reuse'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
