import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog';
import {
  annotateToken,
  findApi,
  findApp,
  findDefenderEndpoint,
  findGraphPathPermissions,
  findNearestGraphPaths,
  findPermission,
  findRole,
  loadCatalog,
  searchCatalog,
} from '../../src/catalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const text = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'https://graph.microsoft.com/',
    'api://',
    'api://{x}',
    '/users/{id}',
    "/x('{",
    '__proto__',
    'constructor',
    '/',
  ),
);

describe('the catalog lookups never throw', () => {
  it('on hostile strings', () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        findApi(catalog, a);
        findApp(catalog, a);
        findRole(catalog, a);
        findPermission(catalog, a, b);
        findGraphPathPermissions(catalog, a, b);
        findDefenderEndpoint(catalog, c, b);
        searchCatalog(catalog, a, 5);
        expect(Array.isArray(findNearestGraphPaths(catalog, a, `/${b}`, 2))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('annotating tokens with hostile claims', () => {
    fc.assert(
      fc.property(
        fc.option(text, { nil: null }),
        fc.array(text, { maxLength: 5 }),
        fc.array(text, { maxLength: 5 }),
        fc.option(fc.array(text, { maxLength: 5 }), { nil: null }),
        fc.constantFrom('delegated', 'app-only', 'managed-identity', null),
        fc.constantFrom('access', 'id', 'unknown'),
        (audience, scopes, roles, wids, caller, kind) => {
          const a = annotateToken(catalog, { audience, scopes, roles, wids, caller, kind });
          expect(a.scopes).toHaveLength(scopes.length);
          expect(a.roles).toHaveLength(roles.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
