import type { Classification, Cloud, DecodedJwt } from '../token';
import type { PermissionType } from './types';
import { parseCloud } from './clouds';
import { splitPermissions } from './scopes';

/** What the consent builder's fields start with. Empty strings for what is not known. */
export interface ConsentPrefill {
  readonly tenant: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly permissions: readonly string[];
  readonly cloud: Cloud;
  readonly permissionType: PermissionType;
}

/** What the grant-script generator's fields start with. */
export interface GrantPrefill {
  readonly principalId: string;
  readonly api: string;
  readonly permissions: readonly string[];
  readonly cloud: Cloud;
}

/** What a token says about the consent to build. */
export interface TokenPrefill {
  readonly tenant: string;
  readonly clientId: string;
  readonly cloud: Cloud;
  /** `application` for app-only and managed-identity tokens; null when the token does not say. */
  readonly permissionType: PermissionType | null;
  /** True for a managed identity: no consent link can grant it app roles (use the grant scripts). */
  readonly managedIdentity: boolean;
}

/**
 * Prefills the consent builder from an inspected token: tenant from `tid`, client ID from `appid`/`azp`,
 * cloud from the issuer, permission type from who the token acts for. Does not copy permissions (the token
 * shows what the app has, not what it lacks).
 */
export function prefillFromToken(classification: Classification): TokenPrefill {
  const caller = classification.caller;
  return {
    tenant: classification.tenantId ?? '',
    clientId: classification.clientId ?? '',
    cloud: classification.issuer.cloud ?? 'public',
    permissionType: caller === 'delegated' ? 'delegated' : caller === null ? null : 'application',
    managedIdentity: caller === 'managed-identity',
  };
}

/**
 * Prefills the grant-script generator from an app-only or managed-identity token: the principal is the
 * token's `oid` (the service principal's object ID), the API its audience, the cloud its issuer's. For a
 * delegated token `oid` is a user, so the principal is left empty. Does not copy `roles` (those are held).
 */
export function prefillGrantFromToken(token: DecodedJwt, classification: Classification): GrantPrefill {
  const oid = token.payload['oid'];
  const appOnly = classification.caller === 'app-only' || classification.caller === 'managed-identity';
  return {
    principalId: appOnly && typeof oid === 'string' ? oid : '',
    api: classification.audience ?? '',
    permissions: [],
    cloud: classification.issuer.cloud ?? 'public',
  };
}

/**
 * Reads `#consent&tenant=…&client_id=…&scope=<space-separated>&redirect_uri=…&cloud=…[&type=application]`
 * parameters (as the diagnosis builds them). Unknown clouds fall back to public; nothing is validated here.
 */
export function readConsentParams(params: URLSearchParams): ConsentPrefill {
  return {
    tenant: params.get('tenant') ?? '',
    clientId: params.get('client_id') ?? '',
    redirectUri: params.get('redirect_uri') ?? '',
    permissions: splitPermissions(params.getAll('scope').join(' ')),
    cloud: parseCloud(params.get('cloud')) ?? 'public',
    permissionType: params.get('type')?.toLowerCase() === 'application' ? 'application' : 'delegated',
  };
}

/**
 * Reads `#grant&principal_id=…&api=<appId or name>&permission=<v>[,<v>]&cloud=…` parameters. Repeated
 * `permission` parameters are merged. Nothing is validated here.
 */
export function readGrantParams(params: URLSearchParams): GrantPrefill {
  return {
    principalId: params.get('principal_id') ?? '',
    api: params.get('api') ?? '',
    permissions: params
      .getAll('permission')
      .flatMap((p) => p.split(','))
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    cloud: parseCloud(params.get('cloud')) ?? 'public',
  };
}
