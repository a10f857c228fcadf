import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  STORY_STATUSES,
  type Member,
  type Story,
  type StoryOutcome,
  type StoryStatus,
} from '@sextant/core';
import { useCorrectStory, useDeleteStory } from '../../api/sprints';
import { Badge } from '../../components/Badge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/Feedback';
import {
  FormShell,
  SelectField,
  TextareaField,
  optionsOf,
  useMutationFields,
} from '../../components/form';
import { formatDateTime, formatNumber } from '../../lib/format';
import { StoryForm } from './StoryForm';
import { DELIVERABLE_LABELS, STATUS_LABELS, sprintPath } from './sprint-text';

/** Where a carried story went, or came from. */
export interface StoryPlace {
  sprintId: string;
  name: string;
}

export type MoveDirection = 'back' | 'forward';

export const STORY_DRAG_TYPE = 'application/x-sextant-story';

const OUTCOME_LABELS: Record<StoryOutcome, string> = {
  delivered: 'Delivered',
  not_delivered: 'Not delivered',
};

const OUTCOME_OPTIONS = optionsOf<StoryOutcome>(['delivered', 'not_delivered'], OUTCOME_LABELS);

function CorrectOutcomeForm({
  projectId,
  story,
  onDone,
}: {
  projectId: string;
  story: Story;
  onDone: () => void;
}) {
  const correct = useCorrectStory(projectId);
  const form = useMutationFields<{ outcome: StoryOutcome; reason: string }>(
    { outcome: story.outcome === 'delivered' ? 'not_delivered' : 'delivered', reason: '' },
    correct,
  );
  const { outcome, reason } = form.values;
  const submit = () =>
    correct.mutate({ storyId: story.id, outcome, reason: reason.trim() }, { onSuccess: onDone });
  return (
    <FormShell
      label="Correct outcome"
      className="form story-card__form"
      onSubmit={submit}
      form={form}
      actions={{
        submitLabel: 'Save correction',
        pendingLabel: 'Save correction',
        disabled: !reason.trim(),
        onCancel: onDone,
        small: true,
      }}
    >
      <SelectField label="Recorded outcome" {...form.field('outcome')} options={OUTCOME_OPTIONS} />
      <TextareaField
        label="Reason"
        hint="Kept with the story and in the audit log."
        {...form.field('reason')}
        required
      />
    </FormShell>
  );
}

/** A card's button to the column before or after, its arrow on that side. */
function MoveButton({
  direction,
  to,
  onClick,
}: {
  direction: MoveDirection;
  to: StoryStatus;
  onClick: () => void;
}) {
  const name = (
    <>
      <span className="sr-only">Move to</span> {STATUS_LABELS[to]}
    </>
  );
  return (
    <button type="button" className="btn btn--small" data-move={direction} onClick={onClick}>
      {direction === 'back' ? (
        <>
          <span aria-hidden="true">←</span>
          {name}
        </>
      ) : (
        <>
          {name} <span aria-hidden="true">→</span>
        </>
      )}
    </button>
  );
}

interface StoryCardProps {
  story: Story;
  projectId: string;
  members: Member[];
  /** Move between columns (an open sprint, a member). */
  canMove: boolean;
  /** Edit and delete (an open sprint, a member). */
  canEdit: boolean;
  /** Correct a closed sprint's outcome (a team admin). */
  canCorrect: boolean;
  carriedTo: StoryPlace | null;
  carriedFrom: StoryPlace | null;
  onMove: (story: Story, status: StoryStatus, direction: MoveDirection) => void;
  /** Set when this card should take the focus (it was just moved with its buttons). */
  focusDirection: MoveDirection | null;
  onFocused: () => void;
}

