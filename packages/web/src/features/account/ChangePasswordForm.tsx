import { useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '@sextant/core';
import { useChangePassword } from '../../api/auth';
import { fieldErrors } from '../../api/errors';
import { Notice } from '../../components/Feedback';
import { FormShell, TextField, useFormFields } from '../../components/form';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

const sentence = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/**
 * Current password, new password twice. The API ends every other session and renews
 * this one, so the person stays signed in here.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  /**
   * Whether to say that the two new passwords differ: from the first submit on, then as
   * the person types. (Not on leaving the field: the message would move the button away
   * from under a pointer that is on its way to it.)
   */
  const [checkConfirm, setCheckConfirm] = useState(false);
  const [missingCurrent, setMissingCurrent] = useState(false);
  const [changed, setChanged] = useState(false);
  const change = useChangePassword();

  const server = fieldErrors(change.error);
  const form = useFormFields(EMPTY, ({ newPassword, confirm }) => ({
    currentPassword: missingCurrent
      ? 'Type your current password.'
      : server.currentPassword && sentence(server.currentPassword),
    newPassword: server.newPassword && sentence(server.newPassword),
    confirm:
      checkConfirm && confirm !== newPassword
        ? confirm
          ? 'The two new passwords differ.'
          : 'Type the new password again.'
        : undefined,
  }));
  const { currentPassword: current, newPassword: next, confirm } = form.values;
  const otherError = change.error && !server.currentPassword && !server.newPassword;

  const submit = () => {
    setChanged(false);
    setCheckConfirm(true);
    setMissingCurrent(current === '');
    if (current === '' || confirm !== next) {
      // Nothing is sent, so an earlier answer no longer applies.
      change.reset();
      return;
    }
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          form.setValues(EMPTY);
          setCheckConfirm(false);
          setChanged(true);
        },
      },
    );
  };

  return (
    <FormShell
      label="Change password"
      className="form password-form"
      onSubmit={submit}
      noValidate
      intro={
        changed ? (
          <Notice tone="success">
            <p>
              <strong>Password changed.</strong> You stay signed in here; other sessions were signed
              out.
            </p>
          </Notice>
        ) : null
      }
      notice={otherError ? change.error : null}
      actions={{
        submitLabel: 'Change password',
        pendingLabel: 'Changing…',
        pending: change.isPending,
      }}
    >
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        {...form.field('currentPassword')}
        onChange={(value) => {
          form.setValue('currentPassword', value);
          setMissingCurrent(false);
        }}
      />
      <TextField
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a good one.`}
        type="password"
        autoComplete="new-password"
        {...form.field('newPassword')}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        {...form.field('confirm')}
      />
    </FormShell>
  );
}
