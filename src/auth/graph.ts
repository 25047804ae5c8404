import type { AuthClient } from './auth-client';

/**
 * Live checks against Microsoft Graph, run only when the person asks. Each asks MSAL for a Graph token
 * with the one scope it needs (incremental consent, popup when needed) and can be cancelled.
 */

/**
 * Least privileged delegated scope that returns directory roles with their names. `User.Read` alone can
 * call /me/transitiveMemberOf, but Graph then returns directoryRole objects with only `id` and
 * `@odata.type` (properties it may not read come back null), so the role could not be named.
 * RoleManagement.Read.Directory is the least privileged permission that reads directoryRole objects;
 * Directory.Read.All would work too but grants far more.
 */
export const DIRECTORY_ROLES_SCOPE = 'RoleManagement.Read.Directory';

/** Least privileged delegated scope to read a service principal's app roles and scopes. */
export const SERVICE_PRINCIPAL_SCOPE = 'Application.Read.All';

/** A directory role the signed-in user holds (directly or through a group), as Graph reports it. */
export interface LiveDirectoryRole {
  readonly id: string;
  readonly roleTemplateId: string | null;
  readonly displayName: string | null;
}

/** An API's app roles and delegated scopes, as its service principal in this tenant lists them. */
export interface LiveServicePrincipal {
  readonly displayName: string | null;
  readonly appRoles: readonly {
    readonly value: string | null;
    readonly id: string;
    readonly displayName: string | null;
  }[];
  readonly scopes: readonly { readonly value: string; readonly id: string; readonly type: string | null }[];
}

/** The result of a live check: the data, or why it failed (token, HTTP, network, cancelled). */
export type LiveCheckResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: 'token' | 'http' | 'network' | 'aborted';
        /** The raw error text: Graph's JSON error, or MSAL's explanation. */
        readonly text: string;
        readonly status: number | null;
      };
    };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function callGraph(
  client: AuthClient,
  path: string,
  scope: string,
  signal: AbortSignal,
): Promise<LiveCheckResult<unknown>> {
  const base = client.settings.graphBaseUrl;
  const token = await client.acquireToken({ scopes: [`${base}/${scope}`], interactive: true });
  if (!token.ok) {
    return {
      ok: false,
      error: { code: 'token', text: `${token.error.title}: ${token.error.detail}`, status: null },
    };
  }
  if (signal.aborted) return { ok: false, error: { code: 'aborted', text: 'Cancelled.', status: null } };
  try {
    const response = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token.value.accessToken}` },
      signal,
    });
    const text = await response.text();
    if (!response.ok) return { ok: false, error: { code: 'http', text, status: response.status } };
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    if (signal.aborted) return { ok: false, error: { code: 'aborted', text: 'Cancelled.', status: null } };
    return { ok: false, error: { code: 'network', text: String(e), status: null } };
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : [];

/**
 * The signed-in user's directory roles from Graph (`/me/transitiveMemberOf/microsoft.graph.directoryRole`),
 * including roles held through groups. Reads only the first page (up to 999 roles). Does not list
 * eligible-but-inactive PIM roles: Graph only returns active memberships here.
 */
export async function fetchMyDirectoryRoles(
  client: AuthClient,
  signal: AbortSignal,
): Promise<LiveCheckResult<LiveDirectoryRole[]>> {
  const result = await callGraph(
    client,
    '/v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole?$select=id,displayName,roleTemplateId&$top=999',
    DIRECTORY_ROLES_SCOPE,
    signal,
  );
  if (!result.ok) return result;
  const value = list((result.value as { value?: unknown } | null)?.value);
  return {
    ok: true,
    value: value.map((r) => ({
      id: str(r.id) ?? '',
      roleTemplateId: str(r.roleTemplateId),
      displayName: str(r.displayName),
    })),
  };
}

/**
 * The app roles and delegated scopes the resource's service principal has in this tenant
 * (`/servicePrincipals(appId='…')`). Does not say which of them the user or app was granted.
 */
export async function fetchServicePrincipal(
  client: AuthClient,
  appId: string,
  signal: AbortSignal,
): Promise<LiveCheckResult<LiveServicePrincipal>> {
  if (!GUID.test(appId)) {
    return {
      ok: false,
      error: { code: 'http', text: `"${appId}" is not an application ID (GUID).`, status: null },
    };
  }
  const result = await callGraph(
    client,
    `/v1.0/servicePrincipals(appId='${appId}')?$select=appRoles,oauth2PermissionScopes,displayName`,
    SERVICE_PRINCIPAL_SCOPE,
    signal,
  );
  if (!result.ok) return result;
  const sp = (result.value ?? {}) as Record<string, unknown>;
  return {
    ok: true,
    value: {
      displayName: str(sp.displayName),
      appRoles: list(sp.appRoles).map((r) => ({
        value: str(r.value),
        id: str(r.id) ?? '',
        displayName: str(r.displayName),
      })),
      scopes: list(sp.oauth2PermissionScopes).map((s) => ({
        value: str(s.value) ?? '',
        id: str(s.id) ?? '',
        type: str(s.type),
      })),
    },
  };
}
