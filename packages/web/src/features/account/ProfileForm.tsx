import { useState } from 'react';
import type { User } from '@sextant/core';
import { fieldErrors } from '../../api/errors';
import { useUpdateProfile } from '../../api/people';
import { Notice } from '../../components/Feedback';
import { FormShell, TextField, useFormFields } from '../../components/form';

const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/**
 * Your own name and email. A new email asks for the current password, which the API checks
 * before anything changes.
 */
export function ProfileForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  /** The email signed in with after the last save, to say so; null before any save. */
  const [saved, setSaved] = useState<string | null>(null);
  const server = fieldErrors(update.error);
  const form = useFormFields(
    { name: user.name, email: user.email, currentPassword: '' },
    {
      name: server.name && sentence(server.name),
      email: server.email && sentence(server.email),
      currentPassword: server.currentPassword && sentence(server.currentPassword),
    },
  );
  const { name, email, currentPassword } = form.values;
  const emailChanged = email.trim().toLowerCase() !== user.email;
  const otherError = update.error && !server.name && !server.email && !server.currentPassword;

  const submit = () => {
    setSaved(null);
    const ok = form.check({
      ...(name.trim() === '' ? { name: 'Type your name.' } : {}),
      ...(email.trim() === '' ? { email: 'Type your email.' } : {}),
      ...(emailChanged && currentPassword === ''
        ? { currentPassword: 'Type your current password to change your email.' }
        : {}),
    });
    if (!ok) {
      update.reset();
      return;
    }
    update.mutate(
      {
        name: name.trim(),
        ...(emailChanged ? { email: email.trim(), currentPassword } : {}),
      },
      {
        onSuccess: (next) => {
          form.setValues({ name: next.name, email: next.email, currentPassword: '' });
          setSaved(next.email);
        },
      },
    );
  };

  return (
    <FormShell
      label="Your name and email"
      className="form profile-form"
      onSubmit={submit}
      noValidate
      intro={
        saved ? (
          <Notice tone="success">
            <p>
              <strong>Saved.</strong> You sign in with{' '}
              <span className="profile-form__email">{saved}</span>.
            </p>
          </Notice>
        ) : null
      }
      notice={otherError ? update.error : null}
      actions={{ submitLabel: 'Save profile', pendingLabel: 'Saving…', pending: update.isPending }}
    >
      <TextField label="Name" autoComplete="name" {...form.field('name')} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        hint="You sign in with it."
        {...form.field('email')}
      />
      {emailChanged ? (
        <TextField
          label="Current password"
          hint="Needed to change your email."
          type="password"
          autoComplete="current-password"
          {...form.field('currentPassword')}
        />
      ) : null}
    </FormShell>
  );
}
