import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Endpoint } from '@sextant/core';
import { EndpointsSection } from '../../src/features/notifications/EndpointsSection';
import { fakeServer, invalidBody, type SentRequest } from '../support/fake-server';
import { renderPage } from '../support/render';

const BASE = '/projects/p1/endpoints' as const;

const endpoint = (fields: Partial<Endpoint> = {}): Endpoint => ({
  id: 'e1',
  projectId: 'p1',
  projectName: 'Churn model',
  kind: 'webhook',
  name: 'Ops receiver',
  url: 'https://hooks.example.test/sextant',
  events: [],
  enabled: true,
  disabledAt: null,
  disabledReason: null,
  failingSince: null,
  lastSuccessAt: null,
  createdBy: null,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  ...fields,
});

const SECRET = `whsec_${'a'.repeat(43)}`;

describe('EndpointsSection', () => {
  it('says what to do when there is no endpoint, and adds one: its secret shown once', async () => {
    let list: Endpoint[] = [];
    const server = fakeServer((request: SentRequest) => {
      if (request.method === 'POST') {
        const created = endpoint(request.body as Partial<Endpoint>);
        list = [created];
        return { status: 201, body: { ...created, secret: SECRET } };
      }
      if (request.path.endsWith('/deliveries'))
        return { status: 200, body: { items: [], nextCursor: null } };
      return { status: 200, body: { items: list } };
    });
    const { user } = renderPage(<EndpointsSection base={BASE} canEdit description="d" />);
    expect(await screen.findByText('No endpoint yet.')).toBeTruthy();

    await user.click(screen.getAllByRole('button', { name: 'Add endpoint' })[0]!);
    const form = screen.getByRole('form', { name: 'Add an endpoint' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Ops receiver');
    await user.type(
      within(form).getByRole('textbox', { name: 'URL' }),
      'https://hooks.example.test/sextant',
    );
    await user.click(within(form).getByRole('checkbox', { name: 'Deployment failed' }));
    // The weekly digest is offered to Slack endpoints only.
    expect(within(form).queryByRole('checkbox', { name: 'Weekly sponsor digest' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Add endpoint' }));

    const reveal = await screen.findByRole('region', { name: 'New signing secret secret' });
    expect(within(reveal).getByRole<HTMLTextAreaElement>('textbox').value).toBe(SECRET);
    expect(server.writes()).toEqual([
      {
        method: 'POST',
        path: BASE,
        body: {
          kind: 'webhook',
          name: 'Ops receiver',
          url: 'https://hooks.example.test/sextant',
          events: ['deployment.failed'],
        },
      },
    ]);
    await user.click(within(reveal).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByText(SECRET)).toBeNull();
    expect(await screen.findByRole('row', { name: /Ops receiver/ })).toBeTruthy();
  });

  it('shows a refused address under the URL field', async () => {
    fakeServer((request) =>
      request.method === 'POST'
        ? {
            status: 400,
            body: invalidBody([
              {
                field: 'url',
                message: 'resolves to 127.0.0.1, a loopback, link-local or private address',
              },
            ]),
          }
        : { status: 200, body: { items: [] } },
    );
    const { user } = renderPage(<EndpointsSection base={BASE} canEdit description="d" />);
    await user.click((await screen.findAllByRole('button', { name: 'Add endpoint' }))[0]!);
    const form = screen.getByRole('form', { name: 'Add an endpoint' });
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Local');
    await user.type(within(form).getByRole('textbox', { name: 'URL' }), 'http://127.0.0.1/x');
    await user.click(within(form).getByRole('button', { name: 'Add endpoint' }));
    const url = within(form).getByRole('textbox', { name: 'URL' });
    await vi.waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText(/loopback, link-local or private address/)).toBeTruthy();
  });

  it('offers members the delivery log but no change', async () => {
    fakeServer((request) =>
      request.path.endsWith('/deliveries')
        ? {
            status: 200,
            body: {
              items: [
                {
                  id: 'd1',
                  eventId: 'ev1',
                  eventType: 'deployment.failed',
                  channel: 'webhook',
                  status: 'failed',
                  attempts: 12,
                  lastStatusCode: 500,
                  lastError: 'HTTP 500',
                  lastDurationMs: 1234,
                  nextAttemptAt: null,
                  createdAt: '2026-11-20T09:00:00.000Z',
                  completedAt: '2026-11-21T09:00:00.000Z',
                },
              ],
              nextCursor: null,
            },
          }
        : {
            status: 200,
            body: { items: [endpoint({ failingSince: '2026-11-20T09:00:00.000Z' })] },
          },
    );
    const { user } = renderPage(<EndpointsSection base={BASE} canEdit={false} description="d" />);
    const row = await screen.findByRole('row', { name: /Ops receiver/ });
    expect(within(row).getByText('Failing')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add endpoint' })).toBeNull();
    expect(within(row).queryByRole('button', { name: /Delete/ })).toBeNull();
    await user.click(within(row).getByRole('button', { name: 'Deliveries of Ops receiver' }));
    const log = await screen.findByRole('region', { name: 'Deliveries to Ops receiver' });
    const delivery = await within(log).findByRole('row', { name: /Deployment failed/ });
    expect(delivery.textContent).toContain('Failed');
    expect(delivery.textContent).toContain('HTTP 500');
    expect(delivery.textContent).toContain('1.2 s');
    expect(within(delivery).queryByRole('button', { name: /again/ })).toBeNull();
  });
});
