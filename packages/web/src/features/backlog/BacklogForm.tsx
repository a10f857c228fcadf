import { useState } from 'react';
import {
  BACKLOG_STATUSES,
  EFFORT_DAYS_RANGE,
  EFFORT_SIZES,
  type BacklogItem,
  type BacklogStatus,
  type EffortSize,
  type Run,
} from '@sextant/core';
import { useCreateBacklogItem, useUpdateBacklogItem } from '../../api/backlog';
import {
  FormShell,
  NumberField,
  Segment,
  SelectField,
  TextField,
  TextareaField,
  optionsOf,
  useMutationFields,
} from '../../components/form';
import { formatDateTime, formatNumber, parseNumberInput } from '../../lib/format';
import { runName, runTime } from '../runs/run-text';
import { BACKLOG_STATUS_LABELS, EFFORT_SIZE_LABELS } from './backlog-text';

type EffortChoice = EffortSize | 'days';

const STATUS_OPTIONS = optionsOf(BACKLOG_STATUSES, BACKLOG_STATUS_LABELS);

/** The idea's text fields; the effort, a choice and maybe days, is kept apart. */
interface IdeaValues {
  observation: string;
  proposedChange: string;
  expectedImpact: string;
  status: BacklogStatus;
  runId: string;
}

interface BacklogFormProps {
  projectId: string;
  /** The idea to edit, or null to add one. */
  item: BacklogItem | null;
  /** Recent runs to link the idea to. */
  runs: Run[];
  /** The success metric, to name runs by their value. */
  metricName: string | null;
  /** A run to link a new idea to (from "Add an improvement idea" on a run). */
  initialRunId?: string | null;
  onDone: () => void;
}

function runOption(run: Run, metricName: string | null): string {
  const value = metricName ? run.metrics[metricName] : undefined;
  return [
    formatDateTime(runTime(run)),
    runName(run),
    value === undefined ? null : `${metricName} ${formatNumber(value)}`,
    run.provenance === 'manual' ? 'manual' : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** An improvement idea from error analysis: what was seen, the change, its effort and impact. */
export function BacklogForm({
  projectId,
  item,
  runs,
  metricName,
  initialRunId,
  onDone,
}: BacklogFormProps) {
  const [effortChoice, setEffortChoice] = useState<EffortChoice>(
    item ? ('size' in item.effort ? item.effort.size : 'days') : 'S',
  );
  const [effortDays, setEffortDays] = useState(
    item && 'days' in item.effort ? String(item.effort.days) : '',
  );
  const create = useCreateBacklogItem(projectId);
  const update = useUpdateBacklogItem(projectId);
  const mutation = item ? update : create;
  const form = useMutationFields<IdeaValues>(
    {
      observation: item?.observation ?? '',
      proposedChange: item?.proposedChange ?? '',
      expectedImpact: item?.expectedImpact ?? '',
      status: item?.status ?? 'idea',
      runId: item?.runId ?? initialRunId ?? '',
    },
    mutation,
  );
  const { observation, proposedChange, expectedImpact, status, runId } = form.values;
  const known = new Set(runs.map((r) => r.id));

  const submit = () => {
    let effort: BacklogItem['effort'];
    if (effortChoice === 'days') {
      const parsed = parseNumberInput(effortDays);
      if (
        parsed === null ||
        parsed === 'invalid' ||
        parsed < EFFORT_DAYS_RANGE.min ||
        parsed > EFFORT_DAYS_RANGE.max
      ) {
        form.check({
          'effort.days': `Give the effort in days, from ${EFFORT_DAYS_RANGE.min} to ${EFFORT_DAYS_RANGE.max}.`,
        });
        return;
      }
      effort = { days: parsed };
    } else {
      effort = { size: effortChoice };
    }
    form.check({});
    const body = {
      observation: observation.trim(),
      proposedChange: proposedChange.trim(),
      effort,
      expectedImpact: expectedImpact.trim(),
      status,
      runId: runId || null,
    };
    if (item) update.mutate({ itemId: item.id, body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  };

  const ready = observation.trim() && proposedChange.trim() && expectedImpact.trim();

  return (
    <FormShell
      label={item ? 'Edit improvement idea' : 'Add an improvement idea'}
      className="form backlog-form"
      onSubmit={submit}
      title={item ? 'Edit the idea' : 'Add an improvement idea'}
      form={form}
      actions={{
        submitLabel: item ? 'Save idea' : 'Add idea',
        disabled: !ready,
        onCancel: onDone,
      }}
    >
      <TextareaField
        label="What the largest errors showed"
        hint="The pattern you saw, e.g. “most missed failures are pumps restarted after maintenance”."
        {...form.field('observation')}
        required
      />
      <TextareaField label="Proposed change" {...form.field('proposedChange')} required />
      <div className="form__row">
        <fieldset className="fieldset fieldset--compact effort-field">
          <legend className="field__label">Effort</legend>
          <div className="segmented">
            {[...EFFORT_SIZES, 'days' as const].map((value) => (
              <Segment
                key={value}
                label={value === 'days' ? 'Days' : value}
                title={value === 'days' ? 'An estimate in working days' : EFFORT_SIZE_LABELS[value]}
                type="radio"
                name="effort"
                value={value}
                checked={effortChoice === value}
                onChange={() => setEffortChoice(value)}
              />
            ))}
          </div>
          {effortChoice !== 'days' ? (
            <p className="field__hint">{EFFORT_SIZE_LABELS[effortChoice]}</p>
          ) : null}
          {form.errors.effort ? <p className="field__error">{form.errors.effort}</p> : null}
        </fieldset>
        {effortChoice === 'days' ? (
          <NumberField
            label="Working days"
            className="narrow"
            error={form.errors['effort.days']}
            value={effortDays}
            onChange={setEffortDays}
            placeholder="e.g. 2.5"
          />
        ) : null}
        <SelectField label="Status" {...form.field('status')} options={STATUS_OPTIONS} />
      </div>
      <TextField
        label="Expected impact"
        hint="e.g. “+0.3 hit rate@10 on night shifts”."
        {...form.field('expectedImpact')}
        required
      />
      <SelectField label="Run it came from" optional {...form.field('runId')}>
        <option value="">No run</option>
        {runId && !known.has(runId) ? <option value={runId}>The linked run</option> : null}
        {runs.map((run) => (
          <option key={run.id} value={run.id}>
            {runOption(run, metricName)}
          </option>
        ))}
      </SelectField>
    </FormShell>
  );
}
