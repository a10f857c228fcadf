import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api } from '../../src/api/client';
import { FormShell, SelectField, TextField, useFormErrors } from '../../src/components/form';
import { errorBody, fakeServer, invalidBody } from '../support/fake-server';
import { renderPage } from '../support/render';

/** A form built only from the kit, posting what was typed to `/things`. */
function ThingForm({ prefix = '' }: { prefix?: string }) {
  const [name, setName] = useState('');
  const [size, setSize] = useState<'small' | 'large'>('small');
  const save = useMutation({ mutationFn: (body: unknown) => api.post('/things', body) });
  const errors = useFormErrors(save.error, prefix);
  return (
    <FormShell
      label="New thing"
      className="form"
      title="Add a thing"
      onSubmit={() => save.mutate({ name, size })}
      notice={errors.notice}
      noticeTitle="The thing was not saved."
      actions={{ submitLabel: 'Save thing', pendingLabel: 'Saving…', pending: save.isPending }}
    >
      <TextField
        label="Name"
        hint="What to call it."
        error={errors.fields.name}
        value={name}
        onChange={setName}
      />
      <SelectField
        label="Size"
        error={errors.fields.size}
        value={size}
        onChange={setSize}
        options={[
          { value: 'small', label: 'Small' },
          { value: 'large', label: 'Large' },
        ]}
      />
    </FormShell>
  );
}

describe('form kit', () => {
  it('puts each field a 400 names under that field, announced with it, and shows no notice', async () => {
    fakeServer(() => ({
      status: 400,
      body: invalidBody([
        { field: 'name', message: 'Too small: expected string to have >=1 characters' },
        { field: 'size', message: 'Invalid option: expected one of "small"|"large"' },
      ]),
    }));
    const { user } = renderPage(<ThingForm />);

    await user.click(screen.getByRole('button', { name: 'Save thing' }));

    const name = screen.getByRole('textbox', { name: 'Name' });
    await screen.findByText('Too small: expected string to have >=1 characters');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = (name.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual([
      'Too small: expected string to have >=1 characters',
      'What to call it.',
    ]);
    expect(screen.getByRole('combobox', { name: 'Size' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('looks fields up by their own names when the server nests them', async () => {
    fakeServer(() => ({
      status: 400,
      body: invalidBody([{ field: 'thing.name', message: 'Required' }]),
    }));
    const { user } = renderPage(<ThingForm prefix="thing." />);

    await user.click(screen.getByRole('button', { name: 'Save thing' }));

    expect(await screen.findByText('Required')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('shows an error that names no field above the form, with its title', async () => {
    fakeServer(() => ({
      status: 409,
      body: errorBody('conflict', 'A thing with that name exists.'),
    }));
    const { user } = renderPage(<ThingForm />);

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Lamp');
    await user.click(screen.getByRole('button', { name: 'Save thing' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The thing was not saved.A thing with that name exists.');
    expect(screen.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBeNull();
  });

  it('says the server could not be reached when the network fails', async () => {
    fakeServer(() => {
      throw new TypeError('Failed to fetch');
    });
    const { user } = renderPage(<ThingForm />);

    await user.click(screen.getByRole('button', { name: 'Save thing' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Could not reach the Sextant server.',
    );
  });

  it('names the form and gives it its title', () => {
    fakeServer(() => ({ status: 201, body: {} }));
    renderPage(<ThingForm />);

    expect(screen.getByRole('form', { name: 'New thing' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Add a thing' })).toBeTruthy();
  });
});
