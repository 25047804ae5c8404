import type { Cloud } from '../token';

/**
 * Builds a link into the admin-consent builder view. Never carries a token: only tenant, client,
 * scope and cloud. Does not check that the values exist.
 */
export function buildConsentLink(options: {
  readonly tenantId: string | null;
  readonly clientId: string | null;
  readonly scope: string;
  readonly cloud: Cloud | null;
}): string {
  const params = new URLSearchParams();
  if (options.tenantId) params.set('tenant', options.tenantId);
  if (options.clientId) params.set('client_id', options.clientId);
  params.set('scope', options.scope);
  params.set('cloud', options.cloud ?? 'public');
  return `#consent&${params.toString()}`;
}

/**
 * Builds a link into the app-role assignment (grant) builder view, for service principals and managed
 * identities. Never carries a token. Does not check that the values exist.
 */
export function buildGrantLink(options: {
  readonly principalId: string | null;
  readonly resourceAppId: string;
  readonly permission: string;
}): string {
  const params = new URLSearchParams();
  if (options.principalId) params.set('principal_id', options.principalId);
  params.set('api', options.resourceAppId);
  params.set('permission', options.permission);
  return `#grant&${params.toString()}`;
}
