import { useState, type FormEvent } from 'react';
import type { Risk } from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import { useCreateRisk, useUpdateRisk } from '../../api/risks';
import { ErrorNotice } from '../../components/Feedback';
import { Field, type ControlProps } from '../../components/Field';
import { RISK_LEVELS, RISK_LEVEL_LABELS, RISK_STATUSES, RISK_STATUS_LABELS } from './risk-text';

type Level = Risk['impact'];

function LevelSelect({
  value,
  onChange,
  ...props
}: ControlProps & { value: Level; onChange: (value: Level) => void }) {
  return (
    <select {...props} value={value} onChange={(e) => onChange(e.target.value as Level)}>
      {RISK_LEVELS.map((level) => (
        <option key={level} value={level}>
          {RISK_LEVEL_LABELS[level]}
        </option>
      ))}
    </select>
  );
}

interface RiskFormProps {
  projectId: string;
  /** The risk to edit, or null to add one. */
  risk: Risk | null;
  onDone: () => void;
}

export function RiskForm({ projectId, risk, onDone }: RiskFormProps) {
  const [description, setDescription] = useState(risk?.description ?? '');
  const [roles, setRoles] = useState(risk?.affectedRoles.join(', ') ?? '');
  const [likelihood, setLikelihood] = useState<Risk['likelihood']>(risk?.likelihood ?? 'medium');
  const [impact, setImpact] = useState<Risk['impact']>(risk?.impact ?? 'medium');
  const [mitigation, setMitigation] = useState(risk?.mitigation ?? '');
  const [owner, setOwner] = useState(risk?.owner ?? '');
  const [status, setStatus] = useState<Risk['status']>(risk?.status ?? 'open');
  const create = useCreateRisk(projectId);
  const update = useUpdateRisk(projectId);
  const mutation = risk ? update : create;
  const errors = fieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      description: description.trim(),
      affectedRoles: roles
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
      likelihood,
      impact,
      mitigation: mitigation.trim(),
      owner: owner.trim(),
      status,
    };
    if (risk) update.mutate({ riskId: risk.id, body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: onDone });
  };

  return (
    <form className="form risk-form" onSubmit={submit} aria-label={risk ? 'Edit risk' : 'Add risk'}>
      <h3 className="form__title">{risk ? 'Edit risk' : 'Add a risk'}</h3>
      {mutation.error && Object.keys(errors).length === 0 ? (
        <ErrorNotice error={mutation.error} />
      ) : null}
      <Field
        label="Description"
        error={errors.description}
        hint="What may change for whom when the solution is used."
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
          />
        )}
      </Field>
      <Field
        label="Affected roles or teams"
        optional
        hint="Separate with commas."
        error={errors.affectedRoles}
      >
        {(props) => <input {...props} value={roles} onChange={(e) => setRoles(e.target.value)} />}
      </Field>
      <div className="form__row">
        <Field label="Likelihood" error={errors.likelihood}>
          {(props) => <LevelSelect {...props} value={likelihood} onChange={setLikelihood} />}
        </Field>
        <Field label="Impact" error={errors.impact}>
          {(props) => <LevelSelect {...props} value={impact} onChange={setImpact} />}
        </Field>
        <Field label="Status" error={errors.status}>
          {(props) => (
            <select
              {...props}
              value={status}
              onChange={(e) => setStatus(e.target.value as Risk['status'])}
            >
              {RISK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {RISK_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Owner" optional className="grow" error={errors.owner}>
          {(props) => <input {...props} value={owner} onChange={(e) => setOwner(e.target.value)} />}
        </Field>
      </div>
      <Field label="Mitigation" optional error={errors.mitigation}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={mitigation}
            onChange={(e) => setMitigation(e.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={mutation.isPending || !description.trim()}
        >
          {mutation.isPending ? 'Saving…' : risk ? 'Save risk' : 'Add risk'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
