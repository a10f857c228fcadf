import { landingAfterJoin } from './landing';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH, type InvitationView } from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import { useAcceptInvitation } from '../../api/invitations';
import { FormShell, TextField, useFormFields } from '../../components/form';

const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/** A new account from an invitation: a name and a password (twice); then signed in, in the team. */
export function NewAccountForm({ token, view }: { token: string; view: InvitationView }) {
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  // Whether to say the two passwords differ: from the first submit on.
  const [checkConfirm, setCheckConfirm] = useState(false);
  const server = fieldErrors(accept.error);
  const form = useFormFields({ name: '', password: '', confirm: '' }, ({ password, confirm }) => ({
    name: server.name && sentence(server.name),
    password: server.password && sentence(server.password),
    confirm:
      checkConfirm && confirm !== password
        ? confirm
          ? 'The two passwords differ.'
          : 'Type the password again.'
        : undefined,
  }));
  const { name, password, confirm } = form.values;
  /** A field's props, where typing again clears the server's answer about the last try. */
  const field = (key: 'name' | 'password') => {
    const props = form.field(key);
    return {
      ...props,
      onChange: (value: string) => {
        if (accept.error) accept.reset();
        props.onChange(value);
      },
    };
  };
  const otherError = accept.error && !server.name && !server.password ? accept.error : null;

  const submit = () => {
    setCheckConfirm(true);
    if (confirm !== password) {
      accept.reset();
      return;
    }
    accept.mutate(
      { name: name.trim(), password },
      { onSuccess: (done) => navigate(landingAfterJoin(done), { replace: true }) },
    );
  };

  return (
    <FormShell
      label="Create your account"
      className="form"
      onSubmit={submit}
      noValidate
      notice={otherError}
      actions={{
        submitLabel: `Join ${view.team.name}`,
        pendingLabel: 'Creating your account…',
        pending: accept.isPending,
        disabled: !name.trim() || !password || !confirm,
      }}
    >
      <TextField
        label="Email"
        type="email"
        value={view.email}
        onChange={() => undefined}
        readOnly
        autoComplete="username"
        hint="The invitation is for this address; it is your sign-in."
      />
      <TextField label="Your name" autoComplete="name" required {...field('name')} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good one.`}
        {...field('password')}
      />
      <TextField
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        {...form.field('confirm')}
      />
    </FormShell>
  );
}
