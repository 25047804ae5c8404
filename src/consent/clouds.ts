import type { Cloud } from '../token';

/** Per-cloud endpoints and tool names the builders need. */
export interface CloudInfo {
  readonly cloud: Cloud;
  readonly label: string;
  /** Sign-in host for authorize and admin-consent URLs. */
  readonly loginHost: string;
  /** Microsoft Graph base URL (no trailing slash). */
  readonly graphUrl: string;
  /** `Connect-MgGraph -Environment` value; null for the default (Global). */
  readonly mgEnvironment: string | null;
  /** `az cloud set --name` value. */
  readonly azCloud: string;
}

// Hosts from https://learn.microsoft.com/en-us/graph/deployments (national cloud deployments).
const CLOUDS: Readonly<Record<Cloud, CloudInfo>> = {
  public: {
    cloud: 'public',
    label: 'Public (global)',
    loginHost: 'login.microsoftonline.com',
    graphUrl: 'https://graph.microsoft.com',
    mgEnvironment: null,
    azCloud: 'AzureCloud',
  },
  usgov: {
    cloud: 'usgov',
    label: 'US Government',
    loginHost: 'login.microsoftonline.us',
    graphUrl: 'https://graph.microsoft.us',
    mgEnvironment: 'USGov',
    azCloud: 'AzureUSGovernment',
  },
  china: {
    cloud: 'china',
    label: 'China (21Vianet)',
    loginHost: 'login.chinacloudapi.cn',
    graphUrl: 'https://microsoftgraph.chinacloudapi.cn',
    mgEnvironment: 'China',
    azCloud: 'AzureChinaCloud',
  },
};

/** The clouds, in the order the UI lists them. */
export const CLOUD_IDS: readonly Cloud[] = ['public', 'usgov', 'china'];

/** Endpoints for a cloud. Does not validate: the type already limits it. */
export function getCloudInfo(cloud: Cloud): CloudInfo {
  return CLOUDS[cloud];
}

/** Reads a `cloud=` parameter; null for anything but `public`, `usgov`, `china`. */
export function parseCloud(value: string | null | undefined): Cloud | null {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'public' || v === 'usgov' || v === 'china' ? v : null;
}

/** Microsoft Graph resource URLs of every cloud (including US DoD), without trailing slash. */
const GRAPH_RESOURCES: readonly string[] = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
];

/** The Microsoft Graph appId, the same in every cloud. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** Which cloud a Graph resource URL belongs to, or null when it is not a Graph URL. */
export function graphResourceCloud(resource: string): Cloud | null {
  const r = resource.replace(/(?<!\/)\/+$/, '').toLowerCase();
  if (!GRAPH_RESOURCES.includes(r)) return null;
  if (r.endsWith('.us')) return 'usgov';
  if (r.endsWith('.cn')) return 'china';
  return 'public';
}
