import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import {
  buildAdminConsentUrl,
  buildUserConsentUrl,
  GRAPH_APP_ID,
  type AdminConsentInput,
} from '../../src/consent';

// These cases rest on the catalog's data (Graph and Defender permissions), not only on URL rules.
let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const fixed = (n: number) => new Uint8Array(n).fill(7);
const CLIENT = '00001111-aaaa-2222-bbbb-3333cccc4444';
const input = (permissions: string[], over: Partial<AdminConsentInput> = {}): AdminConsentInput => ({
  tenant: 'contoso.onmicrosoft.com',
  clientId: CLIENT,
  redirectUri: 'https://app.contoso.com/cb',
  permissions,
  cloud: 'public',
  ...over,
});
const scopeOf = (url: string) => new URL(url).searchParams.get('scope');

describe('permissions checked against the catalog', () => {
  it('accepts a Graph permission and writes it as the catalog spells it', () => {
    const result = buildAdminConsentUrl(input(['https://graph.microsoft.com/user.read.all']), catalog, fixed);
    expect(result.ok && scopeOf(result.url)).toBe('https://graph.microsoft.com/User.Read.All');
  });

  it('refuses a permission Graph does not have', () => {
    const result = buildAdminConsentUrl(input(['https://graph.microsoft.com/User.Fly.All']), catalog, fixed);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({
      field: 'permissions',
      code: 'permission-unknown',
      message:
        'Microsoft Graph has no permission "User.Fly.All". Check the spelling (values are like User.Read.All).',
    });
  });

  it('reads a bare Graph value as Graph in the chosen cloud, and says so', () => {
    const result = buildAdminConsentUrl(input(['Mail.Send'], { cloud: 'usgov' }), catalog, fixed);
    expect(result.ok && scopeOf(result.url)).toBe('https://graph.microsoft.us/Mail.Send');
    expect(result.ok && result.warnings.map((w) => w.code)).toContain('permission-assumed-graph');
  });

  it('refuses a bare value Graph does not have', () => {
    const result = buildAdminConsentUrl(input(['Machine.Isolate']), catalog, fixed);
    expect(!result.ok && result.errors[0]?.code).toBe('permission-no-resource');
  });

  it('rewrites a public Graph permission to China Graph', () => {
    const result = buildAdminConsentUrl(
      input(['https://graph.microsoft.com/User.Read'], { cloud: 'china' }),
      catalog,
      fixed,
    );
    expect(result.ok && scopeOf(result.url)).toBe('https://microsoftgraph.chinacloudapi.cn/User.Read');
  });

  it('accepts a Defender for Endpoint permission on its resource URL', () => {
    const result = buildAdminConsentUrl(
      input(['https://api.securitycenter.microsoft.com/Machine.Isolate']),
      catalog,
      fixed,
    );
    expect(result.ok && scopeOf(result.url)).toBe('https://api.securitycenter.microsoft.com/Machine.Isolate');
  });

  it('refuses a permission the Defender API does not have', () => {
    const result = buildAdminConsentUrl(
      input(['https://api.securitycenter.microsoft.com/User.Fly.All']),
      catalog,
      fixed,
    );
    expect(!result.ok && result.errors[0]?.code).toBe('permission-unknown');
  });

  it('warns when the client ID is an API (Graph) rather than the app', () => {
    const result = buildAdminConsentUrl(
      input(['https://graph.microsoft.com/.default'], { clientId: GRAPH_APP_ID }),
      catalog,
      fixed,
    );
    expect(result.ok && result.warnings.map((w) => w.code)).toContain('client-id-is-api');
  });
});

describe('who can grant, by permission type', () => {
  it('an application-only Graph permission needs Privileged Role Administrator or Global Administrator', () => {
    const result = buildAdminConsentUrl(
      input(['https://graph.microsoft.com/Application.ReadWrite.OwnedBy']),
      catalog,
      fixed,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.whoCanGrant.roles).toEqual(['Privileged Role Administrator', 'Global Administrator']);
    expect(result.whoCanGrant.cannot).toEqual([
      'Cloud Application Administrator',
      'Application Administrator',
    ]);
    const w = result.warnings.find((x) => x.code === 'application-permission-needs-default');
    expect(w?.fix?.text).toContain('https://graph.microsoft.com/.default');
  });

  it('a delegated Graph permission can be granted by a Cloud Application Administrator', () => {
    const result = buildAdminConsentUrl(input(['https://graph.microsoft.com/User.Read']), catalog, fixed);
    expect(result.ok && result.whoCanGrant.roles[0]).toBe('Cloud Application Administrator');
    expect(result.ok && result.whoCanGrant.cannot).toEqual([]);
  });

  it('a Defender application permission does not need Privileged Role Administrator', () => {
    const result = buildAdminConsentUrl(
      input(['https://api.securitycenter.microsoft.com/Machine.Isolate']),
      catalog,
      fixed,
    );
    expect(result.ok && result.whoCanGrant.cannot).toEqual([]);
  });
});

describe('application permission type', () => {
  const app = (permissions: string[]) =>
    buildAdminConsentUrl(input(permissions, { permissionType: 'application' }), catalog, fixed);

  it('asks for <resource>/.default once per API and says which permissions to register', () => {
    const result = app([
      'https://graph.microsoft.com/User.Read.All',
      'https://graph.microsoft.com/Group.Read.All',
      'https://api.securitycenter.microsoft.com/Machine.Isolate',
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(scopeOf(result.url)).toBe(
      'https://graph.microsoft.com/.default https://api.securitycenter.microsoft.com/.default',
    );
    const notes = result.warnings.filter((w) => w.code === 'application-via-default');
    expect(notes.map((w) => w.evidence['permissions'])).toEqual([
      ['User.Read.All', 'Group.Read.All'],
      ['Machine.Isolate'],
    ]);
    expect(notes[0]?.fix?.text).toContain('Add User.Read.All, Group.Read.All under API permissions');
  });

  it('says only Privileged Role Administrator or Global Administrator can grant Graph application permissions', () => {
    const result = app(['https://graph.microsoft.com/User.Read.All']);
    expect(result.ok && result.whoCanGrant.roles).toEqual([
      'Privileged Role Administrator',
      'Global Administrator',
    ]);
    expect(result.ok && result.whoCanGrant.cannot).toEqual([
      'Cloud Application Administrator',
      'Application Administrator',
    ]);
  });

  it('refuses a delegated-only permission', () => {
    const result = app(['https://graph.microsoft.com/User.Read']);
    expect(!result.ok && result.errors[0]).toMatchObject({
      field: 'permissions',
      code: 'permission-delegated-only',
    });
  });
});

describe('user consent', () => {
  const user = (permissions: string[]) =>
    buildUserConsentUrl(
      {
        tenant: 'organizations',
        clientId: CLIENT,
        redirectUri: 'https://app.contoso.com/cb',
        permissions,
        cloud: 'public',
      },
      catalog,
      fixed,
    );

  it('refuses an application-only permission', () => {
    const result = user(['https://graph.microsoft.com/Application.ReadWrite.OwnedBy']);
    expect(!result.ok && result.errors[0]).toMatchObject({
      field: 'permissions',
      code: 'permission-application-only',
    });
  });

  it('flags delegated permissions that need admin consent', () => {
    const result = user([
      'https://graph.microsoft.com/User.Read',
      'https://graph.microsoft.com/User.Read.All',
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.needAdmin).toEqual(['https://graph.microsoft.com/User.Read.All']);
    expect(result.warnings.map((w) => w.code)).toContain('needs-admin-consent');
  });
});
