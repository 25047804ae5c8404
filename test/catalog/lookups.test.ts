import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog';
import {
  findApi,
  findApp,
  findDefenderEndpoint,
  findGraphPathPermissions,
  findNearestGraphPaths,
  findPermission,
  findPermissionUses,
  findRole,
  loadCatalog,
} from '../../src/catalog';

const GRAPH = '00000003-0000-0000-c000-000000000000';
const MDE = 'fc780465-2017-40d4-a0c5-307022471b92';
const MTP = '8ee8fdad-f234-4243-8f3b-15c294843740';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

describe('loadCatalog', () => {
  it('returns the same catalog on every call', async () => {
    expect(await loadCatalog()).toBe(catalog);
    expect(loadCatalog()).toBe(loadCatalog());
  });
});

describe('findApi', () => {
  it.each([
    ['https://graph.microsoft.com', 'Microsoft Graph', 'https://graph.microsoft.com', 'public'],
    ['https://graph.microsoft.com/', 'Microsoft Graph', 'https://graph.microsoft.com', 'public'],
    ['HTTPS://GRAPH.MICROSOFT.COM/', 'Microsoft Graph', 'HTTPS://GRAPH.MICROSOFT.COM', 'public'],
    ['00000003-0000-0000-c000-000000000000', 'Microsoft Graph', 'https://graph.microsoft.com', null],
    ['https://graph.microsoft.us', 'Microsoft Graph', 'https://graph.microsoft.us', 'usgov'],
    ['https://dod-graph.microsoft.us/', 'Microsoft Graph', 'https://dod-graph.microsoft.us', 'usgov'],
    [
      'https://microsoftgraph.chinacloudapi.cn',
      'Microsoft Graph',
      'https://microsoftgraph.chinacloudapi.cn',
      'china',
    ],
    [
      'https://api.securitycenter.microsoft.com',
      'Microsoft Defender for Endpoint',
      'https://api.securitycenter.microsoft.com',
      'public',
    ],
    [
      'https://securitycenter.onmicrosoft.com/windowsatpservice',
      'Microsoft Defender for Endpoint',
      'https://securitycenter.onmicrosoft.com/windowsatpservice',
      'public',
    ],
    [MDE, 'Microsoft Defender for Endpoint', 'https://api.securitycenter.microsoft.com', null],
    [
      'https://api.security.microsoft.com',
      'Microsoft Defender XDR',
      'https://api.security.microsoft.com',
      'public',
    ],
    ['https://management.azure.com/', 'Azure Resource Manager', 'https://management.azure.com', 'public'],
    [
      'https://management.core.windows.net/',
      'Azure Resource Manager',
      'https://management.core.windows.net',
      'public',
    ],
    [
      'https://management.usgovcloudapi.net/',
      'Azure Resource Manager',
      'https://management.usgovcloudapi.net',
      'usgov',
    ],
    ['https://vault.azure.net', 'Azure Key Vault', 'https://vault.azure.net', 'public'],
    ['https://storage.azure.com/', 'Azure Storage', 'https://storage.azure.com', 'public'],
    [
      'https://myaccount.blob.core.windows.net',
      'Azure Storage',
      'https://myaccount.blob.core.windows.net',
      'public',
    ],
    ['https://api.loganalytics.io', 'Log Analytics API', 'https://api.loganalytics.io', 'public'],
    ['https://manage.office.com', 'Office 365 Management APIs', 'https://manage.office.com', 'public'],
    ['https://graph.windows.net/', 'Azure AD Graph', 'https://graph.windows.net', 'public'],
    ['https://contoso.sharepoint.com', 'SharePoint Online', 'https://contoso.sharepoint.com', 'public'],
    [
      '00000003-0000-0ff1-ce00-000000000000',
      'SharePoint Online',
      '00000003-0000-0ff1-ce00-000000000000',
      null,
    ],
    ['https://outlook.office365.com/', 'Exchange Online', 'https://outlook.office365.com', 'public'],
  ])('names %s as %s', (aud, name, resource, cloud) => {
    expect(findApi(catalog, aud)).toMatchObject({ name, resource, cloud });
  });

  it('marks Azure AD Graph retired', () => {
    expect(findApi(catalog, 'https://graph.windows.net')?.retired).toBe(true);
    expect(findApi(catalog, 'https://graph.microsoft.com')?.retired).toBeUndefined();
  });

  it.each([
    [
      'api://11111111-2222-3333-4444-555555555555',
      { name: 'Custom API', custom: true, appId: '11111111-2222-3333-4444-555555555555' },
    ],
    [
      'api://11111111-2222-3333-4444-555555555555/access',
      { custom: true, resource: 'api://11111111-2222-3333-4444-555555555555/access' },
    ],
  ])('treats %s as a custom API', (aud, expected) => {
    expect(findApi(catalog, aud)).toMatchObject(expected);
  });

  it.each([
    'api://contoso-orders',
    '11111111-2222-3333-4444-555555555555',
    'https://example.com',
    'https://vault.azure.net.evil.com',
    'https://graph.microsoft.com.evil.com',
    'not a url',
    '',
  ])('returns null for %j, which it cannot name', (aud) => {
    expect(findApi(catalog, aud)).toBeNull();
  });
});

