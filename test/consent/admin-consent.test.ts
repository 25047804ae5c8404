import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import {
  buildAdminConsentUrl,
  buildUserConsentUrl,
  describeRedirect,
  makeState,
  WHO_CAN_GRANT_SOURCE,
  type AdminConsentInput,
  type Cloud,
} from '../../src/consent';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const fixed = (n: number) => new Uint8Array(n).fill(7);
const STATE = 'BwcHBwcHBwcHBwcHBwcHBw';
const CLIENT = '00001111-aaaa-2222-bbbb-3333cccc4444';
const TENANT = '00000000-1111-2222-3333-444444444444';

const input = (over: Partial<AdminConsentInput> = {}): AdminConsentInput => ({
  tenant: 'contoso.onmicrosoft.com',
  clientId: CLIENT,
  redirectUri: 'http://localhost/myapp/permissions',
  permissions: ['https://graph.microsoft.com/.default'],
  cloud: 'public',
  ...over,
});

describe('makeState', () => {
  it('turns 16 random bytes into 22 base64url characters', () => {
    expect(makeState(fixed)).toBe(STATE);
    expect(makeState((n) => new Uint8Array(n).fill(255))).toBe('_____________________w');
  });
});

describe('buildAdminConsentUrl: documented forms per cloud', () => {
  it.each<[Cloud, string, string]>([
    ['public', 'login.microsoftonline.com', 'https%3A%2F%2Fgraph.microsoft.com%2F.default'],
    ['usgov', 'login.microsoftonline.us', 'https%3A%2F%2Fgraph.microsoft.us%2F.default'],
    ['china', 'login.chinacloudapi.cn', 'https%3A%2F%2Fmicrosoftgraph.chinacloudapi.cn%2F.default'],
  ])('builds the v2.0 form for the %s cloud', (cloud, host, scope) => {
    const graph = {
      public: 'https://graph.microsoft.com',
      usgov: 'https://graph.microsoft.us',
      china: 'https://microsoftgraph.chinacloudapi.cn',
    }[cloud];
    const result = buildAdminConsentUrl(input({ cloud, permissions: [`${graph}/.default`] }), catalog, fixed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.url).toBe(
      `https://${host}/contoso.onmicrosoft.com/v2.0/adminconsent?client_id=${CLIENT}&scope=${scope}` +
        `&redirect_uri=http%3A%2F%2Flocalhost%2Fmyapp%2Fpermissions&state=${STATE}`,
    );
    expect(result.state).toBe(STATE);
    expect(result.v1Url).toBeUndefined();
  });

  it.each<[Cloud, string]>([
    ['public', 'login.microsoftonline.com'],
    ['usgov', 'login.microsoftonline.us'],
    ['china', 'login.chinacloudapi.cn'],
  ])('builds the v1 form on request for the %s cloud, with the same state and no scope', (cloud, host) => {
    const result = buildAdminConsentUrl(
      input({ cloud, tenant: TENANT, includeV1: true, permissions: ['api://my-api/.default'] }),
      catalog,
      fixed,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.v1Url).toBe(
      `https://${host}/${TENANT}/adminconsent?client_id=${CLIENT}&redirect_uri=http%3A%2F%2Flocalhost%2Fmyapp%2Fpermissions&state=${STATE}`,
    );
  });

  it('joins several scopes with a space (encoded %20), in the order given', () => {
    const result = buildAdminConsentUrl(
      input({
        permissions: [
          'https://graph.microsoft.com/.default',
          'api://11112222-aaaa-bbbb-cccc-333344445555/.default',
        ],
      }),
      catalog,
      fixed,
    );
    expect(result.ok && new URL(result.url).searchParams.get('scope')).toBe(
      'https://graph.microsoft.com/.default api://11112222-aaaa-bbbb-cccc-333344445555/.default',
    );
    expect(result.ok && result.url).toContain('.default%20api%3A%2F%2F');
  });

  it('keeps a redirect URI with its own query string as one parameter', () => {
    const redirectUri = 'https://app.contoso.com/cb?tenant=x&next=%2Fhome&a=b+c';
    const result = buildAdminConsentUrl(input({ redirectUri }), catalog, fixed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const url = new URL(result.url);
    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect([...url.searchParams.keys()]).toEqual(['client_id', 'scope', 'redirect_uri', 'state']);
  });

  it('uses a new state for new random bytes', () => {
    const a = buildAdminConsentUrl(input(), catalog, fixed);
    const b = buildAdminConsentUrl(input(), catalog, (n) => new Uint8Array(n).fill(9));
    expect(a.ok && b.ok && a.state !== b.state).toBe(true);
  });
});

describe('buildAdminConsentUrl: refusals, one per field', () => {
  it.each<[string, Partial<AdminConsentInput>, string, string, string]>([
    ['common as tenant', { tenant: 'common' }, 'tenant', 'tenant-common', 'Admin consent needs a tenant'],
    ['an empty tenant', { tenant: '' }, 'tenant', 'required', 'Enter the tenant ID'],
    ['a client name', { clientId: 'my-app' }, 'clientId', 'client-id-not-guid', 'must be a GUID'],
    [
      'an http redirect',
      { redirectUri: 'http://contoso.com/cb' },
      'redirectUri',
      'redirect-not-https',
      'http is only allowed',
    ],
    [
      'a javascript: redirect',
      { redirectUri: 'javascript:alert(1)' },
      'redirectUri',
      'redirect-unsafe-scheme',
      'cannot be a redirect URI',
    ],
    [
      'a redirect with a fragment',
      { redirectUri: 'https://a.com/#x' },
      'redirectUri',
      'redirect-fragment',
      'fragment',
    ],
    ['no permissions', { permissions: [] }, 'permissions', 'required', 'Pick at least one permission'],
    [
      'a bare .default',
      { permissions: ['.default'] },
      'permissions',
      'permission-no-resource',
      'needs the API in front of it',
    ],
    [
      'a scope with a quote',
      { permissions: ['https://graph.microsoft.com/User.Read"'] },
      'permissions',
      'permission-malformed',
      'characters no permission has',
    ],
    [
      'a non-URL resource',
      { permissions: ['graph/.default'] },
      'permissions',
      'permission-malformed',
      'is not an API identifier',
    ],
    ['an unknown cloud', { cloud: 'mars' as Cloud }, 'cloud', 'cloud-unknown', 'Pick the cloud'],
  ])('refuses %s', (_name, over, field, code, message) => {
    const result = buildAdminConsentUrl(input(over), catalog, fixed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.field === field);
    expect(error?.code).toBe(code);
    expect(error?.message).toContain(message);
  });

  it('reports every invalid field at once', () => {
    const result = buildAdminConsentUrl(
      input({ tenant: 'common', clientId: 'x', redirectUri: 'ftp://a', permissions: [] }),
      catalog,
      fixed,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual([
      'clientId',
      'permissions',
      'redirectUri',
      'tenant',
    ]);
  });
});

describe('buildAdminConsentUrl: Graph across clouds', () => {
  it('rewrites a public Graph resource to US Gov Graph and says so', () => {
    const result = buildAdminConsentUrl(input({ cloud: 'usgov' }), catalog, fixed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new URL(result.url).searchParams.get('scope')).toBe('https://graph.microsoft.us/.default');
    const w = result.warnings.find((x) => x.code === 'graph-cloud-corrected');
    expect(w?.message).toContain('https://graph.microsoft.us');
  });

  it('rewrites China Graph to public Graph in the public cloud', () => {
    const result = buildAdminConsentUrl(
      input({ permissions: ['https://microsoftgraph.chinacloudapi.cn/.default'] }),
      catalog,
      fixed,
    );
    expect(result.ok && new URL(result.url).searchParams.get('scope')).toBe(
      'https://graph.microsoft.com/.default',
    );
  });

  it('keeps US DoD Graph in the US Gov cloud', () => {
    const result = buildAdminConsentUrl(
      input({ cloud: 'usgov', permissions: ['https://dod-graph.microsoft.us/.default'] }),
      catalog,
      fixed,
    );
    expect(result.ok && new URL(result.url).searchParams.get('scope')).toBe(
      'https://dod-graph.microsoft.us/.default',
    );
    expect(result.ok && result.warnings.some((w) => w.code === 'graph-cloud-corrected')).toBe(false);
  });
});

describe('buildAdminConsentUrl: who can grant and what comes back', () => {
  it('for a Graph .default, names Cloud Application Administrator and warns about Graph app roles', () => {
    const result = buildAdminConsentUrl(input(), catalog, fixed);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.whoCanGrant.roles).toEqual([
      'Cloud Application Administrator',
      'Application Administrator',
      'Privileged Role Administrator',
      'Global Administrator',
    ]);
    expect(result.whoCanGrant.explanation).toContain(
      'only a Privileged Role Administrator or Global Administrator',
    );
    expect(result.whoCanGrant.source).toBe(WHO_CAN_GRANT_SOURCE);
  });

  it('for a custom API only, says an Application Administrator is enough', () => {
    const result = buildAdminConsentUrl(input({ permissions: ['api://my-api/.default'] }), catalog, fixed);
    expect(result.ok && result.whoCanGrant.cannot).toEqual([]);
    expect(result.ok && result.whoCanGrant.explanation).toContain(
      'No Microsoft Graph application permission',
    );
  });

  it('lists what the redirect carries, error first because errors also say admin_consent=True', () => {
    const params = describeRedirect().map((p) => p.name);
    expect(params).toEqual(['error', 'error_description', 'admin_consent', 'tenant', 'state', 'scope']);
    expect(describeRedirect()[0]?.meaning).toContain('admin_consent=True');
    expect(describeRedirect()[1]?.meaning).toContain('AADSTS');
  });

  it('notes that organizations lets the admin pick the tenant', () => {
    const result = buildAdminConsentUrl(input({ tenant: 'organizations' }), catalog, fixed);
    expect(result.ok && result.url).toContain('/organizations/v2.0/adminconsent?');
    expect(result.ok && result.warnings.map((w) => w.code)).toContain('tenant-organizations');
  });

  it('keeps a custom API it cannot check, with a warning', () => {
    const result = buildAdminConsentUrl(
      input({ permissions: ['api://contoso-api/Orders.Read'] }),
      catalog,
      fixed,
    );
    expect(result.ok && new URL(result.url).searchParams.get('scope')).toBe('api://contoso-api/Orders.Read');
    expect(result.ok && result.warnings.map((w) => w.code)).toContain('permission-unverified');
  });

  it('asks for a scope listed twice only once', () => {
    const result = buildAdminConsentUrl(
      input({
        permissions: ['https://graph.microsoft.com/.default', 'https://graph.microsoft.com/.default'],
      }),
      catalog,
      fixed,
    );
    expect(result.ok && new URL(result.url).searchParams.get('scope')).toBe(
      'https://graph.microsoft.com/.default',
    );
    expect(result.ok && result.warnings.map((w) => w.code)).toContain('duplicate-permission');
  });
});

describe('buildUserConsentUrl', () => {
  it('builds the authorize URL with response_type=code and prompt=consent', () => {
    const result = buildUserConsentUrl(
      {
        tenant: 'common',
        clientId: CLIENT,
        redirectUri: 'https://app.contoso.com/cb',
        permissions: ['openid', 'api://contoso-api/Orders.Read'],
        cloud: 'public',
      },
      catalog,
      fixed,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.url).toBe(
      `https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=${CLIENT}&response_type=code` +
        `&redirect_uri=https%3A%2F%2Fapp.contoso.com%2Fcb&response_mode=query&scope=openid%20api%3A%2F%2Fcontoso-api%2FOrders.Read` +
        `&prompt=consent&state=${STATE}`,
    );
  });

  it('uses the national cloud sign-in host', () => {
    const result = buildUserConsentUrl(
      {
        tenant: TENANT,
        clientId: CLIENT,
        redirectUri: 'https://a.cn/cb',
        permissions: ['openid'],
        cloud: 'china',
      },
      catalog,
      fixed,
    );
    expect(result.ok && new URL(result.url).host).toBe('login.chinacloudapi.cn');
  });

  it('refuses an empty permission list', () => {
    const result = buildUserConsentUrl(
      { tenant: TENANT, clientId: CLIENT, redirectUri: 'https://a.com/cb', permissions: [], cloud: 'public' },
      catalog,
      fixed,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ field: 'permissions', code: 'required' });
  });
});
