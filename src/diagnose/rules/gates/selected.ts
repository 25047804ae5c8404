import type { Rule } from '../../context';
import { factsOf, has } from '../derive';
import { finding } from '../finding';

/**
 * Sites.Selected and the other `*.Selected` scopes: consent alone gives no access; the app also needs a
 * grant on each site, list, item or file (POST /sites/{id}/permissions), which the token does not show.
 * Source: graph-rules/sharepoint-selected-scopes.json.
 */
export const selectedScopesRule: Rule = (ctx) => {
  const { gates } = ctx;
  const f = factsOf(ctx);
  if (!gates || !f || !f.checkPermissions) return [];
  const selected = gates.selected.scopes.filter((s) => has(f.held, s.scope));
  if (selected.length === 0) return [];
  // Only where the Selected scope is what the token relies on: SharePoint and OneDrive paths.
  const path = f.request.normalisedPath;
  const sharepoint = f.request.api === 'graph' && /^\/(?:sites|drives)(?:\/|$)/.test(path);
  const relies = f.present.some((p) => selected.some((s) => s.scope.toLowerCase() === p.value.toLowerCase()));
  if (!relies && !sharepoint) return [];
  const site = gates.selected.grants.find((g) => g.level === 'site');
  const appId = f.c.clientId ?? '<client app id>';
  const body = JSON.stringify({ roles: ['read'], grantedTo: [{ application: { id: appId } }] });
  return [
    finding(
      'gate-selected-grant',
      'warning',
      { scopes: selected.map((s) => s.scope), appid: f.c.clientId },
      `The token carries ${selected.map((s) => s.scope).join(', ')}, which gives access only to the sites, lists, items or files granted to this app one by one. The token cannot show those grants; without one on this resource the API answers 403.`,
      {
        text: `An admin with Sites.FullControl.All grants the app a role (${gates.selected.roles.join(', ')}) on the site: POST /sites/{site-id}/permissions.`,
        actions: [
          {
            kind: 'command',
            label: 'Grant the app read access to one site',
            shell: 'http',
            text: `POST https://graph.microsoft.com/v1.0/sites/{site-id}/permissions\nContent-Type: application/json\n\n${body}`,
          },
          { kind: 'doc', label: 'Selected permissions overview', url: gates.selected.doc },
          ...(site ? [{ kind: 'doc' as const, label: 'Create site permission', url: site.doc }] : []),
        ],
      },
    ),
  ];
};
