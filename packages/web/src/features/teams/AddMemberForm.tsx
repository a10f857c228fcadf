import { useState } from 'react';
import { TEAM_ROLES, type TeamRole } from '@sextant/core';
import { fieldErrors, isApiError } from '../../api/errors';
import { useAddMember } from '../../api/teams';
import { Notice } from '../../components/Feedback';
import {
  FormShell,
  InlineSubmit,
  SelectField,
  TextField,
  optionsOf,
  useFormFields,
} from '../../components/form';
import { ROLE_TEXT } from './role-text';

const ROLE_OPTIONS = optionsOf(TEAM_ROLES, (r) => ROLE_TEXT[r].label);

export function AddMemberForm({ teamId }: { teamId: string }) {
  const [added, setAdded] = useState<string | null>(null);
  const add = useAddMember(teamId);
  const errors = fieldErrors(add.error);
  // "No account with that email" belongs under the email field.
  if (isApiError(add.error) && add.error.code === 'user_not_found')
    errors.email = add.error.message;
  const form = useFormFields<{ email: string; role: TeamRole }>(
    { email: '', role: 'member' },
    errors,
  );
  const { email, role } = form.values;

  const submit = () => {
    setAdded(null);
    add.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (member) => {
          setAdded(`${member.name} was added as ${role}.`);
          form.setValue('email', '');
        },
      },
    );
  };

  return (
    <FormShell
      label="Add member"
      className="form"
      onSubmit={submit}
      // Only the email's error shows in place: any other is said above the form.
      notice={add.error && !errors.email ? add.error : null}
    >
      {added ? <Notice tone="success">{added}</Notice> : null}
      <div className="form__row form__row--end">
        <TextField
          label="Email"
          className="grow"
          hint="They need an account already."
          type="email"
          {...form.field('email')}
          placeholder="name@example.com"
          required
        />
        <SelectField
          label="Role"
          hint={ROLE_TEXT[role].help}
          {...form.field('role')}
          options={ROLE_OPTIONS}
        />
        <InlineSubmit
          label="Add member"
          pendingLabel="Adding…"
          pending={add.isPending}
          disabled={!email.trim()}
        />
      </div>
    </FormShell>
  );
}
