import { CLOUD_IDS, CLOUDS, GRAPH_APP_ID, type Cloud } from '../token';
import type { DefenderHostFamily, RequestApi, TargetApi } from './types';

/** Graph hosts per cloud, from the one table of cloud hosts (src/token/clouds.ts). */
const graphHosts: ReadonlyMap<string, Cloud> = new Map(
  CLOUD_IDS.flatMap((cloud) => CLOUDS[cloud].graphHosts.map((host) => [host, cloud] as const)),
);

const defenderSecurityHosts = new Set([
  'api.security.microsoft.com',
  'us.api.security.microsoft.com',
  'eu.api.security.microsoft.com',
  'uk.api.security.microsoft.com',
  'au.api.security.microsoft.com',
  'swa.api.security.microsoft.com',
  'ina.api.security.microsoft.com',
  'aea.api.security.microsoft.com',
  'api-us.security.microsoft.com',
  'api-eu.security.microsoft.com',
  'api-uk.security.microsoft.com',
]);

const defenderSecuritycenterHosts: Readonly<Record<string, Cloud>> = {
  'api.securitycenter.microsoft.com': 'public',
  'api-us.securitycenter.microsoft.com': 'public',
  'api-eu.securitycenter.microsoft.com': 'public',
  'api-uk.securitycenter.microsoft.com': 'public',
  'api.securitycenter.windows.com': 'public',
  // GCC runs in the public cloud's sign-in; GCC High and DoD in US Gov (defender gov.md).
  'api-gcc.securitycenter.microsoft.us': 'public',
  'api-gov.securitycenter.microsoft.us': 'usgov',
};

/** What a request host says about the API and cloud it belongs to. */
export interface HostInfo {
  readonly api: RequestApi;
  readonly cloud: Cloud | null;
  readonly defenderHost?: DefenderHostFamily;
  /** For other Microsoft resources: the ids in src/catalog/data/gates.json it may be (one host can serve two). */
  readonly resources?: readonly string[];
}

/**
 * Hosts of the other Microsoft resources (ARM, Key Vault, Storage…), so a request is recognised at once,
 * before the resource facts load. `.x` = any subdomain of x. Kept equal to the hosts in gates.json by a
 * unit test (test/diagnose/hosts.test.ts), which is the one home of those facts.
 */
const RESOURCE_HOSTS: readonly (readonly [string, readonly string[], Cloud])[] = [
  ['management.azure.com', ['arm'], 'public'],
  ['management.usgovcloudapi.net', ['arm'], 'usgov'],
  ['management.chinacloudapi.cn', ['arm'], 'china'],
  ['.vault.azure.net', ['key-vault'], 'public'],
  ['.vault.usgovcloudapi.net', ['key-vault'], 'usgov'],
  ['.vault.azure.cn', ['key-vault'], 'china'],
  ['.blob.core.windows.net', ['storage'], 'public'],
  ['.file.core.windows.net', ['storage'], 'public'],
  ['.queue.core.windows.net', ['storage'], 'public'],
  ['.table.core.windows.net', ['storage'], 'public'],
  ['.blob.core.usgovcloudapi.net', ['storage'], 'usgov'],
  ['.file.core.usgovcloudapi.net', ['storage'], 'usgov'],
  ['.queue.core.usgovcloudapi.net', ['storage'], 'usgov'],
  ['.table.core.usgovcloudapi.net', ['storage'], 'usgov'],
  ['.blob.core.chinacloudapi.cn', ['storage'], 'china'],
  ['.queue.core.chinacloudapi.cn', ['storage'], 'china'],
  ['.table.core.chinacloudapi.cn', ['storage'], 'china'],
  ['.database.windows.net', ['sql'], 'public'],
  ['.database.usgovcloudapi.net', ['sql'], 'usgov'],
  ['.database.chinacloudapi.cn', ['sql'], 'china'],
  ['api.loganalytics.azure.com', ['log-analytics'], 'public'],
  ['api.loganalytics.io', ['log-analytics'], 'public'],
  ['api.loganalytics.us', ['log-analytics'], 'usgov'],
  ['.ods.opinsights.azure.com', ['monitor'], 'public'],
  ['.oms.opinsights.azure.com', ['monitor'], 'public'],
  ['.ods.opinsights.azure.us', ['monitor'], 'usgov'],
  ['.oms.opinsights.azure.us', ['monitor'], 'usgov'],
  ['.servicebus.windows.net', ['event-hubs', 'service-bus'], 'public'],
  ['.servicebus.usgovcloudapi.net', ['event-hubs', 'service-bus'], 'usgov'],
  ['.servicebus.chinacloudapi.cn', ['event-hubs', 'service-bus'], 'china'],
  ['.documents.azure.com', ['cosmos-db'], 'public'],
  ['.documents.azure.us', ['cosmos-db'], 'usgov'],
  ['dev.azure.com', ['devops'], 'public'],
  ['api.powerbi.com', ['power-bi'], 'public'],
  ['api.powerbigov.us', ['power-bi'], 'public'],
  ['api.high.powerbigov.us', ['power-bi'], 'usgov'],
  ['api.mil.powerbigov.us', ['power-bi'], 'usgov'],
  ['api.powerbi.cn', ['power-bi'], 'china'],
  ['.api.crm.dynamics.com', ['dataverse'], 'public'],
  ['.sharepoint.com', ['sharepoint'], 'public'],
  ['outlook.office365.com', ['exchange'], 'public'],
  ['api.partnercenter.microsoft.com', ['partner-center'], 'public'],
  ['graph.windows.net', ['aad-graph'], 'public'],
  ['graph.chinacloudapi.cn', ['aad-graph'], 'china'],
];

