import type { Rule } from '../context';
import { findSecurityRoles } from '../security-roles';
import type { ParsedRequest } from '../types';
import { factsOf } from './derive';
import { finding } from './finding';

const NOT_ROLE_CHECKED = new Set([
  'cases',
  'labels',
  'triggers',
  'triggertypes',
  'datasecurityandgovernance',
  'securitycopilot',
]);

/** Graph Security API paths: the ones that also check the user's security role. */
export function isGraphSecurityPath(request: ParsedRequest): boolean {
  if (request.api !== 'graph') return false;
  const m = /^\/security\/([^/]+)/.exec(request.normalisedPath);
  if (!m) return false;
  return !NOT_ROLE_CHECKED.has(m[1] ?? '');
}

/** Graph Security API: delegated calls also need a security role, which `wids` shows (when present). */
export const securityRoleRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!f || !f.checkPermissions || f.caller !== 'delegated' || !isGraphSecurityPath(f.request)) return [];
  const { c, payload } = f;
  if (c.wids === null) {
    const implicitHints = ['at_hash', 'c_hash', 'nonce'].filter((k) => Object.hasOwn(payload, k));
    const publicClient = payload['appidacr'] === '0' || payload['azpacr'] === '0';
    const cause =
      implicitHints.length > 0
        ? `It looks like it came from the implicit grant flow (it carries ${implicitHints.join(', ')}), which leaves wids out.`
        : publicClient
          ? 'It was issued to a public client: if that app uses the implicit grant flow, wids is left out; otherwise the app does not emit it.'
          : "The app probably does not emit it (its manifest's groupMembershipClaims does not include directory roles).";
    return [
      finding(
        'no-wids',
        'warning',
        { wids: null, appidacr: payload['appidacr'] ?? null, azpacr: payload['azpacr'] ?? null },
        `The token has no wids claim, so it does not show whether the user holds Security Reader, Security Administrator or Global Administrator. ${cause}`,
        'Switch the app to the authorization code flow with PKCE (tokens from it carry wids), or set groupMembershipClaims to include "DirectoryRole" in the app manifest.',
      ),
    ];
  }
  const roles = findSecurityRoles(c.wids);
  if (roles.length === 0)
    return [
      finding(
        'security-role-missing',
        'error',
        { wids: c.wids },
        "The Graph Security API also checks the signed-in user's directory role, and this user holds none of Security Reader, Security Administrator or Global Administrator.",
        {
          text: 'Assign the user Security Reader (to read) or Security Administrator (to change) in Entra ID > Roles and administrators, then sign in again for a new token.',
          actions: [{ kind: 'portal', path: ['Entra admin center', 'Roles & admins', 'Security Reader'] }],
        },
      ),
    ];
  return [
    finding(
      'security-role-present',
      'info',
      { wids: c.wids, roles },
      `The user holds ${roles.join(', ')}, which the Graph Security API accepts.`,
      null,
    ),
  ];
};

/** Defender delegated calls also need a Defender portal role the token does not show. */
export const defenderRoleRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (
    !f ||
    !f.checkPermissions ||
    f.caller !== 'delegated' ||
    f.request.api !== 'defender' ||
    !f.required.known
  )
    return [];
  const role = f.required.delegatedRole;
  return [
    finding(
      'defender-user-role',
      'warning',
      { role },
      `Delegated Defender calls also need the signed-in user to hold ${role ? `the "${role}" permission` : 'a suitable role'} in Defender (RBAC); the token does not show this.`,
      {
        text: "Check the user's role in the Defender portal (Settings > Permissions).",
        actions: [{ kind: 'portal', path: ['Microsoft Defender portal', 'Settings', 'Permissions'] }],
      },
    ),
  ];
};
