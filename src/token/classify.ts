import { CLOUD_IDS, CLOUDS, issuerOfHost } from './clouds';
import type {
  Claims,
  Classification,
  Cloud,
  DecodedJwt,
  Expiry,
  IssuerKind,
  ManagedIdentityResource,
  TokenUser,
} from './types';
import { dateFromNumericDate, formatDuration } from './time';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Longest `iss` read for the host: Entra's are under 100 characters. */
const MAX_ISSUER_LENGTH = 2048;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const has = (claims: Claims, name: string): boolean => Object.hasOwn(claims, name);

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

// Anchored, and each part's characters exclude the next part's first: linear on any input.
const HTTPS_HOST = /^https:\/\/([a-z0-9.-]+)(?::\d{1,5})?(?:[/?#]|$)/i;

/** The host of an `https://` URL, lower case, or null for anything else (user info, odd characters, too long). */
function httpsHost(url: string): string | null {
  // A pattern, not `new URL`: URL parsing is slow outside browsers and accepts more than Entra writes.
  const host = url.length > MAX_ISSUER_LENGTH ? undefined : HTTPS_HOST.exec(url)?.[1];
  return host === undefined ? null : host.toLowerCase();
}

/** Issuer kind and cloud from the `iss` URL's host. Does not fetch or trust the issuer. */
export function classifyIssuer(iss: string | null): { kind: IssuerKind; cloud: Cloud | null } {
  const host = iss === null ? null : httpsHost(iss);
  return host === null ? { kind: 'other', cloud: null } : issuerOfHost(host);
}

/**
 * Access or ID token, by these rules in order:
 * 1. `scp`, `roles`, `idtyp`, `appid` or `azp`/`azpacr` present → access (ID tokens carry none of them;
 *    Entra v2 ID tokens only have `azp` with some flows, so `azp` counts only when `aud` differs from it);
 * 2. `nonce`, `at_hash` or `c_hash` in the payload → ID;
 * 3. `aud` is a bare GUID and the token names a user (`preferred_username`, `email`, `name`, `upn`,
 *    `unique_name`) → ID
 *    (an ID token's audience is the client's own app ID);
 * 4. `aud` is a URL or `api://` URI → access; otherwise unknown.
 */
function classifyKind(p: Claims): Classification['kind'] {
  const aud = strings(p['aud'])[0] ?? null;
  const azp = str(p['azp']);
  if (has(p, 'scp') || has(p, 'roles') || has(p, 'idtyp') || has(p, 'appid') || has(p, 'azpacr'))
    return 'access';
  if (azp !== null && aud !== null && azp !== aud) return 'access';
  if (has(p, 'nonce') || has(p, 'at_hash') || has(p, 'c_hash')) return 'id';
  if (
    aud !== null &&
    /^[0-9a-f-]{36}$/i.test(aud) &&
    ['preferred_username', 'email', 'name', 'unique_name', 'upn'].some((c) => has(p, c))
  ) {
    return 'id';
  }
  if (aud !== null && /^(https?|api):\/\//i.test(aud)) return 'access';
  return 'unknown';
}

/** `ver` when it is 1.0 or 2.0; otherwise the issuer's shape (`…/v2.0` or `sts.windows.net`). */
function classifyVersion(p: Claims, iss: string | null): Classification['version'] {
  const ver = p['ver'];
  if (ver === '1.0' || ver === 1) return '1.0';
  if (ver === '2.0' || ver === 2) return '2.0';
  if (iss !== null && /\/v2\.0\/?$/.test(iss)) return '2.0';
  const host = iss === null ? null : httpsHost(iss);
  if (host !== null && CLOUD_IDS.some((id) => CLOUDS[id].stsHost === host)) return '1.0';
  return null;
}

/**
 * Who an access token acts for, by these rules in order: `xms_mirid` → managed identity (even with
 * `idtyp` app: Entra marks managed identity tokens only this way); `idtyp` app/user; `scp` → delegated;
 * `roles` without `scp` → app-only; `oid` equal to `sub` → app-only; user-name claims → delegated.
 */
function classifyCaller(p: Claims): Classification['caller'] {
  if (str(p['xms_mirid']) !== null) return 'managed-identity';
  const idtyp = p['idtyp'];
  if (idtyp === 'app') return 'app-only';
  if (idtyp === 'user') return 'delegated';
  if (has(p, 'scp')) return 'delegated';
  if (has(p, 'roles')) return 'app-only';
  const oid = str(p['oid']);
  if (oid !== null && oid === str(p['sub'])) return 'app-only';
  if (['upn', 'unique_name', 'preferred_username', 'name', 'given_name'].some((c) => has(p, c)))
    return 'delegated';
  return null;
}

function classifyGuest(p: Claims, tenantId: string | null, caller: Classification['caller']): boolean | null {
  if (caller === 'app-only' || caller === 'managed-identity') return null;
  const acct = p['acct'];
  if (acct === 1 || acct === '1') return true;
  if (acct === 0 || acct === '0') {
    return false;
  }
  const idp = str(p['idp']);
  if (idp === null) return null;
  if (tenantId !== null && idp.toLowerCase().includes(tenantId.toLowerCase())) return false;
  const iss = str(p['iss']);
  if (iss !== null && idp === iss) return false;
  return true;
}

/** A guest's home tenant: the tenant GUID in `idp` when it is not the token's own tenant. */
function homeTenantOf(p: Claims, tenantId: string | null, guest: boolean | null): string | null {
  if (guest !== true) return null;
  const idp = str(p['idp']);
  const home = idp !== null && idp.length <= MAX_ISSUER_LENGTH ? (GUID.exec(idp)?.[0] ?? null) : null;
  return home !== null && home.toLowerCase() !== tenantId?.toLowerCase() ? home : null;
}

function userOf(p: Claims): TokenUser | null {
  const upn = str(p['upn']);
  const preferredUsername = str(p['preferred_username']);
  const uniqueName = str(p['unique_name']);
  const name = str(p['name']);
  const signInName = upn ?? preferredUsername ?? uniqueName ?? str(p['email']);
  if (name === null && signInName === null) return null;
  return { name, upn, preferredUsername, uniqueName, signInName };
}

/** Longest `xms_mirid` read: Azure resource IDs are at most a few hundred characters. */
const MAX_RESOURCE_ID_LENGTH = 2048;

// Resource types (the last type segment, lower case) managed identities most often belong to, in the
// Azure portal's words; any other type is shown as written ("Microsoft.Sql/servers").
const RESOURCE_TYPE_LABELS: ReadonlyMap<string, string> = new Map([
  ['userassignedidentities', 'User-assigned managed identity'],
  ['sites', 'App Service / Functions app'],
  ['virtualmachines', 'Virtual machine'],
  ['virtualmachinescalesets', 'Virtual machine scale set'],
  ['workflows', 'Logic app'],
  ['containerapps', 'Container app'],
  ['containergroups', 'Container instance'],
  ['automationaccounts', 'Automation account'],
  ['factories', 'Data factory'],
]);

/**
 * The Azure resource in `xms_mirid`: `/subscriptions/{id}/resourcegroups/{rg}/providers/{Namespace}/{type}/{name}`,
 * child types (`…/sites/{app}/slots/{slot}`) included. Keys match in any case, as ARM's do; a value that is
 * not of this shape keeps its raw ID and last segment. Does not look the resource up.
 */
export function parseManagedIdentityResource(resourceId: string): ManagedIdentityResource {
  const parts = resourceId.length > MAX_RESOURCE_ID_LENGTH ? [] : resourceId.split('/').filter(Boolean);
  const after = (key: string): string | null => {
    const i = parts.findIndex((s) => s.toLowerCase() === key);
    return i < 0 ? null : (parts[i + 1] ?? null);
  };
  const providers = parts.findIndex((s) => s.toLowerCase() === 'providers');
  // Namespace, then type/name pairs: Microsoft.Web / sites / app [/ slots / slot].
  const tail = providers < 0 ? [] : parts.slice(providers + 1);
  const typed = tail.length >= 3 && tail.length % 2 === 1;
  const resourceType = typed ? tail.filter((_, i) => i === 0 || i % 2 === 1).join('/') : null;
  const type = typed ? (tail.at(-2) ?? '').toLowerCase() : '';
  return {
    resourceId,
    subscriptionId: after('subscriptions'),
    resourceGroup: after('resourcegroups'),
    resourceType,
    name: parts.at(-1) ?? null,
    userAssigned: type === 'userassignedidentities',
    typeLabel: resourceType && (RESOURCE_TYPE_LABELS.get(type) ?? resourceType),
  };
}

/**
 * Expiry state and the sentence to show, at `now`: the one part of what a token says that depends on the
 * clock. Does not allow any clock skew, and never throws (a payload that is not an object has no times).
 */
export function describeExpiry(payload: Claims, now: Date): Expiry {
  try {
    return expiryAt(typeof payload === 'object' && payload !== null ? payload : Object.create(null), now);
  } catch {
    return expiryAt(Object.create(null), now);
  }
}

function expiryAt(p: Claims, now: Date): Expiry {
  const issuedAt = dateFromNumericDate(p['iat']);
  const notBefore = dateFromNumericDate(p['nbf']);
  const expiresAt = dateFromNumericDate(p['exp']);
  const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
  if (Number.isNaN(nowMs)) {
    return {
      state: 'unknown',
      issuedAt,
      notBefore,
      expiresAt,
      secondsLeft: null,
      text: 'the current time is unknown',
    };
  }
  const secondsLeft = expiresAt === null ? null : Math.floor((expiresAt.getTime() - nowMs) / 1000);
  if (notBefore !== null && notBefore.getTime() > nowMs) {
    const wait = Math.ceil((notBefore.getTime() - nowMs) / 1000);
    return {
      state: 'not-yet-valid',
      issuedAt,
      notBefore,
      expiresAt,
      secondsLeft,
      text: `not valid for another ${formatDuration(wait)}`,
    };
  }
  if (expiresAt === null || secondsLeft === null) {
    const text = has(p, 'exp')
      ? 'the expiry time (exp) is not a valid time'
      : 'no expiry time (exp) in the token';
    return { state: 'unknown', issuedAt, notBefore, expiresAt, secondsLeft: null, text };
  }
  if (expiresAt.getTime() <= nowMs) {
    const ago = Math.floor((nowMs - expiresAt.getTime()) / 1000);
    return {
      state: 'expired',
      issuedAt,
      notBefore,
      expiresAt,
      secondsLeft,
      text: ago < 1 ? 'expired just now' : `expired ${formatDuration(ago)} ago`,
    };
  }
  return {
    state: 'valid',
    issuedAt,
    notBefore,
    expiresAt,
    secondsLeft,
    text: `expires in ${formatDuration(secondsLeft)}`,
  };
}

/**
 * Says what a decoded token is: access or ID, v1.0 or v2.0, who it acts for (and, for a managed identity,
 * which Azure resource), issuer kind and cloud, tenant, audience, client, the user and whether a guest.
 * Reads no clock: the answer is the same for a token at any time (expiry is {@link describeExpiry}).
 * Does NOT verify the signature or the issuer, and never throws; unknown shapes yield nulls and 'unknown'.
 */
export function classifyToken(token: DecodedJwt): Classification {
  try {
    return classifyUnsafe(token);
  } catch {
    // Defensive only (e.g. a hand-built token whose claims throw on access): say nothing rather than crash.
    return classifyUnsafe({
      raw: '',
      header: Object.create(null),
      payload: Object.create(null),
      signature: '',
    });
  }
}

function classifyUnsafe(token: DecodedJwt): Classification {
  const p: Claims =
    token && typeof token.payload === 'object' && token.payload !== null
      ? token.payload
      : Object.create(null);
  const iss = str(p['iss']);
  const issuer = classifyIssuer(iss);
  const kind = classifyKind(p);
  const tenantId =
    str(p['tid']) ??
    (issuer.kind === 'entra' && iss !== null && iss.length <= MAX_ISSUER_LENGTH
      ? (GUID.exec(iss)?.[0] ?? null)
      : null);
  const caller = kind === 'id' ? null : classifyCaller(p);
  const guest = classifyGuest(p, tenantId, kind === 'id' ? 'delegated' : caller);
  const mirid = caller === 'managed-identity' ? str(p['xms_mirid']) : null;
  const scp = p['scp'];
  return {
    kind,
    version: classifyVersion(p, iss),
    caller,
    issuer: { value: iss, kind: issuer.kind, cloud: issuer.cloud },
    tenantId,
    audience: strings(p['aud'])[0] ?? null,
    clientId: str(p['appid']) ?? str(p['azp']),
    clientName: str(p['app_displayname']),
    user: caller === 'app-only' || caller === 'managed-identity' ? null : userOf(p),
    guest,
    homeTenantId: homeTenantOf(p, tenantId, guest),
    managedIdentity: mirid === null ? null : parseManagedIdentityResource(mirid),
    scopes: typeof scp === 'string' ? scp.split(/\s+/).filter((s) => s !== '') : strings(scp),
    roles: strings(p['roles']),
    wids: has(p, 'wids') ? strings(p['wids']) : null,
  };
}
