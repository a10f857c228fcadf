import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecisionForm } from '../../src/features/review/DecisionForm';
import { errorBody, fakeServer, invalidBody } from '../support/fake-server';
import { renderPage } from '../support/render';

const props = {
  projectId: 'p1',
  projectName: 'Churn early warning',
  projectStage: 'experimentation',
  sprintId: 's1',
  decision: null,
  canDecide: true,
};

const decided = {
  decision: 'continue',
  rationale: 'Keep going.',
  decidedAt: '2026-12-01T10:00:00.000Z',
  decidedBy: { id: 'u1', name: 'Ada' },
  stageChange: null,
};

describe('DecisionForm', () => {
  it('asks for a decision and a rationale before sending anything', async () => {
    const server = fakeServer(() => ({ status: 201, body: decided }));
    const { user } = renderPage(<DecisionForm {...props} />);

    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    expect(screen.getByText('Choose a decision.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Rationale' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(screen.getByText('Write the rationale: why this decision.')).toBeTruthy();
    expect(server.writes()).toEqual([]);
  });

  it('records a decision with its rationale', async () => {
    const server = fakeServer(() => ({ status: 201, body: decided }));
    const { user } = renderPage(<DecisionForm {...props} />);

    await user.click(screen.getByRole('radio', { name: /^Continue/ }));
    await user.type(screen.getByRole('textbox', { name: 'Rationale' }), '  Keep going.  ');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    await screen.findByRole('button', { name: 'Record decision' });
    expect(server.writes()).toEqual([
      {
        method: 'POST',
        path: '/sprints/s1/decision',
        body: { decision: 'continue', rationale: 'Keep going.' },
      },
    ]);
  });

  it('asks once more before dropping the project', async () => {
    const server = fakeServer(() => ({ status: 201, body: { ...decided, decision: 'drop' } }));
    const { user } = renderPage(<DecisionForm {...props} />);

    await user.click(screen.getByRole('radio', { name: /^Drop/ }));
    await user.type(screen.getByRole('textbox', { name: 'Rationale' }), 'No signal.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    const confirm = screen.getByRole('group', { name: 'Confirm the drop' });
    expect(confirm.textContent).toContain('Dropping moves Churn early warning to Dropped');
    expect(server.writes()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Drop the project' }));
    expect(server.writes().map((r) => r.body)).toEqual([
      { decision: 'drop', rationale: 'No signal.' },
    ]);
  });

  it('cannot drop a project that is already dropped', () => {
    fakeServer(() => ({ status: 201, body: decided }));
    renderPage(<DecisionForm {...props} projectStage="dropped" />);

    const drop = screen.getByRole('radio', { name: /^Drop/ });
    expect((drop as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('The project is already dropped.')).toBeTruthy();
  });

  it('puts a field the server refused under that field, with no notice', async () => {
    fakeServer(() => ({
      status: 400,
      body: invalidBody([{ field: 'rationale', message: 'Too big: at most 4000 characters' }]),
    }));
    const { user } = renderPage(<DecisionForm {...props} />);

    await user.click(screen.getByRole('radio', { name: /^Continue/ }));
    await user.type(screen.getByRole('textbox', { name: 'Rationale' }), 'Long.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    const rationale = screen.getByRole('textbox', { name: 'Rationale' });
    expect(await screen.findByText('Too big: at most 4000 characters')).toBeTruthy();
    expect(rationale.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why the decision was not recorded when the server refuses it outright', async () => {
    fakeServer(() => ({
      status: 409,
      body: errorBody('sprint_not_closed', 'A decision is recorded on a closed sprint.'),
    }));
    const { user } = renderPage(<DecisionForm {...props} />);

    await user.click(screen.getByRole('radio', { name: /^Objectives met/ }));
    await user.type(screen.getByRole('textbox', { name: 'Rationale' }), 'Met.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The decision was not recorded.');
    expect(alert.textContent).toContain('A decision is recorded on a closed sprint.');
  });
});
