import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_SIGN_IN_SETTINGS, type SignInSettings, type SignInSettingsError } from '../../src/auth';
import { SignInForm } from '../../src/ui/sign-in-form';

function Harness(props: {
  errors?: SignInSettingsError[];
  onSignIn?: (m: string) => void;
  customAuthority?: boolean;
}) {
  const [settings, setSettings] = useState<SignInSettings>(DEFAULT_SIGN_IN_SETTINGS);
  return (
    <>
      <SignInForm
        settings={settings}
        errors={props.errors ?? []}
        warnings={[]}
        customAuthority={props.customAuthority ?? false}
        redirectUri="https://app.example/redirect.html"
        busy={false}
        onChange={setSettings}
        onSignIn={props.onSignIn ?? (() => undefined)}
      />
      <output>{JSON.stringify(settings)}</output>
    </>
  );
}

describe('SignInForm', () => {
  it('labels the inputs Client ID, Authority and Scopes, with the defaults filled in', () => {
    render(<Harness />);
    expect(screen.getByLabelText('Client ID')).toHaveValue('');
    expect(screen.getByLabelText('Authority')).toHaveValue('organizations');
    expect(screen.getByLabelText('Scopes')).toHaveValue('User.Read');
  });

  it('reports edits through onChange', async () => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('Client ID'), 'abc');
    await userEvent.selectOptions(screen.getByLabelText('Cloud'), 'china');
    expect(document.querySelector('output')?.textContent).toContain('"clientId":"abc","cloud":"china"');
  });

  it.each([
    ['Sign in', 'redirect'],
    ['Sign in with a popup', 'popup'],
  ])('"%s" signs in by %s', async (name, method) => {
    const onSignIn = vi.fn();
    render(<Harness onSignIn={onSignIn} />);
    await userEvent.click(screen.getByRole('button', { name }));
    expect(onSignIn).toHaveBeenCalledWith(method);
  });

  it('shows the redirect URI to register, with a copy button and where to register it', () => {
    render(<Harness />);
    expect(screen.getByText('https://app.example/redirect.html')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy redirect URI' })).toBeInTheDocument();
    expect(screen.getByText('Single-page application')).toBeInTheDocument();
  });

  it('shows an error beside its field and marks the field invalid', () => {
    render(
      <Harness
        errors={[{ field: 'clientId', code: 'client-id-not-guid', message: 'The client ID is a GUID.' }]}
      />,
    );
    expect(screen.getByLabelText('Client ID')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Client ID')).toHaveAccessibleDescription(
      expect.stringContaining('The client ID is a GUID.'),
    );
  });

  it('offers the protocol choice only for a custom authority', () => {
    const { rerender } = render(<Harness />);
    expect(screen.queryByLabelText('Protocol')).not.toBeInTheDocument();
    rerender(<Harness customAuthority />);
    expect(screen.getByLabelText('Protocol')).toBeInTheDocument();
  });
});