export function StoryCard({
  story,
  projectId,
  members,
  canMove,
  canEdit,
  canCorrect,
  carriedTo,
  carriedFrom,
  onMove,
  focusDirection,
  onFocused,
}: StoryCardProps) {
  const titleId = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'correct'>('view');
  const remove = useDeleteStory(projectId);
  const cardRef = useRef<HTMLElement>(null);
  const [dragging, setDragging] = useState(false);

  // After a move with the buttons, keep the keyboard where it was: on the same control.
  useEffect(() => {
    if (!focusDirection || !cardRef.current) return;
    const target =
      cardRef.current.querySelector<HTMLButtonElement>(`[data-move="${focusDirection}"]`) ??
      cardRef.current.querySelector<HTMLButtonElement>('[data-move]') ??
      cardRef.current;
    target.focus();
    onFocused();
  }, [focusDirection, onFocused]);

  if (mode === 'edit') {
    return (
      <div className="story-card story-card--editing">
        <StoryForm
          projectId={projectId}
          sprintId={story.sprintId}
          story={story}
          members={members}
          onDone={() => setMode('view')}
          onCancel={() => setMode('view')}
        />
      </div>
    );
  }

  const index = STORY_STATUSES.indexOf(story.status);
  const back = STORY_STATUSES[index - 1];
  const forward = STORY_STATUSES[index + 1];
  const moves = [
    ['back', back],
    ['forward', forward],
  ] as const;

  return (
    <article
      ref={cardRef}
      id={`story-${story.id}`}
      tabIndex={-1}
      className={[
        'story-card',
        story.outcome ? `story-card--${story.outcome}` : '',
        dragging ? 'story-card--dragging' : '',
      ]
        .join(' ')
        .trim()}
      aria-labelledby={titleId}
      draggable={canMove}
      onDragStart={(event) => {
        event.dataTransfer.setData(STORY_DRAG_TYPE, story.id);
        event.dataTransfer.setData('text/plain', story.title);
        event.dataTransfer.effectAllowed = 'move';
        setDragging(true);
      }}
      onDragEnd={() => setDragging(false)}
    >
      <h3 id={titleId} className="story-card__title">
        {story.title}
      </h3>
      <p className="story-card__deliverable">
        <Badge tone="accent">{DELIVERABLE_LABELS[story.deliverable.type]}</Badge>{' '}
        <span className="story-card__description">{story.deliverable.description}</span>
      </p>
      <p className="story-card__meta">
        <span className={story.assignee ? '' : 'muted'}>
          {story.assignee ? story.assignee.name : 'Unassigned'}
        </span>
        {story.points !== null ? (
          <span className="story-card__points" title="Story points">
            {formatNumber(story.points)} pt{story.points === 1 ? '' : 's'}
          </span>
        ) : null}
        {story.addedAfterStart ? (
          <span title="Added after the sprint started: part of the commitment, counted apart.">
            <Badge tone="warning">Late</Badge>
            <span className="sr-only"> (added after the sprint started)</span>
          </span>
        ) : null}
        {story.external ? (
          <span className="muted small" title={`Imported from ${story.external.source}`}>
            {story.external.key}
          </span>
        ) : null}
      </p>
      {story.outcome ? (
        <p className="story-card__outcome">
          <Badge tone={story.outcome === 'delivered' ? 'success' : 'danger'}>
            {OUTCOME_LABELS[story.outcome]}
          </Badge>
          {story.correction ? (
            <span className="muted small">
              Corrected{story.correction.by ? ` by ${story.correction.by.name}` : ''},{' '}
              {formatDateTime(story.correction.at)}: {story.correction.reason}
            </span>
          ) : null}
        </p>
      ) : null}
      {carriedFrom || story.carriedFromId ? (
        <p className="story-card__carry">
          {carriedFrom ? (
            <Link
              to={`${sprintPath(projectId, carriedFrom.sprintId)}#story-${story.carriedFromId}`}
            >
              Carried from {carriedFrom.name}
            </Link>
          ) : (
            'Carried from an earlier sprint'
          )}
        </p>
      ) : null}
      {carriedTo || story.carriedToId ? (
        <p className="story-card__carry">
          {carriedTo ? (
            <Link to={`${sprintPath(projectId, carriedTo.sprintId)}#story-${story.carriedToId}`}>
              Carried over → {carriedTo.name}
            </Link>
          ) : (
            'Carried over into a later sprint'
          )}
        </p>
      ) : null}

      {mode === 'correct' ? (
        <CorrectOutcomeForm projectId={projectId} story={story} onDone={() => setMode('view')} />
      ) : null}
      {remove.error ? <ErrorNotice error={remove.error} /> : null}

      {canMove || canEdit || (canCorrect && mode === 'view') ? (
        <div className="story-card__actions">
          {canMove ? (
            <div className="story-card__move" role="group" aria-label="Move">
              {moves.map(([direction, to]) =>
                to ? (
                  <MoveButton
                    key={direction}
                    direction={direction}
                    to={to}
                    onClick={() => onMove(story, to, direction)}
                  />
                ) : null,
              )}
            </div>
          ) : null}
          {canEdit ? (
            <div className="story-card__edit">
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() => setMode('edit')}
              >
                Edit<span className="sr-only"> story</span>
              </button>
              <ConfirmButton
                label="Delete"
                ariaLabel="Delete story"
                question="Delete this story?"
                onConfirm={() => remove.mutate(story.id)}
                pending={remove.isPending}
              />
            </div>
          ) : null}
          {canCorrect && mode === 'view' ? (
            <button type="button" className="btn btn--small" onClick={() => setMode('correct')}>
              Correct outcome
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
