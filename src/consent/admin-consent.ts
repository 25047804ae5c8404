import type { Catalog } from '../catalog';
import type { Finding } from '../token';
import { encodeBase64Url, fixOf } from '../token';
import { lookupApi } from './catalog-lookup';
import { CLOUD_IDS, getCloudInfo } from './clouds';
import { resolveScopes } from './scopes';
import type {
  AdminConsentInput,
  AdminConsentResult,
  ConsentError,
  ConsentWarningCode,
  RandomBytes,
  ResolvedScope,
  UserConsentInput,
  UserConsentResult,
} from './types';
import { checkClientId, checkRedirectUri, checkTenant } from './validate';
import { describeRedirect, describeWhoCanGrant } from './who-can-grant';

/** 16 random bytes as base64url: unguessable, URL-safe, no padding. */
export function makeState(random: RandomBytes): string {
  return encodeBase64Url(random(16));
}

// Query values are encoded with encodeURIComponent (space as %20, "/" and ":" escaped) so a redirect URI
// with its own query string (?a=1&b=2) stays one parameter.
function query(params: readonly (readonly [string, string])[]): string {
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

function checkCloud(cloud: unknown): ConsentError | null {
  return (CLOUD_IDS as readonly unknown[]).includes(cloud)
    ? null
    : { field: 'cloud', code: 'cloud-unknown', message: 'Pick the cloud: public, usgov or china.' };
}

/**
 * Builds the admin-consent URL (v2.0 form, and the v1 form on request) with a fresh `state` from `random`.
 * Refuses invalid input with one error per problem, tied to its field. Says who can grant the request and
 * what the redirect brings back. Does not check that the app, the redirect URI or the permissions are
 * registered in the tenant, and opens nothing.
 */
export function buildAdminConsentUrl(
  input: AdminConsentInput,
  catalog: Catalog,
  random: RandomBytes,
): AdminConsentResult {
  const { errors, warnings, tenant, client, redirect, resolved } = checkConsentInput(input, catalog, 'admin');

  if (client.ok) {
    const api = lookupApi(catalog, client.clientId);
    if (api) {
      warnings.push({
        code: 'client-id-is-api',
        severity: 'warning',
        evidence: { clientId: client.clientId, api: api.name },
        message: `${client.clientId} is the API ${api.name}, not your app. The client ID is the app that calls the API.`,
        fix: fixOf('Use the Application (client) ID of your own app registration.'),
      });
    }
  }
  if (errors.length > 0 || !tenant.ok || !client.ok || !redirect.ok) return { ok: false, errors };

  const mode = input.permissionType ?? 'delegated';
  let scopes: readonly ResolvedScope[] = resolved.scopes;
  let forGrant: readonly ResolvedScope[] = resolved.scopes;
  if (mode === 'application') {
    // Application permissions cannot be asked for one by one (dynamic consent is delegated-only): the
    // admin-consent endpoint grants them through <resource>/.default, from what the app registration lists.
    const named = resolved.scopes.filter((s) => s.permission !== '.default' && s.resource !== '');
    const delegatedOnly = named.filter((s) => s.application === false);
    for (const s of delegatedOnly) {
      errors.push({
        field: 'permissions',
        code: 'permission-delegated-only',
        message: `${s.permission} is a delegated permission only: an app calling without a user cannot get it. Pick an application permission, or choose "Delegated".`,
      });
    }
    if (errors.length > 0) return { ok: false, errors };
    const byResource = new Map<string, ResolvedScope[]>();
    for (const s of named) byResource.set(s.resource, [...(byResource.get(s.resource) ?? []), s]);
    const seen = new Set<string>();
    const out: ResolvedScope[] = [];
    for (const s of resolved.scopes) {
      const isNamed = s.permission !== '.default' && s.resource !== '';
      const next: ResolvedScope = isNamed
        ? {
            ...s,
            scope: `${s.resource}/.default`,
            permission: '.default',
            delegated: null,
            application: null,
            delegatedAdminConsent: null,
          }
        : s;
      if (seen.has(next.scope.toLowerCase())) continue;
      seen.add(next.scope.toLowerCase());
      out.push(next);
    }
    for (const [resource, list] of byResource) {
      const names = list.map((s) => s.permission).join(', ');
      const api = list[0]?.apiName ?? resource;
      warnings.push({
        code: 'application-via-default',
        severity: 'warning',
        evidence: { resource, permissions: list.map((s) => s.permission) },
        message: `Application permissions cannot be requested by name, so this link asks for ${resource}/.default: it grants what the app registration lists for ${api}.`,
        fix: fixOf(
          `Add ${names} under API permissions → ${api} → Application permissions of the app registration first, or the link grants nothing new.`,
        ),
      });
    }
    scopes = out;
    // Everything but the OpenID scopes is asked for as an application permission here.
    forGrant = resolved.scopes.map((s) =>
      s.resource !== '' ? { ...s, delegated: false, application: s.application ?? true } : s,
    );
  } else {
    for (const s of resolved.scopes) {
      if (s.application === true && s.delegated === false) {
        warnings.push({
          code: 'application-permission-needs-default',
          severity: 'warning',
          evidence: { scope: s.scope },
          message: `${s.permission} exists only as an application permission, and application permissions cannot be requested by name.`,
          fix: fixOf(
            `Choose "Application" as the permission type (the link then asks for ${s.resource}/.default), and add ${s.permission} as an application permission of the app registration.`,
          ),
        });
      }
    }
  }
  if (tenant.tenant === 'organizations') {
    warnings.push({
      code: 'tenant-organizations',
      severity: 'info',
      evidence: { tenant: 'organizations' },
      message:
        'With "organizations" the admin signs in to their own tenant; the tenant ID is the safer choice when you know it.',
      fix: null,
    });
  }

  const state = makeState(random);
  const host = getCloudInfo(input.cloud).loginHost;
  const scope = scopes.map((s) => s.scope).join(' ');
  const url =
    `https://${host}/${encodeURIComponent(tenant.tenant)}/v2.0/adminconsent?` +
    query([
      ['client_id', client.clientId],
      ['scope', scope],
      ['redirect_uri', redirect.redirectUri],
      ['state', state],
    ]);
  const v1Url = input.includeV1
    ? `https://${host}/${encodeURIComponent(tenant.tenant)}/adminconsent?` +
      query([
        ['client_id', client.clientId],
        ['redirect_uri', redirect.redirectUri],
        ['state', state],
      ])
    : undefined;
  return {
    ok: true,
    url,
    ...(v1Url !== undefined ? { v1Url } : {}),
    state,
    scopes,
    whoCanGrant: describeWhoCanGrant(forGrant),
    redirectCarries: describeRedirect(),
    warnings,
  };
}

/**
 * Builds the authorize URL (`response_type=code`, `prompt=consent`) through which a user consents for
 * themselves to delegated permissions. Application permissions are refused (users cannot consent to
 * them); delegated ones the catalog marks admin-consent-required are listed in `needAdmin`. Does not
 * know the tenant's user-consent policy, which may forbid user consent altogether.
 */
export function buildUserConsentUrl(
  input: UserConsentInput,
  catalog: Catalog,
  random: RandomBytes,
): UserConsentResult {
  const { errors, warnings, tenant, client, redirect, resolved } = checkConsentInput(input, catalog, 'user');

  const scopes = resolved.scopes;
  for (const s of scopes) {
    if (s.delegated === false) {
      errors.push({
        field: 'permissions',
        code: 'permission-application-only',
        message: `${s.permission} is an application permission only; a user cannot consent to it. Use the admin consent link or an app role assignment.`,
      });
    }
  }
  if (scopes.length === 0 && resolved.errors.length === 0) {
    errors.push({
      field: 'permissions',
      code: 'required',
      message: 'Pick at least one delegated permission.',
    });
  }
  if (errors.length > 0 || !tenant.ok || !client.ok || !redirect.ok) return { ok: false, errors };

  const needAdmin = scopes.filter((s) => s.delegatedAdminConsent === true).map((s) => s.scope);
  for (const scope of needAdmin) {
    warnings.push({
      code: 'needs-admin-consent',
      severity: 'warning',
      evidence: { scope },
      message: `${scope} needs admin consent: a user cannot consent to it alone.`,
      fix: fixOf('Use the admin consent link above for this permission.'),
    });
  }
  const state = makeState(random);
  const host = getCloudInfo(input.cloud).loginHost;
  const url =
    `https://${host}/${encodeURIComponent(tenant.tenant)}/oauth2/v2.0/authorize?` +
    query([
      ['client_id', client.clientId],
      ['response_type', 'code'],
      ['redirect_uri', redirect.redirectUri],
      ['response_mode', 'query'],
      ['scope', scopes.map((s) => s.scope).join(' ')],
      ['prompt', 'consent'],
      ['state', state],
    ]);
  return { ok: true, url, state, scopes, needAdmin, warnings };
}

/** Why no consent link is built for a managed identity, in the words the Consent page shows. */
export const MANAGED_IDENTITY_MESSAGE =
  'This client ID belongs to a managed identity. Managed identities cannot be granted permissions through a consent link: nobody signs in as them to consent. An app role is assigned to their service principal instead.';

function isManagedIdentity(clientId: string, known: readonly string[] | undefined): boolean {
  const id = clientId.toLowerCase();
  return (known ?? []).some((k) => k.trim().toLowerCase() === id);
}

/**
 * The checks both consent links share: cloud, tenant (`common` allowed only for user consent), client ID,
 * redirect URI and permissions. Collects every problem at once; does not build a URL.
 */
function checkConsentInput(input: UserConsentInput, catalog: Catalog, kind: 'admin' | 'user') {
  const errors: ConsentError[] = [];
  const warnings: Finding<ConsentWarningCode>[] = [];
  const cloudError = checkCloud(input.cloud);
  if (cloudError) errors.push(cloudError);
  const tenant = checkTenant(input.tenant, kind === 'user');
  if (!tenant.ok) errors.push(tenant.error);
  const client = checkClientId(input.clientId);
  if (!client.ok) errors.push(client.error);
  else if (isManagedIdentity(client.clientId, input.managedIdentityClientIds)) {
    errors.push({ field: 'clientId', code: 'client-managed-identity', message: MANAGED_IDENTITY_MESSAGE });
  }
  const redirect = checkRedirectUri(input.redirectUri);
  if (!redirect.ok) errors.push(redirect.error);
  const resolved = cloudError
    ? { scopes: [], errors: [], warnings: [] }
    : resolveScopes(input.permissions, input.cloud, catalog, kind);
  errors.push(...resolved.errors);
  warnings.push(...resolved.warnings);
  return { errors, warnings, tenant, client, redirect, resolved };
}
