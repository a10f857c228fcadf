import { useCallback, useState, type DragEvent } from 'react';
import { Link, Navigate } from 'react-router';
import {
  STORY_STATUSES,
  type Member,
  type Sprint,
  type SprintDetail,
  type Story,
  type StoryStatus,
} from '@sextant/core';
import { useMoveStory, useSprint, useSprints, useStartSprint } from '../../api/sprints';
import { useMembers } from '../../api/teams';
import { BoardColumn } from '../../components/BoardColumn';
import { EmptyState, ErrorNotice, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { formatSprintDates, formatDateTime, formatPercent } from '../../lib/format';
import {
  ProjectCrumbs,
  ProjectItemState,
  ProjectItemRoute,
  type ProjectAccess,
} from '../project/ProjectSubpage';
import { reviewPath } from '../review/review-text';
import { CloseSprintDialog } from './CloseSprintDialog';
import { EditSprintForm } from './EditSprintForm';
import { StoryCard, STORY_DRAG_TYPE, type MoveDirection } from './StoryCard';
import { StoryForm } from './StoryForm';
import { STATUS_LABELS, lengthText, sprintPath } from './sprint-text';
import { SprintStateBadge } from './SprintStateBadge';
import { useCarryPlaces } from './useCarryPlaces';
import { ReadOnlyNotice } from '../project/ReadOnlyNotice';

function SprintHeader({
  sprint,
  canEdit,
  onClose,
}: {
  sprint: SprintDetail;
  canEdit: boolean;
  onClose: () => void;
}) {
  const start = useStartSprint(sprint.projectId, sprint.id);
  const [editing, setEditing] = useState(false);
  const committed = sprint.stories.length;
  const done = sprint.stories.filter((s) => s.status === 'done').length;
  const late = sprint.stories.filter((s) => s.addedAfterStart).length;
  return (
    <div className="sprint-header">
      <div className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">
            {sprint.name} <SprintStateBadge state={sprint.state} />
          </h1>
          <p className="page-header__subtitle">
            {sprint.name !== `Sprint ${sprint.number}` ? (
              <>
                <span>Sprint {sprint.number}</span> ·{' '}
              </>
            ) : null}
            <span>{formatSprintDates(sprint)}</span> · <span>{lengthText(sprint.lengthDays)}</span>
          </p>
        </div>
        <div className="page-header__actions">
          {sprint.state !== 'planned' ? (
            <Link to={reviewPath(sprint.projectId, sprint.id)} className="btn">
              Sprint review
            </Link>
          ) : null}
          {canEdit && sprint.state !== 'closed' ? (
            <>
              {!editing ? (
                <button type="button" className="btn" onClick={() => setEditing(true)}>
                  Edit sprint
                </button>
              ) : null}
              {sprint.state === 'planned' ? (
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={start.isPending}
                  onClick={() => start.mutate()}
                >
                  {start.isPending ? 'Starting…' : 'Start sprint'}
                </button>
              ) : (
                <button type="button" className="btn btn--primary" onClick={onClose}>
                  Close sprint
                </button>
              )}
            </>
          ) : null}
        </div>
      </div>
      <dl className="sprint-facts">
        <div className="sprint-facts__item sprint-facts__item--goal">
          <dt>Goal</dt>
          <dd>{sprint.goal || <span className="muted">No goal written down</span>}</dd>
        </div>
        <div className="sprint-facts__item">
          <dt>{sprint.state === 'planned' ? 'Stories' : 'Committed'}</dt>
          <dd>
            {committed}
            {late > 0 ? <span className="muted small"> ({late} added late)</span> : null}
          </dd>
        </div>
        <div className="sprint-facts__item">
          <dt>{sprint.state === 'closed' ? 'Delivered' : 'Done'}</dt>
          <dd>
            {done} of {committed}
            {committed > 0 ? (
              <span className="muted small"> ({formatPercent(done / committed)})</span>
            ) : null}
          </dd>
        </div>
      </dl>
      {editing ? <EditSprintForm sprint={sprint} onDone={() => setEditing(false)} /> : null}
      {start.error ? <ErrorNotice error={start.error} title="The sprint did not start." /> : null}
    </div>
  );
}

interface BoardProps {
  sprint: SprintDetail;
  sprints: Sprint[] | undefined;
  members: Member[];
  canEdit: boolean;
  isAdmin: boolean;
}

function Board({ sprint, sprints, members, canEdit, isAdmin }: BoardProps) {
  const open = sprint.state !== 'closed';
  const canMove = canEdit && open;
  const move = useMoveStory(sprint.projectId, sprint.id);
  const [dropTarget, setDropTarget] = useState<StoryStatus | null>(null);
  /** A card moved with its buttons takes the focus once it shows in its new column. */
  const [focus, setFocus] = useState<{
    storyId: string;
    status: StoryStatus;
    direction: MoveDirection;
  } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const placeOf = useCarryPlaces(sprint, sprints);
  const clearFocus = useCallback(() => setFocus(null), []);

  const moveStory = (story: Story, status: StoryStatus, direction: MoveDirection | null) => {
    if (story.status === status) return;
    if (direction) setFocus({ storyId: story.id, status, direction });
    setAnnouncement(`“${story.title}” moved to ${STATUS_LABELS[status]}.`);
    move.mutate({ storyId: story.id, status });
  };

  const dropHandlers = (status: StoryStatus) =>
    canMove
      ? {
          onDragOver: (event: DragEvent) => {
            if (!event.dataTransfer.types.includes(STORY_DRAG_TYPE)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            if (dropTarget !== status) setDropTarget(status);
          },
          onDragLeave: (event: DragEvent) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
              setDropTarget(null);
            }
          },
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            setDropTarget(null);
            const id = event.dataTransfer.getData(STORY_DRAG_TYPE);
            const story = sprint.stories.find((s) => s.id === id);
            if (story) moveStory(story, status, null);
          },
        }
      : {};

  return (
    <>
      {move.error ? <ErrorNotice error={move.error} title="The story was not moved." /> : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div className={`board ${canMove ? 'board--movable' : ''}`}>
        {STORY_STATUSES.map((status) => {
          const stories = sprint.stories.filter((s) => s.status === status);
          return (
            <BoardColumn
              key={status}
              className={`board__column ${dropTarget === status ? 'board__column--target' : ''}`}
              title={STATUS_LABELS[status]}
              count={stories.length}
              noun="stories"
              empty={canMove ? 'Drop a story here' : 'No stories'}
              {...dropHandlers(status)}
            >
              {stories.map((story) => (
                <li key={story.id}>
                  <StoryCard
                    story={story}
                    projectId={sprint.projectId}
                    members={members}
                    canMove={canMove}
                    canEdit={canMove}
                    canCorrect={isAdmin && !open}
                    carriedTo={placeOf(story.carriedToId)}
                    carriedFrom={placeOf(story.carriedFromId)}
                    onMove={moveStory}
                    focusDirection={
                      focus?.storyId === story.id && focus.status === story.status
                        ? focus.direction
                        : null
                    }
                    onFocused={clearFocus}
                  />
                </li>
              ))}
            </BoardColumn>
          );
        })}
      </div>
    </>
  );
}

