/**
 * Service error codes other than AADSTS, in our own words: Microsoft Graph, Exchange, SharePoint,
 * Microsoft.IdentityModel (IDX), Azure Resource Manager, Key Vault and Storage. Keyed by lower-cased
 * code in Maps, so a pasted code such as `constructor` is simply unknown.
 */

/** What a service error code means and what to change. */
export interface ServiceCodeExplanation {
  /** The code as services write it. */
  readonly code: string;
  readonly title: string;
  readonly meaning: string;
  readonly fix: string;
  readonly link: string;
}

type Row = readonly [code: string, title: string, meaning: string, fix: string, link: string];

const GRAPH_ERRORS = 'https://learn.microsoft.com/en-us/graph/errors';
const ACCESS_TOKENS = 'https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens';
const ARM_TROUBLESHOOT = 'https://learn.microsoft.com/en-us/azure/role-based-access-control/troubleshooting';
const KV_RBAC = 'https://learn.microsoft.com/en-us/azure/key-vault/general/rbac-guide';
const STORAGE_AUTH =
  'https://learn.microsoft.com/en-us/azure/storage/blobs/authorize-access-azure-active-directory';
const IDX_DOC = 'https://learn.microsoft.com/en-us/entra/identity-platform/claims-validation';

const SERVICE_ROWS: readonly Row[] = [
  [
    'Authorization_RequestDenied',
    'Insufficient privileges',
    'Graph checked the token and found neither a permission this operation accepts nor (for a delegated token) a directory role or ownership that lets the signed-in user do it.',
    'Add the least privileged permission the operation accepts and consent to it; for a delegated call also give the user the role the operation needs. Then get a new token.',
    GRAPH_ERRORS,
  ],
  [
    'Authorization_IdentityNotFound',
    'Calling app not found in the tenant',
    'Graph could not find the calling application in the tenant the token is for: the app has no service principal there (it was never consented in that tenant) or the token was requested from another tenant.',
    'Request the token from the tenant that holds the data (https://login.microsoftonline.com/<tenant-id>), and have an admin of that tenant consent to the app so that its service principal exists.',
    GRAPH_ERRORS,
  ],
  [
    'InvalidAuthenticationToken',
    'Token not accepted',
    'Graph did not accept the token itself: missing, expired, for another audience, signed for another cloud, without scp or roles, or not a JWT at all.',
    'Read the message: it names which check failed. Request a token for https://graph.microsoft.com (scope https://graph.microsoft.com/.default app-only) and send it as "Authorization: Bearer <token>".',
    GRAPH_ERRORS,
  ],
  [
    'ErrorAccessDenied',
    'Exchange refused the mailbox',
    'Exchange Online refused access to this mailbox, calendar or contact folder. For app-only calls an application access policy or RBAC for Applications scope usually limits the app to some mailboxes; for delegated calls the user has no rights on that mailbox.',
    'App-only: check Get-ApplicationAccessPolicy and Test-ApplicationAccessPolicy -Identity <mailbox> -AppId <client id> (or the RBAC for Applications management scope) in Exchange Online PowerShell. Delegated: give the user permission on the mailbox or use the *.Shared permission.',
    'https://learn.microsoft.com/en-us/exchange/permissions-exo/application-rbac',
  ],
  [
    'ErrorInvalidUser',
    'Mailbox not found',
    'The user in the path has no Exchange Online mailbox (or the ID is wrong).',
    'Check the user has a licensed Exchange Online mailbox and the ID or UPN in the path.',
    GRAPH_ERRORS,
  ],
  [
    'MailboxNotEnabledForRESTAPI',
    'Mailbox not reachable by REST',
    'The mailbox is on-premises, inactive, soft-deleted, or has no Exchange Online licence.',
    'Use a cloud mailbox with an Exchange Online licence; hybrid on-premises mailboxes need the hybrid REST setup.',
    GRAPH_ERRORS,
  ],
  [
    'accessDenied',
    'Access denied',
    'The service (often SharePoint or OneDrive behind Graph) refused the item: the token has no permission that reaches it, Sites.Selected has no grant on this site, or the user has no rights on the site or file.',
    'For Sites.Selected grant the app on the site (POST /sites/{site-id}/permissions with roles read or write). For delegated calls check the user has access to the site. Otherwise add Sites.Read.All / Files.Read.All as needed.',
    'https://learn.microsoft.com/en-us/graph/permissions-selected-overview',
  ],
  [
    'Forbidden',
    'Forbidden',
    'The service understood the token but refused the operation; the message says why.',
    'Read the message: it names the missing role, permission or state.',
    GRAPH_ERRORS,
  ],
  [
    'Unauthorized',
    'Unauthorized',
    'The service did not accept the token (401).',
    'Check that the token is for this API (aud), not expired, and sent as "Authorization: Bearer <token>".',
    ACCESS_TOKENS,
  ],
  [
    'AuthorizationFailed',
    'No role assignment grants the action',
    'Azure Resource Manager found no role assignment for the caller (the oid in the token) that grants this action at this scope or above.',
    'Assign a role that grants the action at the scope (see the roles below), then get a new token or wait a few minutes: role assignments take up to 10 minutes to apply, and cached tokens keep old group memberships.',
    ARM_TROUBLESHOOT,
  ],
  [
    'LinkedAuthorizationFailed',
    'No permission on a linked resource',
    'The caller may perform the action on the resource itself, but the operation also touches another resource (a subnet, a key, an identity) where the caller lacks the named action.',
    'Assign a role that grants the linked action on the linked scope named in the message.',
    ARM_TROUBLESHOOT,
  ],
  [
    'InvalidAuthenticationTokenTenant',
    'Token from the wrong tenant',
    'The token was issued by a tenant that does not own this subscription.',
    'Request the ARM token from the subscription’s tenant: az login --tenant <tenant-id>, or the authority https://login.microsoftonline.com/<tenant-id>.',
    ARM_TROUBLESHOOT,
  ],
  [
    'InvalidAuthenticationTokenAudience',
    'Token for another API',
    'ARM received a token whose audience is not https://management.azure.com/.',
    'Request the token for scope https://management.azure.com/.default.',
    ARM_TROUBLESHOOT,
  ],
  [
    'ExpiredAuthenticationToken',
    'Token expired',
    'The ARM token has expired.',
    'Get a new token (MSAL acquireTokenSilent, az account get-access-token, Get-AzAccessToken).',
    ARM_TROUBLESHOOT,
  ],
  [
    'RequestDisallowedByPolicy',
    'Blocked by Azure Policy',
    'An Azure Policy assignment denies this request; no role assignment changes that.',
    'Read the policy named in the message and change the request to comply, or ask for an exemption.',
    'https://learn.microsoft.com/en-us/azure/governance/policy/troubleshoot/general',
  ],
  [
    'DeniedByDenyAssignment',
    'Blocked by a deny assignment',
    'A deny assignment (from a managed application, Blueprint or deployment stack) blocks the action whatever roles the caller holds.',
    'Find the deny assignment on the scope (Access control > Deny assignments) and act through its owner.',
    ARM_TROUBLESHOOT,
  ],
  [
    'ForbiddenByRbac',
    'Key Vault RBAC: no data role',
    'The vault uses Azure RBAC, and no role assignment gives the caller the data action it needs. Owner or Contributor on the vault do not grant data access.',
    'Assign a Key Vault data role (e.g. Key Vault Secrets User to read secrets) on the vault or the single secret.',
    KV_RBAC,
  ],
  [
    'ForbiddenByPolicy',
    'Key Vault access policy missing',
    'The vault uses access policies, and none gives the caller this permission.',
    'Add an access policy for the caller’s object ID with the permission named, or move the vault to Azure RBAC and assign a data role.',
    'https://learn.microsoft.com/en-us/azure/key-vault/general/assign-access-policy',
  ],
  [
    'ForbiddenByFirewall',
    'Blocked by the vault firewall',
    'The vault’s network rules refused the caller’s IP address or network before any permission was checked.',
    'Allow the caller’s network (Networking > Firewalls and virtual networks), use a private endpoint, or allow trusted Microsoft services.',
    'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security',
  ],
  [
    'ForbiddenByConnection',
    'Blocked by the vault network settings',
    'Public network access is off or the private endpoint connection is not approved.',
    'Call through the private endpoint, or change the vault’s public network access setting.',
    'https://learn.microsoft.com/en-us/azure/key-vault/general/network-security',
  ],
  [
    'AuthorizationPermissionMismatch',
    'Storage RBAC: no data role',
    'Storage accepted the Entra token but found no role assignment with the data action this operation needs. Owner and Contributor manage the account; they do not read or write data.',
    'Assign a Storage data role (e.g. Storage Blob Data Reader to read blobs, Storage Blob Data Contributor to write) on the account or container.',
    STORAGE_AUTH,
  ],
  [
    'AuthorizationFailure',
    'Storage refused the request',
    'Often the storage firewall or a private-endpoint-only setting, before any permission is checked; sometimes a SAS or key without the needed rights.',
    'Check Networking on the storage account (allowed networks, trusted services) and that the request comes from an allowed network.',
    'https://learn.microsoft.com/en-us/azure/storage/common/storage-network-security',
  ],
  [
    'KeyBasedAuthenticationNotPermitted',
    'Shared key access disabled',
    'The account does not allow shared key (account key) authorisation.',
    'Use an Entra token with a Storage data role instead of the account key or an account SAS.',
    STORAGE_AUTH,
  ],
  [
    'AuthorizationResourceTypeMismatch',
    'SAS does not cover this resource type',
    'The SAS token does not allow this resource type (service, container, object).',
    'Issue a SAS with the right signed resource types (srt), or use an Entra token.',
    STORAGE_AUTH,
  ],
  [
    'AuthenticationFailed',
    'Storage could not authenticate the request',
    'The signature, SAS or token is malformed, expired or for another resource (a Storage token must have audience https://storage.azure.com/).',
    'Request the token for https://storage.azure.com/.default and send the x-ms-version header (2017-11-09 or later) with it.',
    STORAGE_AUTH,
  ],
  [
    'NoAuthenticationInformation',
    'No credentials sent',
    'The request carried no Authorization header or SAS.',
    'Send "Authorization: Bearer <token>" with an x-ms-version header, or a SAS.',
    STORAGE_AUTH,
  ],
];

