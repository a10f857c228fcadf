import { useState } from 'react';
import { TEAM_ROLES, type TeamRole } from '@sextant/core';
import { fieldErrors, isApiError } from '../../api/errors';
import { useAddMember } from '../../api/teams';
import { Notice } from '../../components/Feedback';
import { FormShell, InlineSubmit, SelectField, TextField } from '../../components/form';
import { ROLE_TEXT } from './role-text';

export function AddMemberForm({ teamId }: { teamId: string }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TeamRole>('member');
  const [added, setAdded] = useState<string | null>(null);
  const add = useAddMember(teamId);
  const errors = fieldErrors(add.error);
  // "No account with that email" belongs under the email field.
  if (isApiError(add.error) && add.error.code === 'user_not_found')
    errors.email = add.error.message;

  const submit = () => {
    setAdded(null);
    add.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (member) => {
          setAdded(`${member.name} was added as ${role}.`);
          setEmail('');
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
          error={errors.email}
          hint="They need an account already."
          type="email"
          value={email}
          placeholder="name@example.com"
          onChange={setEmail}
          required
        />
        <SelectField
          label="Role"
          error={errors.role}
          hint={ROLE_TEXT[role].help}
          value={role}
          onChange={setRole}
          options={TEAM_ROLES.map((r) => ({ value: r, label: ROLE_TEXT[r].label }))}
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
