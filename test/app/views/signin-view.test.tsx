import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as Auth from '../../../src/auth';
import type { AuthClient, AuthTokens, ResolvedSignInSettings } from '../../../src/auth';
import { makeToken } from '../../fixtures/make-token';

// The auth module is replaced at its boundary: the factory hands back a scripted client.
const createAuthClient = vi.fn();
vi.mock('../../../src/auth', async (original) => ({
  ...(await original<typeof Auth>()),
  createAuthClient: (...args: unknown[]) => createAuthClient(...args),
}));
const { default: SigninView } = await import('../../../src/app/views/signin-view');

const CLIENT = '3f8a2c1e-9d4b-4a7e-8c6f-1b2d3e4f5a60';
const account = { id: 'home-1', username: 'reader@contoso.test', name: 'Riley Reader', tenantId: 'tid' };
const tokensWith = (wids: string[] | undefined): AuthTokens => ({
  accessToken: makeToken({ aud: 'api', scp: 'Reports.Read', ...(wids ? { wids } : {}) }),
  idToken: makeToken({ aud: CLIENT, name: 'Riley Reader' }),
  account,
  scopes: ['Reports.Read'],
  expiresOn: null,
  fromCache: false,
});

function fakeClient(settings: ResolvedSignInSettings, signIn: AuthClient['signIn']): AuthClient {
  return {
    settings,
    redirectUri: 'http://localhost:3000/redirect.html',
    redirectResult: null,
    listAccounts: () => [account],
    activeAccount: () => null,
    setActiveAccount: () => undefined,
    signIn,
    acquireToken: async () => ({ ok: true, value: tokensWith([]) }),
    signOut: async () => ({ ok: true, value: null }),
  };
}

const props = () => ({
  params: new URLSearchParams(),
  token: null,
  onToken: vi.fn(),
  catalog: null,
  now: new Date('2026-01-01T00:00:00Z'),
  navigate: vi.fn(),
});

async function fillAndSignIn() {
  // Pasted rather than typed key by key: the same change event, without a 36-key wait on a busy machine.
  await userEvent.click(screen.getByLabelText('Client ID'));
  await userEvent.paste(CLIENT);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in with a popup' }));
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  createAuthClient.mockReset();
});

describe('SigninView', () => {
  it('signs in with a popup, answers the role question and hands the access token to the inspector', async () => {
    const tokens = tokensWith(['5d6b6bb7-de71-4623-b4af-96380a352509']);
    createAuthClient.mockImplementation(async (settings: ResolvedSignInSettings) => ({
      ok: true,
      value: fakeClient(settings, async () => ({ ok: true, value: tokens })),
    }));
    const p = props();
    render(<SigninView {...p} />);
    await fillAndSignIn();
    const roles = await screen.findByRole('region', { name: 'Your directory roles' });
    expect(within(roles).getByText(/Security Reader:/)).toHaveTextContent('Security Reader: yes');
    await userEvent.click(screen.getByRole('button', { name: 'Inspect the access token' }));
    expect(p.onToken).toHaveBeenCalledWith(tokens.accessToken);
  });

  it('remembers the settings in localStorage but never a token', async () => {
    createAuthClient.mockImplementation(async (settings: ResolvedSignInSettings) => ({
      ok: true,
      value: fakeClient(settings, async () => ({ ok: true, value: tokensWith(undefined) })),
    }));
    render(<SigninView {...props()} />);
    await fillAndSignIn();
    await screen.findByRole('region', { name: 'Your directory roles' });
    expect(JSON.parse(localStorage.getItem('tokenscope.signin-settings') ?? '{}')).toMatchObject({
      clientId: CLIENT,
    });
    expect(Object.values({ ...localStorage }).join(' ')).not.toContain('eyJ');
    expect(screen.getByText(/The access token has no/)).toHaveTextContent(
      'The access token has no wids claim',
    );
  });

  it('checks the roles live in Graph on request, showing loading, result and an explained error', async () => {
    createAuthClient.mockImplementation(async (settings: ResolvedSignInSettings) => ({
      ok: true,
      value: fakeClient(settings, async () => ({ ok: true, value: tokensWith(undefined) })),
    }));
    let answer: (r: Response) => void = () => undefined;
    const fetchMock = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    vi.stubGlobal('fetch', fetchMock);
    render(<SigninView {...props()} />);
    await fillAndSignIn();
    const check = await screen.findByRole('group', { name: 'Check my roles in Microsoft Graph' });
    expect(fetchMock).not.toHaveBeenCalled();
    await userEvent.click(within(check).getByRole('button', { name: 'Check my roles in Graph' }));
    expect(await within(check).findByText('Checking…')).toBeInTheDocument();
    expect(within(check).getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    answer(
      new Response(
        JSON.stringify({ value: [{ id: 'r', displayName: 'Security Reader', roleTemplateId: 'x' }] }),
      ),
    );
    expect(await within(check).findByText(/Security Reader/)).toBeInTheDocument();

    fetchMock.mockImplementation(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'Authorization_RequestDenied',
              message: 'Insufficient privileges to complete the operation.',
            },
          }),
          {
            status: 403,
          },
        ),
    );
    await userEvent.click(within(check).getByRole('button', { name: 'Check my roles in Graph' }));
    const alert = await within(check).findByRole('alert');
    expect(alert).toHaveTextContent('Authorization_RequestDenied');
    vi.unstubAllGlobals();
  });

  it('cancels a running live check', async () => {
    createAuthClient.mockImplementation(async (settings: ResolvedSignInSettings) => ({
      ok: true,
      value: fakeClient(settings, async () => ({ ok: true, value: tokensWith(undefined) })),
    }));
    let seen: AbortSignal | undefined;
    vi.stubGlobal(
      'fetch',
      vi.fn((_url: string, init?: RequestInit) => {
        seen = init?.signal ?? undefined;
        return new Promise<Response>(() => undefined);
      }),
    );
    render(<SigninView {...props()} />);
    await fillAndSignIn();
    const check = await screen.findByRole('group', { name: 'Check my roles in Microsoft Graph' });
    await userEvent.click(within(check).getByRole('button', { name: 'Check my roles in Graph' }));
    await userEvent.click(await within(check).findByRole('button', { name: 'Cancel' }));
    expect(seen?.aborted).toBe(true);
    expect(within(check).queryByText('Checking…')).not.toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it('does not build a client while the settings are invalid', async () => {
    render(<SigninView {...props()} />);
    await userEvent.type(screen.getByLabelText('Client ID'), 'not-a-guid');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('Client ID')).toHaveAttribute('aria-invalid', 'true');
    expect(createAuthClient).not.toHaveBeenCalled();
  });

  it('explains a failed sign-in with its fix and the consent link', async () => {
    const { explainSignInError } = await import('../../../src/auth');
    createAuthClient.mockImplementation(async (settings: ResolvedSignInSettings) => ({
      ok: true,
      value: fakeClient(settings, async () => ({
        ok: false,
        error: explainSignInError(
          { errorCode: 'consent_required', errorMessage: 'AADSTS65001: no consent' },
          { clientId: CLIENT },
        ),
      })),
    }));
    render(<SigninView {...props()} />);
    await fillAndSignIn();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Consent is needed');
    expect(within(alert).getByRole('link', { name: /consent link/ })).toHaveAttribute(
      'href',
      `#consent&client_id=${CLIENT}&cloud=public`,
    );
  });
});
