import { useRef, useState, type FormEvent } from 'react';
import { DELIVERABLE_TYPES, type DeliverableType, type Member, type Story } from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import { useCreateStory, useUpdateStory } from '../../api/sprints';
import { ErrorNotice } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { parseNumberInput } from '../../lib/format';
import { DELIVERABLE_LABELS } from './sprint-text';

interface StoryFormProps {
  projectId: string;
  sprintId: string;
  /** The story to edit, or null to add one. */
  story: Story | null;
  members: Member[];
  onDone: () => void;
  onCancel: () => void;
}

/** Adds or edits a story: every story hands over something tangible, said exactly. */
export function StoryForm({
  projectId,
  sprintId,
  story,
  members,
  onDone,
  onCancel,
}: StoryFormProps) {
  const [title, setTitle] = useState(story?.title ?? '');
  const [type, setType] = useState<DeliverableType>(story?.deliverable.type ?? 'dataset');
  const [description, setDescription] = useState(story?.deliverable.description ?? '');
  const [assigneeId, setAssigneeId] = useState(story?.assignee?.id ?? '');
  const [points, setPoints] = useState(
    story?.points === null || !story ? '' : String(story.points),
  );
  const [pointsError, setPointsError] = useState<string | null>(null);
  const create = useCreateStory(projectId, sprintId);
  const update = useUpdateStory(projectId);
  const mutation = story ? update : create;
  const errors = fieldErrors(mutation.error);
  const label = story ? 'Edit story' : 'Add story';
  const titleInput = useRef<HTMLInputElement>(null);
  /** While adding, the form stays open for the next story and says what was added. */
  const [added, setAdded] = useState<string | null>(null);

  // An assignee who has left the team still shows, so editing does not silently unassign.
  const options: { userId: string; name: string }[] =
    story?.assignee && !members.some((m) => m.userId === story.assignee?.id)
      ? [...members, { userId: story.assignee.id, name: story.assignee.name }]
      : members;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseNumberInput(points);
    if (parsed === 'invalid' || (parsed !== null && parsed < 0)) {
      setPointsError('Points are a number of zero or more, or empty.');
      return;
    }
    setPointsError(null);
    const body = {
      title: title.trim(),
      deliverable: { type, description: description.trim() },
      assigneeId: assigneeId || null,
      points: parsed,
    };
    if (story) {
      update.mutate({ storyId: story.id, body }, { onSuccess: onDone });
      return;
    }
    create.mutate(body, {
      onSuccess: (created) => {
        setAdded(created.title);
        setTitle('');
        setDescription('');
        setPoints('');
        titleInput.current?.focus();
      },
    });
  };

  return (
    <form className="form story-form" onSubmit={submit} aria-label={label}>
      <h3 className="form__title">{story ? 'Edit story' : 'Add a story'}</h3>
      {mutation.error && Object.keys(errors).length === 0 ? (
        <ErrorNotice error={mutation.error} />
      ) : null}
      <Field label="Title" error={errors.title}>
        {(props) => (
          <input
            {...props}
            ref={titleInput}
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setAdded(null);
            }}
            required
          />
        )}
      </Field>
      <div className="form__row">
        <Field label="Deliverable" className="narrow" error={errors['deliverable.type']}>
          {(props) => (
            <select
              {...props}
              value={type}
              onChange={(e) => setType(e.target.value as DeliverableType)}
            >
              {DELIVERABLE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {DELIVERABLE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="What exactly is handed over"
          className="grow"
          error={errors['deliverable.description'] ?? errors.deliverable}
          hint="The tangible result someone receives, e.g. “Table of 3 years of daily readings per pump, in the lake”."
        >
          {(props) => (
            <textarea
              {...props}
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label="Assignee" optional error={errors.assigneeId}>
          {(props) => (
            <select {...props} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
              <option value="">Unassigned</option>
              {options.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Points" optional className="narrow" error={pointsError ?? errors.points}>
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              value={points}
              onChange={(e) => setPoints(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={mutation.isPending || !title.trim()}
        >
          {mutation.isPending ? 'Saving…' : story ? 'Save story' : 'Add story'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {story ? 'Cancel' : 'Done'}
        </button>
        {added ? (
          <span className="form__saved" role="status">
            Added “{added}”.
          </span>
        ) : null}
      </div>
    </form>
  );
}
