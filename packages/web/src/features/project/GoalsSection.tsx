import { useState } from 'react';
import type { Goal, ProjectDetail } from '@sextant/core';
import { useDeleteGoal } from '../../api/goals';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState, ErrorNotice } from '../../components/Feedback';
import { Section } from '../../components/Section';
import { Badge } from '../../components/Badge';
import { formatChangePct, formatDate, withUnit } from '../../lib/format';
import { GoalForm } from './GoalForm';
import { GoalMeasurementsPanel } from './GoalMeasurementsPanel';

function GoalItem({
  goal,
  canEdit,
  onEdit,
  onDelete,
  deleting,
}: {
  goal: Goal;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  return (
    <li className="goal">
      <div className="goal__main">
        <p className="goal__statement">{goal.statement}</p>
        <p className="goal__numbers">
          <span className="goal__metric">{goal.metric}</span>{' '}
          <span className="goal__values">
            {withUnit(goal.baseline, goal.unit)} →{' '}
            <strong>{withUnit(goal.target, goal.unit)}</strong>
          </span>
          {goal.targetChangePct !== null ? (
            <span className="muted"> ({formatChangePct(goal.targetChangePct)})</span>
          ) : null}{' '}
          by <time dateTime={goal.deadline}>{formatDate(goal.deadline)}</time>
        </p>
        <GoalMeasurementsPanel goal={goal} canEdit={canEdit} />
      </div>
      <div className="goal__side">
        <Badge tone={goal.direction === 'increase' ? 'success' : 'accent'}>
          {goal.direction === 'increase' ? '↑ Increase' : '↓ Decrease'}
        </Badge>
        {canEdit ? (
          <div className="goal__actions">
            <button
              type="button"
              className="btn btn--small"
              aria-label={`Edit goal ${goal.statement}`}
              onClick={onEdit}
            >
              Edit
            </button>
            <ConfirmButton
              label="Delete"
              ariaLabel={`Delete goal ${goal.statement}`}
              question="Delete this goal?"
              onConfirm={onDelete}
              pending={deleting}
            />
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** Quantifiable business goals; an ambiguous goal is refused with what it lacks. */
export function GoalsSection({ project, canEdit }: { project: ProjectDetail; canEdit: boolean }) {
  const goals = project.goals;
  /** 'new' while adding a goal, a goal's id while editing it: one form at a time. */
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useDeleteGoal(project.id);
  const showAddForm = canEdit && (editing === 'new' || goals.length === 0);
  const close = () => setEditing(null);

  return (
    <Section
      title="Goals"
      id="goals"
      description="Business goals with a metric, a baseline, a target and a deadline."
      actions={
        canEdit && goals.length > 0 && editing === null ? (
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            Add goal
          </button>
        ) : null
      }
    >
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
      {goals.length > 0 ? (
        <ul className="goals" aria-label="Goals">
          {goals.map((goal) =>
            canEdit && editing === goal.id ? (
              <li key={goal.id} className="goal goal--editing">
                <GoalForm projectId={project.id} goal={goal} onDone={close} onCancel={close} />
              </li>
            ) : (
              <GoalItem
                key={goal.id}
                goal={goal}
                canEdit={canEdit}
                onEdit={() => setEditing(goal.id)}
                onDelete={() => remove.mutate(goal.id)}
                deleting={remove.isPending}
              />
            ),
          )}
        </ul>
      ) : !canEdit ? (
        <EmptyState title="No goals yet">
          <p>A member of the team adds the project’s business goals here.</p>
        </EmptyState>
      ) : (
        <p className="muted section-intro">
          No goals yet. Say what the business wants, in numbers: “Reduce monthly churn from 3.1 % to
          2.8 % by June”.
        </p>
      )}
      {showAddForm ? (
        <GoalForm
          projectId={project.id}
          onDone={close}
          onCancel={goals.length > 0 ? close : undefined}
        />
      ) : null}
    </Section>
  );
}
