import type { Risk } from '@sextant/core';
import { useCreateRisk, useUpdateRisk } from '../../api/risks';
import {
  FormShell,
  SelectField,
  TextField,
  TextareaField,
  optionsOf,
  useMutationFields,
} from '../../components/form';
import { RISK_LEVELS, RISK_LEVEL_LABELS, RISK_STATUSES, RISK_STATUS_LABELS } from './risk-text';

const LEVEL_OPTIONS = optionsOf(RISK_LEVELS, RISK_LEVEL_LABELS);
const STATUS_OPTIONS = optionsOf(RISK_STATUSES, RISK_STATUS_LABELS);

interface RiskValues {
  description: string;
  /** The affected roles, comma-separated. */
  roles: string;
  likelihood: Risk['likelihood'];
  impact: Risk['impact'];
  mitigation: string;
  owner: string;
  status: Risk['status'];
}

interface RiskFormProps {
  projectId: string;
  /** The risk to edit, or null to add one. */
  risk: Risk | null;
  onDone: () => void;
}

export function RiskForm({ projectId, risk, onDone }: RiskFormProps) {
  const create = useCreateRisk(projectId);
  const update = useUpdateRisk(projectId);
  const mutation = risk ? update : create;
  const form = useMutationFields<RiskValues>(
    {
      description: risk?.description ?? '',
      roles: risk?.affectedRoles.join(', ') ?? '',
      likelihood: risk?.likelihood ?? 'medium',
      impact: risk?.impact ?? 'medium',
      mitigation: risk?.mitigation ?? '',
      owner: risk?.owner ?? '',
      status: risk?.status ?? 'open',
    },
    mutation,
  );
  const { description, roles, likelihood, impact, mitigation, owner, status } = form.values;

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
      form={form}
      actions={{
        submitLabel: risk ? 'Save risk' : 'Add risk',
        disabled: !description.trim(),
        onCancel: onDone,
      }}
    >
      <TextareaField
        label="Description"
        hint="What may change for whom when the solution is used."
        {...form.field('description')}
        required
      />
      <TextField
        label="Affected roles or teams"
        optional
        hint="Separate with commas."
        {...form.field('roles', 'affectedRoles')}
      />
      <div className="form__row">
        <SelectField label="Likelihood" {...form.field('likelihood')} options={LEVEL_OPTIONS} />
        <SelectField label="Impact" {...form.field('impact')} options={LEVEL_OPTIONS} />
        <SelectField label="Status" {...form.field('status')} options={STATUS_OPTIONS} />
        <TextField label="Owner" optional className="grow" {...form.field('owner')} />
      </div>
      <TextareaField label="Mitigation" optional {...form.field('mitigation')} />
    </FormShell>
  );
}
