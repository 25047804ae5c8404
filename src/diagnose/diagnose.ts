import type { Catalog } from '../catalog';
import type { Classification, Cloud, DecodedJwt } from '../token';
import { describeExpiry, fixOf } from '../token';
import { describeAudience, MDE_APP_ID, XDR_APP_ID } from './hosts';
import { buildConsentLink, buildGrantLink } from './links';
import { findRequiredPermissions } from './required-permissions';
import { findSecurityRoles } from './security-roles';
import type {
  AcceptedPermission,
  DiagnoseFinding,
  DiagnoseFindingCode,
  Diagnosis,
  ParsedRequest,
  RequiredPermissions,
  TargetApi,
  Verdict,
} from './types';

/** What {@link diagnose} needs: everything passed in, nothing read from the environment. */
export interface DiagnoseInput {
  readonly token: DecodedJwt;
  readonly classification: Classification;
  readonly request: ParsedRequest;
  readonly catalog: Catalog | null;
  readonly now: Date;
}

type Caller = 'delegated' | 'app-only' | 'managed-identity' | null;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The caller, with fallbacks from the raw claims in case the classification could not tell. */
function callerOf(c: Classification, payload: DecodedJwt['payload']): Caller {
  if (str(payload['xms_mirid'])) return 'managed-identity';
  if (c.caller) return c.caller;
  if (c.scopes.length > 0) return 'delegated';
  if (payload['idtyp'] === 'app' || (str(payload['oid']) !== null && payload['oid'] === payload['sub']))
    return 'app-only';
  return null;
}