/** Microsoft.IdentityModel codes seen in 401s from APIs built on ASP.NET Core or Microsoft.Identity.Web. */
const IDX_ROWS: readonly Row[] = [
  [
    'IDX10205',
    'Issuer validation failed',
    'The token’s iss is not one the API accepts: a v1 token (sts.windows.net) where v2 (login.microsoftonline.com/…/v2.0) is expected or the other way round, another tenant, or another cloud.',
    'Make the API accept the issuer (ValidIssuers, or the multi-tenant issuer validator), or set accessTokenAcceptedVersion in the API’s app manifest so Entra issues the version the API expects.',
    IDX_DOC,
  ],
  [
    'IDX10206',
    'No valid issuers configured',
    'The API has no issuer to compare the token with.',
    'Configure the authority or ValidIssuers in the API.',
    IDX_DOC,
  ],
  [
    'IDX10208',
    'No valid audiences configured',
    'The API has no audience to compare the token with.',
    'Configure the API’s audience (its Application ID URI or client ID).',
    IDX_DOC,
  ],
  [
    'IDX10214',
    'Audience validation failed',
    'The token’s aud is not the API’s: typically a token for Microsoft Graph, or the API’s client ID where the API expects its api://… URI (v1 tokens carry the URI, v2 tokens the client ID).',
    'Request the token for the API’s own scope (api://<api-client-id>/.default or api://<api-client-id>/<scope>), and let the API accept both its URI and its client ID as audiences.',
    IDX_DOC,
  ],
  [
    'IDX10222',
    'Token not yet valid',
    'The token’s nbf is in the future for the API: clock skew between the machines.',
    'Fix the server clock (NTP); the default allowed skew is 5 minutes.',
    IDX_DOC,
  ],
  [
    'IDX10223',
    'Token expired',
    'The token’s exp has passed.',
    'Get a new token before each call (MSAL caches and renews it).',
    IDX_DOC,
  ],
  [
    'IDX10230',
    'Lifetime check refused',
    'A custom lifetime validator refused the token.',
    'Check the API’s LifetimeValidator.',
    IDX_DOC,
  ],
  [
    'IDX10500',
    'No signing keys',
    'The API has no keys to check the signature with: its metadata (OpenID configuration) did not load.',
    'Check the API’s authority URL and that it can reach login.microsoftonline.com (proxy, firewall, cloud).',
    IDX_DOC,
  ],
  [
    'IDX10501',
    'Signing key not found',
    'No key in the API’s metadata has the token’s kid: the token is from another tenant, cloud or issuer (e.g. B2C), the keys rolled and the API’s cache is old, or the token is for another resource.',
    'Point the API at the authority that issued the token and let it refresh its keys; check that the token is for this API.',
    IDX_DOC,
  ],
  [
    'IDX10503',
    'Signature validation failed',
    'None of the keys the API tried verify the signature: usually a token for another resource (a Microsoft Graph token cannot be validated by your API), another tenant or cloud, or a token that was changed.',
    'Request a token for your API’s own scope (api://<api-client-id>/.default), not for Graph.',
    IDX_DOC,
  ],
  [
    'IDX10504',
    'Token not signed',
    'The token has no signature.',
    'Send the access token as issued, all three parts.',
    IDX_DOC,
  ],
  [
    'IDX10511',
    'Signature validation failed (keys tried)',
    'The API tried its keys and none verified the signature. The classic cause is a Microsoft Graph token sent to your own API: Graph tokens carry a nonce in the header and are only for Graph to validate.',
    'Request a token for your API’s own scope (api://<api-client-id>/.default or a scope it exposes) and send that one.',
    IDX_DOC,
  ],
  [
    'IDX10516',
    'Signature validation failed (kid mismatch)',
    'The token’s kid matches none of the keys the API has.',
    'Check the API’s authority and that the token is from that tenant and cloud.',
    IDX_DOC,
  ],
  [
    'IDX12709',
    'Token cannot be read',
    'The text sent is not a well-formed JWT.',
    'Send the access token only, without quotes or "Bearer " twice.',
    IDX_DOC,
  ],
  [
    'IDX12729',
    'Token header cannot be decoded',
    'The first part of the token is not base64url JSON.',
    'Send the token exactly as issued.',
    IDX_DOC,
  ],
  [
    'IDX12741',
    'Not a JWT',
    'The token does not have three (JWS) or five (JWE) parts: often an opaque token, or a token cut off.',
    'Send the access token; for a personal Microsoft account token or opaque token, the API cannot validate it.',
    IDX_DOC,
  ],
  ['IDX14100', 'Not a JWT', 'The token is not well formed.', 'Send the access token as issued.', IDX_DOC],
];

