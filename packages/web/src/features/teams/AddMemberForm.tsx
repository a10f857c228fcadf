import { useState, type FormEvent } from 'react';
import { TEAM_ROLES, type TeamRole } from '@sextant/core';
import { fieldErrors, isApiError } from '../../api/errors';
import { useAddMember } from '../../api/teams';
import { ErrorNotice, Notice } from '../../components/Feedback';
import { Field } from '../../components/Field';
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

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
    <form className="form" onSubmit={submit} aria-label="Add member">
      {add.error && !errors.email ? <ErrorNotice error={add.error} /> : null}
      {added ? <Notice tone="success">{added}</Notice> : null}
      <div className="form__row form__row--end">
        <Field
          label="Email"
          className="grow"
          error={errors.email}
          hint="They need an account already."
        >
          {(props) => (
            <input
              {...props}
              type="email"
              value={email}
              placeholder="name@example.com"
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field label="Role" error={errors.role} hint={ROLE_TEXT[role].help}>
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.target.value as TeamRole)}>
              {TEAM_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_TEXT[r].label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="submit"
          className="btn btn--primary form__inline-submit"
          disabled={add.isPending || !email.trim()}
        >
          {add.isPending ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
