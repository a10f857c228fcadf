import { useState, type FormEvent } from 'react';
import type { Stage } from '@sextant/core';
import { isApiError } from '../../api/errors';
import { useChangeStage } from '../../api/projects';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { stageLabel } from '../../lib/format';

interface StageMoveFormProps {
  projectId: string;
  from: Stage;
  to: Stage;
  /** The action's words, e.g. "Move to POC". */
  label: string;
  onDone: () => void;
}

function unmetMessages(error: unknown): string[] {
  if (!isApiError(error) || error.code !== 'stage_gate_unmet') return [];
  const unmet = error.details.unmet;
  if (!Array.isArray(unmet)) return [];
  return unmet
    .map((gate) =>
      typeof gate === 'object' && gate !== null ? (gate as { message?: unknown }).message : null,
    )
    .filter((message): message is string => typeof message === 'string');
}

/** Asks why before a stage move; a refused move lists every gate still unmet. */
export function StageMoveForm({ projectId, from, to, label, onDone }: StageMoveFormProps) {
  const [note, setNote] = useState('');
  const change = useChangeStage(projectId);
  const gates = unmetMessages(change.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ stage: to, note: note.trim() }, { onSuccess: onDone });
  };

  return (
    <form className="stage-move" onSubmit={submit} aria-label={label}>
      <h3 className="stage-move__title">
        {stageLabel(from)} → {stageLabel(to)}
      </h3>
      {gates.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <strong className="notice__title">
            The project cannot move to {stageLabel(to)} yet. Still missing:
          </strong>
          <ul className="notice__list">
            {gates.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : change.error ? (
        <ErrorNotice error={change.error} />
      ) : null}
      <Field
        label="Note"
        hint="Why this move, and who agreed: kept in the stage history."
        error={
          isApiError(change.error) && change.error.code === 'invalid_request'
            ? 'Write a note.'
            : null
        }
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            required
            autoFocus
          />
        )}
      </Field>
      <div className="form__actions">
        <button
          type="submit"
          className={`btn ${to === 'dropped' ? 'btn--danger' : 'btn--primary'}`}
          disabled={change.isPending || !note.trim()}
        >
          {change.isPending ? 'Moving…' : label}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
