import type { AadstsExplanation } from './types';

/** Microsoft's list of Entra sign-in error codes; every entry below links here. */
export const AADSTS_REFERENCE =
  'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes';

type Entry = readonly [code: string, title: string, explanation: string, fix: string];

// Our own wording. Keep one line each; the Microsoft page has the official text.
const entries: readonly Entry[] = [
  [
    '16000',
    'Account picker needed',
    'Several accounts are signed in and none was chosen, or the chosen one is not in this tenant.',
    'Sign in again and pick the account that belongs to the tenant; pass login_hint or prompt=select_account.',
  ],
  [
    '16001',
    'Pick an account',
    'The session has more than one account and the app must let the user choose.',
    'Send prompt=select_account or a login_hint.',
  ],
  [
    '50001',
    'Resource not in tenant',
    'The API (resource) asked for does not exist in this tenant, or the scope URI is misspelt.',
    "Check the resource/scope URI (e.g. https://api.securitycenter.microsoft.com/.default) and that the API's service principal exists in the tenant.",
  ],
  [
    '50011',
    'Redirect URI mismatch',
    'The redirect URI in the request is not one registered on the app.',
    'Add the exact redirect URI (scheme, host, port, path, trailing slash) to the app registration under the right platform.',
  ],
  [
    '50020',
    'User from another tenant',
    'The user is not a member or guest of the tenant the app signs into, or a personal account used a single-tenant app.',
    'Invite the user as a guest, sign in to their home tenant, or make the app multi-tenant.',
  ],
  [
    '50034',
    'User does not exist',
    'No user with that sign-in name in this tenant.',
    'Check the user name and that you sign in to the right tenant.',
  ],
  [
    '50053',
    'Account locked',
    'Too many failed sign-ins (smart lockout) or sign-in from a blocked IP.',
    'Wait for the lockout to expire or have an admin unlock the account.',
  ],
  [
    '50055',
    'Password expired',
    "The user's password has expired.",
    'Have the user change the password, then retry.',
  ],
  ['50057', 'Account disabled', 'The user account is disabled.', 'An admin must enable the account.'],
  [
    '50058',
    'No session',
    'Silent sign-in was asked for but there is no signed-in session.',
    'Fall back to interactive sign-in.',
  ],
  [
    '50059',
    'Tenant not identified',
    'Neither the request nor the credentials say which tenant to use.',
    'Use a tenant-specific authority (https://login.microsoftonline.com/<tenant>) instead of /common for this account.',
  ],
  [
    '50076',
    'MFA required',
    'A policy needs multi-factor authentication for this resource and none was done.',
    'Sign in interactively so the user can complete MFA.',
  ],
  [
    '50079',
    'MFA registration required',
    'The user must register for multi-factor authentication first.',
    'Sign in interactively and complete MFA registration.',
  ],
  [
    '50105',
    'User not assigned to the app',
    'The app requires assignment and this user (or their group) is not assigned.',
    'Assign the user or a group in Enterprise applications > Users and groups, or turn off "Assignment required".',
  ],
  [
    '50126',
    'Wrong user name or password',
    'The credentials are not valid.',
    'Check the user name and password; for federated users check the identity provider.',
  ],
  [
    '50128',
    'Unknown domain',
    "The sign-in name's domain is not a tenant Entra knows.",
    'Check the domain in the user name or the tenant in the authority.',
  ],
  [
    '50132',
    'Session revoked',
    'The session ended because the password changed or the token was revoked.',
    'Sign in again.',
  ],
  [
    '50133',
    'Session invalid after password change',
    'The refresh session is no longer valid after a password change.',
    'Sign in again.',
  ],
  [
    '50140',
    'Keep me signed in interrupt',
    'The "Stay signed in?" prompt interrupted the flow.',
    'Continue the interactive sign-in; nothing is wrong.',
  ],
  [
    '50148',
    'PKCE verifier mismatch',
    'The code_verifier does not match the code_challenge sent earlier.',
    'Send the same verifier that produced the challenge (MSAL does this for you).',
  ],
  [
    '50158',
    'External challenge needed',
    'An external security check (e.g. a third-party MFA or Conditional Access control) must be satisfied.',
    'Sign in interactively and complete the challenge.',
  ],
  [
    '50173',
    'Grant expired',
    'The refresh token or code was issued before a credential change and is no longer valid.',
    'Sign in again to get a new grant.',
  ],
  [
    '53000',
    'Device not compliant',
    'Conditional Access requires a compliant or managed device.',
    'Use a compliant device or ask an admin about the policy.',
  ],
  [
    '53003',
    'Blocked by Conditional Access',
    'A Conditional Access policy blocked the sign-in.',
    'Look up the sign-in in the Entra sign-in logs (by correlation ID) to see which policy and why.',
  ],
  [
    '54005',
    'Code already used',
    'The authorisation code was already redeemed.',
    'Redeem each code once; start a new sign-in for a new code.',
  ],
  [
    '65001',
    'Consent missing',
    'The app has not been given consent for the permissions it asks for, by the user or an admin.',
    'Grant consent: an admin can use the consent link; or request the permission interactively so the user can consent.',
  ],
  [
    '65004',
    'Consent declined',
    'The user declined the consent prompt.',
    'Sign in again and accept, or have an admin grant consent for the tenant.',
  ],
  [
    '65005',
    'Misconfigured app or API',
    'The app asks for permissions the API does not expose, the API is not in the tenant, or required access is misconfigured.',
    "Check the requested scopes exist on that API; make sure the API's service principal exists in the tenant.",
  ],
  [
    '70000',
    'Invalid grant',
    'The grant (code, refresh token, assertion) is invalid, expired or for another client.',
    'Start a new sign-in; check the client ID and scopes match the original request.',
  ],
  [
    '70001',
    'App disabled or missing',
    'The application is disabled or not found in the tenant.',
    "Check the client ID and that the app's service principal is enabled.",
  ],
  [
    '70002',
    'Client credentials invalid',
    'The client secret or certificate is wrong or missing.',
    'Check the secret value (not its ID) or certificate thumbprint, and that it has not expired.',
  ],
  [
    '70008',
    'Code or refresh token expired',
    'The authorisation code or refresh token has expired or been revoked.',
    'Sign in again.',
  ],
  [
    '70011',
    'Invalid scope',
    'The scope is malformed or mixes resources (e.g. two APIs, or .default with named scopes).',
    'Request one resource at a time; for client credentials use exactly "<resource>/.default".',
  ],
  [
    '70016',
    'Authorisation pending',
    'Device code flow: the user has not finished signing in yet.',
    'Keep polling; this is expected until the user completes sign-in.',
  ],
  [
    '700016',
    'App not found in tenant',
    'No app with that client ID exists in the tenant, or it was never consented there.',
    'Check the client ID and tenant; for a multi-tenant app an admin must consent in that tenant first.',
  ],
  [
    '700024',
    'Assertion out of time range',
    'The client assertion (federated credential or certificate JWT) is expired or not yet valid.',
    "Check the clock and the assertion's lifetime; get a fresh federated token.",
  ],
  [
    '700027',
    'Client assertion signature invalid',
    'The certificate used to sign the client assertion is not registered on the app.',
    'Upload the certificate to the app registration, or sign with one that is there.',
  ],
  [
    '7000215',
    'Invalid client secret',
    'The client secret is wrong; often the secret ID was used instead of its value.',
    'Use the secret value shown once at creation; create a new secret if it is lost.',
  ],
  [
    '7000218',
    'Client secret or assertion missing',
    'A confidential client must authenticate, but no secret or assertion was sent.',
    'Send client_secret or client_assertion, or enable public client flows for this app.',
  ],
  [
    '7000222',
    'Client secret expired',
    'The client secret has expired.',
    'Create a new secret in the app registration and update the app.',
  ],
  [
    '700054',
    'response_type not enabled',
    'The app asked for an ID token or token from the authorise endpoint, but implicit grant is not enabled.',
    'Use the authorisation code flow with PKCE (recommended), or enable the token type in Authentication settings.',
  ],
  [
    '70043',
    'Token expired by policy',
    'The refresh token expired because of a Conditional Access sign-in frequency policy.',
    'Sign in again.',
  ],
  [
    '700082',
    'Refresh token inactive',
    'The refresh token was not used for too long and expired.',
    'Sign in again.',
  ],
  [
    '7000112',
    'App disabled',
    'The application is disabled in the tenant.',
    'An admin must enable the enterprise application.',
  ],
  [
    '80001',
    'On-premises unreachable',
    'Pass-through authentication could not reach the on-premises agent.',
    'Check the authentication agents are running.',
  ],
  [
    '81010',
    'Seamless SSO failed',
    'Seamless single sign-on could not use the Kerberos ticket.',
    'Sign in with a password; check the Seamless SSO set-up.',
  ],
  [
    '90002',
    'Tenant not found',
    'The tenant in the authority does not exist or has no active subscriptions.',
    'Check the tenant ID or domain in the authority URL.',
  ],
  [
    '90009',
    'Resource must be a GUID or URI',
    'The app asked a token for itself with a name Entra cannot resolve.',
    "Use the API's appId (GUID) or its Application ID URI as the resource.",
  ],
  [
    '90014',
    'Required field missing',
    'A required parameter (e.g. client_id, grant_type, code) is missing from the request.',
    'Check the request parameters against the flow you use.',
  ],
  [
    '90072',
    'User not in tenant',
    'The account must first be added as an external user in the tenant.',
    'Invite the user as a guest, or sign in to their home tenant.',
  ],
  [
    '90094',
    'Admin consent required',
    'The permissions asked for need an administrator to consent.',
    'Ask an admin to grant consent (the consent link builder makes the URL).',
  ],
  [
    '90099',
    'Admin consent required (not granted)',
    'The app has not been authorised in this tenant; an admin must consent first.',
    'Ask an admin to grant consent for the tenant.',
  ],
  [
    '90008',
    'Consent needed for a required app',
    'The user must consent to the app (or a required resource such as Graph) first.',
    'Sign in interactively and consent, or have an admin consent.',
  ],
  [
    '500011',
    'Resource principal not found',
    'The API named in the scope has no service principal in this tenant, or the URI is wrong.',
    'Check the resource URI; for an API from another tenant, consent to it (or install it) in this tenant first.',
  ],
  [
    '500113',
    'No reply address',
    'The app has no redirect URI registered.',
    'Register a redirect URI on the app.',
  ],
  [
    '500133',
    'Assertion not in valid time',
    'The on-behalf-of assertion (the incoming token) has expired.',
    'Acquire a fresh incoming token before calling on-behalf-of.',
  ],
  [
    '501481',
    'Code verifier mismatch',
    'The PKCE code verifier does not match the challenge.',
    'Send the verifier that generated the challenge.',
  ],
  [
    '530003',
    'Device must be managed',
    'Conditional Access requires a managed device to reach this resource.',
    'Use a managed (Intune or hybrid joined) device.',
  ],
  [
    '530032',
    'Blocked by security defaults or policy',
    'Security policy blocked the sign-in (e.g. security defaults).',
    'Review the sign-in log by correlation ID.',
  ],
  [
    '9002313',
    'Malformed request',
    'The request to the authorise or token endpoint is malformed (bad parameter encoding).',
    'Check the URL encoding of each parameter, especially scope and redirect_uri.',
  ],
  [
    '9002326',
    'Cross-origin redemption not allowed',
    'An SPA redeemed a code, but the redirect URI is registered as "Web" rather than "Single-page application".',
    'Move the redirect URI to the Single-page application platform.',
  ],
  [
    '240002',
    'ID token used as grant',
    'An ID token was sent where an access token or assertion is required.',
    'Send an access token for the API; ID tokens are for the client only.',
  ],
  [
    '1002016',
    'TLS too old',
    'The client uses TLS 1.0 or 1.1, which are not accepted.',
    'Use TLS 1.2 or later.',
  ],
  [
    '650052',
    'Resource service principal missing',
    'The app asks for a permission on an API (resource) that has no service principal in this tenant: the API or its licence/subscription is not provisioned there, or it was deleted.',
    'Provision the API in the tenant (turn on the service or licence, or create its service principal with New-MgServicePrincipal -AppId <resource app id>), or remove that permission from the app registration.',
  ],
  [
    '650056',
    'Misconfigured app',
    "The app's requested permissions are not set up for this resource, or an admin has not consented to them in this tenant.",
    'Add the permission under API permissions (of the right type: application for app-only) and grant admin consent; check the scope is requested from the same resource.',
  ],
  [
    '650057',
    'Invalid resource',
    "The scope names a resource (API) that is not in the app's requested permissions list.",
    'Add that API and permission to the app registration (API permissions), consent, and request scope "<resource>/.default" or a permission it lists.',
  ],
  [
    '1002012',
    'Bad scope in token request',
    'The scope parameter names no resource, or mixes a bare permission name with one from another API.',
    'Ask for "<resource>/.default" or full scope URIs of one resource, e.g. https://graph.microsoft.com/User.Read.',
  ],
  [
    '50000',
    'Token issuance error',
    'Entra ID had a problem issuing the token.',
    'Retry; if it persists, quote the trace and correlation IDs to support.',
  ],
  [
    '50005',
    'Device platform blocked',
    'A Conditional Access policy blocks this device platform or an unsupported one.',
    'Sign in from a supported, compliant device, or ask the admin about the Conditional Access policy.',
  ],
  [
    '50012',
    'Client assertion invalid',
    'The client assertion (certificate-signed JWT) failed validation: wrong audience, expired, or signed with a certificate the app does not have.',
    'Upload the certificate to the app registration and sign the assertion for aud https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token with a fresh exp.',
  ],
  [
    '50013',
    'Assertion invalid',
    'The assertion (an on-behalf-of or SAML assertion) is expired, for another audience or badly signed.',
    'Pass a current access token issued for your API as the assertion (OBO), not an ID token or a token for Graph.',
  ],
  [
    '50027',
    'Invalid JWT',
    'The JWT sent as assertion is malformed, missing a claim or not signed.',
    'Send a well-formed, signed JWT with iss, sub, aud, exp and jti claims.',
  ],
  [
    '50097',
    'Device authentication required',
    'Conditional Access requires a registered or compliant device, and this sign-in has no device identity.',
    'Join or register the device (and use a browser or broker that passes its identity), or ask the admin about the policy.',
  ],
  [
    '50107',
    'Federation realm not configured',
    'The requested federation realm does not exist in the tenant.',
    'Check the tenant and domain federation settings.',
  ],
  [
    '50125',
    'Sign-in interrupted by password reset',
    'The sign-in was interrupted by a password reset or registration.',
    'Complete the password reset or registration, then sign in again.',
  ],
  [
    '50127',
    'Broker app needed',
    'Conditional Access needs a broker app (Authenticator or Company Portal) to prove device state.',
    'Install the broker app and sign in through it.',
  ],
  [
    '50129',
    'Device not workplace joined',
    'A device-based policy needs a workplace-joined device.',
    'Register the device with the organisation, then retry.',
  ],
  [
    '50131',
    'Conditional Access failed',
    'A Conditional Access policy blocked the sign-in (device state, location or risk).',
    'Check the sign-in log entry for the policy that applied and meet its requirement.',
  ],
  [
    '50199',
    'Confirm the app',
    'For security, Entra asks the user to confirm this is the app they meant to sign in to (common with custom URI redirects).',
    'The user confirms; developers can avoid it by using a redirect URI that is not a custom scheme.',
  ],
  [
    '51004',
    'User not in directory',
    'The user account does not exist in the directory of the tenant used.',
    'Sign in with an account of that tenant, or invite the user as a guest.',
  ],
  [
    '53001',
    'Device not domain joined',
    'A Conditional Access policy needs a domain-joined device.',
    'Use a hybrid-joined device, or ask the admin about the policy.',
  ],
  [
    '53002',
    'Unapproved client app',
    'A Conditional Access policy allows only approved client apps.',
    'Use an approved app (for example Outlook mobile) instead.',
  ],
  [
    '65002',
    'First-party consent needed',
    'A Microsoft first-party app needs pre-authorisation for this API; consent cannot be given interactively.',
    'Use your own app registration for this API, or ask the API owner to pre-authorise the client.',
  ],
  [
    '70003',
    'Unsupported grant type',
    'The token endpoint does not support the grant type the app sent.',
    'Use a supported grant (authorization_code, client_credentials, refresh_token, urn:ietf:params:oauth:grant-type:jwt-bearer, device_code).',
  ],
  [
    '700051',
    'Response type not enabled',
    'The app asked for a response type (e.g. token for the implicit flow) that the registration does not enable.',
    'Use the auth code flow with PKCE, or enable the implicit grant on the registration if you must.',
  ],
];

const byCode: ReadonlyMap<string, AadstsExplanation> = new Map(
  entries.map(([code, title, explanation, fix]) => [
    code,
    { code, title, explanation, fix, link: AADSTS_REFERENCE },
  ]),
);

/** How many AADSTS codes are explained. */
export const AADSTS_CODE_COUNT = byCode.size;

/**
 * Explains an AADSTS sign-in error code ("AADSTS65001" or "65001") in our words, with the Microsoft
 * reference link. Returns null for codes not in the table; does not guess.
 */
export function explainAadsts(code: string): AadstsExplanation | null {
  const m = /^(?:AADSTS)?(\d{4,8})$/i.exec(code.trim());
  return m ? (byCode.get(m[1] ?? '') ?? null) : null;
}
