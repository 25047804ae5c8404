import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, SearchHit } from '../../src/catalog';
import { loadCatalog, searchCatalog } from '../../src/catalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
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
