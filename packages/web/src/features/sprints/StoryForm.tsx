import { useRef, useState } from 'react';
import { DELIVERABLE_TYPES, type DeliverableType, type Member, type Story } from '@sextant/core';
import { useCreateStory, useUpdateStory } from '../../api/sprints';
import {
  FormShell,
  NumberField,
  SelectField,
  TextField,
  TextareaField,
  optionsOf,
  parseOptionalNonNegative,
  useMutationFields,
} from '../../components/form';
import { DELIVERABLE_LABELS } from './sprint-text';

const DELIVERABLE_OPTIONS = optionsOf(DELIVERABLE_TYPES, DELIVERABLE_LABELS);

interface StoryValues {
  title: string;
  type: DeliverableType;
  description: string;
  assigneeId: string;
  /** The points as typed, parsed on submit. */
  points: string;
}

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
  const create = useCreateStory(projectId, sprintId);
  const update = useUpdateStory(projectId);
  const mutation = story ? update : create;
  const form = useMutationFields<StoryValues>(
    {
      title: story?.title ?? '',
      type: story?.deliverable.type ?? 'dataset',
      description: story?.deliverable.description ?? '',
      assigneeId: story?.assignee?.id ?? '',
      points: story?.points === null || !story ? '' : String(story.points),
    },
    mutation,
  );
  const { title, type, description, assigneeId, points } = form.values;
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
    const parsed = parseOptionalNonNegative(points);
    if (parsed === 'invalid') {
      form.check({ points: 'Points are a number of zero or more, or empty.' });
      return;
    }
    form.check({});
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
        form.setValues((v) => ({ ...v, title: '', description: '', points: '' }));
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
      form={form}
      actions={{
        submitLabel: story ? 'Save story' : 'Add story',
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
        {...form.field('title')}
        ref={titleInput}
        onChange={(value) => {
          form.setValue('title', value);
          setAdded(null);
        }}
        required
      />
      <div className="form__row">
        <SelectField
          label="Deliverable"
          className="narrow"
          {...form.field('type', 'deliverable.type')}
          options={DELIVERABLE_OPTIONS}
        />
        <TextareaField
          label="What exactly is handed over"
          className="grow"
          {...form.field('description')}
          error={form.errors['deliverable.description'] ?? form.errors.deliverable}
          hint="The tangible result someone receives, e.g. “Table of 3 years of daily readings per pump, in the lake”."
        />
      </div>
      <div className="form__row">
        <SelectField
          label="Assignee"
          optional
          {...form.field('assigneeId')}
          options={[
            { value: '', label: 'Unassigned' },
            ...options.map((m) => ({ value: m.userId, label: m.name })),
          ]}
        />
        <NumberField label="Points" optional className="narrow" {...form.field('points')} />
      </div>
    </FormShell>
  );
}
