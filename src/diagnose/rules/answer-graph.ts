import type { Rule } from '../context';
import { explainServiceCode } from '../error-codes';
import { findSecurityRoles } from '../security-roles';
import type { ErrorFinding } from '../types';
import { factsOf } from './derive';
import { exchangeScopingRule } from './gates/exchange';
import { selectedScopesRule } from './gates/selected';
import { teamsProtectedRule } from './gates/teams';
import { answerFinding, answerView } from './answer-view';

const lower = (s: string | null): string => (s ?? '').toLowerCase();

/**
 * Graph, Exchange and SharePoint refusals: the Graph Security sentence (scope and security role), a
 * refusal although the token holds an accepted permission (the user's own rights, or a gate outside the
 * token), the calling app unknown in the tenant, Exchange application access policies, SharePoint
 * per-site grants and Teams protected APIs.
 */
export const answerGraphRule: Rule = (ctx) => {
  const v = answerView(ctx);
  if (!v) return [];
  const { family, code, message } = v.answer;
  const msg = lower(message);
  const out: ErrorFinding[] = [];
  const facts = factsOf(ctx);

  // With a request the security-role rule decides this from the catalog; without one, from the sentence.
  if (family === 'graph-security' && v.c && !ctx.request && v.caller === 'delegated') {
    const roles = findSecurityRoles(v.c.wids);
    out.push(
      roles.length === 0
        ? answerFinding(
            'security-role-missing',
            'error',
            { wids: v.c.wids },
            v.c.wids === null
              ? 'The token has no wids claim, so the API cannot see a security role for this user.'
              : 'The signed-in user holds none of Security Reader, Security Administrator or Global Administrator.',
            {
              text: 'Give the user Security Reader (to read) or Security Administrator (to change) in Entra ID, then sign in again for a new token.',
              actions: [
                { kind: 'portal', path: ['Entra admin center', 'Roles & admins', 'Security Reader'] },
              ],
            },
          )
        : answerFinding(
            'security-role-present',
            'info',
            { wids: v.c.wids, roles },
            `The user holds ${roles.join(', ')}, so the missing piece is the permission in scp.`,
            {
              text: 'Add the delegated *.Read.All (or *.ReadWrite.All to change) permission for that security resource, e.g. SecurityAlert.Read.All, and consent.',
              actions: [],
            },
          ),
    );
  }

  if (
    lower(code) === 'authorization_identitynotfound' ||
    msg.includes('identity of the calling application could not be established')
  ) {
    const e = explainServiceCode('Authorization_IdentityNotFound');
    out.push(
      answerFinding(
        'identity-not-found',
        'error',
        { tid: v.c?.tenantId ?? null, appid: v.c?.clientId ?? null },
        `${e?.meaning ?? ''}${v.c?.tenantId ? ` The token is for tenant ${v.c.tenantId}.` : ''}`,
        {
          text: e?.fix ?? '',
          actions: v.c?.clientId
            ? [
                {
                  kind: 'consent',
                  tenantId: v.c.tenantId,
                  clientId: v.c.clientId,
                  scope: 'https://graph.microsoft.com/.default',
                  cloud: v.c.issuer.cloud,
                },
              ]
            : [],
        },
      ),
    );
  }

  // A gate rule that already names the gate for this endpoint speaks for it; here only what the answer adds.
  if (family === 'exchange' && lower(code) === 'erroraccessdenied' && exchangeScopingRule(ctx).length === 0) {
    const e = explainServiceCode('ErrorAccessDenied');
    const appOnly = v.c ? v.appOnly : null;
    out.push(
      answerFinding(
        'exchange-scoped',
        appOnly === false ? 'warning' : 'error',
        { code, appid: v.c?.clientId ?? null, caller: v.caller },
        appOnly === false
          ? 'Exchange refused the mailbox for this signed-in user: a delegated call reaches only mailboxes the user may open.'
          : `${e?.meaning ?? ''}${facts && facts.present.length > 0 ? ` The token does hold ${facts.present.map((p) => p.value).join(', ')}, so the permission is not what failed.` : ''}`,
        {
          text: e?.fix ?? '',
          actions: v.c?.clientId
            ? [
                {
                  kind: 'command',
                  label: 'Test the application access policy (Exchange Online PowerShell)',
                  shell: 'powershell',
                  text: `Test-ApplicationAccessPolicy -Identity <mailbox> -AppId ${v.c.clientId}`,
                },
                {
                  kind: 'command',
                  label: 'Test RBAC for Applications (Exchange Online PowerShell)',
                  shell: 'powershell',
                  text: `Test-ServicePrincipalAuthorization -Identity ${v.c.clientId} -Resource <mailbox>`,
                },
              ]
            : [],
        },
      ),
    );
  }

  if (family === 'sharepoint' && selectedScopesRule(ctx).length === 0) {
    const selected = v.c
      ? [...v.c.roles, ...v.c.scopes].filter((p) => p.toLowerCase().endsWith('.selected'))
      : [];
    out.push(
      answerFinding(
        'sharepoint-site-grant',
        selected.length > 0 ? 'error' : 'warning',
        { code, selected },
        selected.length > 0
          ? `The token has ${selected.join(', ')}: that permission reaches only the sites the app was granted one by one, and this one was probably not granted.`
          : 'SharePoint refused the item: the token has no permission that reaches it, or the user has no rights on the site or file.',
        {
          text:
            selected.length > 0
              ? 'Grant the app on this site: POST https://graph.microsoft.com/v1.0/sites/{site-id}/permissions with {"roles":["read"],"grantedToIdentities":[{"application":{"id":"<client id>"}}]} (needs Sites.FullControl.All to call).'
              : (explainServiceCode('accessDenied')?.fix ?? ''),
          actions:
            selected.length > 0
              ? [
                  {
                    kind: 'command',
                    label: 'Grant the app on the site (Graph request)',
                    shell: 'http',
                    text: `POST https://graph.microsoft.com/v1.0/sites/{site-id}/permissions\nContent-Type: application/json\n\n{"roles":["read"],"grantedToIdentities":[{"application":{"id":"${v.c?.clientId ?? '<client id>'}","displayName":"<app name>"}}]}`,
                  },
                ]
              : [],
        },
      ),
    );
  }

  if (
    (msg.includes('protected api access') || msg.includes('protected-apis')) &&
    teamsProtectedRule(ctx).length === 0
  )
    out.push(
      answerFinding(
        'teams-protected-api',
        'error',
        { code },
        "This Teams API is a protected API: app-only calls need Microsoft's approval for the app, on top of the permission.",
        {
          text: 'Request access to the protected Teams APIs for this app (the form linked from the docs), or use resource-specific consent in the team.',
          actions: [
            {
              kind: 'doc',
              label: 'Protected APIs in Microsoft Teams',
              url: 'https://learn.microsoft.com/en-us/graph/teams-protected-apis',
            },
          ],
        },
      ),
    );

  // The token holds what the call accepts and Graph still refused: the rest is outside the token.
  const refused = v.answer.status === 403 && family !== 'exchange' && family !== 'sharepoint';
  if (refused && facts && facts.present.length > 0 && ctx.request?.api === 'graph')
    out.push(
      answerFinding(
        'refused-with-permission',
        'warning',
        { present: facts.present.map((p) => p.value), wids: v.c?.wids ?? null },
        v.caller === 'delegated'
          ? `The token has ${facts.present.map((p) => p.value).join(', ')}, which this call accepts, so the signed-in user's own rights are what failed: a delegated call can do only what the user may do (directory role, ownership).`
          : `The token has ${facts.present.map((p) => p.value).join(', ')}, which this call accepts, so a check outside the token refused it (an admin role for sensitive properties, an access policy, a per-resource grant).`,
        {
          text:
            v.caller === 'delegated'
              ? 'Give the user the directory role the operation needs (or make them owner of the object), or call it app-only.'
              : 'Check the gates listed in the verdict for this endpoint.',
          actions: [],
        },
      ),
    );
  return out;
};
