import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SelectField, TextField } from '../../src/ui/text-field';

function Controlled(props: { errors?: string[]; rows?: number; hint?: string }) {
  const [value, setValue] = useState('');
  return (
    <TextField
      label="Tenant"
      hint={props.hint}
      errors={props.errors}
      rows={props.rows}
      value={value}
      onChange={setValue}
    />
  );
}

describe('TextField', () => {
  it('is found by its label and takes typing', async () => {
    render(<Controlled hint="A tenant ID" />);
    const box = screen.getByLabelText('Tenant');
    await userEvent.type(box, 'contoso');
    expect(box).toHaveValue('contoso');
  });

  it.each([
    { name: 'hint only', hint: 'A tenant ID', errors: [], description: 'A tenant ID', invalid: false },
    {
      name: 'hint and error',
      hint: 'A tenant ID',
      errors: ['Enter a tenant.'],
      description: 'A tenant ID Enter a tenant.',
      invalid: true,
    },
    {
      name: 'error only',
      hint: undefined,
      errors: ['Enter a tenant.', 'Not common.'],
      description: 'Enter a tenant. Not common.',
      invalid: true,
    },
    { name: 'neither', hint: undefined, errors: [], description: '', invalid: false },
  ])('describes the control by its hint and errors ($name)', ({ hint, errors, description, invalid }) => {
    render(<Controlled hint={hint} errors={errors} />);
    const box = screen.getByRole('textbox', { name: 'Tenant' });
    expect(box).toHaveAccessibleDescription(description);
    expect(box).toHaveAttribute('aria-invalid', String(invalid));
  });

  it('renders a text area when given rows', () => {
    render(<Controlled rows={3} />);
    expect(screen.getByRole('textbox', { name: 'Tenant' }).tagName).toBe('TEXTAREA');
  });

  it('keeps a given id and derives the hint and error ids from it', () => {
    render(
      <TextField
        id="signin-client-id"
        label="Client ID"
        hint="h"
        errors={['e']}
        value=""
        onChange={() => {}}
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Client ID' });
    expect(box.id).toBe('signin-client-id');
    expect(box).toHaveAttribute('aria-describedby', 'signin-client-id-hint signin-client-id-error');
  });
});

describe('SelectField', () => {
  it('offers only the listed options and reports the picked one', async () => {
    const picked: string[] = [];
    render(
      <SelectField
        label="Cloud"
        hint="Where the tenant lives"
        value="public"
        options={[
          { value: 'public', label: 'Global' },
          { value: 'china', label: 'China' },
        ]}
        onChange={(v) => picked.push(v)}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Cloud' });
    expect(select).toHaveAccessibleDescription('Where the tenant lives');
    await userEvent.selectOptions(select, 'china');
    expect(picked).toEqual(['china']);
  });
});
