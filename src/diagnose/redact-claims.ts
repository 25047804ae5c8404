import type { Claims } from '../token';
import { scrubCredentials, scrubCredentialsDeep, uniqueKey } from './scrub-credentials';

/** What replaces a masked value. */
export const REDACTED = '[redacted]';

/** What replaces a masked segment of a resource ID (`xms_mirid`). */
export const REDACTED_SEGMENT = '…';

/** A payload with personal and secret-bearing values masked, and which claims were masked. */
export interface RedactedClaims {
  /** A masked copy of the payload, claims in their original order. */
  readonly claims: Claims;
  /** The names of the claims whose values were masked (fully or, for `xms_mirid`, partly), in payload order. */
  readonly masked: readonly string[];
}

/**
 * Claims a diagnosis needs and that name no person, device or secret: kept as they are.
 * The tenant (`tid`, and the tenant GUID inside `iss`/`idp`) is kept on purpose: it names an organisation,
 * not a person, support needs it to find the tenant, and the consent and cloud checks read it.
 */
const KEPT = new Set([
  'aud',
  'iss',
  'iat',
  'nbf',
  'exp',
  'ver',
  'scp',
  'roles',
  'wids',
  'idtyp',
  'appid',
  'azp',
  'appidacr',
  'azpacr',
  'app_displayname',
  'tid',
  'acr',
  'amr',
  'idp',
  'acct',
  'auth_time',
  'hasgroups',
  '_claim_names',
  'tfp',
  'typ',
  'tenant_region_scope',
  'tenant_ctry',
  'xms_cc',
  'xms_ssm',
  'xms_tcdt',
  'xms_tdbr',
  'xms_idrel',
  'xms_pftexp',
]);

/**
 * The object ID of the caller, kept when the caller is an app (a service principal or a managed identity):
 * it names no person, and the admin needs it to assign the missing app role. A user's stays masked.
 */
const APP_PRINCIPAL = new Set(['oid', 'sub']);

/** What {@link redactClaims} needs to know about the token besides its payload. */
export interface RedactOptions {
  /** The token is app-only (a service principal or a managed identity): its `oid` and `sub` are kept. */
  readonly appOnly?: boolean;
}

/** Resource-ID claims: the identifying names are masked, the `providers/<namespace>/<type>` shape stays. */
const SHAPED = new Set(['xms_mirid', 'xms_az_rid']);

/**
 * Masks personal and secret-bearing values in a decoded payload, keeping what a diagnosis needs.
 *
 * Kept as they are: audience, issuer, version, permissions (`scp`, `roles`), directory roles (`wids`),
 * caller type, client app, times, tenant, authentication context. Masked: every other claim, whatever its
 * name, so names, UPN, e-mail, IP address, `oid`/`sub`/`puid`, `uti`, `aio`, `rh`, `sid`, `nonce`, hashes,
 * device IDs, `groups`, `_claim_sources` and any custom claim never leave. Arrays and objects keep their shape
 * (length, keys) with every leaf replaced by {@link REDACTED}; `xms_mirid` keeps the resource-ID shape
 * (`/subscriptions/…/resourcegroups/…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/…`).
 * With `appOnly`, `oid` and `sub` (the service principal's object ID) are kept too. Kept values and every
 * claim name, however deep, still go through {@link scrubCredentials}: a JWT, refresh token, `code=` or
 * secret inside a kept claim or a key name is masked (and the claim listed as masked).
 * Takes only the payload: the signature and the raw token are never part of the output.
 * Does not decide whether a claim is valid, and does not mutate its input.
 */
export function redactClaims(payload: Claims, options: RedactOptions = {}): RedactedClaims {
  const claims: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const masked: string[] = [];
  for (const [rawName, value] of Object.entries(payload)) {
    const name = uniqueKey(claims, scrubCredentials(rawName));
    if (KEPT.has(rawName) || (options.appOnly === true && APP_PRINCIPAL.has(rawName))) {
      const scrubbed = scrubCredentialsDeep(value);
      claims[name] = scrubbed;
      if (JSON.stringify(scrubbed) !== JSON.stringify(value)) masked.push(name);
    } else if (SHAPED.has(rawName) && typeof value === 'string') {
      claims[name] = maskResourceId(value);
      masked.push(name);
    } else {
      claims[name] = maskValue(value);
      masked.push(name);
    }
  }
  return { claims, masked };
}

/** Whether {@link redactClaims} keeps a claim's value (credential shapes inside it aside). */
export function isKeptClaim(name: string, options: RedactOptions = {}): boolean {
  return KEPT.has(name) || (options.appOnly === true && APP_PRINCIPAL.has(name));
}

function maskValue(value: unknown): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map(maskValue);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    // Key names stay (the shape helps support), except a key that is itself a credential.
    for (const [key, inner] of Object.entries(value))
      out[uniqueKey(out, scrubCredentials(key))] = maskValue(inner);
    return out;
  }
  return REDACTED;
}

/**
 * `/subscriptions/<id>/resourcegroups/<rg>/providers/<ns>/<type>/<name>[/<type>/<name>…]`: keeps the
 * fixed words, the provider namespace and resource types, masks the subscription, group and names.
 * Anything not shaped like a resource ID is masked whole.
 */
function maskResourceId(value: string): string {
  const segments = value.split('/');
  if (segments[0] !== '' || segments.length < 3) return REDACTED;
  const out: string[] = [''];
  let i = 1;
  while (i < segments.length) {
    const word = segments[i] ?? '';
    const lower = word.toLowerCase();
    if (lower === 'subscriptions' || lower === 'resourcegroups') {
      out.push(word, REDACTED_SEGMENT);
      i += 2;
    } else if (lower === 'providers') {
      const namespace = segments[i + 1];
      if (namespace === undefined || !/^[A-Za-z]+(\.[A-Za-z]+)+$/.test(namespace)) return REDACTED;
      out.push(word, namespace);
      i += 2;
      while (i < segments.length) {
        const type = segments[i] ?? '';
        if (!/^[A-Za-z]+$/.test(type)) return REDACTED;
        out.push(type);
        if (i + 1 < segments.length) out.push(REDACTED_SEGMENT);
        i += 2;
      }
    } else {
      return REDACTED;
    }
  }
  const result = out.slice(0, segments.length);
  // Nothing identifying was masked (no names at all): masking it whole keeps the guarantee simple.
  if (!result.includes(REDACTED_SEGMENT)) return REDACTED;
  return result.join('/');
}
