import { useState } from 'react';
import type { Stage } from '@sextant/core';
import { isApiError } from '../../api/errors';
import { useChangeStage } from '../../api/projects';
import { FormShell, TextareaField } from '../../components/form';
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

  const submit = () => change.mutate({ stage: to, note: note.trim() }, { onSuccess: onDone });

  return (
    <FormShell
      label={label}
      className="stage-move"
      onSubmit={submit}
      intro={
        <h3 className="stage-move__title">
          {stageLabel(from)} → {stageLabel(to)}
        </h3>
      }
      notice={gates.length > 0 ? null : change.error}
      actions={{
        submitLabel: label,
        pendingLabel: 'Moving…',
        pending: change.isPending,
        disabled: !note.trim(),
        danger: to === 'dropped',
        onCancel: onDone,
      }}
    >
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
      ) : null}
      <TextareaField
        label="Note"
        hint="Why this move, and who agreed: kept in the stage history."
        error={
          isApiError(change.error) && change.error.code === 'invalid_request'
            ? 'Write a note.'
            : null
        }
        rows={2}
        value={note}
        onChange={setNote}
        required
        autoFocus
      />
    </FormShell>
  );
}
