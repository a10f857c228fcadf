import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { addDays, type CloseSprintResult, type Sprint, type SprintDetail } from '@sextant/core';
import { useCloseSprint, type CloseSprintInput } from '../../api/sprints';
import { Choice, FormActions, FormShell } from '../../components/form';
import { formatDateRange, formatPercent } from '../../lib/format';
import { STATUS_LABELS, plannedSprintAfter, sprintPath } from './sprint-text';
import { SprintDatesRow, SprintNameGoalRow } from './SprintFields';
import { planSprintBody, useSprintDraft } from './use-sprint-draft';

interface CloseSprintDialogProps {
  sprint: SprintDetail;
  /** Every sprint of the project, to find the planned one after this. */
  sprints: Sprint[];
  onDismiss: () => void;
}

function Result({
  result,
  projectId,
  onDismiss,
}: {
  result: CloseSprintResult;
  projectId: string;
  onDismiss: () => void;
}) {
  const total = result.delivered + result.notDelivered;
  const next = result.nextSprint;
  return (
    <div className="dialog__body" role="status">
      <p className="dialog__lead">
        <strong>{result.sprint.name} is closed.</strong> {result.delivered} of {total} stor
        {total === 1 ? 'y' : 'ies'} delivered →{' '}
        <strong>{formatPercent(total > 0 ? result.delivered / total : null)}</strong>.
      </p>
      {result.carriedOver.length > 0 && next ? (
        <p>
          {result.carriedOver.length} stor{result.carriedOver.length === 1 ? 'y' : 'ies'} carried
          into{' '}
          <Link to={sprintPath(projectId, next.id)} onClick={onDismiss}>
            {next.name}
          </Link>{' '}
          ({formatDateRange(next.startDate, next.endDate)}).
        </p>
      ) : (
        <p>No story was carried over.</p>
      )}
      <p className="muted small">
        The outcomes are recorded; the delivery page counts this sprint from now on.
      </p>
      <div className="form__actions">
        <button type="button" className="btn btn--primary" onClick={onDismiss} autoFocus>
          Done
        </button>
        <Link to={`/projects/${projectId}/delivery`} className="btn" onClick={onDismiss}>
          See delivery
        </Link>
      </div>
    </div>
  );
}

/**
 * Closing a sprint, in a modal dialog: what was delivered, which not-delivered stories go
 * into the next sprint, and that next sprint's dates when none is planned yet.
 */
export function CloseSprintDialog({ sprint, sprints, onDismiss }: CloseSprintDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useCloseSprint(sprint.projectId, sprint.id);
  const [carry, setCarry] = useState<Set<string>>(() => new Set());
  // The next sprint, prefilled: the day after this one ends, for the same length.
  const nextDraft = useSprintDraft(
    () => {
      const startDate = addDays(sprint.endDate, 1);
      const endDate = addDays(startDate, sprint.lengthDays - 1);
      return { name: '', goal: '', startDate, endDate };
    },
    close,
    'nextSprint.',
  );

  // A real modal: the rest of the page is inert, Escape closes it, focus comes back after.
  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // Start on the first choice to make (a story to carry over), else on the close button.
      dialog.querySelector<HTMLElement>('input[type="checkbox"], button[type="submit"]')?.focus();
    }
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const stories = sprint.stories;
  const done = stories.filter((s) => s.status === 'done');
  const notDone = stories.filter((s) => s.status !== 'done');
  const plannedNext = plannedSprintAfter(sprints, sprint);
  const needsNextSprint = carry.size > 0 && !plannedNext;
  const nextNumber = sprints.reduce((max, s) => Math.max(max, s.number), 0) + 1;

  const toggle = (id: string, on: boolean) =>
    setCarry((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const submit = () => {
    const body: CloseSprintInput = {
      carryOver: notDone.filter((s) => carry.has(s.id)).map((s) => s.id),
    };
    if (needsNextSprint) body.nextSprint = planSprintBody(nextDraft.values);
    close.mutate(body);
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape closes the dialog, except while the close is being sent.
        if (close.isPending) event.preventDefault();
      }}
      onClose={onDismiss}
    >
      <header className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          Close {sprint.name}
        </h2>
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={onDismiss}
          disabled={close.isPending}
          aria-label="Cancel closing"
        >
          ✕
        </button>
      </header>
      {close.data ? (
        <Result result={close.data} projectId={sprint.projectId} onDismiss={onDismiss} />
      ) : (
        <FormShell
          label={`Close ${sprint.name}`}
          className="dialog__body form"
          onSubmit={submit}
          intro={
            <>
              <p className="dialog__lead">
                <strong>
                  {done.length} of {stories.length} stor{stories.length === 1 ? 'y' : 'ies'} done →{' '}
                  {formatPercent(stories.length > 0 ? done.length / stories.length : null)}{' '}
                  delivered
                </strong>
              </p>
              <p className="muted small">
                Closing records each story’s outcome: done stories are delivered, every other one is
                not. The record is then frozen (a team admin can correct it, with a reason).
              </p>
            </>
          }
          form={nextDraft}
          noticeTitle="The sprint was not closed."
        >
          {notDone.length > 0 ? (
            <fieldset className="fieldset">
              <legend className="field__label">
                Not delivered ({notDone.length}): carry into the next sprint?
              </legend>
              <ul className="carry-list">
                {notDone.map((story) => (
                  <li key={story.id} className="carry-list__item">
                    <Choice
                      label={<>Carry “{story.title}” into the next sprint</>}
                      help={
                        <>
                          {STATUS_LABELS[story.status]}
                          {story.assignee ? ` · ${story.assignee.name}` : ''}
                        </>
                      }
                      type="checkbox"
                      checked={carry.has(story.id)}
                      onChange={(e) => toggle(story.id, e.target.checked)}
                    />
                  </li>
                ))}
              </ul>
              {plannedNext ? (
                <p className="field__hint">
                  Ticked stories are copied into {plannedNext.name} (
                  {formatDateRange(plannedNext.startDate, plannedNext.endDate)}), linked to the
                  originals; the originals stay here as not delivered.
                </p>
              ) : carry.size === 0 ? (
                <p className="field__hint">
                  No sprint is planned after this one: ticking a story lets you plan it here.
                </p>
              ) : null}
            </fieldset>
          ) : (
            <p>Every story is done.</p>
          )}
          {needsNextSprint ? (
            <fieldset className="fieldset">
              <legend className="field__label">Next sprint (none is planned yet)</legend>
              <SprintNameGoalRow
                draft={nextDraft}
                nameOptional
                namePlaceholder={`Sprint ${nextNumber}`}
              />
              <SprintDatesRow className="" draft={nextDraft} />
              <p className="field__hint">
                Prefilled: the day after this sprint ends, for the same length ({sprint.lengthDays}{' '}
                days).
              </p>
            </fieldset>
          ) : null}
          <FormActions submitLabel="Close sprint" pendingLabel="Closing…" pending={close.isPending}>
            <button type="button" className="btn" onClick={onDismiss} disabled={close.isPending}>
              Cancel
            </button>
          </FormActions>
        </FormShell>
      )}
    </dialog>
  );
}
