/**
 * Answers people paste, one or more per error family issue 13 lists, as the text a user copies: shared by
 * the rule tests, the property tests and the table-driven app tests, so every family is tried everywhere.
 */
export interface PastedAnswer {
  /** The family and case, for test names. */
  readonly name: string;
  readonly text: string;
}

const claims = btoa('{"access_token":{"nbf":{"essential":true,"value":"1800000000"}}}');

export const ARM_DENIED = `{"error":{"code":"AuthorizationFailed","message":"The client 'bbbbbbbb-0000-0000-0000-000000000002' with object id 'dddddddd-0000-0000-0000-000000000004' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1' or the scope is invalid. If access was recently granted, please refresh your credentials."}}`;

export const KEY_VAULT_RBAC = `{"error":{"code":"Forbidden","message":"Caller is not authorized to perform action on resource.\\r\\nCaller: appid=bbbbbbbb-0000-0000-0000-000000000002;oid=dddddddd-0000-0000-0000-000000000004;iss=https://sts.windows.net/t/\\r\\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\\r\\nResource: '/subscriptions/s/resourcegroups/rg1/providers/microsoft.keyvault/vaults/kv1/secrets/db'\\r\\n","innerError":{"code":"ForbiddenByRbac"}}}`;

export const STORAGE_MISMATCH = `HTTP/1.1 403 This request is not authorized to perform this operation using this permission.
x-ms-error-code: AuthorizationPermissionMismatch

<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.</Message></Error>`;

export const CAE_CHALLENGE = `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="", error="insufficient_claims", claims="${claims}"\nx-ms-diagnostics: 2000008;reason="The token has been revoked.";error_category="invalid_token"\n\n{"error":{"code":"InvalidAuthenticationToken","message":"Continuous access evaluation resulted in challenge"}}`;

export const DEFENDER_MISSING =
  '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite."}}';

/** An AADSTS code in Microsoft's list that has no explanation of ours (its short name comes from the lazy list). */
export const UNCOMMON_AADSTS = 'AADSTS17003: Credential key provisioning failed.';

export const PASTED_ANSWERS: readonly PastedAnswer[] = [
  {
    name: 'AADSTS65001',
    text: 'AADSTS65001: The user or administrator has not consented to use the application.',
  },
  {
    name: 'AADSTS50105',
    text: 'AADSTS50105: The signed in user is not assigned to a role for the application.',
  },
  {
    name: 'AADSTS700016',
    text: "AADSTS700016: Application with identifier 'x' was not found in the directory.",
  },
  { name: 'AADSTS7000215', text: 'AADSTS7000215: Invalid client secret provided.' },
  { name: 'AADSTS53003', text: 'AADSTS53003: Access has been blocked by Conditional Access policies.' },
  { name: 'AADSTS uncommon', text: UNCOMMON_AADSTS },
  {
    name: 'Graph Authorization_RequestDenied',
    text: '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}',
  },
  {
    name: 'Graph/Exchange ErrorAccessDenied',
    text: '{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}',
  },
  {
    name: 'Graph invalid audience',
    text: '{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience."}}',
  },
  {
    name: 'Graph "Either scp or roles"',
    text: '{"error":{"code":"InvalidAuthenticationToken","message":"Either scp or roles claim need to be present in the token."}}',
  },
  {
    name: 'Graph identity not established',
    text: '{"error":{"code":"Authorization_IdentityNotFound","message":"The identity of the calling application could not be established."}}',
  },
  {
    name: 'Graph expired token',
    text: '{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired."}}',
  },
  { name: 'SharePoint accessDenied', text: '{"error":{"code":"accessDenied","message":"Access denied"}}' },
  { name: 'IDX10511', text: 'IDX10511: Signature validation failed. Keys tried: ...' },
  {
    name: 'IDX10214',
    text: "IDX10214: Audience validation failed. Audiences: 'https://graph.microsoft.com'.",
  },
  { name: 'IDX10205', text: 'IDX10205: Issuer validation failed. Issuer: https://sts.windows.net/t/' },
  { name: 'IDX10223', text: 'IDX10223: Lifetime validation failed. The token is expired.' },
  { name: 'ARM AuthorizationFailed', text: ARM_DENIED },
  { name: 'Key Vault ForbiddenByRbac', text: KEY_VAULT_RBAC },
  { name: 'Storage AuthorizationPermissionMismatch', text: STORAGE_MISMATCH },
  { name: 'CAE insufficient_claims', text: CAE_CHALLENGE },
  { name: 'Defender missing roles', text: DEFENDER_MISSING },
  { name: 'a bare 403', text: 'HTTP/1.1 403 Forbidden' },
];
