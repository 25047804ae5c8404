import type { ResourceCloudFacts, ResourceFacts } from '../../catalog';
import { findResourceByAudience } from '../../catalog';
import type { DiagnosisContext, Rule } from '../context';
import type { DiagnoseFinding } from '../types';
import { factsOf } from './derive';
import { finding } from './finding';

/** The Microsoft resource (other than Graph and Defender) a request goes to, with its facts for the cloud. */
export interface RequestResource {
  readonly candidates: readonly ResourceFacts[];
  readonly resource: ResourceFacts;
  readonly cloud: ResourceCloudFacts | null;
}

/** The resource of an ARM or data-plane request, once the resource facts have loaded; null otherwise. */
export function resourceOfRequest(ctx: DiagnosisContext): RequestResource | null {
  const { gates, request } = ctx;
  if (!gates || !request || request.api !== 'other' || !request.resources) return null;
  const ids = request.resources;
  const candidates = gates.resources.filter((r) => ids.includes(r.id));
  const resource = candidates[0];
  if (!resource) return null;
  const cloud =
    resource.clouds.find((c) => c.cloud === request.cloud && c.scope !== null) ??
    resource.clouds.find((c) => c.cloud === request.cloud) ??
    null;
  return { candidates, resource, cloud };
}

const hostOf = (aud: string): string | null => {
  const m = /^https:\/\/([^/?#]{1,253})/i.exec(aud.trim());
  return m ? (m[1] ?? '').toLowerCase() : null;
};

/** Does the token's audience name this resource (by audience URI, app ID, or the account's own host)? */
function audienceNames(
  aud: string | null,
  host: string,
  target: RequestResource,
  ctx: DiagnosisContext,
): boolean {
  if (!aud || !ctx.gates) return false;
  const known = findResourceByAudience(ctx.gates, aud);
  if (known && target.candidates.some((r) => r.id === known.resource.id)) return true;
  // Account-scoped audiences: https://<account>.blob.core.windows.net, https://<org>.crm.dynamics.com…
  const audHost = hostOf(aud);
  if (audHost === null) return false;
  return audHost === host || host === audHost.replace(/^([^.]+)\./, '$1.api.');
}

const scopeText = (cloud: ResourceCloudFacts | null): string | null => {
  if (!cloud?.scope) return null;
  return cloud.unverified.includes('scope')
    ? `"${cloud.scope}" (built from the documented resource URI; not confirmed verbatim in a Microsoft doc)`
    : `"${cloud.scope}"`;
};

/**
 * Every Microsoft resource the token can be for: the audience must name the resource of the request
 * host (ARM, Key Vault, Storage, SQL, Log Analytics, Service Bus, Event Hubs, Cosmos DB, DevOps, Power BI,
 * Dataverse, SharePoint, Exchange, Partner Center, Azure AD Graph), with the exact scope to request when
 * it does not; Azure RBAC decides the rest, which the token cannot show. Source: audiences/.
 */
export const resourceRule: Rule = (ctx) => {
  const target = resourceOfRequest(ctx);
  const request = ctx.request;
  if (!target || !request) return [];
  const out: DiagnoseFinding[] = [];
  const { resource, cloud } = target;
  if (resource.retired)
    out.push(
      finding(
        'retired-api',
        'warning',
        { host: request.host },
        `${request.host} is ${resource.name}: Microsoft is retiring it in favour of Microsoft Graph, and new apps cannot use it (the retirement date is not confirmed in the sources this tool reads).`,
        {
          text: 'Move the call to the equivalent Microsoft Graph endpoint, with a token for https://graph.microsoft.com.',
          actions: [
            {
              kind: 'doc',
              label: 'Migrate from Azure AD Graph',
              url: 'https://learn.microsoft.com/graph/migrate-azure-ad-graph-overview',
            },
          ],
        },
      ),
    );
  const f = factsOf(ctx);
  if (!f || f.isIdToken) return out;
  const scope = scopeText(cloud);
  if (!audienceNames(f.c.audience, request.host, target, ctx)) {
    const names = target.candidates.map((r) => r.name).join(' or ');
    const known = f.c.audience && ctx.gates ? findResourceByAudience(ctx.gates, f.c.audience) : null;
    const what = known ? known.resource.name : f.c.audience ? `"${f.c.audience}"` : 'no API (aud is missing)';
    out.push(
      finding(
        'wrong-audience',
        'error',
        { aud: f.c.audience, host: request.host },
        `The token is for ${what}, but the request goes to ${names} (${request.host}). The resource rejects a token issued for another one (401).`,
        scope
          ? `Request the token for ${resource.name}: scope ${scope}${f.appOnly ? ' (client credentials use /.default)' : ''}.`
          : `Request the token for ${resource.name} (its resource URI followed by /.default).`,
      ),
    );
    return out;
  }
  if (resource.azureRbac && !ctx.answer) {
    const oid = f.oid ?? '<object id>';
    const armScope = /^\/subscriptions\/[^/]+(?:\/resourcegroups\/[^/]+)?/i.exec(request.path)?.[0] ?? null;
    out.push(
      finding(
        'azure-rbac',
        'warning',
        { host: request.host, oid: f.oid },
        `Can't tell from the token: ${resource.name} calls are decided by Azure RBAC, a role assignment for this ${f.appOnly ? 'service principal' : 'user'} (object ID ${oid}) on the resource or a scope above it, which the token does not show.${resource.id === 'arm' ? '' : ' Data-plane calls need a role with data actions: Owner and Contributor manage the resource but do not give access to its data.'}`,
        {
          text: `Check the role assignments of ${oid}${armScope ? ` at ${armScope}` : ' on the resource'}; if the API answers 403, paste its error here to see which action and role it needs.`,
          actions: [
            {
              kind: 'command',
              label: 'List the role assignments of this principal',
              shell: 'bash',
              text: `az role assignment list --assignee ${oid} --all${armScope ? ` --scope ${armScope}` : ''} --output table`,
            },
            {
              kind: 'command',
              label: 'The same in Azure PowerShell',
              shell: 'powershell',
              text: `Get-AzRoleAssignment -ObjectId ${oid}${armScope ? ` -Scope ${armScope}` : ''}`,
            },
          ],
        },
      ),
    );
  }
  return out;
};
