// The one home of per-cloud facts: sign-in and issuer hosts, Graph, the B2C and External ID host
// suffixes, labels and tool names. Every other layer (and the build's CSP) reads them from here.
// Only type imports: scripts/vite-csp.ts loads this file at build time.
import type { Cloud, IssuerKind } from './types';

/** What one national cloud is made of, as far as tokens, sign-in and Graph go. */
export interface CloudFacts {
  readonly cloud: Cloud;
  /** Short name for pickers and sentences, e.g. "US Government". */
  readonly label: string;
  /** The sign-in host for authorize, admin-consent and metadata URLs. */
  readonly loginHost: string;
  /** Every host that serves sign-in, OpenID metadata and keys (what the CSP allows), loginHost first. */
  readonly signInHosts: readonly string[];
  /** The v1 issuer host (`https://sts…/{tenant}/`), whose metadata lives at `loginHost`; null when none. */
  readonly stsHost: string | null;
  /** Other hosts Entra has written into `iss` (never contacted). */
  readonly legacyIssuerHosts: readonly string[];
  /** Azure AD B2C tenants' host suffix, e.g. ".b2clogin.com". */
  readonly b2cHostSuffix: string | null;
  /** Microsoft Entra External ID (CIAM) tenants' host suffix, e.g. ".ciamlogin.com". */
  readonly ciamHostSuffix: string | null;
  /** Microsoft Graph base URL (no trailing slash). */
  readonly graphUrl: string;
  /** Every Graph host of the cloud (US Government has a DoD one too), graphUrl's host first. */
  readonly graphHosts: readonly string[];
  /** `Connect-MgGraph -Environment` value; null for the default (Global). */
  readonly mgEnvironment: string | null;
  /** `az cloud set --name` value. */
  readonly azCloud: string;
}

// Hosts from https://learn.microsoft.com/en-us/graph/deployments and the Entra national-cloud endpoints.
export const CLOUDS: Readonly<Record<Cloud, CloudFacts>> = {
  public: {
    cloud: 'public',
    label: 'Public (global)',
    loginHost: 'login.microsoftonline.com',
    signInHosts: ['login.microsoftonline.com'],
    stsHost: 'sts.windows.net',
    legacyIssuerHosts: ['login.windows.net'],
    b2cHostSuffix: '.b2clogin.com',
    ciamHostSuffix: '.ciamlogin.com',
    graphUrl: 'https://graph.microsoft.com',
    graphHosts: ['graph.microsoft.com'],
    mgEnvironment: null,
    azCloud: 'AzureCloud',
  },
  usgov: {
    cloud: 'usgov',
    label: 'US Government',
    loginHost: 'login.microsoftonline.us',
    signInHosts: ['login.microsoftonline.us'],
    stsHost: null,
    legacyIssuerHosts: [],
    b2cHostSuffix: '.b2clogin.us',
    ciamHostSuffix: null,
    graphUrl: 'https://graph.microsoft.us',
    graphHosts: ['graph.microsoft.us', 'dod-graph.microsoft.us'],
    mgEnvironment: 'USGov',
    azCloud: 'AzureUSGovernment',
  },
  china: {
    cloud: 'china',
    label: 'China (21Vianet)',
    loginHost: 'login.chinacloudapi.cn',
    signInHosts: ['login.chinacloudapi.cn', 'login.partner.microsoftonline.cn'],
    stsHost: 'sts.chinacloudapi.cn',
    legacyIssuerHosts: [],
    b2cHostSuffix: '.b2clogin.cn',
    ciamHostSuffix: null,
    graphUrl: 'https://microsoftgraph.chinacloudapi.cn',
    graphHosts: ['microsoftgraph.chinacloudapi.cn'],
    mgEnvironment: 'China',
    azCloud: 'AzureChinaCloud',
  },
};

/** The clouds, in the order the UI lists them. */
export const CLOUD_IDS: readonly Cloud[] = ['public', 'usgov', 'china'];

const originsOf = (pick: (c: CloudFacts) => readonly string[]): string[] =>
  CLOUD_IDS.flatMap((id) => pick(CLOUDS[id]).map((h) => `https://${h}`));

// Pure calls, so the app's bundle (which never reads these; the build's CSP does) leaves them out.
/** `https://` origins of every cloud's sign-in hosts (token, metadata and key requests). */
export const SIGN_IN_ORIGINS: readonly string[] = /* @__PURE__ */ originsOf((c) => c.signInHosts);

/** `https://` origins of Microsoft Graph in every cloud. */
export const GRAPH_ORIGINS: readonly string[] = /* @__PURE__ */ originsOf((c) => c.graphHosts);

/** The Microsoft Graph appId, the same in every cloud. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

// Lower-case host → cloud, for the hosts Entra ID (not B2C or External ID) issues tokens from.
const ENTRA_ISSUER_HOSTS: ReadonlyMap<string, Cloud> = new Map(
  CLOUD_IDS.flatMap((id) => {
    const c = CLOUDS[id];
    const hosts = [...c.signInHosts, ...(c.stsHost ? [c.stsHost] : []), ...c.legacyIssuerHosts];
    return hosts.map((h): [string, Cloud] => [h, id]);
  }),
);

/**
 * Issuer kind and cloud for a host name (lower case, no port). Exact hosts for Entra ID; the B2C and
 * External ID suffixes need at least one label before them. Does not resolve or trust the host.
 */
export function issuerOfHost(host: string): { kind: IssuerKind; cloud: Cloud | null } {
  const h = host.toLowerCase();
  const entra = ENTRA_ISSUER_HOSTS.get(h);
  if (entra !== undefined) return { kind: 'entra', cloud: entra };
  for (const id of CLOUD_IDS) {
    const { b2cHostSuffix: b2c, ciamHostSuffix: ciam } = CLOUDS[id];
    if (b2c !== null && h.length > b2c.length && h.endsWith(b2c)) return { kind: 'entra-b2c', cloud: id };
    if (ciam !== null && h.length > ciam.length && h.endsWith(ciam))
      return { kind: 'entra-external-id', cloud: id };
  }
  return { kind: 'other', cloud: null };
}

/**
 * The sign-in host that publishes an Entra issuer host's metadata and keys: the host itself for sign-in
 * hosts, the cloud's `loginHost` for the v1 `sts` host; null for anything else (B2C, External ID,
 * legacy hosts, foreign issuers).
 */
export function metadataHostOf(host: string): string | null {
  const h = host.toLowerCase();
  for (const id of CLOUD_IDS) {
    const c = CLOUDS[id];
    if (c.signInHosts.includes(h)) return h;
    if (c.stsHost === h) return c.loginHost;
  }
  return null;
}

/** Reads a `cloud=` parameter; null for anything but `public`, `usgov`, `china`. */
export function parseCloud(value: string | null | undefined): Cloud | null {
  const v = (value ?? '').trim().toLowerCase();
  return v === 'public' || v === 'usgov' || v === 'china' ? v : null;
}
