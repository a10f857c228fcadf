import { useRef, useState } from 'react';
import { DELIVERABLE_TYPES, type DeliverableType, type Member, type Story } from '@sextant/core';
import { useCreateStory, useUpdateStory } from '../../api/sprints';
import {
  FormShell,
  NumberField,
  SelectField,
  TextField,
  TextareaField,
  useFormErrors,
} from '../../components/form';
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
  const errors = useFormErrors(mutation.error);
  const label = story ? 'Edit story' : 'Add story';
  const titleInput = useRef<HTMLInputElement>(null);
  /** While adding, the form stays open for the next story and says what was added. */
  const [added, setAdded] = useState<string | null>(null);

  // An assignee who has left the team still shows, so editing does not silently unassign.
  const options: { userId: string; name: string }[] =
    story?.assignee && !members.some((m) => m.userId === story.assignee?.id)
      ? [...members, { userId: story.assignee.id, name: story.assignee.name }]
      : members;

  const submit = () => {
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
    <FormShell
      label={label}
      className="form story-form"
      onSubmit={submit}
      title={story ? 'Edit story' : 'Add a story'}
      notice={errors.notice}
      actions={{
        submitLabel: story ? 'Save story' : 'Add story',
        pendingLabel: 'Saving…',
        pending: mutation.isPending,
        disabled: !title.trim(),
        onCancel,
        cancelLabel: story ? 'Cancel' : 'Done',
        children: added ? (
          <span className="form__saved" role="status">
            Added “{added}”.
          </span>
        ) : null,
      }}
    >
      <TextField
        label="Title"
        error={errors.fields.title}
        ref={titleInput}
        value={title}
        onChange={(value) => {
          setTitle(value);
          setAdded(null);
        }}
        required
      />
      <div className="form__row">
        <SelectField
          label="Deliverable"
          className="narrow"
          error={errors.fields['deliverable.type']}
          value={type}
          onChange={setType}
          options={DELIVERABLE_TYPES.map((t) => ({ value: t, label: DELIVERABLE_LABELS[t] }))}
        />
        <TextareaField
          label="What exactly is handed over"
          className="grow"
          error={errors.fields['deliverable.description'] ?? errors.fields.deliverable}
          hint="The tangible result someone receives, e.g. “Table of 3 years of daily readings per pump, in the lake”."
          rows={2}
          value={description}
          onChange={setDescription}
        />
      </div>
      <div className="form__row">
        <SelectField
          label="Assignee"
          optional
          error={errors.fields.assigneeId}
          value={assigneeId}
          onChange={setAssigneeId}
          options={[
            { value: '', label: 'Unassigned' },
            ...options.map((m) => ({ value: m.userId, label: m.name })),
          ]}
        />
        <NumberField
          label="Points"
          optional
          className="narrow"
          error={pointsError ?? errors.fields.points}
          value={points}
          onChange={setPoints}
        />
      </div>
    </FormShell>
  );
}