describe('findApp and findRole', () => {
  it.each([
    ['04b07795-8ddb-461a-bbee-02f9e1bf7b46', 'Microsoft Azure CLI'],
    ['de8bc8b5-d9f9-48b1-a8ad-b748da725064', 'Graph Explorer'],
    ['14D82EEC-204B-4C2F-B7E8-296A70DAB67E', 'Microsoft Graph Command Line Tools'],
    [GRAPH, 'Microsoft Graph'],
    [MTP, 'Microsoft Defender XDR'],
  ])('names app %s as %s', (appId, name) => {
    expect(findApp(catalog, appId)?.name).toBe(name);
  });

  it('returns null for an app it does not list', () => {
    expect(findApp(catalog, '11111111-2222-3333-4444-555555555555')).toBeNull();
  });

  it.each([
    ['5d6b6bb7-de71-4623-b4af-96380a352509', 'Security Reader'],
    ['62e90394-69f5-4237-9190-012177145e10', 'Global Administrator'],
    ['f2ef992c-3afb-46b9-b7cf-a126ee74c451', 'Global Reader'],
  ])('does not name role template ID %s (%s) as an app', (id, role) => {
    expect(findRole(catalog, id)?.name).toBe(role);
    expect(findApp(catalog, id)).toBeNull();
  });

  it.each([
    ['5d6b6bb7-de71-4623-b4af-96380a352509', { name: 'Security Reader', privileged: true }],
    ['194ae4cb-b126-40b2-bd5b-6091b380977d', { name: 'Security Administrator', privileged: true }],
    ['62E90394-69F5-4237-9190-012177145E10', { name: 'Global Administrator', privileged: true }],
    ['b79fbf4d-3ef9-4689-8143-76b194e85509', { privileged: false, isDefaultMember: true }],
  ])('finds role %s', (id, expected) => {
    expect(findRole(catalog, id)).toMatchObject(expected);
  });

  it('returns null for an unknown role', () => {
    expect(findRole(catalog, '11111111-2222-3333-4444-555555555555')).toBeNull();
  });
});

describe('findPermission', () => {
  it.each([
    [
      GRAPH,
      'SecurityEvents.Read.All',
      { value: 'SecurityEvents.Read.All', applicationId: 'bf394140-e372-4bf9-a898-299cfc7564e5' },
    ],
    [GRAPH, 'securityevents.read.all', { value: 'SecurityEvents.Read.All' }],
    [GRAPH, 'bf394140-e372-4bf9-a898-299cfc7564e5', { value: 'SecurityEvents.Read.All' }],
    [
      GRAPH,
      '64733abd-851e-478a-bffb-e47a14b18235',
      { value: 'SecurityEvents.Read.All', delegatedAdminConsent: true },
    ],
    [
      GRAPH,
      'User.Read',
      {
        delegated: true,
        application: false,
        delegatedAdminConsent: false,
        applicationAdminConsent: null,
        applicationId: null,
      },
    ],
    [GRAPH, 'Application.ReadWrite.OwnedBy', { application: true, applicationAdminConsent: true }],
    ['https://graph.microsoft.com', 'Mail.Read', { value: 'Mail.Read', resourceAppId: GRAPH }],
    [MDE, 'Machine.Isolate', { delegated: true, application: true, delegatedId: null, applicationId: null }],
    [MDE, 'Ti.ReadWrite.All', { application: true, applicationAdminConsent: true, delegated: false }],
    [MTP, 'AdvancedHunting.Read.All', { application: true }],
  ])('finds %s %s', (api, value, expected) => {
    expect(findPermission(catalog, api, value)).toMatchObject(expected);
  });

  it.each([
    [GRAPH, 'Machine.Isolate'],
    [MDE, 'User.Read'],
    [GRAPH, 'Nothing.Here'],
    ['797f4846-ba00-4fd7-ba43-dac1f8f63013', 'user_impersonation'],
  ])('returns null when %s does not have %s', (api, value) => {
    expect(findPermission(catalog, api, value)).toBeNull();
  });

  it('keeps labels and privilege levels for Graph permissions', () => {
    const p = findPermission(catalog, GRAPH, 'User.Read');
    expect(p?.label).toBe('Sign in and read user profile');
    expect(p?.privilegeLevel).toBeGreaterThan(0);
  });

  it('lists the routes that accept a permission, least privileged first', () => {
    const p = findPermission(catalog, GRAPH, 'SecurityEvents.Read.All');
    const uses = p ? findPermissionUses(catalog, p) : [];
    expect(uses.some((u) => u.path === '/security/alerts' && u.method === 'GET' && u.least)).toBe(true);
    const firstNotLeast = uses.findIndex((u) => !u.least);
    if (firstNotLeast >= 0) expect(uses.slice(firstNotLeast).every((u) => !u.least)).toBe(true);
    const isolate = findPermission(catalog, MDE, 'Machine.Isolate');
    expect(isolate && findPermissionUses(catalog, isolate).map((u) => u.path)).toContain(
      '/api/machines/{id}/isolate',
    );
  });
});

