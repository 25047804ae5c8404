import type { KnownClient } from '../../catalog';
import type { FixAction } from '../../token';
import type { DiagnosisContext, Rule } from '../context';
import { permissionChoiceOf } from './choice';
import { factsOf, str } from './derive';
import { finding } from './finding';

/** The client in use, as far as how to get a new token differs. */
type ClientKind = KnownClient['kind'] | 'managed-identity' | 'app-only' | 'msal';

function clientKindOf(ctx: DiagnosisContext): ClientKind {
  const f = factsOf(ctx);
  const appId = ctx.token?.facts.clientId?.toLowerCase() ?? null;
  const known = appId ? ctx.gates?.clients.find((c) => c.appId === appId) : undefined;
  if (known) return known.kind;
  if (f?.caller === 'managed-identity') return 'managed-identity';
  if (f?.appOnly) return 'app-only';
  return 'msal';
}

/** How to get a token that carries the change, for the client that got this one. */
export function newTokenHowTo(ctx: DiagnosisContext, scope: string): { text: string; actions: FixAction[] } {
  const kind = clientKindOf(ctx);
  const resource = scope.slice(0, scope.lastIndexOf('/'));
  switch (kind) {
    case 'managed-identity':
      return {
        text: 'A managed identity keeps its token cached for up to 24 hours after a change: restart the resource (or wait) so it asks for a new one.',
        actions: [],
      };
    case 'azure-cli':
      return {
        text: 'Azure CLI caches the token: sign in again so it asks for a new one.',
        actions: [
          {
            kind: 'command',
            label: 'New token in Azure CLI',
            shell: 'bash',
            text: `az logout\naz login --scope ${scope}`,
          },
        ],
      };
    case 'azure-powershell':
      return {
        text: 'Azure PowerShell caches the token: sign in again.',
        actions: [
          {
            kind: 'command',
            label: 'New token in Azure PowerShell',
            shell: 'powershell',
            text: `Disconnect-AzAccount\nConnect-AzAccount\nGet-AzAccessToken -ResourceUrl ${resource}`,
          },
        ],
      };
    case 'graph-powershell':
      return {
        text: 'Graph PowerShell keeps the token of its session: disconnect and connect again.',
        actions: [
          {
            kind: 'command',
            label: 'New token in Graph PowerShell',
            shell: 'powershell',
            text: `Disconnect-MgGraph\nConnect-MgGraph -Scopes "${scope.slice(scope.lastIndexOf('/') + 1)}"`,
          },
        ],
      };
    case 'graph-explorer':
      return { text: 'In Graph Explorer, sign out and sign in again.', actions: [] };
    case 'app-only':
      return {
        text: `MSAL caches app tokens until they expire: ask for a new one without the cache, e.g. acquireTokenByClientCredential({ scopes: ["${resource}/.default"], skipCache: true }).`,
        actions: [],
      };
    default:
      return {
        text: 'Sign in again, or ask MSAL for a fresh token: acquireTokenSilent({ scopes, forceRefresh: true }), or an interactive prompt if the change needs new consent.',
        actions: [],
      };
  }
}

const iso = (d: Date): string => d.toISOString().replace('.000Z', 'Z');

/**
 * A token that predates the fix: tokens carry the permissions and roles of the moment they were issued
 * (`iat`), so a permission granted or a role activated later is not in it. With "I changed it at", says
 * whether the token is older than the change; with a pasted refusal and no time, says to check it.
 */
export const staleTokenRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!f || !f.checkPermissions) return [];
  const iatSeconds = typeof f.payload['iat'] === 'number' ? f.payload['iat'] : null;
  if (iatSeconds === null) return [];
  const issued = new Date(iatSeconds * 1000);
  const choice = permissionChoiceOf(ctx);
  const lacking =
    choice?.permission.value ?? (f.appOnly && f.c.roles.length === 0 ? 'an application permission' : null);
  const changedAt = ctx.changedAt ?? null;
  const refused = ctx.answer?.status === 401 || ctx.answer?.status === 403;
  if (lacking === null || (changedAt === null && !refused)) return [];
  const scope = choice
    ? `${choice.api.resource}/${f.appOnly ? '.default' : choice.permission.value}`
    : `${f.api?.resource ?? ''}/.default`;
  const how = newTokenHowTo(ctx, scope);
  const pim =
    f.caller === 'delegated'
      ? ' A role activated in PIM can also take a few minutes to show in new tokens.'
      : '';
  if (changedAt !== null && issued.getTime() < changedAt.getTime())
    return [
      finding(
        'stale-token',
        'warning',
        { iat: iatSeconds, changedAt: iso(changedAt), lacking },
        `This token was issued at ${iso(issued)}, before your change at ${iso(changedAt)}: a token carries the permissions and roles of the moment it was issued, so it cannot show ${lacking} yet.${pim}`,
        { text: `Get a new token, then try again. ${how.text}`, actions: how.actions },
      ),
    ];
  if (changedAt !== null)
    return [
      finding(
        'stale-token',
        'info',
        { iat: iatSeconds, changedAt: iso(changedAt), lacking },
        `This token was issued at ${iso(issued)}, after your change at ${iso(changedAt)}, and still lacks ${lacking}: the change did not reach this ${f.appOnly ? 'app' : 'user and app'} (another app registration or service principal, consent not granted, or a different tenant${str(f.payload['tid']) ? ` than ${String(f.payload['tid'])}` : ''}).`,
        null,
      ),
    ];
  return [
    finding(
      'stale-token',
      'info',
      { iat: iatSeconds, lacking },
      `If ${lacking} was already granted, this token predates it: it was issued at ${iso(issued)} and carries only what was in place then.${pim}`,
      { text: `Get a new token after the change. ${how.text}`, actions: how.actions },
    ),
  ];
};
