import { forwardRef, useState, type KeyboardEvent } from 'react';
import type { OperatorList, OperatorListRow } from '@sextant/core';
import type { ListFeedback } from '../../api/production';
import { formatNumber } from '../../lib/format';
import type { SaveState } from './row-saves';

/** The id of the list's `<datalist>` of recent reasons. */
export const REASONS_LIST_ID = 'operator-list-reasons';

interface ListRowProps {
  row: OperatorListRow;
  list: OperatorList & { period: string };
  /** The row carries the roving tab stop. */
  active: boolean;
  canDecide: boolean;
  decisionSave: SaveState | undefined;
  outcomeSave: SaveState | undefined;
  onSend: (slot: 'decision' | 'outcome', feedback: ListFeedback) => void;
  onRetry: (slot: 'decision' | 'outcome') => void;
  onFocusRow: () => void;
  onRowKey: (event: KeyboardEvent<HTMLLIElement>) => void;
  reasonRef: (input: HTMLInputElement | null) => void;
}

/** The decision the row shows: the one being saved (or failed), else the stored one. */
function shownDecision(row: OperatorListRow, save: SaveState | undefined) {
  if (save?.feedback.kind === 'decisions') {
    const { acted, reason } = save.feedback.item;
    return { acted, reason: reason ?? null };
  }
  return row.decision;
}

function SaveLine({
  what,
  save,
  stored,
  onRetry,
}: {
  what: string;
  save: SaveState | undefined;
  stored: boolean;
  onRetry: () => void;
}) {
  if (save?.status === 'saving') {
    return <span className="oplist__save oplist__save--saving">{what}: saving…</span>;
  }
  if (save?.status === 'failed') {
    return (
      <span className="oplist__save oplist__save--failed">
        {what}: not saved ({save.error}){' '}
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Retry
        </button>
      </span>
    );
  }
  if (save?.status === 'saved' || stored) {
    return <span className="oplist__save oplist__save--saved">{what}: saved</span>;
  }
  return <span className="oplist__save">{what}: not recorded yet</span>;
}

/**
 * One entity of the daily list: its rank, score and model version, acted / not acted, the
 * reason, the outcome, and what of it is saved.
 */
export const ListRow = forwardRef<HTMLLIElement, ListRowProps>(function ListRow(
  {
    row,
    list,
    active,
    canDecide,
    decisionSave,
    outcomeSave,
    onSend,
    onRetry,
    onFocusRow,
    onRowKey,
    reasonRef,
  },
  ref,
) {
  const decision = shownDecision(row, decisionSave);
  const [reason, setReason] = useState(decision?.reason ?? '');
  // Set when a reason was typed before a decision; shown only while there is none.
  const [reasonWaits, setReasonWaits] = useState(false);
  const happened = row.outcome !== null || outcomeSave?.status === 'saved';

  const decide = (acted: boolean, text = reason) => {
    setReasonWaits(false);
    onSend('decision', {
      kind: 'decisions',
      item: {
        entity: row.entity,
        period: list.period,
        modelVersion: row.modelVersion,
        acted,
        reason: text.trim() || null,
      },
    });
  };
  /** Saves an edited reason with the decision taken; without one, says it waits for it. */
  const commitReason = () => {
    if ((decision?.reason ?? '') === reason.trim()) return;
    if (!decision) {
      setReasonWaits(true);
      return;
    }
    decide(decision.acted);
  };
  const reasonKeys = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commitReason();
      onFocusRow();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onFocusRow();
    }
  };

  return (
    <li
      ref={ref}
      className="oplist__row"
      tabIndex={active ? 0 : -1}
      aria-label={`Rank ${row.rank}: ${row.entity}`}
      onKeyDown={onRowKey}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow();
      }}
    >
      <div className="oplist__head">
        <span className="oplist__rank">#{row.rank}</span>
        <span className="oplist__entity">{row.entity}</span>
        <span className="oplist__meta">
          score {formatNumber(row.score)} · model {row.modelVersion}
        </span>
      </div>
      <div className="oplist__actions" role="group" aria-label={`Decision on ${row.entity}`}>
        <button
          type="button"
          tabIndex={active ? 0 : -1}
          className={`btn oplist__choice ${decision?.acted === true ? 'is-on' : ''}`}
          aria-pressed={decision?.acted === true}
          disabled={!canDecide}
          onClick={() => decide(true)}
        >
          Acted
        </button>
        <button
          type="button"
          tabIndex={active ? 0 : -1}
          className={`btn oplist__choice ${decision?.acted === false ? 'is-on' : ''}`}
          aria-pressed={decision?.acted === false}
          disabled={!canDecide}
          onClick={() => decide(false)}
        >
          Not acted
        </button>
        <label className="oplist__reason">
          <span className="sr-only">Reason for {row.entity}</span>
          <input
            ref={reasonRef}
            tabIndex={active ? 0 : -1}
            type="text"
            list={REASONS_LIST_ID}
            placeholder="Reason (optional)"
            value={reason}
            maxLength={500}
            disabled={!canDecide}
            onChange={(event) => setReason(event.target.value)}
            onBlur={commitReason}
            onKeyDown={reasonKeys}
          />
        </label>
      </div>
      {reasonWaits && !decision ? (
        <p className="oplist__note">The reason is saved with acted or not acted: choose one.</p>
      ) : null}
      <div className="oplist__outcome">
        {happened ? (
          <span className="oplist__happened">
            Event happened{row.outcome ? ` (${row.outcome.event})` : ''}
          </span>
        ) : (
          <button
            type="button"
            tabIndex={active ? 0 : -1}
            className="btn btn--small"
            disabled={!canDecide || outcomeSave?.status === 'saving'}
            onClick={() =>
              onSend('outcome', {
                kind: 'outcomes',
                item: {
                  entity: row.entity,
                  time: list.outcomeWindow!.from,
                  event: list.outcomeEvent,
                },
              })
            }
          >
            Event happened
          </button>
        )}
      </div>
      <p className="oplist__saves" aria-live="polite">
        <SaveLine
          what="Decision"
          save={decisionSave}
          stored={row.decision !== null}
          onRetry={() => onRetry('decision')}
        />
        <SaveLine
          what="Outcome"
          save={outcomeSave}
          stored={row.outcome !== null}
          onRetry={() => onRetry('outcome')}
        />
      </p>
    </li>
  );
});
