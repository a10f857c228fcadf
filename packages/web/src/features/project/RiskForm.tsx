import { useState } from 'react';
import type { Risk } from '@sextant/core';
import { useCreateRisk, useUpdateRisk } from '../../api/risks';
import {
  FormShell,
  SelectField,
  TextField,
  TextareaField,
  useFormErrors,
  type SelectOption,
} from '../../components/form';
import { RISK_LEVELS, RISK_LEVEL_LABELS, RISK_STATUSES, RISK_STATUS_LABELS } from './risk-text';

const LEVEL_OPTIONS: SelectOption<Risk['impact']>[] = RISK_LEVELS.map((level) => ({
  value: level,
  label: RISK_LEVEL_LABELS[level],
}));
const STATUS_OPTIONS: SelectOption<Risk['status']>[] = RISK_STATUSES.map((s) => ({
  value: s,
  label: RISK_STATUS_LABELS[s],
}));

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
  const { fields: errors, notice } = useFormErrors(mutation.error);

  const submit = () => {
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
    <FormShell
      label={risk ? 'Edit risk' : 'Add risk'}
      className="form risk-form"
      onSubmit={submit}
      title={risk ? 'Edit risk' : 'Add a risk'}
      notice={notice}
      actions={{
        submitLabel: risk ? 'Save risk' : 'Add risk',
        pendingLabel: 'Saving…',
        pending: mutation.isPending,
        disabled: !description.trim(),
        onCancel: onDone,
      }}
    >
      <TextareaField
        label="Description"
        error={errors.description}
        hint="What may change for whom when the solution is used."
        rows={2}
        value={description}
        onChange={setDescription}
        required
      />
      <TextField
        label="Affected roles or teams"
        optional
        hint="Separate with commas."
        error={errors.affectedRoles}
        value={roles}
        onChange={setRoles}
      />
      <div className="form__row">
        <SelectField
          label="Likelihood"
          error={errors.likelihood}
          value={likelihood}
          onChange={setLikelihood}
          options={LEVEL_OPTIONS}
        />
        <SelectField
          label="Impact"
          error={errors.impact}
          value={impact}
          onChange={setImpact}
          options={LEVEL_OPTIONS}
        />
        <SelectField
          label="Status"
          error={errors.status}
          value={status}
          onChange={setStatus}
          options={STATUS_OPTIONS}
        />
        <TextField
          label="Owner"
          optional
          className="grow"
          error={errors.owner}
          value={owner}
          onChange={setOwner}
        />
      </div>
      <TextareaField
        label="Mitigation"
        optional
        error={errors.mitigation}
        rows={2}
        value={mitigation}
        onChange={setMitigation}
      />
    </FormShell>
  );
}
