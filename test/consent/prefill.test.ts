import { describe, expect, it } from 'vitest';
import {
  prefillFromToken,
  prefillGrantFromToken,
  readConsentParams,
  readGrantParams,
} from '../../src/consent';
import { hrefFor } from '../../src/app/routing';
import { classifyToken, decodeToken } from '../../src/token';
import {
  CLIENT_APP_ID,
  TENANT_ID,
  DEFENDER_AUD,
  MI_OID,
  defenderManagedIdentity,
  graphAppOnlyV2,
  graphDelegatedV1,
  makeToken,
} from '../fixtures/make-token';

function classify(payload: Record<string, unknown>) {
  const decoded = decodeToken(makeToken(payload));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return classifyToken(decoded.token);
}

describe('prefillFromToken', () => {
  it.each([
    ['a v1 delegated token (appid)', graphDelegatedV1(), 'delegated'],
    ['a v2 app-only token (azp)', graphAppOnlyV2(), 'application'],
  ] as const)('takes tenant, client, cloud and permission type from %s', (_name, payload, permissionType) => {
    expect(prefillFromToken(classify(payload))).toEqual({
      tenant: TENANT_ID,
      clientId: CLIENT_APP_ID,
      cloud: 'public',
      permissionType,
      managedIdentity: false,
    });
  });

  it('marks a managed identity token', () => {
    const p = prefillFromToken(classify(defenderManagedIdentity()));
    expect(p.managedIdentity).toBe(true);
    expect(p.permissionType).toBe('application');
  });

  it('takes the US Gov cloud from the issuer', () => {
    const payload = { ...graphAppOnlyV2(), iss: `https://login.microsoftonline.us/${TENANT_ID}/v2.0` };
    expect(prefillFromToken(classify(payload)).cloud).toBe('usgov');
  });

  it('leaves what the token does not say empty', () => {
    expect(prefillFromToken(classify({ aud: 'x' }))).toEqual({
      tenant: '',
      clientId: '',
      cloud: 'public',
      permissionType: null,
      managedIdentity: false,
    });
  });
});

describe('prefillGrantFromToken', () => {
  function both(payload: Record<string, unknown>) {
    const decoded = decodeToken(makeToken(payload));
    if (!decoded.ok) throw new Error(decoded.error.message);
    return prefillGrantFromToken(decoded.token, classifyToken(decoded.token));
  }

  it('takes the managed identity as principal and the audience as API', () => {
    expect(both(defenderManagedIdentity())).toEqual({
      principalId: MI_OID,
      api: DEFENDER_AUD,
      permissions: [],
      cloud: 'public',
    });
  });

  it('leaves the principal empty for a delegated token (its oid is a user)', () => {
    expect(both(graphDelegatedV1()).principalId).toBe('');
  });
});

describe('deep-link parameters', () => {
  it('reads #consent parameters, splitting scope on spaces', () => {
    const params = new URLSearchParams(
      'tenant=contoso.com&client_id=c&scope=https%3A%2F%2Fgraph.microsoft.com%2FUser.Read.All+api%3A%2F%2Fx%2F.default&redirect_uri=https%3A%2F%2Fa.com%2Fcb%3Fx%3D1&cloud=usgov',
    );
    expect(readConsentParams(params)).toEqual({
      tenant: 'contoso.com',
      clientId: 'c',
      redirectUri: 'https://a.com/cb?x=1',
      permissions: ['https://graph.microsoft.com/User.Read.All', 'api://x/.default'],
      cloud: 'usgov',
      permissionType: 'delegated',
    });
  });

  it('reads type=application as the application permission type', () => {
    expect(readConsentParams(new URLSearchParams('type=application')).permissionType).toBe('application');
  });

  it.each([
    ['missing', '', 'public'],
    ['unknown', 'cloud=mars', 'public'],
    ['china', 'cloud=china', 'china'],
  ])('reads a %s cloud as %s', (_name, q, cloud) => {
    expect(readConsentParams(new URLSearchParams(q)).cloud).toBe(cloud);
  });

  it('reads #grant parameters with comma-separated and repeated permissions', () => {
    const params = new URLSearchParams(
      'principal_id=p&api=WindowsDefenderATP&permission=Machine.Isolate,Machine.Scan&permission=Ti.ReadWrite.All',
    );
    expect(readGrantParams(params)).toEqual({
      principalId: 'p',
      api: 'WindowsDefenderATP',
      permissions: ['Machine.Isolate', 'Machine.Scan', 'Ti.ReadWrite.All'],
      cloud: 'public',
    });
  });

  it('reads back the hashes the app links build', () => {
    const consent = {
      tenant: TENANT_ID,
      clientId: CLIENT_APP_ID,
      redirectUri: 'https://a.com/cb?x=1&y=2',
      permissions: ['https://graph.microsoft.com/User.Read.All', 'api://x/.default'],
      cloud: 'china' as const,
      permissionType: 'application' as const,
    };
    const hash = hrefFor({
      route: 'consent',
      tenant: consent.tenant,
      clientId: consent.clientId,
      redirectUri: consent.redirectUri,
      scope: consent.permissions,
      cloud: consent.cloud,
      type: consent.permissionType,
    });
    expect(hash.startsWith('#consent&')).toBe(true);
    expect(readConsentParams(new URLSearchParams(hash.slice('#consent&'.length)))).toEqual(consent);

    const grant = {
      principalId: 'p',
      api: 'Microsoft Graph',
      permissions: ['User.Read.All', 'Group.Read.All'],
      cloud: 'public' as const,
    };
    const g = hrefFor({
      route: 'grant',
      principalId: grant.principalId,
      api: grant.api,
      permission: grant.permissions,
      cloud: grant.cloud,
    });
    expect(readGrantParams(new URLSearchParams(g.slice('#grant&'.length)))).toEqual(grant);
  });
});