/** The resource ids and cloud of a host of another Microsoft resource, or null. */
export function resourceOfHost(
  host: string,
): { readonly resources: readonly string[]; readonly cloud: Cloud } | null {
  const h = host.toLowerCase();
  for (const [pattern, resources, cloud] of RESOURCE_HOSTS)
    if (pattern.startsWith('.') ? h.endsWith(pattern) && h.length > pattern.length : h === pattern)
      return { resources, cloud };
  return null;
}

/** Classifies a host name: Graph, a Defender host (and which family), or something else. */
export function classifyHost(host: string): HostInfo {
  const h = host.toLowerCase();
  const graphCloud = graphHosts.get(h);
  if (graphCloud) return { api: 'graph', cloud: graphCloud };
  if (defenderSecurityHosts.has(h)) return { api: 'defender', cloud: 'public', defenderHost: 'security' };
  const mdeCloud = defenderSecuritycenterHosts[h];
  if (mdeCloud) return { api: 'defender', cloud: mdeCloud, defenderHost: 'securitycenter' };
  const resource = resourceOfHost(h);
  if (resource) return { api: 'other', cloud: resource.cloud, resources: resource.resources };
  if (h.endsWith('.microsoft.us') || h.endsWith('.usgovcloudapi.net'))
    return { api: 'other', cloud: 'usgov' };
  if (h.endsWith('.chinacloudapi.cn') || h.endsWith('.partner.microsoftonline.cn'))
    return { api: 'other', cloud: 'china' };
  return { api: 'other', cloud: null };
}

/** Resource appIds of the APIs the rules name, as Entra registers them in every tenant (Graph's: src/token/clouds.ts). */
export const AAD_GRAPH_APP_ID = '00000002-0000-0000-c000-000000000000';
export const MDE_APP_ID = 'fc780465-2017-40d4-a0c5-307022471b92';
export const XDR_APP_ID = '8ee8fdad-f234-4243-8f3b-15c294843740';

/** The Graph resource for a host (DoD has its own). */
export function graphApiFor(host: string, cloud: Cloud | null): TargetApi {
  const resource =
    host === 'dod-graph.microsoft.us' ? 'https://dod-graph.microsoft.us' : CLOUDS[cloud ?? 'public'].graphUrl;
  return { name: 'Microsoft Graph', appId: GRAPH_APP_ID, resource };
}

/** Defender for Endpoint: the default for Defender hosts until the endpoint says otherwise. */
export const MDE_API: TargetApi = {
  name: 'Microsoft Defender for Endpoint (WindowsDefenderATP)',
  appId: MDE_APP_ID,
  resource: 'https://api.securitycenter.microsoft.com',
};

/** Defender XDR: incidents and advanced hunting, on api.security.microsoft.com only. */
export const XDR_API: TargetApi = {
  name: 'Microsoft Defender XDR (Microsoft Threat Protection)',
  appId: XDR_APP_ID,
  resource: 'https://api.security.microsoft.com',
};

/** What an `aud` names, for the audience rule. Independent of the catalog so the rule works while it loads. */
export interface AudienceInfo {
  readonly appId: string | null;
  readonly name: string;
  readonly cloud: Cloud | null;
}

