import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationInput, Catalog } from '../../src/catalog';
import { annotateToken, loadCatalog } from '../../src/catalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const GRAPH_AUD = 'https://graph.microsoft.com';
const MDE_AUD = 'https://api.securitycenter.microsoft.com';
const base: AnnotationInput = {
  audience: GRAPH_AUD,
  scopes: [],
  roles: [],
  wids: null,
  caller: 'app-only',
  kind: 'access',
};
const user = (over: Partial<AnnotationInput>): AnnotationInput => ({
  ...base,
  caller: 'delegated',
  wids: [],
  ...over,
});
const app = (over: Partial<AnnotationInput>): AnnotationInput => ({ ...base, ...over });

describe('annotateToken: permissions', () => {
  it('resolves a delegated scope with its consent, privilege and label', () => {
    const a = annotateToken(catalog, user({ scopes: ['User.Read'] }));
    expect(a.api?.name).toBe('Microsoft Graph');
    expect(a.scopes[0]).toMatchObject({
      value: 'User.Read',
      claim: 'scp',
      type: 'delegated',
      adminConsent: false,
      label: 'Sign in and read user profile',
      flags: [],
    });
    expect(a.findings).toEqual([]);
  });

  it('resolves an application permission as needing admin consent', () => {
    const a = annotateToken(catalog, app({ roles: ['SecurityEvents.Read.All'] }));
    expect(a.roles[0]).toMatchObject({ type: 'application', adminConsent: true, flags: [] });
    expect(a.roles[0]?.permission?.applicationId).toBe('bf394140-e372-4bf9-a898-299cfc7564e5');
  });

  it.each([
    [
      'a scope that exists only as an application permission',
      user({ scopes: ['Application.ReadWrite.OwnedBy'] }),
      'scope-is-application-only',
      'warning',
    ],
    [
      'an app role in a user token',
      user({ roles: ['SecurityEvents.Read.All'] }),
      'app-role-in-user-token',
      'info',
    ],
    [
      'a permission of another API',
      user({ scopes: ['Machine.Isolate'] }),
      'permission-not-on-api',
      'warning',
    ],
    [
      'a Graph permission in a Defender token',
      app({ audience: MDE_AUD, roles: ['User.Read.All', 'SecurityEvents.Read.All'] }),
      'permission-not-on-api',
      'warning',
    ],
    ['an unknown value', user({ scopes: ['Nothing.Here'] }), 'unknown-permission', 'info'],
    [
      'a delegated-only permission in roles of an app token',
      app({ roles: ['User.Read'] }),
      'role-is-delegated-only',
      'warning',
    ],
  ])('flags %s', (_name, input, code, severity) => {
    const a = annotateToken(catalog, input);
    const f = a.findings.find((x) => x.code === code);
    expect(f, a.findings.map((x) => x.code).join()).toBeDefined();
    expect(f?.severity).toBe(severity);
    expect(f?.message.length).toBeGreaterThan(10);
    expect(f?.evidence.learnMore).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  it('says which API has a misplaced permission', () => {
    const a = annotateToken(catalog, user({ scopes: ['Machine.Isolate'] }));
    expect(a.scopes[0]?.flags[0]?.message).toBe(
      'Machine.Isolate is not a permission of Microsoft Graph; the catalog knows it on Microsoft Defender for Endpoint.',
    );
  });

  it('says the catalog date for unknown values', () => {
    const a = annotateToken(catalog, user({ scopes: ['Nothing.Here'] }));
    expect(a.scopes[0]?.flags[0]?.message).toBe(
      `Nothing.Here is not in the catalog for Microsoft Graph (as of ${catalog.generatedAt}).`,
    );
  });

  it('does not flag values of APIs without a permission list', () => {
    const a = annotateToken(
      catalog,
      user({ audience: 'https://management.azure.com/', scopes: ['user_impersonation'] }),
    );
    expect(a.api?.name).toBe('Azure Resource Manager');
    expect(a.scopes[0]).toMatchObject({
      value: 'user_impersonation',
      type: 'delegated',
      permission: null,
      flags: [],
    });
    expect(a.findings).toEqual([]);
  });

  it.each([
    ['https://graph.windows.net', 'retired-api'],
    ['api://contoso-orders', 'custom-api'],
    ['api://11111111-2222-3333-4444-555555555555', 'custom-api'],
    ['https://orders.contoso.com', 'unknown-api'],
  ])('flags the audience %s (%s)', (audience, code) => {
    const a = annotateToken(catalog, app({ audience }));
    expect(a.findings.map((f) => f.code)).toEqual([code]);
  });

  it('names the client app', () => {
    const a = annotateToken(catalog, user({ clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' }));
    expect(a.client?.name).toBe('Microsoft Azure CLI');
  });
});

describe('annotateToken: directory roles', () => {
  it.each([
    ['5d6b6bb7-de71-4623-b4af-96380a352509', 'Security Reader', 'security-reader'],
    ['194ae4cb-b126-40b2-bd5b-6091b380977d', 'Security Administrator', 'security-administrator'],
    ['62e90394-69f5-4237-9190-012177145e10', 'Global Administrator', 'global-administrator'],
  ])('highlights %s as %s', (id, name, highlight) => {
    const a = annotateToken(catalog, user({ wids: [id] }));
    expect(a.wids?.[0]).toMatchObject({
      templateId: id,
      name,
      privileged: true,
      highlight,
      isDefaultMember: false,
    });
  });

  it('explains the default member role', () => {
    const a = annotateToken(catalog, user({ wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'] }));
    expect(a.wids?.[0]).toMatchObject({ isDefaultMember: true, privileged: false, highlight: null });
    expect(a.wids?.[0]?.note).toMatch(/not an administrator role/);
    expect(a.findings).toEqual([]);
  });

  it('shows an unknown role GUID as not in the catalog, with the date', () => {
    const a = annotateToken(catalog, user({ wids: ['11111111-2222-3333-4444-555555555555'] }));
    expect(a.wids?.[0]).toMatchObject({
      name: null,
      privileged: null,
      note: `not in the catalog (as of ${catalog.generatedAt})`,
    });
    expect(a.findings.map((f) => f.code)).toEqual(['unknown-role']);
  });

  it('says so when a user access token has no wids', () => {
    const a = annotateToken(catalog, user({ wids: null }));
    expect(a.wids).toBeNull();
    expect(a.findings.map((f) => f.code)).toEqual(['wids-missing']);
    expect(a.findings[0]?.fix?.text).toMatch(/authorization code flow/);
  });

  it.each([
    ['an app-only token', app({ wids: null })],
    ['an ID token', user({ wids: null, kind: 'id' })],
  ])('does not expect wids in %s', (_name, input) => {
    expect(annotateToken(catalog, input).findings).toEqual([]);
  });
});
