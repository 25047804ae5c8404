import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, PermissionInfo, SearchHit } from '../../src/catalog';
import { listCatalogApis, loadCatalog, searchCatalog } from '../../src/catalog';

const GRAPH = '00000003-0000-0000-c000-000000000000';
const MDE = 'fc780465-2017-40d4-a0c5-307022471b92';
const MTP = '8ee8fdad-f234-4243-8f3b-15c294843740';

let catalog: Catalog;
let permissions: PermissionInfo[];
beforeAll(async () => {
  catalog = await loadCatalog();
  permissions = [...catalog.internal.permissionLists.values()].flat();
});

const describeHit = (h: SearchHit | undefined): string => {
  if (!h) return 'nothing';
  switch (h.kind) {
    case 'permission':
      return `permission ${h.permission.value} (${h.apiName})`;
    case 'role':
      return `role ${h.role.name}`;
    case 'graph-path':
      return `path ${h.path}`;
    case 'defender-endpoint':
      return `endpoint ${h.endpoint.method} ${h.endpoint.matchedPath}`;
    case 'api':
      return `api ${h.api.name}`;
    case 'app':
      return `app ${h.app.name}`;
  }
};

const describeAll = (query: string, limit = 10, api?: string) =>
  searchCatalog(catalog, query, limit, { api }).map(describeHit);

describe('searchCatalog', () => {
  it.each([
    ['SecurityEvents', 'permission SecurityEvents.Read.All (Microsoft Graph)'],
    ['securityevents.read.all', 'permission SecurityEvents.Read.All (Microsoft Graph)'],
    ['bf394140-e372-4bf9-a898-299cfc7564e5', 'permission SecurityEvents.Read.All (Microsoft Graph)'],
    ['Security Reader', 'role Security Reader'],
    ['5d6b6bb7-de71-4623-b4af-96380a352509', 'role Security Reader'],
    ['/security/alerts', 'path /security/alerts'],
    ['/api/machines/{id}/isolate', 'endpoint POST /api/machines/{id}/isolate'],
    ['Machine.Isolate', 'permission Machine.Isolate (Microsoft Defender for Endpoint)'],
    ['Microsoft Graph', 'api Microsoft Graph'],
    ['04b07795-8ddb-461a-bbee-02f9e1bf7b46', 'app Microsoft Azure CLI'],
  ])('finds %s first as %s', (query, first) => {
    expect(describeHit(searchCatalog(catalog, query, 10)[0])).toBe(first);
  });

  it('respects the limit and returns nothing for an empty query', () => {
    expect(searchCatalog(catalog, 'read', 7)).toHaveLength(7);
    expect(searchCatalog(catalog, '   ', 7)).toEqual([]);
  });
});

describe('searchCatalog is forgiving', () => {
  it.each([
    ['words without dots', 'securityalert read'],
    ['words in another order', 'read securityalert'],
    ['upper case', 'SECURITYALERT READ ALL'],
    ['the name run together', 'securityalertreadall'],
    ['extra spaces and dots', '  securityalert..read  '],
  ])('finds SecurityAlert.Read.All first from %s (%j)', (_label, query) => {
    expect(describeAll(query, 3)[0]).toBe('permission SecurityAlert.Read.All (Microsoft Graph)');
  });

  it.each([
    ['security reader', 'role Security Reader'],
    ['reader security', 'role Security Reader'],
    ['graph explorer', 'app Graph Explorer'],
    ['defender xdr', 'api Microsoft Defender XDR'],
    ['machine isolate', 'permission Machine.Isolate (Microsoft Defender for Endpoint)'],
  ])('finds %j first as %s', (query, first) => {
    expect(describeAll(query, 3)[0]).toBe(first);
  });

  it('puts a word-by-word match before a match inside a longer word', () => {
    const hits = describeAll('mail read', 50);
    expect(hits.indexOf('permission Mail.Read (Microsoft Graph)')).toBe(0);
    expect(hits.indexOf('permission Mail.ReadBasic (Microsoft Graph)')).toBeGreaterThan(0);
  });

  it('finds a permission by words of its label', () => {
    expect(describeAll("organization's security events", 20)).toContain(
      'permission SecurityEvents.Read.All (Microsoft Graph)',
    );
  });
});

