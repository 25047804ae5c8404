// Every sentence annotateToken shows, in our own words, in one place, each with the Microsoft page that
// documents the fact.
import type { AnnotationFindingCode } from './types';
import type { Severity } from '../token';

const LEARN = 'https://learn.microsoft.com';

/** Microsoft Learn pages the catalog's texts point to. */
export const LINKS = {
  graphPermissions: `${LEARN}/graph/permissions-reference`,
  appRoles: `${LEARN}/entra/identity-platform/howto-add-app-roles-in-apps`,
  directoryRoles: `${LEARN}/entra/identity/role-based-access-control/permissions-reference`,
  accessTokenClaims: `${LEARN}/entra/identity-platform/access-token-claims-reference`,
  authCodeFlow: `${LEARN}/entra/identity-platform/v2-oauth2-auth-code-flow`,
  aadGraphRetirement: `${LEARN}/graph/migrate-azure-ad-graph-overview`,
  exposeApi: `${LEARN}/entra/identity-platform/quickstart-configure-app-expose-web-apis`,
  defenderPermissions: `${LEARN}/defender-endpoint/api/exposed-apis-list`,
} as const;

interface Text {
  readonly severity: Severity;
  readonly link: string;
  readonly message: (v: Record<string, string>) => string;
  readonly fix: ((v: Record<string, string>) => string) | null;
}

/** Severity, message, fix and link per annotation finding code. Does not decide when a code applies. */
export const ANNOTATION_TEXTS: Readonly<Record<AnnotationFindingCode, Text>> = {
  'scope-is-application-only': {
    severity: 'warning',
    link: LINKS.graphPermissions,
    message: (v) => `${v.value} is in scp, but ${v.api} only defines it as an application permission.`,
    fix: (v) =>
      `A delegated token cannot carry ${v.value}: either call with an app-only token (client credentials) ` +
      `granted the application permission, or pick the delegated permission the request accepts.`,
  },
  'role-is-delegated-only': {
    severity: 'warning',
    link: LINKS.graphPermissions,
    message: (v) => `${v.value} is in roles, but ${v.api} only defines it as a delegated permission.`,
    fix: (v) =>
      `Request ${v.value} as a delegated scope with a user signed in, or use an application permission.`,
  },
  'app-role-in-user-token': {
    severity: 'info',
    link: LINKS.appRoles,
    message: (v) =>
      `${v.value} is an app role in a user token: the API's app role was assigned to the user (or a group ` +
      `they are in), not granted to the calling app.`,
    fix: null,
  },
  'permission-not-on-api': {
    severity: 'warning',
    link: LINKS.graphPermissions,
    message: (v) => `${v.value} is not a permission of ${v.api}; the catalog knows it on ${v.others}.`,
    fix: (v) =>
      `The token is for ${v.api}. Request a token for the API that defines ${v.value} ` +
      `(${v.others}), or check which API the call goes to.`,
  },
  'unknown-permission': {
    severity: 'info',
    link: LINKS.graphPermissions,
    message: (v) => `${v.value} is not in the catalog for ${v.api} (as of ${v.date}).`,
    fix: null,
  },
  'unknown-api': {
    severity: 'info',
    link: LINKS.exposeApi,
    message: (v) =>
      `The audience ${v.aud} is not an API the catalog knows (as of ${v.date}); it may be your own API.`,
    fix: null,
  },
  'custom-api': {
    severity: 'info',
    link: LINKS.exposeApi,
    message: (v) => `The audience ${v.aud} is a custom API (an app registration's application ID URI).`,
    fix: null,
  },
  'retired-api': {
    severity: 'warning',
    link: LINKS.aadGraphRetirement,
    message: (v) => `${v.api} is retired: calls to it fail or will fail.`,
    fix: () => 'Move the call to Microsoft Graph and request Microsoft Graph permissions instead.',
  },
  'unknown-role': {
    severity: 'info',
    link: LINKS.directoryRoles,
    message: (v) => `Directory role ${v.templateId} is not in the catalog (as of ${v.date}).`,
    fix: null,
  },
  'wids-missing': {
    severity: 'info',
    link: LINKS.accessTokenClaims,
    message: () =>
      'This user token has no wids claim, so it does not show the directory roles the user holds. ' +
      'Tokens from the implicit flow may leave it out.',
    fix: () => 'Sign in with the authorization code flow (with PKCE) to get a token that lists wids.',
  },
};

/** Display notes for directory roles. */
export const ROLE_NOTES = {
  defaultMember: 'Default member role: every member user holds it; it is not an administrator role.',
  notInCatalog: (date: string) => `not in the catalog (as of ${date})`,
  securityReader: 'Security Reader: read access to security data (enough for Graph Security GET calls).',
  securityAdministrator:
    'Security Administrator: manages security features (enough for Graph Security writes).',
  globalAdministrator: 'Global Administrator: full access, including all security operations.',
} as const;
