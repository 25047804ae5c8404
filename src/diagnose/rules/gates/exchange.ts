import type { Rule } from '../../context';
import { factsOf, has } from '../derive';
import { finding } from '../finding';

/**
 * Exchange application access policies and RBAC for Applications: an app-only token with Mail,
 * Calendars, Contacts or MailboxSettings permissions may still be scoped to some mailboxes by an Exchange
 * admin, which the token does not show. Source: graph-rules/exchange-mailbox-scoping.json.
 */
export const exchangeScopingRule: Rule = (ctx) => {
  const { gates } = ctx;
  const f = factsOf(ctx);
  if (!gates || !f || !f.appOnly || !f.checkPermissions || f.request.api !== 'graph') return [];
  const scoped = f.present.filter((p) => has(gates.exchange.permissions, p.value));
  if (scoped.length === 0) return [];
  const appId = f.c.clientId ?? '<app id>';
  const perms = scoped.map((p) => p.value).join(', ');
  const roles = gates.exchange.roles.filter((r) =>
    r.permissions.some((p) => has([p], scoped[0]?.value ?? '')),
  );
  const rbacNote = gates.exchange.rbacOfficial
    ? ''
    : ' (role names from a copy of the Exchange docs, unverified)';
  return [
    finding(
      'gate-exchange-scoping',
      'warning',
      { roles: scoped.map((p) => p.value), appid: f.c.clientId },
      `The token is sufficient (${perms}), but Exchange Online may still limit this app to some mailboxes: an application access policy or RBAC for Applications (roles such as ${roles.map((r) => `"${r.name}"`).join(', ') || '"Application Mail.Read"'}${rbacNote}) is set by an Exchange admin and does not show in the token. A mailbox outside the scope answers 403 ${gates.exchange.denyCode}. Changes can take over an hour to apply.`,
      {
        text: 'Check, for the mailbox in the request, whether the app may reach it (Exchange Online PowerShell).',
        actions: [
          {
            kind: 'command',
            label: 'Test the application access policy for a mailbox',
            shell: 'powershell',
            text: `Test-ApplicationAccessPolicy -Identity <mailbox> -AppId ${appId}`,
          },
          {
            kind: 'command',
            label: 'List RBAC for Applications assignments of the app',
            shell: 'powershell',
            text: `Get-ManagementRoleAssignment -RoleAssignee ${appId}`,
          },
          { kind: 'doc', label: 'Limit app access to mailboxes', url: gates.exchange.doc },
          { kind: 'doc', label: 'RBAC for Applications in Exchange Online', url: gates.exchange.rbacDoc },
        ],
      },
    ),
  ];
};