describe('searchCatalog never lists a directory role as an app', () => {
  it.each([
    ['5d6b6bb7-de71-4623-b4af-96380a352509', 'role Security Reader'],
    ['62e90394-69f5-4237-9190-012177145e10', 'role Global Administrator'],
  ])('gives only the role for its template ID %s', (id, role) => {
    expect(describeAll(id)).toEqual([role]);
  });

  it('names no app after a directory role', () => {
    const apps = describeAll('administrator', 5000).filter((h) => h.startsWith('app '));
    const roleNames = new Set([...catalog.internal.roles.values()].map((r) => `app ${r.name}`));
    expect(apps.filter((a) => roleNames.has(a))).toEqual([]);
  });
});

describe('searchCatalog by API', () => {
  it('lists the APIs that have permissions, Graph first, with their counts', () => {
    const apis = listCatalogApis(catalog);
    expect(apis.map((a) => a.api.name)).toEqual([
      'Microsoft Graph',
      'Microsoft Defender for Endpoint',
      'Microsoft Defender XDR',
    ]);
    expect(apis[0]?.permissionCount).toBe(catalog.internal.permissionLists.get(GRAPH)?.length);
    for (const a of apis) expect(a.permissionCount).toBeGreaterThan(0);
  });

  it("lists an API's permissions by value for an empty query", () => {
    const hits = searchCatalog(catalog, '', Infinity, { api: MTP });
    expect(hits.length).toBe(catalog.internal.permissionLists.get(MTP)?.length);
    expect(hits.every((h) => h.kind === 'permission' && h.apiName === 'Microsoft Defender XDR')).toBe(true);
    const values = hits.map((h) => (h.kind === 'permission' ? h.permission.value : ''));
    expect(values).toEqual([...values].sort());
  });

  it.each([
    [MDE, 'alert read', 'Microsoft Defender for Endpoint'],
    [MTP, 'incident read', 'Microsoft Defender XDR'],
    [GRAPH, 'alert read', 'Microsoft Graph'],
    ['https://api.securitycenter.microsoft.com', 'machine', 'Microsoft Defender for Endpoint'],
  ])('keeps to API %s', (api, query, apiName) => {
    const hits = searchCatalog(catalog, query, Infinity, { api });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.kind === 'permission' && h.apiName).toBe(apiName);
  });

  it('keeps path searches to the API', () => {
    expect(describeAll('/api/machines', 100, GRAPH)).toEqual([]);
    const defender = describeAll('/api/machines', 100, MDE);
    expect(defender.length).toBeGreaterThan(0);
    expect(defender.every((h) => h.startsWith('endpoint '))).toBe(true);
    expect(describeAll('/security/alerts', 100, MDE)).toEqual([]);
  });

  it('finds nothing for an API the catalog does not know', () => {
    expect(searchCatalog(catalog, 'read', 10, { api: 'https://example.com' })).toEqual([]);
  });
});

describe('searchCatalog properties', () => {
  const words = (value: string) => value.toLowerCase().split('.').filter(Boolean);

  it('finds every permission by its dotless lower-case words, in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: permissions.length - 1 }), fc.boolean(), (i, reversed) => {
        const p = permissions[i]!;
        const parts = words(p.value);
        const query = (reversed ? parts.reverse() : parts).join(' ');
        const found = searchCatalog(catalog, query, Infinity).some(
          (h) => h.kind === 'permission' && h.permission === p,
        );
        expect(found, `${p.value} by "${query}"`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds every permission, by its dotless words, within its own API', () => {
    for (const p of permissions) {
      const hits = searchCatalog(catalog, words(p.value).join(' '), Infinity, { api: p.resourceAppId });
      expect(
        hits.some((h) => h.kind === 'permission' && h.permission === p),
        p.value,
      ).toBe(true);
    }
  });

  it('never throws and keeps to the limit', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('.', ' ', '/', '-', '_', 'a', 'Z', '{', '(', "'", '\u0130') }),
      fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', '/', '.', '..', '{id}'),
    );
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: -2, max: 60 }),
        fc.option(fc.constantFrom(GRAPH, MDE, MTP, '__proto__', 'api://x', ''), { nil: undefined }),
        (query, limit, api) => {
          const hits = searchCatalog(catalog, query, limit, { api });
          expect(hits.length).toBeLessThanOrEqual(Math.max(0, limit));
        },
      ),
      { numRuns: 300 },
    );
  });
});
