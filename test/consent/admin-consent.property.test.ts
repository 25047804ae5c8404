import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import { buildAdminConsentUrl, buildUserConsentUrl, getCloudInfo, type Cloud } from '../../src/consent';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
  .map(([labels, tld]) => `${labels.join('.')}.${tld}`);
const tenant = fc.oneof(fc.uuid(), domain, fc.constant('organizations'));
const cloud = fc.constantFrom<Cloud>('public', 'usgov', 'china');
// Any printable ASCII a URL may carry, except what a redirect URI may not have (#, *, spaces).
const urlChars = fc.stringMatching(/^[A-Za-z0-9\-._~!$&'()+,;=:@/?%[\]]{0,60}$/);
const redirectUri = fc.oneof(
  fc.tuple(domain, urlChars).map(([d, rest]) => `https://${d}/${rest}`),
  fc
    .tuple(fc.constantFrom('localhost', '127.0.0.1'), fc.integer({ min: 1, max: 65535 }), urlChars)
    .map(([h, port, rest]) => `http://${h}:${port}/${rest}`),
);
const permissionValue = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/);
const customScope = fc.tuple(fc.uuid(), permissionValue).map(([app, v]) => `api://${app}/${v}`);

const inputs = fc.record({
  tenant,
  clientId: fc.uuid(),
  redirectUri,
  cloud,
  custom: fc.uniqueArray(customScope, { minLength: 0, maxLength: 4, selector: (s) => s.toLowerCase() }),
  graphDefault: fc.boolean(),
  seed: fc.uint8Array({ minLength: 16, maxLength: 16 }),
});

describe('admin-consent URL round trip', () => {
  it('parses back to exactly its inputs, for any valid input', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const graph =
          i.graphDefault || i.custom.length === 0 ? [`${getCloudInfo(i.cloud).graphUrl}/.default`] : [];
        const permissions = [...graph, ...i.custom];
        const result = buildAdminConsentUrl(
          {
            tenant: i.tenant,
            clientId: i.clientId,
            redirectUri: i.redirectUri,
            permissions,
            cloud: i.cloud,
            includeV1: true,
          },
          catalog,
          () => i.seed,
        );
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const url = new URL(result.url);
        expect(url.protocol).toBe('https:');
        expect(url.host).toBe(getCloudInfo(i.cloud).loginHost);
        expect(decodeURIComponent(url.pathname)).toBe(`/${i.tenant}/v2.0/adminconsent`);
        expect([...url.searchParams.keys()]).toEqual(['client_id', 'scope', 'redirect_uri', 'state']);
        expect(url.searchParams.get('client_id')).toBe(i.clientId);
        expect(url.searchParams.get('scope')?.split(' ')).toEqual(permissions);
        expect(url.searchParams.get('redirect_uri')).toBe(i.redirectUri);
        expect(url.searchParams.get('state')).toBe(result.state);
        expect(result.state).toMatch(/^[A-Za-z0-9_-]{22}$/);

        const v1 = new URL(result.v1Url ?? '');
        expect(decodeURIComponent(v1.pathname)).toBe(`/${i.tenant}/adminconsent`);
        expect([...v1.searchParams.keys()]).toEqual(['client_id', 'redirect_uri', 'state']);
        expect(v1.searchParams.get('redirect_uri')).toBe(i.redirectUri);
        expect(v1.searchParams.get('state')).toBe(result.state);
      }),
      { numRuns: 300 },
    );
  });

  it('user-consent URL parses back to its inputs too', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const permissions = ['openid', ...i.custom];
        const result = buildUserConsentUrl(
          { tenant: i.tenant, clientId: i.clientId, redirectUri: i.redirectUri, permissions, cloud: i.cloud },
          catalog,
          () => i.seed,
        );
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const url = new URL(result.url);
        expect(url.host).toBe(getCloudInfo(i.cloud).loginHost);
        expect(url.searchParams.get('response_type')).toBe('code');
        expect(url.searchParams.get('prompt')).toBe('consent');
        expect(url.searchParams.get('scope')?.split(' ')).toEqual(permissions);
        expect(url.searchParams.get('redirect_uri')).toBe(i.redirectUri);
      }),
      { numRuns: 200 },
    );
  });
});
