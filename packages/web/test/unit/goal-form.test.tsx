import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GoalForm } from '../../src/features/project/GoalForm';
import { errorBody, fakeServer } from '../support/fake-server';
import { renderPage } from '../support/render';

function renderForm() {
  const onDone = vi.fn();
  return { onDone, ...renderPage(<GoalForm projectId="p1" onDone={onDone} />) };
}

describe('GoalForm, relative target', () => {
  it('sends a change in % instead of a target value', async () => {
    const server = fakeServer(() => ({ status: 201, body: {} }));
    const { user, onDone } = renderForm();

    await user.type(screen.getByRole('textbox', { name: 'Statement' }), 'Reduce monthly churn');
    await user.type(screen.getByRole('textbox', { name: 'Metric' }), 'Monthly churn rate');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Direction' }), 'Decrease');
    await user.type(screen.getByRole('textbox', { name: 'Baseline' }), '4.2');
    expect(screen.getByRole('textbox', { name: 'Target' })).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'A change in %' }));
    expect(screen.queryByRole('textbox', { name: 'Target' })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Change (%)' }), '-10');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(server.writes()).toEqual([
      {
        method: 'POST',
        path: '/projects/p1/goals',
        body: {
          statement: 'Reduce monthly churn',
          metric: 'Monthly churn rate',
          direction: 'decrease',
          baseline: 4.2,
          target: null,
          targetChangePct: -10,
          deadline: null,
          unit: null,
        },
      },
    ]);
  });

  it('refuses a change that is not a number before sending', async () => {
    const server = fakeServer(() => ({ status: 201, body: {} }));
    const { user } = renderForm();

    await user.type(screen.getByRole('textbox', { name: 'Statement' }), 'Reduce churn');
    await user.click(screen.getByRole('radio', { name: 'A change in %' }));
    await user.type(screen.getByRole('textbox', { name: 'Change (%)' }), 'ten');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));

    expect(screen.getByText('Write a number, e.g. 3.1')).toBeTruthy();
    expect(server.writes()).toEqual([]);
  });

  it("shows the refused goal's target problem under the change in %", async () => {
    fakeServer(() => ({
      status: 422,
      body: errorBody('goal_not_quantifiable', 'The goal cannot be measured as written.', {
        problems: [
          { field: 'target', message: 'a change of 0 % is no goal' },
          { field: 'deadline', message: 'say by when' },
        ],
      }),
    }));
    const { user } = renderForm();

    await user.type(screen.getByRole('textbox', { name: 'Statement' }), 'Reduce churn');
    await user.click(screen.getByRole('radio', { name: 'A change in %' }));
    await user.type(screen.getByRole('textbox', { name: 'Change (%)' }), '0');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This goal was refused.');
    expect(alert.textContent).toContain('The goal cannot be measured as written.');
    expect(
      screen.getByRole('textbox', { name: 'Change (%)' }).getAttribute('aria-describedby'),
    ).toBeTruthy();
    expect(screen.getByText('A change of 0 % is no goal.')).toBeTruthy();
    expect(screen.getByText('Say by when.')).toBeTruthy();
  });
});