const audiences: readonly [RegExp, AudienceInfo][] = [
  [
    /^https:\/\/graph\.microsoft\.com\/?$/i,
    { appId: GRAPH_APP_ID, name: 'Microsoft Graph', cloud: 'public' },
  ],
  [
    /^https:\/\/(dod-)?graph\.microsoft\.us\/?$/i,
    { appId: GRAPH_APP_ID, name: 'Microsoft Graph (US Gov)', cloud: 'usgov' },
  ],
  [
    /^https:\/\/microsoftgraph\.chinacloudapi\.cn\/?$/i,
    { appId: GRAPH_APP_ID, name: 'Microsoft Graph (China)', cloud: 'china' },
  ],
  [
    /^https:\/\/canary\.graph\.microsoft\.com\/?$/i,
    { appId: GRAPH_APP_ID, name: 'Microsoft Graph', cloud: 'public' },
  ],
  [/^00000003-0000-0000-c000-000000000000$/i, { appId: GRAPH_APP_ID, name: 'Microsoft Graph', cloud: null }],
  [
    /^https:\/\/(api|api-us|api-eu|api-uk)\.securitycenter\.(microsoft|windows)\.com\/?$/i,
    { appId: MDE_APP_ID, name: 'Microsoft Defender for Endpoint', cloud: 'public' },
  ],
  [
    /^https:\/\/api-gcc\.securitycenter\.microsoft\.us\/?$/i,
    // GCC signs in through the public cloud (defender gov.md).
    { appId: MDE_APP_ID, name: 'Microsoft Defender for Endpoint (GCC)', cloud: 'public' },
  ],
  [
    /^https:\/\/api-gov\.securitycenter\.microsoft\.us\/?$/i,
    { appId: MDE_APP_ID, name: 'Microsoft Defender for Endpoint (GCC High, DoD)', cloud: 'usgov' },
  ],
  [
    /^https:\/\/securitycenter\.onmicrosoft\.com\/windowsatpservice\/?$/i,
    { appId: MDE_APP_ID, name: 'Microsoft Defender for Endpoint', cloud: 'public' },
  ],
  [
    /^fc780465-2017-40d4-a0c5-307022471b92$/i,
    { appId: MDE_APP_ID, name: 'Microsoft Defender for Endpoint', cloud: null },
  ],
  [
    /^https:\/\/api\.security\.microsoft\.com\/?$/i,
    { appId: XDR_APP_ID, name: 'Microsoft Defender XDR', cloud: 'public' },
  ],
  [
    /^8ee8fdad-f234-4243-8f3b-15c294843740$/i,
    { appId: XDR_APP_ID, name: 'Microsoft Defender XDR', cloud: null },
  ],
  [
    /^https:\/\/graph\.windows\.net\/?$/i,
    { appId: AAD_GRAPH_APP_ID, name: 'Azure AD Graph (retired)', cloud: 'public' },
  ],
  [
    /^00000002-0000-0000-c000-000000000000$/i,
    { appId: AAD_GRAPH_APP_ID, name: 'Azure AD Graph (retired)', cloud: null },
  ],
  [
    /^https:\/\/management\.(azure\.com|core\.windows\.net)\/?$/i,
    { appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', name: 'Azure Resource Manager', cloud: 'public' },
  ],
  [
    /^https:\/\/vault\.azure\.net\/?$/i,
    { appId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', name: 'Azure Key Vault', cloud: 'public' },
  ],
  [
    /^https:\/\/storage\.azure\.com\/?$/i,
    { appId: 'e406a681-f3d4-42a8-90b6-c2b029497af1', name: 'Azure Storage', cloud: 'public' },
  ],
  [
    /^https:\/\/api\.loganalytics\.io\/?$/i,
    { appId: 'ca7f3f0b-7d91-482c-8e09-c5d840d0eac5', name: 'Log Analytics API', cloud: 'public' },
  ],
  [
    /^https:\/\/manage\.office\.com\/?$/i,
    { appId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2', name: 'Office 365 Management APIs', cloud: 'public' },
  ],
];

/** Names the API an `aud` value is for, from a small built-in table; null when it is not one of them. */
export function describeAudience(aud: string | null): AudienceInfo | null {
  if (!aud) return null;
  for (const [pattern, info] of audiences) if (pattern.test(aud.trim())) return info;
  return null;
}
