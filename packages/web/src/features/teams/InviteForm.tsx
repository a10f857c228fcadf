import { useState } from 'react';
import { INVITATION_TTL_DAYS, TEAM_ROLES, type TeamRole } from '@sextant/core';
import { isApiError } from '../../api/errors';
import { useCreateInvitation } from '../../api/invitations';
import { SecretReveal } from '../../components/SecretReveal';
import {
  FormShell,
  InlineSubmit,
  SelectField,
  TextField,
  optionsOf,
  useMutationFields,
} from '../../components/form';
import { ROLE_TEXT } from './role-text';

const ROLE_OPTIONS = optionsOf(TEAM_ROLES, (r) => ROLE_TEXT[r].label);

/** The link to copy: the site's own address and the path the server gave. */
const linkOf = (path: string) => `${window.location.origin}${path}`;

/**
 * Invites someone by email with a role; the one-time link is shown once, to copy and send
 * (Sextant sends no email yet).
 */
export function InviteForm({ teamId }: { teamId: string }) {
  const create = useCreateInvitation(teamId);
  const [link, setLink] = useState<{ name: string; token: string; emailed: boolean } | null>(null);
  const form = useMutationFields<{ email: string; role: TeamRole }>(
    { email: '', role: 'member' },
    create,
  );
  // A pending invitation or a member with that email: said under the email field.
  const emailError =
    form.field('email').error ??
    (isApiError(create.error) && create.error.details.field === 'email'
      ? create.error.message
      : undefined);
  const { email, role } = form.values;

  const submit = () => {
    setLink(null);
    create.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (created) => {
          form.setValue('email', '');
          setLink({ name: created.email, token: linkOf(created.path), emailed: created.emailed });
        },
      },
    );
  };

  return (
    <>
      {link ? (
        <SecretReveal
          token={link}
          what="invitation link"
          onDone={() => setLink(null)}
          {...(link.emailed
            ? {
                note: `Sextant has emailed it to ${link.name} too. It is shown only this once; Sextant stores only a hash.`,
              }
            : {})}
        />
      ) : null}
      <FormShell
        label="Invite someone"
        className="form"
        onSubmit={submit}
        intro={
          <p className="muted">
            Sextant makes a link valid {INVITATION_TTL_DAYS} days that works once: copy it and send
            it to them. Opening it, they choose a name and password (or sign in, if they have an
            account) and join this team.
          </p>
        }
        notice={create.error && !emailError ? form.notice : null}
      >
        <div className="form__row form__row--end">
          <TextField
            label="Email"
            className="grow"
            type="email"
            {...form.field('email')}
            error={emailError}
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
            label="Create invitation link"
            pendingLabel="Creating…"
            pending={create.isPending}
            disabled={!email.trim()}
          />
        </div>
      </FormShell>
    </>
  );
}