/** The issuer kind, double-checked against the issuer URL so a B2C or foreign token is never missed. */
function issuerKindOf(c: Classification): Classification['issuer']['kind'] {
  const iss = c.issuer.value ?? '';
  if (/\.b2clogin\.(com|cn|us)\//i.test(iss)) return 'entra-b2c';
  if (c.issuer.kind !== 'entra') return c.issuer.kind;
  const entra =
    /^https:\/\/(sts\.windows\.net|sts\.chinacloudapi\.cn|login\.microsoftonline\.(com|us)|login\.chinacloudapi\.cn|login\.partner\.microsoftonline\.cn|login\.windows\.net|[\w-]+\.ciamlogin\.com)\//i;
  return iss === '' || entra.test(iss) ? 'entra' : 'other';
}

const cloudName: Readonly<Record<Cloud, string>> = {
  public: 'the public cloud',
  usgov: 'US Government',
  china: 'China (21Vianet)',
};

/** Graph Security API paths: the ones that also check the user's security role. */
function isGraphSecurityPath(request: ParsedRequest): boolean {
  if (request.api !== 'graph') return false;
  const m = /^\/security\/([^/]+)/.exec(request.normalisedPath);
  if (!m) return false;
  const area = m[1] ?? '';
  return ![
    'cases',
    'labels',
    'triggers',
    'triggertypes',
    'datasecurityandgovernance',
    'securitycopilot',
  ].includes(area);
}

/** Which kind of resource the audience must name for this request. */
function audienceFits(
  aud: string | null,
  api: TargetApi,
  request: ParsedRequest,
  required: RequiredPermissions,
): boolean {
  const info = describeAudience(aud);
  if (!info) return false;
  if (request.api === 'graph') return info.appId === api.appId;
  if (request.api === 'defender') {
    if (required.known) return info.appId === required.api.appId;
    // Endpoint unknown: api.security hosts serve both Defender APIs, api.securitycenter only MDE.
    return info.appId === MDE_APP_ID || (request.defenderHost === 'security' && info.appId === XDR_APP_ID);
  }
  return false;
}

const has = (held: readonly string[], value: string): boolean =>
  held.some((h) => h.toLowerCase() === value.toLowerCase());

function list(values: readonly AcceptedPermission[]): string {
  return values.map((p) => p.value).join(', ');
}

/**
 * Decides whether this token will be allowed to make this request, and what to change when not: every
 * rule of the 403 checklist, ordered by what to fix first. "Allowed" only when every check passes and
 * the catalog says the token's permission is accepted; anything unknown gives "Can't tell". Does not
 * verify the signature and does not call the API.
 */
export function diagnose(input: DiagnoseInput): Diagnosis {
  const { token, classification: c, request, catalog, now } = input;
  const payload = token.payload;
  const required = findRequiredPermissions(catalog, request);
  const findings: DiagnoseFinding[] = [];
  const add = (
    code: DiagnoseFindingCode,
    severity: DiagnoseFinding['severity'],
    evidence: Record<string, unknown>,
    message: string,
    fix: string | null,
  ): void => {
    findings.push({ code, severity, evidence, message, fix: fixOf(fix) });
  };
  const caller = callerOf(c, payload);
  const appOnly = caller === 'app-only' || caller === 'managed-identity';
  const api: TargetApi | null = required.api;
  const oid = str(payload['oid']);
  const tokenCloud = c.issuer.cloud;

  // 1. Is this an Entra access token at all?
  const issuerKind = issuerKindOf(c);
  if (issuerKind === 'entra-b2c') {
    add(
      'b2c-token',
      'error',
      { iss: c.issuer.value },
      'This is an Azure AD B2C token. B2C issues tokens for your own apps and APIs; Microsoft Graph and Defender do not accept them.',
      'Get the token from the Entra ID tenant (login.microsoftonline.com/<tenant>) with an app registered there, not from the B2C user flow.',
    );
  } else if (issuerKind === 'other') {
    add(
      'non-entra-token',
      'error',
      { iss: c.issuer.value },
      `This token was not issued by Microsoft Entra ID (issuer ${c.issuer.value ?? 'missing'}); Microsoft APIs will reject it.`,
      "Get an access token from login.microsoftonline.com (or your national cloud's sign-in host) for the API.",
    );
  }

  const scopeFor = (target: TargetApi): string => {
    if (appOnly) return `${target.resource}/.default`;
    const least = required.known ? required.delegated[0]?.value : undefined;
    return `${target.resource}/${least ?? '.default'}`;
  };

  // 2. ID token sent as a bearer token.
  const isIdToken = c.kind === 'id';
  if (isIdToken) {
    add(
      'id-token-as-bearer',
      'error',
      { aud: c.audience, nonce: payload['nonce'] ?? null },
      'This is an ID token: it proves who signed in to your app (its aud is your app), and no API accepts it as a bearer token.',
      api
        ? `Send an access token instead: ask for scope "${scopeFor(api)}" (MSAL: acquireTokenSilent({ scopes: ["${scopeFor(api)}"] })) and send result.accessToken, not idToken.`
        : 'Send an access token for the API instead (result.accessToken, not idToken).',
    );
  } else if (c.kind === 'unknown') {
    add('unknown-token-kind', 'warning', {}, 'Cannot tell whether this is an access token.', null);
  }

  // 3. Lifetime, from the classification and, to be safe, from the raw claims against `now`.
  const exp = typeof payload['exp'] === 'number' ? payload['exp'] * 1000 : null;
  const nbf = typeof payload['nbf'] === 'number' ? payload['nbf'] * 1000 : null;
  const expiry = describeExpiry(payload, now);
  if (expiry.state === 'expired' || (exp !== null && exp <= now.getTime())) {
    add(
      'token-expired',
      'error',
      { exp: payload['exp'] ?? null },
      `The token has expired${expiry.text ? ` (${expiry.text})` : ''}. The API answers 401 before it looks at permissions.`,
      'Get a new token right before the call (MSAL acquireTokenSilent refreshes it for you).',
    );
  } else if (expiry.state === 'not-yet-valid' || (nbf !== null && nbf > now.getTime())) {
    add(
      'token-not-yet-valid',
      'error',
      { nbf: payload['nbf'] ?? null },
      `The token is not valid yet${expiry.text ? ` (${expiry.text})` : ''}.`,
      'Check the clock of the machine that checks or created it; otherwise wait until nbf.',
    );
  }

  // 4. Audience.
  let audienceOk = true;
  if (!isIdToken && api && request.api !== 'other') {
    audienceOk = audienceFits(c.audience, api, request, required);
    if (!audienceOk) {
      const info = describeAudience(c.audience);
      const what = info ? info.name : c.audience ? `"${c.audience}"` : 'no API (aud is missing)';
      const bothDefender =
        request.api === 'defender' && (info?.appId === MDE_APP_ID || info?.appId === XDR_APP_ID);
      const defenderNote = bothDefender
        ? ' The two Defender APIs have different audiences: https://api.securitycenter.microsoft.com (Defender for Endpoint) and https://api.security.microsoft.com (Defender XDR), even where both answer on api.security.microsoft.com.'
        : '';
      add(
        'wrong-audience',
        'error',
        { aud: c.audience, host: request.host },
        `The token is for ${what}, but the request goes to ${api.name} (${request.host}). The API rejects a token issued for another API (401 "invalid audience").${defenderNote}`,
        `Request the token for ${api.name}: scope "${scopeFor(api)}"${appOnly ? ' (client credentials use /.default)' : ''}.`,
      );
    }
  }

  // 4b. Defender XDR endpoints only answer on api.security.microsoft.com.
  if (
    request.api === 'defender' &&
    required.known &&
    required.api.appId === XDR_APP_ID &&
    request.defenderHost === 'securitycenter'
  ) {
    add(
      'wrong-defender-host',
      'error',
      { host: request.host, path: required.matchedPath },
      `${required.matchedPath} is a Defender XDR endpoint, served on api.security.microsoft.com, not ${request.host}.`,
      `Call https://api.security.microsoft.com${request.path.replace(/^\/api\/v1\.0\//i, '/api/')} with a token for https://api.security.microsoft.com.`,
    );
  }

  // 5. Cloud.
  const audCloud = describeAudience(c.audience)?.cloud ?? null;
  const tokenSideCloud = audCloud ?? tokenCloud;
  if (request.cloud && tokenSideCloud && request.cloud !== tokenSideCloud) {
    add(
      'cloud-mismatch',
      'error',
      { iss: c.issuer.value, aud: c.audience, host: request.host },
      `The token comes from ${cloudName[tokenSideCloud]}, but ${request.host} is in ${cloudName[request.cloud]}. Clouds do not accept each other's tokens.`,
      `Sign in through ${request.cloud === 'usgov' ? 'login.microsoftonline.us' : request.cloud === 'china' ? 'login.chinacloudapi.cn' : 'login.microsoftonline.com'} and request the token for ${api?.resource ?? 'the API'} in that cloud.`,
    );
  }

  // 6. Permissions (only meaningful when the token is an access token for this API).
  const checkPermissions = !isIdToken && audienceOk;
  let permissionOk = false;
  const consentLink = (value: string): string =>
    api
      ? buildConsentLink({
          tenantId: c.tenantId,
          clientId: c.clientId,
          scope: `${api.resource}/${value}`,
          cloud: tokenCloud,
        })
      : '';
  const grantLink = (value: string): string =>
    api?.appId ? buildGrantLink({ principalId: oid, resourceAppId: api.appId, permission: value }) : '';

  if (checkPermissions && appOnly && c.roles.length === 0) {
    add(
      'app-only-no-roles',
      'error',
      { roles: null, idtyp: payload['idtyp'] ?? null },
      caller === 'managed-identity'
        ? 'This managed identity token has no roles claim: no application permission has been assigned to the identity on this API.'
        : 'This app-only token has no roles claim: either no application permission was added for this API, or it was added but admin consent was never granted.',
      caller === 'managed-identity'
        ? `Assign an app role to the managed identity (see below); managed identities cannot be given consent.`
        : 'Add an application permission (not delegated) for this API and grant admin consent, then get a new token.',
    );
  }

  if (checkPermissions && required.known) {
    const scheme: 'delegated' | 'application' = appOnly ? 'application' : 'delegated';
    const own = appOnly ? required.application : required.delegated;
    const other = appOnly ? required.delegated : required.application;
    const held = appOnly ? c.roles : c.scopes;
    const heldOther = appOnly ? c.scopes : c.roles;
    const present = own.filter((p) => has(held, p.value));
    if (present.length > 0) {
      permissionOk = true;
      add(
        'permission-present',
        'info',
        { [appOnly ? 'roles' : 'scp']: present.map((p) => p.value), path: required.matchedPath },
        `The token has ${present.map((p) => p.value).join(', ')} (${scheme}), which ${request.method} ${required.matchedPath} accepts.`,
        null,
      );
    } else if (caller !== null) {
      const wrongType = other.filter((p) => has(held, p.value) || has(heldOther, p.value));
      if (own.length === 0) {
        add(
          'wrong-permission-type',
          'error',
          { caller, accepted: other.map((p) => p.value) },
          `${request.method} ${required.matchedPath} accepts only ${appOnly ? 'delegated' : 'application'} permissions (${list(other)}), but this token is ${appOnly ? 'app-only' : 'delegated (a user signed in)'}.`,
          appOnly
            ? `Call it with a signed-in user (auth code flow) and the delegated permission ${other[0]?.value ?? ''}.`
            : `Call it app-only (client credentials) with the application permission ${other[0]?.value ?? ''} and admin consent.`,
        );
      } else {
        if (wrongType.length > 0) {
          add(
            'wrong-permission-type',
            'error',
            { [appOnly ? 'roles' : 'scp']: held, accepted: own.map((p) => p.value) },
            `${wrongType.map((p) => p.value).join(', ')} is accepted here only as a${appOnly ? ' delegated' : 'n application'} permission, and this token is ${appOnly ? 'app-only' : 'delegated'}.`,
            `Add ${own[0]?.value ?? ''} as a${appOnly ? 'n application' : ' delegated'} permission: the type must match how the token is obtained.`,
          );
        }
        const least = own[0];
        if (least && api) {
          const consentText =
            scheme === 'application'
              ? 'admin consent'
              : least.adminConsent === true
                ? 'needs admin consent'
                : least.adminConsent === false
                  ? 'users can consent themselves'
                  : 'needs consent';
          const alternatives = own.length > 1 ? ` It also accepts: ${list(own.slice(1))}.` : '';
          let fix: string;
          if (caller === 'managed-identity') {
            fix = `Assign the application role ${least.value} on ${api.name} to this managed identity (an app-role assignment: New-MgServicePrincipalAppRoleAssignment, or POST /servicePrincipals/${oid ?? '{id}'}/appRoleAssignments): ${grantLink(least.value)}${
              own.length > 1
                ? ` (or ${own
                    .slice(1)
                    .map((p) => `${p.value}: ${grantLink(p.value)}`)
                    .join('; ')})`
                : ''
            }. Then get a new token.`;
          } else if (scheme === 'application') {
            fix = `Add the application permission ${least.value} on ${api.name} to the app registration and grant admin consent: ${consentLink(least.value)}. Or assign it directly to the service principal: ${grantLink(least.value)}. Then get a new token.`;
          } else {
            fix = `Add the delegated permission ${least.value} on ${api.name} (${consentText}) and request scope "${api.resource}/${least.value}" at sign-in: ${consentLink(least.value)}. Then get a new token.`;
          }
          add(
            'missing-permission',
            'error',
            {
              [appOnly ? 'roles' : 'scp']: held,
              accepted: own.map((p) => p.value),
              path: required.matchedPath,
            },
            `The token has none of the ${scheme} permissions ${request.method} ${required.matchedPath} accepts. The least privileged one that would work is ${least.value}.${alternatives}`,
            fix,
          );
        }
      }
    }
  }

  // 7. Managed identities: assignment, not consent.
  if (caller === 'managed-identity' && checkPermissions && !permissionOk) {
    add(
      'managed-identity-assignment',
      'info',
      { xms_mirid: payload['xms_mirid'] ?? null, oid },
      'A managed identity has no app registration to consent for: it gets application permissions only by app-role assignment (PowerShell, CLI or Graph), never from a consent link.',
      'After assigning, the identity may keep its cached token for up to 24 hours; restart the resource or wait before retrying.',
    );
  }

  // 8. Graph Security API: delegated calls also need a security role.
  if (checkPermissions && caller === 'delegated' && isGraphSecurityPath(request)) {
    if (c.wids === null) {
      const implicitHints = ['at_hash', 'c_hash', 'nonce'].filter((k) => k in payload);
      const publicClient = payload['appidacr'] === '0' || payload['azpacr'] === '0';
      const cause =
        implicitHints.length > 0
          ? `It looks like it came from the implicit grant flow (it carries ${implicitHints.join(', ')}), which leaves wids out.`
          : publicClient
            ? 'It was issued to a public client: if that app uses the implicit grant flow, wids is left out; otherwise the app does not emit it.'
            : "The app probably does not emit it (its manifest's groupMembershipClaims does not include directory roles).";
      add(
        'no-wids',
        'warning',
        { wids: null, appidacr: payload['appidacr'] ?? null, azpacr: payload['azpacr'] ?? null },
        `The token has no wids claim, so it does not show whether the user holds Security Reader, Security Administrator or Global Administrator. ${cause}`,
        'Switch the app to the authorization code flow with PKCE (tokens from it carry wids), or set groupMembershipClaims to include "DirectoryRole" in the app manifest.',
      );
    } else {
      const roles = findSecurityRoles(c.wids);
      if (roles.length === 0) {
        add(
          'security-role-missing',
          'error',
          { wids: c.wids },
          "The Graph Security API also checks the signed-in user's directory role, and this user holds none of Security Reader, Security Administrator or Global Administrator.",
          `Assign the user Security Reader (to read) or Security Administrator (to change) in Entra ID > Roles and administrators, then sign in again for a new token.`,
        );
      } else {
        add(
          'security-role-present',
          'info',
          { wids: c.wids, roles },
          `The user holds ${roles.join(', ')}, which the Graph Security API accepts.`,
          null,
        );
      }
    }
  }

  // 9. Defender delegated calls also need a portal role the token does not show.
  if (checkPermissions && caller === 'delegated' && request.api === 'defender' && required.known) {
    add(
      'defender-user-role',
      'warning',
      { role: required.delegatedRole },
      `Delegated Defender calls also need the signed-in user to hold ${required.delegatedRole ? `the "${required.delegatedRole}" permission` : 'a suitable role'} in Defender (RBAC); the token does not show this.`,
      "Check the user's role in the Defender portal (Settings > Permissions).",
    );
  }

  // 10. Nothing to match against.
  if (!required.known && !isIdToken && audienceOk) {
    if (required.reason === 'no-catalog') {
      add(
        'no-catalog',
        'warning',
        {},
        'The permission catalog is not loaded, so the needed permission is unknown.',
        null,
      );
    } else if (required.reason === 'other-api') {
      add(
        'other-api',
        'warning',
        { host: request.host },
        `${request.host} is not Microsoft Graph or Defender; this tool does not know its permissions.`,
        null,
      );
    } else {
      add(
        'unknown-endpoint',
        'warning',
        { method: request.method, path: request.normalisedPath, nearest: required.nearest },
        `${request.method} ${request.normalisedPath} is not in the catalog, so which permission it needs is unknown.${required.nearest.length > 0 ? ` Nearest known: ${required.nearest.join('; ')}.` : ''}`,
        'Check the path for typos, or look the endpoint up in the API reference.',
      );
    }
  }

  const ordered = orderFindings(findings);
  return { verdict: decide(ordered, required, permissionOk), findings: ordered, required };
}

// What to fix first: the token kind, then its lifetime and audience, then permissions, then roles.
const ORDER: readonly DiagnoseFindingCode[] = [
  'b2c-token',
  'non-entra-token',
  'id-token-as-bearer',
  'unknown-token-kind',
  'cloud-mismatch',
  'wrong-audience',
  'wrong-defender-host',
  'token-expired',
  'token-not-yet-valid',
  'app-only-no-roles',
  'wrong-permission-type',
  'missing-permission',
  'managed-identity-assignment',
  'security-role-missing',
  'no-wids',
  'defender-user-role',
  'unknown-endpoint',
  'other-api',
  'no-catalog',
  'permission-present',
  'security-role-present',
];

function orderFindings(findings: DiagnoseFinding[]): DiagnoseFinding[] {
  return [...findings].sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code));
}

function decide(
  findings: readonly DiagnoseFinding[],
  required: RequiredPermissions,
  permissionOk: boolean,
): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'denied';
  if (findings.some((f) => f.severity === 'warning')) return 'cant-tell';
  return required.known && permissionOk ? 'allowed' : 'cant-tell';
}