function BoardContent({
  project,
  canEdit,
  isAdmin,
  sprintId,
}: ProjectAccess & { sprintId: string }) {
  const sprint = useSprint(sprintId);
  const sprints = useSprints(project.id);
  const members = useMembers(project.teamId);
  const [adding, setAdding] = useState(false);
  const [closing, setClosing] = useState(false);

  if (sprint.isPending || sprint.isError) {
    return <ProjectItemState query={sprint} loading="Loading sprint…" what="Sprint" />;
  }
  const data = sprint.data;
  if (data.projectId !== project.id) {
    return <Navigate to={sprintPath(data.projectId, data.id)} replace />;
  }
  const open = data.state !== 'closed';
  const memberList = members.data ?? [];

  return (
    <div className="page page--wide">
      <PageTitle title={`${data.name} · ${project.name}`} />
      <ProjectCrumbs
        project={project}
        trail={[{ to: `/projects/${project.id}/sprints`, label: 'Sprints' }]}
      />
      <SprintHeader sprint={data} canEdit={canEdit} onClose={() => setClosing(true)} />
      {data.state === 'closed' ? (
        <Notice title={`Closed${data.closedAt ? ` on ${formatDateTime(data.closedAt)}` : ''}.`}>
          Its stories and outcomes are frozen and read-only.
          {isAdmin
            ? ' As a team admin you can correct a recorded outcome, with the reason.'
            : ' A team admin can correct a recorded outcome, with the reason.'}
        </Notice>
      ) : !canEdit ? (
        <ReadOnlyNotice
          project={project}
          title="You can view this sprint."
          readOnly="its sprints are read-only"
        />
      ) : data.state === 'planned' ? (
        <p className="muted section-intro">
          Planned: the stories on the board when the sprint starts are its commitment. Stories added
          later count too, marked as late.
        </p>
      ) : null}
      {canEdit && open ? (
        adding ? (
          <div className="card card--padded">
            <StoryForm
              projectId={project.id}
              sprintId={data.id}
              story={null}
              members={memberList}
              onDone={() => setAdding(false)}
              onCancel={() => setAdding(false)}
            />
          </div>
        ) : (
          <div>
            <button type="button" className="btn" onClick={() => setAdding(true)}>
              Add story
            </button>
          </div>
        )
      ) : null}
      {data.stories.length === 0 && !open ? (
        <EmptyState title="This sprint had no stories" />
      ) : (
        <Board
          sprint={data}
          sprints={sprints.data}
          members={memberList}
          canEdit={canEdit}
          isAdmin={isAdmin}
        />
      )}
      {closing ? (
        <CloseSprintDialog
          sprint={data}
          sprints={sprints.data ?? []}
          onDismiss={() => setClosing(false)}
        />
      ) : null}
    </div>
  );
}

export function SprintBoardPage() {
  return <ProjectItemRoute content={BoardContent} param="sprintId" />;
}
