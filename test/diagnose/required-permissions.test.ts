import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import { findRequiredPermissions, parseRequest } from '../../src/diagnose';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

function required(text: string, c: Catalog | null = catalog) {
  const parsed = parseRequest(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return findRequiredPermissions(c, parsed.request);
}

describe('findRequiredPermissions', () => {
  it.each([
    ['GET https://graph.microsoft.com/v1.0/users', '/users', 'User.Read.All', 'User.ReadBasic.All'],
    ['GET https://graph.microsoft.com/v1.0/me', '/me', 'User.Read', null],
    [
      "GET https://graph.microsoft.com/v1.0/users('adele@contoso.com')/messages",
      '/users/{id}/messages',
      'Mail.ReadBasic',
      'Mail.ReadBasic.All',
    ],
    [
      'GET https://graph.microsoft.com/beta/security/alerts_v2/da637551227677560813_-961444813',
      '/security/alerts_v2/{id}',
      'SecurityAlert.Read.All',
      'SecurityAlert.Read.All',
    ],
    [
      "GET https://graph.microsoft.com/v1.0/reports/getOffice365ActiveUserDetail(period='D7')",
      null,
      'Reports.Read.All',
      'Reports.Read.All',
    ],
    [
      'POST https://api.securitycenter.microsoft.com/api/indicators/import',
      '/api/indicators/import',
      'Ti.ReadWrite',
      'Ti.ReadWrite',
    ],
    [
      'POST https://eu.api.security.microsoft.com/api/v1.0/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07/isolate',
      '/api/machines/{id}/isolate',
      'Machine.Isolate',
      'Machine.Isolate',
    ],
    [
      'GET https://api-gov.securitycenter.microsoft.us/api/alerts',
      '/api/alerts',
      'Alert.Read',
      'Alert.Read.All',
    ],
    [
      'GET https://api.security.microsoft.com/api/incidents',
      '/api/incidents',
      'Incident.Read',
      'Incident.Read.All',
    ],
  ])('knows %s', (text, matched, delegated, application) => {
    const r = required(text);
    if (!r.known) throw new Error(`not known: ${r.reason}`);
    if (matched) expect(r.matchedPath.toLowerCase()).toBe(matched);
    if (delegated) expect(r.delegated.map((p) => p.value)).toContain(delegated);
    if (application) expect(r.application[0]?.value).toBe(application);
  });

  it('matches a Defender function call to its own endpoint, not to /machines/{id}', () => {
    const r = required(
      "GET https://api.securitycenter.microsoft.com/api/machines/findbyip(ip='10.0.0.1',timestamp=2019-09-22T08:44:05Z)",
    );
    expect(r.known && r.matchedPath).toContain('findbyip');
  });

  it('names the Defender XDR API for XDR endpoints', () => {
    const r = required('GET https://api.security.microsoft.com/api/incidents');
    expect(r.api?.appId).toBe('8ee8fdad-f234-4243-8f3b-15c294843740');
  });

  it('says which portal role delegated Defender calls need', () => {
    const r = required('GET https://api.securitycenter.microsoft.com/api/machines');
    expect(r.known && r.delegatedRole).toBe('View Data');
  });

  it('gives nearest known paths for an unknown Graph endpoint', () => {
    const r = required('GET https://graph.microsoft.com/v1.0/users/{id}/messagez');
    expect(r.known).toBe(false);
    if (r.known) return;
    expect(r.reason).toBe('unknown-endpoint');
    expect(r.nearest.length).toBeGreaterThan(0);
  });

  it.each([
    ['GET https://management.azure.com/subscriptions', 'other-api'],
    ['GET https://api.securitycenter.microsoft.com/api/nothing-here', 'unknown-endpoint'],
  ])('cannot tell for %s', (text, reason) => {
    const r = required(text);
    expect(r.known ? 'known' : r.reason).toBe(reason);
  });

  it('cannot tell without the catalog', () => {
    const r = required('GET https://graph.microsoft.com/v1.0/users', null);
    expect(r.known ? 'known' : r.reason).toBe('no-catalog');
  });
});
