import type { Catalog } from '../catalog';
import type { Classification, DecodedJwt } from '../token';
import { describeExpiry, fixOf } from '../token';
import { explainAadsts } from './aadsts-codes';
import { ERROR_KIND_LINK, ERROR_KIND_TEXT } from './error-texts';
import { describeAudience, MDE_APP_ID, XDR_APP_ID } from './hosts';
import { buildConsentLink, buildGrantLink } from './links';
import { findRequiredPermissions } from './required-permissions';
import { findSecurityRoles } from './security-roles';
import type { CorrelationIds, ErrorExplanation, ErrorFinding, ErrorKind, ParsedRequest } from './types';

const MAX_LENGTH = 256 * 1024;

/** What the explainer may cross-check the error against. All optional. */
export interface ErrorContext {
  readonly token?: DecodedJwt | null;
  readonly classification?: Classification | null;
  readonly catalog?: Catalog | null;
  readonly request?: ParsedRequest | null;
  /** The current time, for the token's expiry; without it expiry is not cross-checked. */
  readonly now?: Date | null;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;

/** Straightens curly quotes and drops zero-width characters a chat or document may have added. */
function straighten(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ');
}

/** A sign-in redirect pasted as a URL carries its error URL-encoded (`error_description=AADSTS65001%3a+…`). */
function decodeRedirect(text: string): string {
  if (!/error(_description)?=/i.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' ')).replace(
      /[?#&](error|error_description|error_uri|state|correlation_id|trace_id)=/gi,
      '\n$1: ',
    );
  } catch {
    return text;
  }
}

/** Tries hard to read the JSON object in a paste: as is, then with common damage repaired. */
function parseJsonLoosely(text: string): Json | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0) return null;
  const slice = end > start ? text.slice(start, end + 1) : text.slice(start);
  const attempts = [
    slice,
    slice.replace(/,\s*([}\]])/g, '$1'),
    slice.replace(/,\s*([}\]])/g, '$1').replace(/'/g, '"'),
    // Truncated: close what is open.
    closeBraces(slice.replace(/,\s*$/, '')),
  ];
  for (const attempt of attempts) {
    try {
      const value: unknown = JSON.parse(attempt);
      if (isObject(value)) return value;
    } catch {
      // try the next repair
    }
  }
  return null;
}

function closeBraces(text: string): string {
  let depth = 0;
  let inString = false;
  let out = text;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    else if (!inString && ch === '{') depth++;
    else if (!inString && ch === '}') depth--;
  }
  if (inString) out += '"';
  return out + '}'.repeat(Math.max(0, depth));
}

