import type { ErrorFamily } from './error-family';

/** A short label for each family, for headings and the error panel's "Kind". One place for these words. */
export const ERROR_FAMILY_LABEL: Readonly<Record<ErrorFamily, string>> = {
  graph: 'Microsoft Graph error',
  'graph-security': 'Graph Security API refusal',
  'defender-forbidden': 'Defender: missing roles',
  'defender-disabled-feature': 'Defender: feature not enabled',
  'defender-disallowed-operation': 'Defender: operation not allowed',
  unauthorized: 'Unauthorized (401)',
  'invalid-audience': 'Invalid audience (401)',
  aadsts: 'Sign-in error (AADSTS)',
  'identity-model': 'Token validation failed (IDX)',
  'azure-rbac': 'Azure RBAC: no role assignment',
  'key-vault': 'Key Vault refusal',
  storage: 'Azure Storage refusal',
  arm: 'Azure Resource Manager error',
  exchange: 'Exchange Online refusal',
  sharepoint: 'SharePoint refusal',
  cae: 'Claims challenge (CAE)',
  unknown: 'Unrecognised error',
};

/** What each kind of pasted API error means, in our own words. One place for this prose. */
export const ERROR_KIND_TEXT: Readonly<Record<ErrorFamily, string>> = {
  graph:
    'Microsoft Graph refused the call. "Authorization_RequestDenied" or "Insufficient privileges" means the token lacks a permission this call accepts or, for a delegated token, the signed-in user lacks the directory role or ownership the operation needs: both must allow it.',
  'graph-security':
    "The Graph Security API refused the call. It checks two things: the token must carry a permission for that security resource (*.Read.All to read, *.ReadWrite.All to change), and a delegated token's user must also hold Security Reader, Security Administrator or Global Administrator.",
  'defender-forbidden':
    'Defender refused the call: the token is valid but carries none of the roles (permissions) this endpoint accepts. The API lists the roles it needs; the token needs at least one of them, of the right type (application roles for app-only tokens).',
  'defender-disabled-feature':
    "Defender says a tenant feature is not turned on. This is not a missing permission: adding roles will not help. An admin must enable the feature (for example in the Defender portal's advanced features) or the tenant needs the licence that includes it.",
  'defender-disallowed-operation':
    'Defender refused this specific operation for a reason it states in the message (for example the device or indicator is in a state or device group that does not allow it). This is not necessarily a missing permission: read the reason.',
  unauthorized:
    'The API did not accept the token at all (401): it is missing, expired, malformed, for a different API or signed for another cloud. A 401 is about the token itself, a 403 about what the token allows.',
  'invalid-audience':
    'The token was issued for a different API than the one that received it: its "aud" claim does not name this API. Request the token for this API\'s resource (scope "<resource>/.default" or "<resource>/<permission>").',
  aadsts: 'Entra ID refused to issue a token (an AADSTS sign-in error); the API was never called.',
  'identity-model':
    'An API built on Microsoft.IdentityModel (ASP.NET Core, Microsoft.Identity.Web) rejected the token while validating it (an IDX code). The code says which check failed: signature, audience, issuer or lifetime. This is a 401 about the token itself, not about permissions.',
  'azure-rbac':
    'Azure RBAC refused the call. Azure Resource Manager and the data planes of Key Vault and Storage do not read permissions from the token: they look up role assignments for the caller (the oid in the token) at the scope of the resource. A role that grants the action (or data action) must be assigned to that principal at that scope or above.',
  'key-vault':
    'Key Vault refused the call. A vault uses either Azure RBAC (role assignments with data actions such as secrets/getSecret) or the older access policies, never both; a 403 "ForbiddenByPolicy" means the access policies lack the permission, "ForbiddenByFirewall" or "ForbiddenByConnection" means the network rules blocked the caller before any permission was looked at.',
  storage:
    'Azure Storage refused the call. With an Entra token the data plane checks Azure RBAC data actions (Storage Blob Data Reader and the like), not the token\'s permissions, and the account\'s network rules and "allow shared key" settings apply before that.',
  arm: 'Azure Resource Manager refused the call. ARM tokens are for https://management.azure.com/ and carry no permissions: what a caller may do is decided by role assignments, Azure Policy and deny assignments in the subscription.',
  exchange:
    'Exchange Online refused the call. For app-only calls Exchange can limit an app to some mailboxes (application access policies, or RBAC for Applications); "ErrorAccessDenied: Access is denied. Check credentials and try again." usually means the app holds the Graph permission but a policy scopes it away from this mailbox, or a delegated user has no access to it.',
  sharepoint:
    "SharePoint refused the call. Besides the token's permissions, SharePoint checks the site: with Sites.Selected the app needs a grant on each site (POST /sites/{id}/permissions), and delegated calls can do only what the user may do on the site.",
  cae: 'The API sent a claims challenge (Continuous Access Evaluation or a Conditional Access authentication context): the token was fine when issued, but something changed (password reset, user disabled, location or policy) and the API wants a new token that satisfies the claims it names. The client must ask Entra for a new token with those claims, interactively if needed.',
  unknown:
    'This does not look like an error format this tool knows. The correlation IDs below, if any, are still worth quoting to support.',
};

/** The Microsoft pages behind the explanations. */
export const ERROR_KIND_LINK: Readonly<Record<ErrorFamily, string>> = {
  graph: 'https://learn.microsoft.com/en-us/graph/errors',
  'graph-security': 'https://learn.microsoft.com/en-us/graph/api/resources/security-api-overview',
  'defender-forbidden': 'https://learn.microsoft.com/en-us/defender-endpoint/api/common-errors',
  'defender-disabled-feature': 'https://learn.microsoft.com/en-us/defender-endpoint/api/common-errors',
  'defender-disallowed-operation': 'https://learn.microsoft.com/en-us/defender-endpoint/api/common-errors',
  unauthorized: 'https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens',
  'invalid-audience': 'https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens',
  aadsts: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
  'identity-model': 'https://learn.microsoft.com/en-us/entra/identity-platform/claims-validation',
  'azure-rbac': 'https://learn.microsoft.com/en-us/azure/role-based-access-control/troubleshooting',
  'key-vault':
    'https://learn.microsoft.com/en-us/azure/key-vault/general/troubleshoot-azure-policy-for-key-vault',
  storage: 'https://learn.microsoft.com/en-us/azure/storage/blobs/authorize-access-azure-active-directory',
  arm: 'https://learn.microsoft.com/en-us/azure/azure-resource-manager/troubleshooting/common-deployment-errors',
  exchange: 'https://learn.microsoft.com/en-us/exchange/permissions-exo/application-rbac',
  sharepoint: 'https://learn.microsoft.com/en-us/graph/permissions-selected-overview',
  cae: 'https://learn.microsoft.com/en-us/entra/identity-platform/claims-challenge',
  unknown: 'https://learn.microsoft.com/en-us/graph/errors',
};
