import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Sprint, SprintDetail, Story } from '@sextant/core';
import { CloseSprintDialog } from '../../src/features/sprints/CloseSprintDialog';
import { fakeServer, invalidBody } from '../support/fake-server';
import { renderPage } from '../support/render';

const sprintBase: Sprint = {
  id: 's3',
  projectId: 'p1',
  number: 3,
  name: 'Sprint 3',
  goal: 'First model',
  startDate: '2026-11-16',
  endDate: '2026-11-29',
  lengthDays: 14,
  state: 'active',
  startedAt: '2026-11-16T08:00:00.000Z',
  closedAt: null,
  closedOn: null,
  storyCounts: { todo: 1, in_progress: 0, done: 1 },
  external: null,
  createdAt: '2026-11-10T08:00:00.000Z',
  updatedAt: '2026-11-16T08:00:00.000Z',
};

function story(id: string, title: string, status: Story['status']): Story {
  return {
    id,
    projectId: 'p1',
    sprintId: 's3',
    title,
    deliverable: { type: 'model', description: 'A model' },
    assignee: null,
    status,
    points: 3,
    position: 0,
    addedAfterStart: false,
    outcome: null,
    carriedFromId: null,
    carriedToId: null,
    correction: null,
    external: null,
    createdAt: '2026-11-16T08:00:00.000Z',
    updatedAt: '2026-11-16T08:00:00.000Z',
  };
}

const sprint: SprintDetail = {
  ...sprintBase,
  stories: [story('a', 'Score the list', 'done'), story('b', 'Explain the score', 'todo')],
};

function renderDialog() {
  return renderPage(<CloseSprintDialog sprint={sprint} sprints={[sprint]} onDismiss={vi.fn()} />);
}

/** The server's answer to closing sprint 3 with one story of two done. */
function closedSprint(rest: { carriedOver: unknown[]; nextSprint: unknown }) {
  return {
    status: 200,
    body: { sprint: { ...sprintBase, state: 'closed' }, delivered: 1, notDelivered: 1, ...rest },
  };
}

describe('CloseSprintDialog', () => {
  it('shows what was delivered and plans the next sprint when a story is carried over', async () => {
    const server = fakeServer(() =>
      closedSprint({
        carriedOver: [story('c', 'Explain the score', 'todo')],
        nextSprint: { ...sprintBase, id: 's4', number: 4, name: 'Sprint 4', state: 'planned' },
      }),
    );
    const { user } = renderDialog();

    expect(screen.getByText(/1 of 2 stories done → 50\s?% delivered/)).toBeTruthy();
    expect(screen.queryByRole('group', { name: /Next sprint/ })).toBeNull();

    await user.click(
      screen.getByRole('checkbox', { name: /Carry “Explain the score” into the next sprint/ }),
    );
    const start = screen.getByLabelText('Start date') as HTMLInputElement;
    const end = screen.getByLabelText('End date') as HTMLInputElement;
    expect([start.value, end.value]).toEqual(['2026-11-30', '2026-12-13']);

    await user.type(screen.getByRole('textbox', { name: /Goal/ }), 'Explanations');
    await user.click(screen.getByRole('button', { name: 'Close sprint' }));

    expect(await screen.findByText('Sprint 3 is closed.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sprint 4' })).toBeTruthy();
    expect(server.writes()).toEqual([
      {
        method: 'POST',
        path: '/sprints/s3/close',
        body: {
          carryOver: ['b'],
          nextSprint: { goal: 'Explanations', startDate: '2026-11-30', endDate: '2026-12-13' },
        },
      },
    ]);
  });

  it('closes without a next sprint when nothing is carried', async () => {
    const server = fakeServer(() => closedSprint({ carriedOver: [], nextSprint: null }));
    const { user } = renderDialog();

    await user.click(screen.getByRole('button', { name: 'Close sprint' }));

    expect(await screen.findByText('No story was carried over.')).toBeTruthy();
    expect(server.writes().map((r) => r.body)).toEqual([{ carryOver: [] }]);
  });

  it("puts the server's complaint about the next sprint under its field", async () => {
    fakeServer(() => ({
      status: 400,
      body: invalidBody([
        { field: 'nextSprint.endDate', message: 'The end date is before the start date' },
      ]),
    }));
    const { user } = renderDialog();

    await user.click(screen.getByRole('checkbox', { name: /Carry “Explain the score”/ }));
    await user.click(screen.getByRole('button', { name: 'Close sprint' }));

    expect(await screen.findByText('The end date is before the start date')).toBeTruthy();
    expect(screen.getByLabelText('End date').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Start date').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the sprint was not closed when the server refuses the close', async () => {
    fakeServer(() => ({
      status: 409,
      body: {
        error: { code: 'sprint_closed', message: 'This sprint is already closed.', details: {} },
      },
    }));
    const { user } = renderDialog();

    await user.click(screen.getByRole('button', { name: 'Close sprint' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The sprint was not closed.');
    expect(alert.textContent).toContain('This sprint is already closed.');
  });
});
