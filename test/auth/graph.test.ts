import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DIRECTORY_ROLES_SCOPE,
  fetchMyDirectoryRoles,
  fetchServicePrincipal,
  validateSignInSettings,
} from '../../src/auth';
import type { AuthClient, AuthOutcome, AuthTokens, SignInErrorExplanation } from '../../src/auth';

const resolved = (cloud: 'public' | 'usgov' | 'china') => {
  const r = validateSignInSettings({
    clientId: '3f8a2c1e-9d4b-4a7e-8c6f-1b2d3e4f5a60',
    cloud,
    authority: 'organizations',
    scopes: 'User.Read',
    protocolMode: 'AAD',
  });
  if (!r.ok) throw new Error('settings');
  return r.value;
};

function clientWith(cloud: 'public' | 'usgov' | 'china', token: AuthOutcome<AuthTokens>) {
  const acquireToken = vi.fn(async () => token);
  const client = { settings: resolved(cloud), acquireToken } as unknown as AuthClient;
  return { client, acquireToken };
}

const tokens: AuthOutcome<AuthTokens> = {
  ok: true,
  value: {
    accessToken: 'graph-token',
    idToken: '',
    account: { id: 'a', username: 'u', name: null, tenantId: 't' },
    scopes: [],
    expiresOn: null,
    fromCache: true,
  },
};

afterEach(() => vi.unstubAllGlobals());

describe('fetchMyDirectoryRoles', () => {
  it.each([
    ['public', 'https://graph.microsoft.com'],
    ['usgov', 'https://graph.microsoft.us'],
    ['china', 'https://microsoftgraph.chinacloudapi.cn'],
  ] as const)(
    'asks the %s cloud Graph with the least privileged scope, interactively if needed',
    async (cloud, base) => {
      const fetchMock = vi.fn(
        async (_url: string) =>
          new Response(
            JSON.stringify({ value: [{ id: 'r1', displayName: 'Security Reader', roleTemplateId: '5d6b' }] }),
          ),
      );
      vi.stubGlobal('fetch', fetchMock);
      const { client, acquireToken } = clientWith(cloud, tokens);
      const result = await fetchMyDirectoryRoles(client, new AbortController().signal);
      expect(acquireToken).toHaveBeenCalledWith({
        scopes: [`${base}/${DIRECTORY_ROLES_SCOPE}`],
        interactive: true,
      });
      expect(fetchMock.mock.calls[0]?.[0]).toBe(
        `${base}/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=id,displayName,roleTemplateId&$top=999`,
      );
      expect(result).toEqual({
        ok: true,
        value: [{ id: 'r1', displayName: 'Security Reader', roleTemplateId: '5d6b' }],
      });
    },
  );

  it('returns the HTTP status and Graph error text', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"error":{"code":"Authorization_RequestDenied"}}', { status: 403 })),
    );
    const result = await fetchMyDirectoryRoles(
      clientWith('public', tokens).client,
      new AbortController().signal,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'http', status: 403, text: '{"error":{"code":"Authorization_RequestDenied"}}' },
    });
  });

  it('reports a cancelled request as aborted', async () => {
    const controller = new AbortController();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      }),
    );
    const result = await fetchMyDirectoryRoles(clientWith('public', tokens).client, controller.signal);
    expect(result.ok === false && result.error.code).toBe('aborted');
  });

  it('reports a token failure without calling Graph', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const error = { title: 'Consent is needed', detail: 'AADSTS65001' } as SignInErrorExplanation;
    const result = await fetchMyDirectoryRoles(
      clientWith('public', { ok: false, error }).client,
      new AbortController().signal,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'token', status: null, text: 'Consent is needed: AADSTS65001' },
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('fetchServicePrincipal', () => {
  it('reads app roles and scopes of the service principal by appId', async () => {
    const body = {
      displayName: 'WindowsDefenderATP',
      appRoles: [{ id: 'a1', value: 'Alert.Read.All', displayName: 'Read alerts' }],
      oauth2PermissionScopes: [{ id: 's1', value: 'Alert.Read', type: 'User' }],
    };
    const fetchMock = vi.fn(async (_url: string) => new Response(JSON.stringify(body)));
    vi.stubGlobal('fetch', fetchMock);
    const appId = 'fc780465-2017-40d4-a0c5-307022471b92';
    const result = await fetchServicePrincipal(
      clientWith('public', tokens).client,
      appId,
      new AbortController().signal,
    );
    expect(fetchMock.mock.calls[0]?.[0]).toBe(
      `https://graph.microsoft.com/v1.0/servicePrincipals(appId='${appId}')?$select=appRoles,oauth2PermissionScopes,displayName`,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        displayName: 'WindowsDefenderATP',
        appRoles: [{ id: 'a1', value: 'Alert.Read.All', displayName: 'Read alerts' }],
        scopes: [{ id: 's1', value: 'Alert.Read', type: 'User' }],
      },
    });
  });

  it('refuses an app ID that is not a GUID without calling Graph', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const result = await fetchServicePrincipal(
      clientWith('public', tokens).client,
      "x') or (1",
      new AbortController().signal,
    );
    expect(result.ok).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