const toMap = (rows: readonly Row[]): ReadonlyMap<string, ServiceCodeExplanation> =>
  new Map(
    rows.map(([code, title, meaning, fix, link]) => [
      code.toLowerCase(),
      { code, title, meaning, fix, link },
    ]),
  );

const SERVICE_CODES = toMap(SERVICE_ROWS);
const IDX_CODES = toMap(IDX_ROWS);

/** Explains a service error code (Graph, Exchange, SharePoint, ARM, Key Vault, Storage); null when unknown. */
export function explainServiceCode(code: string | null): ServiceCodeExplanation | null {
  if (!code) return null;
  return SERVICE_CODES.get(code.trim().toLowerCase()) ?? null;
}

/** Explains a Microsoft.IdentityModel code ("IDX10214"); null when unknown. */
export function explainIdx(code: string | null): ServiceCodeExplanation | null {
  if (!code) return null;
  return IDX_CODES.get(code.trim().toLowerCase()) ?? null;
}

/** What a Graph `InvalidAuthenticationToken` message says failed, in our words; null for other messages. */
export function graphTokenProblem(
  message: string | null,
): { readonly what: string; readonly fix: string; readonly expiry?: true } | null {
  const m = (message ?? '').toLowerCase();
  if (m.includes('either scp or roles claim need to be present'))
    return {
      what: 'The token has neither scp nor roles: an app-only token without any application permission granted (or granted without admin consent), or a token for another resource.',
      fix: 'Add an application permission on Microsoft Graph and grant admin consent (or assign the app role to the managed identity), then request https://graph.microsoft.com/.default again.',
    };
  if (m.includes('invalid audience'))
    return {
      what: 'The token’s aud is not Microsoft Graph.',
      fix: 'Request the token with scope https://graph.microsoft.com/.default (app-only) or https://graph.microsoft.com/<permission>.',
    };
  if (m.includes('expired') || m.includes('lifetime validation failed') || m.includes('not yet valid'))
    return {
      what: 'The token has expired (or is not yet valid).',
      fix: 'Get a new token before each call; MSAL’s acquireTokenSilent renews it.',
      expiry: true,
    };
  if (m.includes('signature') || m.includes('invalid signature'))
    return {
      what: 'Graph could not verify the signature: a token from another cloud or issuer, a token that was edited, or one not issued by Entra ID.',
      fix: 'Request the token from the Entra authority of the cloud the Graph host belongs to, and send it unchanged.',
    };
  if (
    m.includes('compacttoken parsing failed') ||
    m.includes('jwt is not well formed') ||
    m.includes('not well formed')
  )
    return {
      what: 'What was sent is not a JWT access token (an ID token, a cut-off token, "Bearer" twice, or quotes around it).',
      fix: 'Send the access token only: "Authorization: Bearer eyJ…".',
    };
  if (m.includes('tenant') && (m.includes('does not exist') || m.includes('not found')))
    return {
      what: 'The tenant in the token is unknown to Graph (a personal account token, or a deleted tenant).',
      fix: 'Sign in with a work or school account of an existing tenant.',
    };
  if (m.includes('continuous access evaluation') || m.includes('token issued before revocation'))
    return {
      what: 'Continuous Access Evaluation revoked the token (password change, user disabled, session revoked, location policy).',
      fix: 'Get a new token interactively with the claims challenge from WWW-Authenticate.',
    };
  return null;
}
