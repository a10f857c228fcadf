import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLocation } from 'react-router';
import type { InvitationView } from '@sextant/core';
import { AcceptInvitationPage } from '../../src/features/invitations/AcceptInvitationPage';
import { NewAccountForm } from '../../src/features/invitations/NewAccountForm';
import { errorBody, fakeServer, invalidBody } from '../support/fake-server';
import { renderPage } from '../support/render';

const view: InvitationView = {
  team: { id: 't1', name: 'Field operations' },
  email: 'olga@example.test',
  role: 'member',
  invitedByName: 'Ada',
  expiresAt: '2026-11-25T10:00:00.000Z',
  existingAccount: false,
};

describe('the invitation page', () => {
  it('says a link has expired, with nothing to fill in', async () => {
    fakeServer(() => ({
      status: 410,
      body: errorBody('invitation_expired', 'This invitation link has expired.'),
    }));
    renderPage(<AcceptInvitationPage />);
    expect(await screen.findByText('This invitation has expired')).toBeTruthy();
    expect(screen.queryByLabelText('Your name')).toBeNull();
  });

  it('says an unknown or revoked link is not valid', async () => {
    fakeServer(() => ({ status: 404, body: errorBody('not_found', 'Invitation not found') }));
    renderPage(<AcceptInvitationPage />);
    expect(await screen.findByText('This invitation link is not valid')).toBeTruthy();
  });

  it('shows the team and role of a pending link', async () => {
    fakeServer(() => ({ status: 200, body: view }));
    renderPage(<AcceptInvitationPage />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Join Field operations' }),
    ).toBeTruthy();
    expect(screen.getByText(/Ada invited you as/).textContent).toContain('member');
  });
});

/** Shows where the router is, as the address bar would. */
function Address() {
  return <output aria-label="Address">{useLocation().pathname}</output>;
}

describe('NewAccountForm', () => {
  it.each([
    ['member', '/teams/t1'],
    ['operator', '/projects'],
  ] as const)('lands a new %s on %s once the account is made', async (role, landing) => {
    fakeServer(() => ({
      status: 201,
      body: {
        user: { id: 'u1', email: view.email, name: 'Olga', isAdmin: false },
        teamId: 't1',
        role,
        csrfToken: 'c',
      },
    }));
    const { user } = renderPage(
      <>
        <NewAccountForm token="abc" view={{ ...view, role }} />
        <Address />
      </>,
    );
    await user.type(screen.getByLabelText('Your name'), 'Olga');
    await user.type(screen.getByLabelText('Password'), 'a long enough passphrase');
    await user.type(screen.getByLabelText('Repeat the password'), 'a long enough passphrase');
    await user.click(screen.getByRole('button', { name: 'Join Field operations' }));
    await waitFor(() => expect(screen.getByLabelText('Address').textContent).toBe(landing));
  });

  it('sends nothing while the two passwords differ', async () => {
    const server = fakeServer(() => ({ status: 201, body: {} }));
    const { user } = renderPage(<NewAccountForm token="abc" view={view} />);
    await user.type(screen.getByLabelText('Your name'), 'Olga');
    await user.type(screen.getByLabelText('Password'), 'a long enough passphrase');
    await user.type(screen.getByLabelText('Repeat the password'), 'a long enough passphrasf');
    await user.click(screen.getByRole('button', { name: 'Join Field operations' }));
    expect(screen.getByText('The two passwords differ.')).toBeTruthy();
    expect(server.writes()).toEqual([]);
  });

  it("puts the server's refusal of the password under the password", async () => {
    const server = fakeServer(() => ({
      status: 400,
      body: invalidBody([{ field: 'password', message: 'must be at least 12 characters' }]),
    }));
    const { user } = renderPage(<NewAccountForm token="abc" view={view} />);
    await user.type(screen.getByLabelText('Your name'), '  Olga  ');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Repeat the password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Join Field operations' }));
    expect(await screen.findByText('Must be at least 12 characters.')).toBeTruthy();
    expect(server.writes()).toEqual([
      {
        method: 'POST',
        path: '/invitations/abc/accept',
        body: { name: 'Olga', password: 'short' },
      },
    ]);
  });
});
