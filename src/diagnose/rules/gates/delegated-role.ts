import type { DelegatedRoleGate } from '../../../catalog';
import { matchingEndpoints } from '../../../catalog';
import type { DiagnosisContext, Rule } from '../../context';
import { factsOf } from '../derive';
import { finding } from '../finding';
import { isGraphSecurityPath } from '../security-role';

/** Global Administrator holds every Entra permission, so it passes every directory-role gate. */
export const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';

/** The delegated-role gates that apply to the request, by method and path. */
export function delegatedRoleGatesOf(ctx: DiagnosisContext): DelegatedRoleGate[] {
  const { gates, request } = ctx;
  if (!gates || !request || request.api !== 'graph') return [];
  return gates.delegatedRoles.filter(
    (g) => matchingEndpoints(g.endpoints, request.method, request.normalisedPath).length > 0,
  );
}

/**
 * Delegated APIs that need the signed-in user to hold a directory role (sign-in and audit logs, Identity
 * Protection, PIM, Conditional Access, app and role management…) or a Purview role (eDiscovery).
 * Directory roles show in `wids`; Purview roles do not. Graph Security paths are checked by the security
 * role rule with the same data. Source: graph-rules/delegated-role-requirements.json.
 */
export const delegatedRoleRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!ctx.request || isGraphSecurityPath(ctx.request)) return [];
  if (f && (f.caller !== 'delegated' || !f.checkPermissions)) return [];
  return delegatedRoleGatesOf(ctx).map((g) => {
    const doc = { kind: 'doc' as const, label: 'Roles this API needs', url: g.doc };
    const roles = g.roles.join(', ');
    if (g.roleSystem === 'purview')
      return finding(
        'gate-directory-role',
        'warning',
        { gate: g.id, roles: g.roles },
        `Delegated calls here also need the user to hold a Microsoft Purview role (${roles}); Purview roles do not show in the token.`,
        {
          text: "Check the user's role groups in the Microsoft Purview portal (Roles and scopes).",
          actions: [doc],
        },
      );
    const wids = f?.c.wids?.map((w) => w.toLowerCase()) ?? null;
    if (wids === null)
      return finding(
        'gate-directory-role',
        'warning',
        { gate: g.id, roles: g.roles, wids: null },
        `Delegated calls here also need the signed-in user to hold one of these roles: ${roles}. ${f ? 'The token has no wids claim, so it does not show them.' : ''}`.trim(),
        {
          text: `Assign the user ${g.roles[0] ?? 'the role'} (least privileged) if they lack it, then sign in again.`,
          actions: [doc],
        },
      );
    const held = g.roles.filter((_, i) => wids.includes(g.roleIds[i] ?? ''));
    if (held.length > 0 || wids.includes(GLOBAL_ADMIN))
      return finding(
        'directory-role-present',
        'info',
        { gate: g.id, wids: f?.c.wids ?? null },
        `The user holds a role this API accepts for delegated calls (${held.length > 0 ? held.join(', ') : 'Global Administrator'}).`,
        null,
      );
    return finding(
      'gate-directory-role',
      g.customRoleAllowed ? 'warning' : 'error',
      { gate: g.id, roles: g.roles, wids: f?.c.wids ?? null },
      `Delegated calls here also need the signed-in user to hold one of these roles: ${roles}; the token's wids shows none of them${g.customRoleAllowed ? ' (a custom role with the right permissions would also do, and does not show by name)' : ''}.`,
      {
        text: `Assign the user ${g.roles[0] ?? 'the role'} (least privileged), then sign in again for a new token.`,
        actions: [{ kind: 'portal', path: ['Entra admin center', 'Roles & admins', g.roles[0] ?? ''] }, doc],
      },
    );
  });
};