describe('findGraphPathPermissions', () => {
  it.each([
    [
      'GET',
      '/security/alerts',
      '/security/alerts',
      ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'],
    ],
    [
      'get',
      '/security/alerts/{id}',
      '/security/alerts/{id}',
      ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'],
    ],
    [
      'GET',
      '/v1.0/security/alerts?$top=1',
      '/security/alerts',
      ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'],
    ],
    [
      'GET',
      '/security/alerts/',
      '/security/alerts',
      ['SecurityEvents.Read.All', 'SecurityEvents.ReadWrite.All'],
    ],
    [
      'GET',
      "/reports/getemailactivitycounts(period='d7')",
      '/reports/getemailactivitycounts(period={value})',
      ['Reports.Read.All'],
    ],
  ])('%s %s matches %s', (method, path, matchedPath, application) => {
    const hit = findGraphPathPermissions(catalog, method, path);
    expect(hit?.matchedPath).toBe(matchedPath);
    expect(hit?.application).toEqual(application);
  });

  it('puts the least-privileged permission first', () => {
    const hit = findGraphPathPermissions(catalog, 'GET', '/users/{id}/messages');
    expect(hit?.delegated[0]).toBe('Mail.ReadBasic');
    expect(hit?.application[0]).toBe('Mail.ReadBasic.All');
    expect(hit?.delegated).toContain('Mail.Read');
  });

  it.each([
    ['GET', '/nothing/here'],
    ['PUT', '/security/alerts'],
  ])('returns null for %s %s', (method, path) => {
    expect(findGraphPathPermissions(catalog, method, path)).toBeNull();
  });

  it('suggests near paths for an unknown one', () => {
    const near = findNearestGraphPaths(catalog, 'GET', '/security/alertz', 3);
    expect(near).toHaveLength(3);
    expect(near.every((n) => n.path.startsWith('/security'))).toBe(true);
    expect(findNearestGraphPaths(catalog, 'GET', '/zzz', 3)).toEqual([]);
  });
});

describe('findDefenderEndpoint', () => {
  it.each([
    [
      'POST',
      '/api/machines/{id}/isolate',
      'WindowsDefenderATP',
      '/api/machines/{id}/isolate',
      ['Machine.Isolate'],
      'Active remediation actions',
    ],
    [
      'post',
      '/API/Machines/{id}/Isolate',
      'WindowsDefenderATP',
      '/api/machines/{id}/isolate',
      ['Machine.Isolate'],
      'Active remediation actions',
    ],
    [
      'POST',
      '/api/v1.0/machines/{id}/isolate',
      'WindowsDefenderATP',
      '/api/machines/{id}/isolate',
      ['Machine.Isolate'],
      'Active remediation actions',
    ],
    [
      'GET',
      '/api/alerts',
      'WindowsDefenderATP',
      '/api/alerts',
      ['Alert.Read.All', 'Alert.ReadWrite.All'],
      'View Data',
    ],
    [
      'GET',
      '/api/incidents',
      'Microsoft Threat Protection',
      '/api/incidents',
      ['Incident.Read.All', 'Incident.ReadWrite.All'],
      null,
    ],
    [
      'POST',
      '/api/advancedhunting/run',
      'Microsoft Threat Protection',
      '/api/advancedhunting/run',
      ['AdvancedHunting.Read.All'],
      'View Data',
    ],
  ])('%s %s is %s %s', (method, path, resource, matchedPath, application, delegatedRole) => {
    expect(findDefenderEndpoint(catalog, method, path)).toMatchObject({
      resource,
      matchedPath,
      application,
      delegatedRole,
    });
  });

  it('matches function-style segments with their values', () => {
    const hit = findDefenderEndpoint(
      catalog,
      'GET',
      "/api/machines/findbyip(ip='10.1.1.1',timestamp=2024-01-01t00:00:00z)",
    );
    expect(hit?.matchedPath).toBe("/api/machines/findbyip(ip='{ip}',timestamp={timestamp})");
  });

  it.each([
    ['GET', '/api/nothing'],
    ['DELETE', '/api/machines/{id}/isolate'],
  ])('returns null for %s %s', (method, path) => {
    expect(findDefenderEndpoint(catalog, method, path)).toBeNull();
  });
});
