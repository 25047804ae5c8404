import type { Rule } from '../../context';
import { factsOf } from '../derive';
import { finding } from '../finding';

const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
const PRIVILEGED_AUTH_ADMIN = '7be44c8a-adaf-4e2a-84d6-ab2649e08a13';

/** Updating or deleting a user: PATCH/DELETE /users/{id}, restore from deleted items. */
function isUserChange(method: string, path: string): boolean {
  if ((method === 'PATCH' || method === 'DELETE') && /^\/users\/\{id\}$/.test(path)) return true;
  return method === 'POST' && /^\/directory\/deleteditems\/\{id\}\/restore$/.test(path);
}

/**
 * Sensitive user properties and actions (accountEnabled, businessPhones, mobilePhone, otherMails,
 * passwordProfile, userPrincipalName…, delete and restore): when the target user holds an admin role,
 * the caller also needs a role that may act on that user, beyond User.ReadWrite.All. The token shows the
 * caller's roles (`wids`), not the target's. Source: graph-rules/user-sensitive-actions.json.
 */
export const sensitiveUserRule: Rule = (ctx) => {
  const { gates, request } = ctx;
  if (!gates || !request || request.api !== 'graph' || !isUserChange(request.method, request.normalisedPath))
    return [];
  const f = factsOf(ctx);
  if (f && !f.checkPermissions) return [];
  const wids = f?.c.wids?.map((w) => w.toLowerCase()) ?? null;
  // Global Administrator and Privileged Authentication Administrator may act on any user.
  if (wids && (wids.includes(GLOBAL_ADMIN) || wids.includes(PRIVILEGED_AUTH_ADMIN))) return [];
  const g = gates.sensitiveUser;
  return [
    finding(
      'gate-sensitive-user',
      'warning',
      { path: request.normalisedPath, wids: f?.c.wids ?? null },
      `Changing ${g.properties.join(', ')}, or deleting or restoring a user, is a sensitive action: when the target user holds an admin role, the caller also needs a role that may act on that user (for any target: ${g.actorRoles.join(' or ')}). The permission alone is not enough, and the token does not show the target's roles.`,
      {
        text: `If the request changes one of these properties of an admin, give the caller (the user, or the app's service principal) a role that covers the target's role, then get a new token.`,
        actions: [
          {
            kind: 'portal',
            path: [
              'Entra admin center',
              'Roles & admins',
              g.actorRoles[0] ?? 'Privileged Authentication Administrator',
            ],
          },
          { kind: 'doc', label: 'Who can perform sensitive actions', url: g.doc },
        ],
      },
    ),
  ];
};
