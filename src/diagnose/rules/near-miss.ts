import type { FixAction } from '../../token';
import type { Rule } from '../context';
import type { DiagnoseFinding } from '../types';
import { permissionChoiceOf } from './choice';
import { factsOf } from './derive';
import { finding } from './finding';

/** Permissions people hold for the wrong version of an API: what each covers instead. */
const NEAR_MISSES: readonly { readonly held: RegExp; readonly path: RegExp; readonly covers: string }[] = [
  {
    held: /^SecurityEvents\.Read(?:Write)?\.All$/i,
    path: /^\/security\/(?:alerts_v2|incidents)(?:\/|$)/,
    covers: 'the legacy /security/alerts and /security/secureScores, not alerts_v2 or incidents',
  },
  {
    held: /^User\.Read$/i,
    path: /^\/users(?:\/|$)/,
    covers: "the signed-in user's own profile (/me), not other users",
  },
  {
    held: /^Mail\.Read$/i,
    path: /^\/users\/\{id\}\/(?:messages|mailfolders)/,
    covers: "the signed-in user's own mailbox when delegated",
  },
];

/** The first segment of a permission value: "SecurityAlert" of "SecurityAlert.Read.All". */
const family = (value: string): string =>
  value.slice(0, value.indexOf('.') === -1 ? value.length : value.indexOf('.')).toLowerCase();

/**
 * Near misses: the token holds a permission close to the one needed but not accepted here (a legacy
 * twin, the single-user form, another family member). Names it and what it covers; the permission to
 * add is the one `permissionChoiceOf` chose, so no two findings recommend different ones.
 */
export const nearMissRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  const choice = permissionChoiceOf(ctx);
  if (!f || !choice) return [];
  const path = f.required.known ? f.required.matchedPath : f.request.normalisedPath;
  const out: DiagnoseFinding[] = [];
  for (const held of f.held) {
    const known = NEAR_MISSES.find((n) => n.held.test(held) && n.path.test(path));
    const sameFamily =
      !known &&
      family(held) === family(choice.permission.value) &&
      held.toLowerCase() !== choice.permission.value.toLowerCase();
    if (!known && !sameFamily) continue;
    out.push(
      finding(
        'near-miss-permission',
        'info',
        { held, needed: choice.permission.value },
        known
          ? `The token has ${held}, which covers ${known.covers}. ${f.request.method} ${path} needs ${choice.permission.value}.`
          : `The token has ${held}, close to but not one that ${f.request.method} ${path} accepts; ${choice.permission.value} is.`,
        null,
      ),
    );
  }
  return out;
};

/**
 * The fix that fits a known first-party client (app IDs from the catalog's first-party list): Graph
 * PowerShell asks for scopes at Connect-MgGraph, Graph Explorer has "Modify permissions", Azure CLI and
 * Azure PowerShell cannot be given new Graph permissions (their app registrations are Microsoft's).
 */
export const clientFixRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  const choice = permissionChoiceOf(ctx);
  const appId = f?.c.clientId?.toLowerCase() ?? null;
  const client = appId ? ctx.gates?.clients.find((c) => c.appId === appId) : undefined;
  if (!f || !choice || !client || f.appOnly) return [];
  const value = choice.permission.value;
  const scope = `${choice.api.resource}/${value}`;
  const fix = (text: string, ...actions: FixAction[]) => ({ text, actions });
  const byKind = {
    'graph-powershell': fix(
      `Connect with the scope: Graph PowerShell asks for it at sign-in (an admin consents once if it needs admin consent).`,
      {
        kind: 'command',
        label: 'Connect Graph PowerShell with the permission',
        shell: 'powershell',
        text: `Disconnect-MgGraph\nConnect-MgGraph -Scopes "${value}"`,
      },
    ),
    'graph-explorer': fix(
      `In Graph Explorer, open "Modify permissions", consent to ${value}, then sign in again (an admin consents if it needs admin consent).`,
      {
        kind: 'portal',
        path: ['Graph Explorer', 'Modify permissions', value],
      },
    ),
    'azure-cli': fix(
      `Azure CLI's app registration is Microsoft's: it gets only the Graph permissions Microsoft pre-authorised for it, so ${value} may not be available to it. Use Graph PowerShell (Connect-MgGraph -Scopes "${value}") or your own app registration.`,
      {
        kind: 'command',
        label: 'Try the scope with Azure CLI',
        shell: 'bash',
        text: `az login --scope ${scope}`,
      },
    ),
    'azure-powershell': fix(
      `Azure PowerShell's app registration is Microsoft's and cannot be given ${value}: use Graph PowerShell instead.`,
      {
        kind: 'command',
        label: 'Graph PowerShell with the permission',
        shell: 'powershell',
        text: `Connect-MgGraph -Scopes "${value}"`,
      },
    ),
  } as const;
  return [
    finding(
      'client-fix',
      'info',
      { appid: appId, client: client.name },
      `The token was issued to ${client.name}, a Microsoft app: the fix is in how you sign in with it, not in an app registration of yours.`,
      byKind[client.kind],
    ),
  ];
};
