import type { Catalog } from '../catalog';
import type { Classification, DecodedJwt } from '../token';
import { fixOf } from '../token';
import { explainAadsts } from './aadsts-codes';
import { ERROR_KIND_LINK, ERROR_KIND_TEXT } from './error-texts';
import { describeAudience, MDE_APP_ID, XDR_APP_ID } from './hosts';
import { buildConsentLink, buildGrantLink } from './links';
import { findRequiredPermissions } from './required-permissions';
import { findSecurityRoles } from './security-roles';
import { readApiAnswer } from './api-answer';
import type { ErrorExplanation, ErrorFinding, ErrorKind, ParsedRequest } from './types';

/** What the explainer may cross-check the error against. All optional. */
export interface ErrorContext {
  readonly token?: DecodedJwt | null;
  readonly classification?: Classification | null;
  readonly catalog?: Catalog | null;
  readonly request?: ParsedRequest | null;
}

const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;

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
  parsed: { required: readonly string[]; granted: readonly string[]; message: string },
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

  if (kind === 'invalid-audience' || kind === 'unauthorized') {
    if (/expired|lifetime validation failed/i.test(parsed.message) && c.expiry.state === 'valid') {
      findings.push(notSent('the API says the token expired, but this one is still valid'));
    }
    if (c.expiry.state === 'expired') {
      findings.push({
        code: 'token-expired',
        severity: 'error',
        evidence: { exp: c.expiry.expiresAt?.toISOString() ?? null },
        message: `The token loaded here has expired (${c.expiry.text}).`,
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

/**
 * Explains a pasted API or sign-in error: reads it (`readApiAnswer`: Graph and Defender error JSON even
 * broken, with curly quotes or HTTP headers around it, the Graph Security sentence, 401 "Invalid audience",
 * AADSTS codes and more), names its family and cross-checks it with the token when one is given.
 * Does not call the API and never throws.
 */
export function explainError(text: string, context: ErrorContext = {}): ErrorExplanation {
  const read = readApiAnswer(text);
  if (!read.ok) return read;
  const answer = read.answer;
  const kind = answer.family;
  const aadsts = answer.aadsts ? explainAadsts(answer.aadsts) : null;
  const explanation =
    kind === 'aadsts' && aadsts
      ? `${ERROR_KIND_TEXT.aadsts} ${answer.aadsts} (${aadsts.title}): ${aadsts.explanation}`
      : kind === 'aadsts'
        ? `${ERROR_KIND_TEXT.aadsts} This code is not in our table; look it up on Microsoft's error code page.`
        : ERROR_KIND_TEXT[kind];
  const roles = {
    required: answer.permissions?.required ?? [],
    granted: answer.permissions?.granted ?? [],
  };
  return {
    ok: true,
    kind,
    status: answer.status,
    code: kind === 'aadsts' && answer.aadsts ? answer.aadsts : answer.code,
    message: answer.message,
    requiredRoles: roles.required,
    grantedRoles: roles.granted,
    aadsts,
    explanation,
    link: ERROR_KIND_LINK[kind],
    correlation: answer.correlation,
    findings: crossCheck(kind, { ...roles, message: answer.message ?? text.slice(0, 8192) }, context),
  };
}
