import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ProfileForm } from '../../src/features/account/ProfileForm';
import { errorBody, fakeServer } from '../support/fake-server';
import { renderPage } from '../support/render';

const USER = {
  id: 'u1',
  email: 'maria@example.test',
  name: 'Maria',
  isAdmin: false,
  createdAt: '2026-11-01T09:00:00.000Z',
};

describe('ProfileForm', () => {
  it('sends a new name alone, without asking for the password', async () => {
    const server = fakeServer(() => ({ status: 200, body: { ...USER, name: 'Maria Jensen' } }));
    const { user } = renderPage(<ProfileForm user={USER} />);
    expect(screen.queryByLabelText('Current password')).toBeNull();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'Maria Jensen');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved.'));
    expect(server.writes()).toEqual([
      { method: 'PATCH', path: '/me', body: { name: 'Maria Jensen' } },
    ]);
  });

  it('asks for the current password before sending a new email', async () => {
    const server = fakeServer(() => ({ status: 200, body: USER }));
    const { user } = renderPage(<ProfileForm user={USER} />);
    const email = screen.getByRole('textbox', { name: 'Email' });
    await user.clear(email);
    await user.type(email, 'maria.jensen@example.test');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(screen.getByText('Type your current password to change your email.')).toBeTruthy();
    expect(server.writes()).toEqual([]);
  });

  it('shows a taken email under the email field', async () => {
    fakeServer(() => ({
      status: 409,
      body: errorBody('email_taken', 'email: another account already uses this email.', {
        field: 'email',
        fields: [{ field: 'email', message: 'another account already uses this email' }],
      }),
    }));
    const { user } = renderPage(<ProfileForm user={USER} />);
    const email = screen.getByRole('textbox', { name: 'Email' });
    await user.clear(email);
    await user.type(email, 'taken@example.test');
    await user.type(screen.getByLabelText('Current password'), 'my password');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Another account already uses this email.')).toBeTruthy();
  });
});