/** Reads `"key": "value"` (or `key: value` header lines) from text that would not parse. */
function scrape(text: string, keys: readonly string[]): string | null {
  for (const key of keys) {
    const escaped = key.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
    const quoted = new RegExp(`["']${escaped}["']\\s*:\\s*["']((?:[^"'\\\\]|\\\\.)*)["']`, 'i').exec(text);
    if (quoted?.[1]) return quoted[1].replace(/\\"/g, '"');
    const header = new RegExp(`^\\s*${escaped}\\s*:\\s*(.+?)\\s*$`, 'im').exec(text);
    if (header?.[1]) return header[1].replace(/^["']|["'],?$/g, '');
  }
  return null;
}

/** Looks a key up case-insensitively in an object and its `error`/`innerError` children. */
function findKey(obj: Json | null, keys: readonly string[]): string | null {
  if (!obj) return null;
  const queue: Json[] = [obj];
  while (queue.length > 0) {
    const cur = queue.shift();
    if (!cur) break;
    for (const [k, v] of Object.entries(cur)) {
      if (keys.some((key) => key.toLowerCase() === k.toLowerCase())) {
        const s = str(v);
        if (s !== null) return s;
      }
    }
    for (const v of Object.values(cur)) if (isObject(v)) queue.push(v);
  }
  return null;
}

/** Extracts the permission-like names (`Ti.ReadWrite.All`) from a phrase. */
function permissionNames(text: string): string[] {
  return [...new Set(text.match(/(?<![\w-])[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+/g) ?? [])];
}

function parseDefenderRoles(message: string): { required: string[]; granted: string[] } {
  // Literal searches and slices, not `(.*?)…\s*…$`: that pattern backtracks quadratically.
  const reqMatch = /API required roles:/i.exec(message);
  const grantedPattern = /application roles:/gi;
  grantedPattern.lastIndex = reqMatch ? reqMatch.index + reqMatch[0].length : 0;
  const grantedAfterReq = grantedPattern.exec(message);
  const reqText = reqMatch
    ? message.slice(reqMatch.index + reqMatch[0].length, grantedAfterReq?.index ?? message.length)
    : '';
  const grantedMatch = /application roles:/i.exec(message);
  const grantedText = grantedMatch ? message.slice(grantedMatch.index + grantedMatch[0].length) : '';
  return {
    required: reqText ? permissionNames(reqText) : [],
    granted: grantedText ? permissionNames(grantedText) : [],
  };
}

function statusFrom(text: string): number | null {
  const m =
    /HTTP\/[\d.]+\s+(\d{3})/i.exec(text) ??
    /\b(?:status(?:\s*code)?|statusCode)["']?\s*[:=]\s*(\d{3})\b/i.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}

function classifyKind(code: string | null, message: string, text: string, aadsts: string | null): ErrorKind {
  if (aadsts) return 'aadsts';
  if (/missing application roles/i.test(message) || /missing application roles/i.test(text))
    return 'defender-forbidden';
  if (code === 'DisabledFeature' || /\bDisabledFeature\b/.test(text)) return 'defender-disabled-feature';
  if (code === 'DisallowedOperation' || /\bDisallowedOperation\b/.test(text))
    return 'defender-disallowed-operation';
  if (/auth token does not contain valid permissions or user does not have valid roles/i.test(text))
    return 'graph-security';
  if (/invalid audience/i.test(text) || /audience .* (?:is )?invalid/i.test(text)) return 'invalid-audience';
  if (code === 'Forbidden' && /"target"/i.test(text)) return 'defender-forbidden';
  if (
    code === 'Unauthorized' ||
    code === 'InvalidAuthenticationToken' ||
    /\b401\b/.test(text.slice(0, 200))
  ) {
    if (code && code !== 'Unauthorized' && code !== 'InvalidAuthenticationToken') return 'graph';
    return 'unauthorized';
  }
  if (code) return 'graph';
  return 'unknown';
}

/** The resource appId the Defender roles belong to, from the request host or the token audience. */
function defenderResource(context: ErrorContext): { appId: string; resource: string } {
  const aud = describeAudience(context.classification?.audience ?? null);
  if (context.request?.defenderHost === 'security' && aud?.appId === XDR_APP_ID)
    return { appId: XDR_APP_ID, resource: 'https://api.security.microsoft.com' };
  if (aud?.appId === XDR_APP_ID) return { appId: XDR_APP_ID, resource: 'https://api.security.microsoft.com' };
  return { appId: MDE_APP_ID, resource: 'https://api.securitycenter.microsoft.com' };
}

function crossCheck(
  kind: ErrorKind,
  parsed: { required: string[]; granted: string[]; message: string },
  context: ErrorContext,
): ErrorFinding[] {
  const c = context.classification;
  const payload = context.token?.payload;
  if (!c) return [];
  const findings: ErrorFinding[] = [];
  const held = new Set([...c.roles, ...c.scopes].map((p) => p.toLowerCase()));
  const notSent = (why: string): ErrorFinding => ({
    code: 'token-not-sent',
    severity: 'warning',
    evidence: { aud: c.audience, roles: c.roles, scp: c.scopes },
    message: `The error contradicts the token loaded here (${why}): the token that was sent was probably a different one.`,
    fix: fixOf(
      'Check which token the client really sends: a cached token from before the change, another app registration, or another tenant. Decode that one here.',
    ),
  });

  if (kind === 'defender-forbidden' && parsed.required.length > 0) {
    const has = parsed.required.filter((r) => held.has(r.toLowerCase()));
    if (has.length === 0) {
      const appOnly = c.caller === 'app-only' || c.caller === 'managed-identity';
      const pick =
        (appOnly
          ? parsed.required.find((r) => /\.All$/.test(r))
          : parsed.required.find((r) => !/\.All$/.test(r))) ??
        parsed.required[0] ??
        '';
      const { appId, resource } = defenderResource(context);
      const oid = str(payload?.['oid']);
      const fix =
        c.caller === 'managed-identity' || (appOnly && oid)
          ? `Assign the application role ${pick} on the Defender API to this service principal (an app-role assignment, not consent): ${buildGrantLink({ principalId: oid, resourceAppId: appId, permission: pick })}`
          : `Add ${pick} (${appOnly ? 'application' : 'delegated'}) on the Defender API to the app and grant admin consent: ${buildConsentLink({ tenantId: c.tenantId, clientId: c.clientId, scope: `${resource}/${pick}`, cloud: c.issuer.cloud })}`;
      findings.push({
        code: 'missing-roles',
        severity: 'error',
        evidence: { required: parsed.required, roles: c.roles, scp: c.scopes },
        message: `The token carries none of the roles the API asked for (${parsed.required.join(', ')}); it needs one of them.`,
        fix: fixOf(`${fix} Then get a new token: the old one keeps its old roles until it expires.`),
      });
    } else {
      findings.push({
        code: 'roles-present-but-refused',
        severity: 'warning',
        evidence: { required: parsed.required, present: has },
        message: `The error says roles are missing, but the token loaded here has ${has.join(', ')}.`,
        fix: null,
      });
      findings.push(notSent(`it has ${has.join(', ')}`));
    }
    if (parsed.granted.length > 0) {
      const differs = parsed.granted.some((g) => !held.has(g.toLowerCase()));
      if (differs) findings.push(notSent(`the API saw the roles ${parsed.granted.join(', ')}`));
    }
  }

  const expiry = payload && context.now ? describeExpiry(payload, context.now) : null;
  if (expiry && (kind === 'invalid-audience' || kind === 'unauthorized')) {
    if (/expired|lifetime validation failed/i.test(parsed.message) && expiry.state === 'valid') {
      findings.push(notSent('the API says the token expired, but this one is still valid'));
    }
    if (expiry.state === 'expired') {
      findings.push({
        code: 'token-expired',
        severity: 'error',
        evidence: { exp: expiry.expiresAt?.toISOString() ?? null },
        message: `The token loaded here has expired (${expiry.text}).`,
        fix: fixOf(
          'Get a new token; MSAL does this for you when you call acquireTokenSilent before each call.',
        ),
      });
    }
  }

  if (kind === 'invalid-audience') {
    const req = context.request;
    const aud = describeAudience(c.audience);
    const mentioned = /audience(?:\s+uri)?\s*[:'"]+\s*([^'"\s]+)/i.exec(parsed.message)?.[1] ?? null;
    if (mentioned && c.audience && mentioned.replace(/\/$/, '') !== c.audience.replace(/\/$/, '')) {
      findings.push(notSent(`the API saw audience ${mentioned}, this token has ${c.audience}`));
    } else if (req && aud) {
      const wantsGraph = req.api === 'graph';
      const wantsDefender = req.api === 'defender';
      const matches =
        (wantsGraph && aud.name.startsWith('Microsoft Graph')) ||
        (wantsDefender && (aud.appId === MDE_APP_ID || aud.appId === XDR_APP_ID));
      if (matches) {
        findings.push({
          code: 'audience-matches',
          severity: 'info',
          evidence: { aud: c.audience, host: req.host },
          message: `The token loaded here is for ${aud.name}, which matches ${req.host}.`,
          fix: null,
        });
        findings.push(notSent(`its audience ${c.audience} fits the API`));
      } else {
        findings.push({
          code: 'audience-differs',
          severity: 'error',
          evidence: { aud: c.audience, host: req.host },
          message: `The token is for ${aud.name}, but the request goes to ${req.host}.`,
          fix: fixOf(
            `Request the token for the API at ${req.host} (see the verdict above for the exact scope).`,
          ),
        });
      }
    }
  }

  if (kind === 'graph-security') {
    const roles = findSecurityRoles(c.wids);
    if (c.caller === 'delegated') {
      if (roles.length === 0) {
        findings.push({
          code: 'security-role-missing',
          severity: 'error',
          evidence: { wids: c.wids },
          message:
            c.wids === null
              ? 'The token has no wids claim, so the API cannot see a security role for this user.'
              : 'The signed-in user holds none of Security Reader, Security Administrator or Global Administrator.',
          fix: fixOf(
            'Give the user Security Reader (to read) or Security Administrator (to change) in Entra ID, then sign in again for a new token.',
          ),
        });
      } else {
        findings.push({
          code: 'security-role-present',
          severity: 'info',
          evidence: { wids: c.wids, roles },
          message: `The user holds ${roles.join(', ')}, so the missing piece is the permission in scp.`,
          fix: fixOf(
            'Add the delegated *.Read.All (or *.ReadWrite.All to change) permission for that security resource, e.g. SecurityAlert.Read.All, and consent.',
          ),
        });
      }
    }
  }

  if (kind === 'graph' && context.request?.api === 'graph' && context.catalog) {
    const required = findRequiredPermissions(context.catalog, context.request);
    const appOnly = c.caller === 'app-only' || c.caller === 'managed-identity';
    if (required.known) {
      const accepted = appOnly ? required.application : required.delegated;
      const present = accepted.filter((p) => held.has(p.value.toLowerCase()));
      const least = accepted[0];
      if (present.length === 0 && least) {
        findings.push({
          code: 'graph-permission-missing',
          severity: 'error',
          evidence: { accepted: accepted.map((p) => p.value), roles: c.roles, scp: c.scopes },
          message: `The token has none of the ${appOnly ? 'application' : 'delegated'} permissions ${context.request.method} ${required.matchedPath} accepts; the least privileged is ${least.value}.`,
          fix: fixOf(
            `Add ${least.value} (${appOnly ? 'application' : 'delegated'}) on Microsoft Graph and consent: ${buildConsentLink({ tenantId: c.tenantId, clientId: c.clientId, scope: `${required.api.resource}/${least.value}`, cloud: c.issuer.cloud })}`,
          ),
        });
      } else if (present.length > 0 && !appOnly) {
        findings.push({
          code: 'graph-permission-missing',
          severity: 'info',
          evidence: { present: present.map((p) => p.value), wids: c.wids },
          message: `The token has ${present.map((p) => p.value).join(', ')}, which this call accepts, so the signed-in user's own rights are what failed: a delegated call can do only what the user may do (directory role, ownership).`,
          fix: fixOf(
            'Give the user the directory role the operation needs (or make them owner of the object), or call it app-only.',
          ),
        });
      }
    }
  }

  if (kind === 'defender-disabled-feature') {
    findings.push({
      code: 'not-a-permission-problem',
      severity: 'info',
      evidence: { roles: c.roles, scp: c.scopes },
      message: 'This 403 is not about the token: its permissions are not what failed.',
      fix: fixOf(
        'Turn the feature on in the Defender portal (Settings > Endpoints > Advanced features) or check the licence.',
      ),
    });
  }
  return findings;
}

const emptyCorrelation: CorrelationIds = {
  requestId: null,
  clientRequestId: null,
  date: null,
  traceId: null,
  correlationId: null,
  timestamp: null,
  target: null,
};

/**
 * Explains a pasted API or sign-in error: Graph and Defender error JSON (even broken, with curly quotes
 * or HTTP headers around it), the Graph Security sentence, 401 "Invalid audience" and AADSTS codes.
 * Cross-checks it with the token when one is given. Does not call the API and never throws.
 */
export function explainError(text: string, context: ErrorContext = {}): ErrorExplanation {
  if (text.trim() === '')
    return { ok: false, error: { code: 'empty', message: 'Paste the error the API returned.' } };
  if (text.length > MAX_LENGTH)
    return {
      ok: false,
      error: { code: 'too-large', message: 'That is too long to be one error (over 256 KB).' },
    };
  const clean = straighten(decodeRedirect(text));
  const json = parseJsonLoosely(clean);
  const errorNode = json && isObject(json['error']) ? json['error'] : json;
  const code =
    findKey(errorNode, ['code']) ??
    (json && typeof json['error'] === 'string' ? json['error'] : null) ??
    scrape(clean, ['code']);
  const message =
    findKey(errorNode, ['message', 'error_description', 'Message']) ??
    scrape(clean, ['message', 'error_description']) ??
    (json
      ? null
      : (clean
          .trim()
          .split('\n')
          .find((l) => /\w/.test(l) && !/^[\w-]+:\s/.test(l))
          ?.trim() ?? null));
  const all = `${clean}\n${message ?? ''}`;
  const errorCodes = json && Array.isArray(json['error_codes']) ? str(json['error_codes'][0]) : null;
  const aadstsNumber = /AADSTS(\d{4,8})/i.exec(all)?.[1] ?? errorCodes;
  const kind = classifyKind(code, message ?? '', clean, aadstsNumber);
  const roles = parseDefenderRoles(message ?? clean);
  const get = (keys: string[]): string | null => findKey(json, keys) ?? scrape(clean, keys);
  const correlation: CorrelationIds = {
    ...emptyCorrelation,
    requestId: get(['request-id', 'requestId', 'x-ms-request-id']),
    clientRequestId: get(['client-request-id', 'clientRequestId']),
    date: findKey(errorNode, ['date']) ?? scrape(clean, ['date']),
    traceId: get(['trace_id', 'traceId']) ?? /Trace ID:\s*([0-9a-f-]{36})/i.exec(all)?.[1] ?? null,
    correlationId:
      get(['correlation_id', 'correlationId']) ?? /Correlation ID:\s*([0-9a-f-]{36})/i.exec(all)?.[1] ?? null,
    timestamp: get(['timestamp']) ?? /Timestamp:\s*([0-9TZ:.\- ]{19,})/i.exec(all)?.[1]?.trim() ?? null,
    target: findKey(errorNode, ['target']) ?? scrape(clean, ['target']),
  };
  const status =
    statusFrom(clean) ??
    (kind.startsWith('defender') ||
    kind === 'graph-security' ||
    code === 'Authorization_RequestDenied' ||
    code === 'Forbidden'
      ? 403
      : kind === 'unauthorized' || kind === 'invalid-audience'
        ? 401
        : null);
  const aadsts = aadstsNumber ? explainAadsts(aadstsNumber) : null;
  const explanation =
    kind === 'aadsts' && aadsts
      ? `${ERROR_KIND_TEXT.aadsts} AADSTS${aadsts.code} (${aadsts.title}): ${aadsts.explanation}`
      : kind === 'aadsts'
        ? `${ERROR_KIND_TEXT.aadsts} This code is not in our table; look it up on Microsoft's error code page.`
        : ERROR_KIND_TEXT[kind];
  return {
    ok: true,
    kind,
    status,
    code: kind === 'aadsts' && aadstsNumber ? `AADSTS${aadstsNumber}` : code,
    message,
    requiredRoles: roles.required,
    grantedRoles: roles.granted,
    aadsts,
    explanation,
    link: ERROR_KIND_LINK[kind],
    correlation,
    findings: crossCheck(kind, { ...roles, message: message ?? clean }, context),
  };
}
