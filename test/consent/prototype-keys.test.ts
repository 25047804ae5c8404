import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import { buildAdminConsentUrl, buildGrantScripts, mentionsRetiredModule } from '../../src/consent';
import { lookupApi, lookupPermission } from '../../src/consent/catalog-lookup';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const PRINCIPAL = 'aaaaaaaa-0000-0000-0000-000000000042';

describe('inputs named like Object.prototype members are plain text', () => {
  it.each(PROTOTYPE_NAMES)('lookupApi(%s) finds no API', (name) => {
    expect(lookupApi(catalog, name)).toBeNull();
    expect(lookupApi(catalog, name.toUpperCase())).toBeNull();
  });

  it.each(PROTOTYPE_NAMES)('lookupPermission(Graph, %s) finds no permission', (name) => {
    expect(lookupPermission(catalog, 'Microsoft Graph', name)).toBeNull();
  });

  it.each(PROTOTYPE_NAMES)('the grant scripts refuse the API "%s" as unknown', (name) => {
    const result = buildGrantScripts(
      { principalId: PRINCIPAL, api: name, permissions: ['User.Read.All'], cloud: 'public' },
      catalog,
    );
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'api', code: 'api-unknown' })],
    });
  });

  it.each(PROTOTYPE_NAMES)('the grant scripts refuse the Graph permission "%s"', (name) => {
    const result = buildGrantScripts(
      { principalId: PRINCIPAL, api: 'graph', permissions: [name], cloud: 'public' },
      catalog,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      // `__proto__` starts with "_", so it fails the script-safe pattern before the catalog is asked.
      expect(result.errors.map((e) => e.code)).toEqual([
        name.startsWith('_') ? 'permission-unsafe' : 'permission-unknown',
      ]);
    }
  });

  it.each(PROTOTYPE_NAMES)('the consent link calls the Graph permission "%s" unknown', (name) => {
    const result = buildAdminConsentUrl(
      {
        tenant: 'contoso.onmicrosoft.com',
        clientId: '00001111-aaaa-2222-bbbb-3333cccc4444',
        redirectUri: 'https://app.contoso.com/cb',
        permissions: [`https://graph.microsoft.com/${name}`],
        cloud: 'public',
      },
      catalog,
      () => new Uint8Array(16),
    );
    expect(result.ok).toBe(false);
  });

  it.each(PROTOTYPE_NAMES)('no retired module is named for "%s"', (name) => {
    expect(mentionsRetiredModule(name)).toBeNull();
  });
});
