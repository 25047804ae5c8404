import type { Claims, Classification, Cloud, DecodedJwt, Expiry, IssuerKind } from './types';
import { dateFromNumericDate, formatDuration } from './time';

const PUBLIC_HOSTS = new Set(['sts.windows.net', 'login.microsoftonline.com', 'login.windows.net']);
const USGOV_HOSTS = new Set(['login.microsoftonline.us']);
const CHINA_HOSTS = new Set([
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
  'sts.chinacloudapi.cn',
]);
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const has = (claims: Claims, name: string): boolean => Object.hasOwn(claims, name);

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Issuer kind and cloud from the `iss` URL's host. Does not fetch or trust the issuer. */
export function classifyIssuer(iss: string | null): { kind: IssuerKind; cloud: Cloud | null } {
  if (iss === null) return { kind: 'other', cloud: null };
  // A plain pattern, not `new URL`: this runs on every tick and URL parsing is slow outside browsers.
  // Anything with user info, odd characters or no https scheme is simply "other".
  const match = /^https:\/\/([A-Za-z0-9.-]+)(?::\d{1,5})?(?:[/?#]|$)/i.exec(iss);
  if (match === null) return { kind: 'other', cloud: null };
  const host = (match[1] ?? '').toLowerCase();
  if (PUBLIC_HOSTS.has(host)) return { kind: 'entra', cloud: 'public' };
  if (USGOV_HOSTS.has(host)) return { kind: 'entra', cloud: 'usgov' };
  if (CHINA_HOSTS.has(host)) return { kind: 'entra', cloud: 'china' };
  if (host.endsWith('.b2clogin.com')) return { kind: 'entra-b2c', cloud: 'public' };
  if (host.endsWith('.ciamlogin.com')) return { kind: 'entra-external-id', cloud: 'public' };
  return { kind: 'other', cloud: null };
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
  if (iss !== null && /^https:\/\/sts\.(windows\.net|chinacloudapi\.cn)\//.test(iss)) return '1.0';
  return null;
}

/**
 * Who an access token acts for: `xms_mirid` → managed identity; `idtyp` app/user; `scp` → delegated;
 * `roles` without `scp` → app-only; `oid` equal to `sub` → app-only; user-name claims → delegated.
 */
function classifyCaller(p: Claims): Classification['caller'] {
  if (has(p, 'xms_mirid')) return 'managed-identity';
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

/** Expiry state and the sentence to show, at `now`. Does not allow any clock skew. */
export function describeExpiry(p: Claims, now: Date): Expiry {
  const issuedAt = dateFromNumericDate(p['iat']);
  const notBefore = dateFromNumericDate(p['nbf']);
  const expiresAt = dateFromNumericDate(p['exp']);
  const nowMs = now.getTime();
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
 * Says what a decoded token is: access or ID, v1.0 or v2.0, who it acts for, issuer kind and cloud,
 * tenant, audience, client, guest or member, and expiry at `now`.
 * Does NOT verify the signature or the issuer, and never throws; unknown shapes yield nulls and 'unknown'.
 */
export function classifyToken(token: DecodedJwt, now: Date): Classification {
  try {
    return classifyUnsafe(token, now);
  } catch {
    // Defensive only (e.g. a hand-built token whose claims throw on access): say nothing rather than crash.
    return classifyUnsafe(
      { raw: '', header: Object.create(null), payload: Object.create(null), signature: '' },
      now,
    );
  }
}

function classifyUnsafe(token: DecodedJwt, now: Date): Classification {
  const p: Claims =
    token && typeof token.payload === 'object' && token.payload !== null
      ? token.payload
      : Object.create(null);
  const iss = str(p['iss']);
  const issuer = classifyIssuer(iss);
  const kind = classifyKind(p);
  const tenantId =
    str(p['tid']) ?? (issuer.kind === 'entra' && iss !== null ? (GUID.exec(iss)?.[0] ?? null) : null);
  const caller = kind === 'id' ? null : classifyCaller(p);
  const scp = p['scp'];
  return {
    kind,
    version: classifyVersion(p, iss),
    caller,
    issuer: { value: iss, kind: issuer.kind, cloud: issuer.cloud },
    tenantId,
    audience: strings(p['aud'])[0] ?? null,
    clientId: str(p['appid']) ?? str(p['azp']),
    guest: classifyGuest(p, tenantId, kind === 'id' ? 'delegated' : caller),
    expiry: describeExpiry(p, now),
    scopes: typeof scp === 'string' ? scp.split(/\s+/).filter((s) => s !== '') : strings(scp),
    roles: strings(p['roles']),
    wids: has(p, 'wids') ? strings(p['wids']) : null,
  };
}
