import { useRef, useState } from 'react';
import {
  POC_CONSTRAINTS,
  PRODUCTIZATION_MODES,
  type PocConstraint,
  type ProductizationMode,
  type ProjectDetail,
  type ScopePatch,
} from '@sextant/core';
import { useUpdateProject } from '../../api/projects';
import {
  Choice,
  FormShell,
  NumberField,
  TextField,
  TextareaField,
  useMutationFields,
} from '../../components/form';
import { parseNumberInput } from '../../lib/format';
import { CONSTRAINT_TEXT, PRODUCTIZATION_TEXT } from './scope-text';

interface UserRow {
  key: number;
  name: string;
  role: string;
}

interface ScopeFormProps {
  project: ProjectDetail;
  onDone: () => void;
}

/** Edits the whole canvas at once; saving sends every key, so what you see is what is stored. */
export function ScopeForm({ project, onDone }: ScopeFormProps) {
  const scope = project.scope;
  const nextKey = useRef(scope.users.length);
  const [users, setUsers] = useState<UserRow[]>(() =>
    scope.users.map((u, key) => ({ key, name: u.name ?? '', role: u.role ?? '' })),
  );
  const [productization, setProductization] = useState<ProductizationMode | null>(
    scope.productization,
  );
  const [constraints, setConstraints] = useState<PocConstraint[]>(scope.pocConstraints ?? []);
  const update = useUpdateProject(project.id);
  const form = useMutationFields(
    {
      why: scope.why,
      sponsor: scope.sponsor,
      currentProcess: scope.currentProcess,
      metricName: scope.currentMetric?.name ?? '',
      metricValue: scope.currentMetric ? String(scope.currentMetric.value) : '',
      metricUnit: scope.currentMetric?.unit ?? '',
    },
    update,
    'scope.',
  );
  const errors = form.errors;
  const { why, sponsor, currentProcess, metricName, metricValue, metricUnit } = form.values;

  const addUser = () => {
    setUsers((rows) => [...rows, { key: nextKey.current++, name: '', role: '' }]);
  };
  const changeUser = (key: number, patch: Partial<UserRow>) =>
    setUsers((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const removeUser = (key: number) => setUsers((rows) => rows.filter((row) => row.key !== key));

  const toggleConstraint = (constraint: PocConstraint, on: boolean) =>
    setConstraints((list) => (on ? [...list, constraint] : list.filter((c) => c !== constraint)));

  const submit = () => {
    const problems: Record<string, string> = {};
    const value = parseNumberInput(metricValue);
    const anyMetric = metricName.trim() || metricValue.trim() || metricUnit.trim();
    if (anyMetric && !metricName.trim()) problems['currentMetric.name'] = 'Name the metric.';
    if (anyMetric && (value === null || value === 'invalid')) {
      problems['currentMetric.value'] = 'Give today’s value as a number.';
    }
    if (constraints.length === 1) {
      problems.pocConstraints = 'Choose a second constraint, or clear both.';
    }
    if (!form.check(problems)) return;

    const patch: ScopePatch = {
      why: why.trim(),
      sponsor: sponsor.trim(),
      users: users
        .map((row) => ({ name: row.name.trim(), role: row.role.trim() }))
        .filter((row) => row.name || row.role)
        .map((row) => ({
          ...(row.name ? { name: row.name } : {}),
          ...(row.role ? { role: row.role } : {}),
        })),
      currentProcess: currentProcess.trim(),
      currentMetric:
        anyMetric && typeof value === 'number'
          ? {
              name: metricName.trim(),
              value,
              ...(metricUnit.trim() ? { unit: metricUnit.trim() } : {}),
            }
          : null,
      productization,
      pocConstraints: constraints.length === 2 ? constraints : null,
    };
    update.mutate({ scope: patch }, { onSuccess: onDone });
  };

  return (
    <FormShell
      label="Scope"
      className="form scope-form"
      onSubmit={submit}
      noValidate
      form={form}
      actions={{
        submitLabel: 'Save scope',
        onCancel: onDone,
      }}
    >
      {update.error && !form.notice ? (
        <div className="notice notice--error" role="alert">
          <p>Some fields need fixing: see below.</p>
        </div>
      ) : null}
      <TextareaField
        label="Why"
        hint="The pain point, and why the sponsor wants it solved."
        rows={3}
        {...form.field('why')}
      />
      <TextField
        label="Sponsor"
        hint="Who pays for it and decides at each demo."
        {...form.field('sponsor')}
      />

      <fieldset className="fieldset">
        <legend className="field__label">Users</legend>
        <p className="field__hint">
          The people who will use the solution. Name at least one person before the POC: a role
          alone does not count.
        </p>
        {users.length === 0 ? <p className="muted">No users yet.</p> : null}
        {users.map((row, index) => (
          <div key={row.key} className="user-row">
            <TextField
              label={
                <>
                  Name<span className="sr-only"> of user {index + 1}</span>
                </>
              }
              error={errors[`users[${index}]`] ?? errors[`users[${index}].name`]}
              value={row.name}
              placeholder="e.g. Maria Jensen"
              onChange={(name) => changeUser(row.key, { name })}
            />
            <TextField
              label={
                <>
                  Role<span className="sr-only"> of user {index + 1}</span>
                </>
              }
              error={errors[`users[${index}].role`]}
              value={row.role}
              placeholder="e.g. Maintenance planner"
              onChange={(role) => changeUser(row.key, { role })}
            />
            <button
              type="button"
              className="btn btn--small btn--danger-ghost user-row__remove"
              onClick={() => removeUser(row.key)}
            >
              Remove<span className="sr-only"> user {index + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" className="btn btn--small" onClick={addUser}>
          Add user
        </button>
      </fieldset>

      <TextareaField
        label="Current process"
        hint="How the problem is handled today, without a model."
        rows={3}
        {...form.field('currentProcess')}
      />

      <fieldset className="fieldset">
        <legend className="field__label">Current metric</legend>
        <p className="field__hint">
          The bar the model must beat: what today’s process achieves. Leave all three empty if
          unknown.
        </p>
        <div className="form__row">
          <TextField
            label="Metric name"
            className="grow"
            {...form.field('metricName')}
            error={errors['currentMetric.name'] ?? errors.currentMetric}
            placeholder="e.g. Failures caught by inspection"
          />
          <NumberField
            label="Value"
            className="narrow"
            {...form.field('metricValue', 'currentMetric.value')}
          />
          <TextField
            label="Unit"
            className="narrow"
            optional
            {...form.field('metricUnit', 'currentMetric.unit')}
            placeholder="e.g. per day"
          />
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend className="field__label">Productization</legend>
        <p className="field__hint">How the POC will reach production, if it succeeds.</p>
        <div className="choices">
          <Choice
            label="Not decided yet"
            type="radio"
            name="productization"
            checked={productization === null}
            onChange={() => setProductization(null)}
          />
          {PRODUCTIZATION_MODES.map((mode) => (
            <Choice
              key={mode}
              label={PRODUCTIZATION_TEXT[mode].label}
              help={PRODUCTIZATION_TEXT[mode].help}
              type="radio"
              name="productization"
              checked={productization === mode}
              onChange={() => setProductization(mode)}
            />
          ))}
        </div>
      </fieldset>

      <fieldset
        className={`fieldset ${errors.pocConstraints ? 'field--invalid' : ''}`}
        aria-describedby="poc-constraints-help"
      >
        <legend className="field__label">POC constraints</legend>
        <p id="poc-constraints-help" className="field__hint">
          A POC cannot fix time, resources and accuracy at once. Choose the two that are fixed: the
          third is what gives.
        </p>
        <div className="choices choices--inline">
          {POC_CONSTRAINTS.map((constraint) => {
            const checked = constraints.includes(constraint);
            return (
              <Choice
                key={constraint}
                label={CONSTRAINT_TEXT[constraint].label}
                help={CONSTRAINT_TEXT[constraint].help}
                type="checkbox"
                checked={checked}
                disabled={!checked && constraints.length >= 2}
                onChange={(e) => toggleConstraint(constraint, e.target.checked)}
              />
            );
          })}
        </div>
        {constraints.length === 2 ? (
          <p className="field__hint">
            {CONSTRAINT_TEXT[POC_CONSTRAINTS.find((c) => !constraints.includes(c)) ?? 'time'].label}{' '}
            is what gives.
          </p>
        ) : null}
        {errors.pocConstraints ? <p className="field__error">{errors.pocConstraints}</p> : null}
      </fieldset>
    </FormShell>
  );
}
