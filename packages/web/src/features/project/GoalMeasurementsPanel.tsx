import { useState } from 'react';
import type { Goal, GoalMeasurements } from '@sextant/core';
import { useAddGoalMeasurement, useGoalMeasurements } from '../../api/goals';
import { Badge } from '../../components/Badge';
import { ErrorNotice } from '../../components/Feedback';
import {
  DateField,
  FormShell,
  NumberField,
  TextField,
  useMutationFields,
} from '../../components/form';
import { formatDate, formatPercent, parseNumberInput, withUnit } from '../../lib/format';
import { GoalChart } from './GoalChart';

const STATUS: Record<
  GoalMeasurements['progress']['status'],
  { label: string; tone: 'success' | 'warning' | 'neutral' | 'danger' }
> = {
  no_measurement: { label: 'No measurement yet', tone: 'neutral' },
  not_enough_data: { label: 'Pace not known yet', tone: 'neutral' },
  reached: { label: 'Target reached', tone: 'success' },
  on_pace: { label: 'On pace', tone: 'success' },
  off_pace: { label: 'Off pace', tone: 'danger' },
};

/**
 * The business goal measured on its own metric, not the model's: where the latest
 * measurement sits between baseline and target, and whether the pace reaches the target by
 * the deadline. Members add a measurement here; CI posts to the same route.
 */
export function GoalMeasurementsPanel({ goal, canEdit }: { goal: Goal; canEdit: boolean }) {
  const query = useGoalMeasurements(goal.id);
  const [adding, setAdding] = useState(false);
  if (query.isPending) return <p className="muted small">Loading measurements…</p>;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { progress, items } = query.data;
  const status = STATUS[progress.status];
  return (
    <div className="goal-measurements" aria-label={`Measurements of ${goal.metric}`}>
      <p className="goal-measurements__status">
        <Badge tone={status.tone}>{status.label}</Badge>{' '}
        {progress.latest ? (
          <span>
            {formatPercent(progress.progress)} of the way: latest{' '}
            {withUnit(progress.latest.value, goal.unit)} on {formatDate(progress.latest.measuredAt)}{' '}
            ({items.length} measurement{items.length === 1 ? '' : 's'}).{' '}
          </span>
        ) : null}
        <span className="muted">{progress.message}</span>
      </p>
      {items.length > 0 ? <GoalChart goal={goal} measured={query.data} /> : null}
      {canEdit && !adding ? (
        <button type="button" className="btn btn--small" onClick={() => setAdding(true)}>
          Add measurement
        </button>
      ) : null}
      {canEdit && adding ? <MeasurementForm goal={goal} onDone={() => setAdding(false)} /> : null}
    </div>
  );
}

function MeasurementForm({ goal, onDone }: { goal: Goal; onDone: () => void }) {
  const add = useAddGoalMeasurement(goal.id);
  const form = useMutationFields({ value: '', day: '', source: '' }, add);
  const { value, day, source } = form.values;
  const submit = () => {
    const number = parseNumberInput(value);
    add.mutate(
      {
        // Not a number: sent as null, so the server's 400 names the field.
        value: typeof number === 'number' ? number : Number.NaN,
        measuredAt: day ? `${day}T00:00:00Z` : '',
        source,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <FormShell className="goal-measurement-form" onSubmit={submit} noValidate form={form}>
      <NumberField label={`Value (${goal.unit})`} {...form.field('value')} />
      <DateField label="Measured on" {...form.field('day', 'measuredAt')} />
      <TextField label="Source" hint="A report, a dashboard, a query" {...form.field('source')} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={add.isPending}>
          Save measurement
        </button>
        <button type="button" className="btn btn--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </FormShell>
  );
}
