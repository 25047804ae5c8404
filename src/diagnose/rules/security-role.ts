import type { DiagnosisContext, Rule } from '../context';
import { SECURITY_ROLES } from '../security-roles';
import type { ParsedRequest } from '../types';
import { matchesGatePath } from '../../catalog';
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

const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

/**
 * The roles that pass the Graph Security API's role check for this request: the per-resource list from
 * the gate data (alerts_v2 and incidents accept Security Reader, Global Reader, Security Operator and
 * Security Administrator to read; Security Operator and Security Administrator to change), plus Global
 * Administrator; before the data loads, or for resources it does not list, the general rule's roles.
 */
export function securityRolesFor(ctx: DiagnosisContext): { readonly id: string; readonly name: string }[] {
  const { gates, request } = ctx;
  if (gates && request) {
    const path = request.normalisedPath;
    const hits = gates.delegatedRoles.filter((g) =>
      g.endpoints.some((e) => e.methods.includes(request.method) && matchesGatePath(e.path, path)),
    );
    const roles = hits.flatMap((g) =>
      g.roles.flatMap((name, i) => {
        const id = g.roleIds[i];
        return id ? [{ id, name }] : [];
      }),
    );
    if (roles.length > 0) {
      const all = [...roles, { id: GLOBAL_ADMIN, name: 'Global Administrator' }];
      return all.filter((r, i) => all.findIndex((x) => x.id === r.id) === i);
    }
  }
  return [...SECURITY_ROLES];
}

const names = (roles: readonly { readonly name: string }[]): string =>
  roles.length <= 1
    ? (roles[0]?.name ?? '')
    : `${roles
        .slice(0, -1)
        .map((r) => r.name)
        .join(', ')} or ${roles[roles.length - 1]?.name ?? ''}`;

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
        `The token has no wids claim, so it does not show whether the user holds ${names(securityRolesFor(ctx))}. ${cause}`,
        'Switch the app to the authorization code flow with PKCE (tokens from it carry wids), or set groupMembershipClaims to include "DirectoryRole" in the app manifest.',
      ),
    ];
  }
  const accepted = securityRolesFor(ctx);
  const wids = new Set(c.wids.map((w) => w.toLowerCase()));
  const roles = accepted.filter((r) => wids.has(r.id)).map((r) => r.name);
  if (roles.length === 0) {
    const least = accepted[0]?.name ?? 'Security Reader';
    const write = f.request.method !== 'GET';
    return [
      finding(
        'security-role-missing',
        'error',
        { wids: c.wids, accepted: accepted.map((r) => r.name) },
        `The Graph Security API also checks the signed-in user's directory role, and this user holds none of ${names(accepted)}.`,
        {
          text: `Assign the user ${least} (${write ? 'least privileged to change' : 'least privileged to read'}) in Entra ID > Roles and administrators, then sign in again for a new token.`,
          actions: [{ kind: 'portal', path: ['Entra admin center', 'Roles & admins', least] }],
        },
      ),
    ];
  }
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
