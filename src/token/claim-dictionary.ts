// Every claim explanation in one place, in our own words, each with the Microsoft Learn page that documents it.
// Meanings are one line; `values` explain individual values (amr methods, appidacr codes, ...).

const DOCS = 'https://learn.microsoft.com/en-us/entra/identity-platform';
/** Access token claims reference. */
export const ACCESS_LINK = `${DOCS}/access-token-claims-reference`;
/** ID token claims reference. */
export const ID_LINK = `${DOCS}/id-token-claims-reference`;
/** Optional claims reference. */
export const OPTIONAL_LINK = `${DOCS}/optional-claims-reference`;
const GROUPS_LINK = `${DOCS}/access-token-claims-reference#groups-overage-claim`;
const MI_LINK =
  'https://learn.microsoft.com/en-us/entra/identity/managed-identities-azure-resources/overview';
const CAE_LINK = `${DOCS}/app-resilience-continuous-access-evaluation`;
const AUTH_CONTEXT_LINK = `${DOCS}/developer-guide-conditional-access-authentication-context`;
const B2C_LINK = 'https://learn.microsoft.com/en-us/azure/active-directory-b2c/tokens-overview';
const ROLES_LINK =
  'https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference';

/** How a claim's value is shown. Times are not a format here: `TIME_CLAIMS` in time.ts lists them. */
export type ClaimFormat = 'text' | 'list' | 'space-list';

export interface ClaimInfo {
  readonly meaning: string;
  readonly link: string;
  readonly format?: ClaimFormat;
  /** Meaning of individual values, looked up for each value of the claim. */
  readonly values?: Readonly<Record<string, string>>;
}

/** Authentication method references (`amr`), as Entra emits them. */
export const AMR_VALUES: Readonly<Record<string, string>> = {
  pwd: 'a password was used',
  rsa: 'a key proved possession, for example Microsoft Authenticator or a certificate',
  otp: 'a one-time passcode, by email or text message',
  fed: 'a federated identity provider vouched for the sign-in',
  wia: 'Windows Integrated Authentication (Kerberos on the corporate network)',
  mfa: 'multi-factor authentication was completed',
  ngcmfa:
    'multi-factor authentication strong enough to provision certain credentials (Windows Hello for Business)',
  mngcxt: 'a managed device context was used',
  wiaormfa: 'either Windows Integrated Authentication or multi-factor authentication was used',
  none: 'no authentication method was recorded',
  kba: 'knowledge-based authentication (security questions)',
  sms: 'a code sent by text message',
  tel: 'a phone call',
  hwk: 'a hardware-backed key (for example a FIDO2 security key)',
  swk: 'a software-backed key',
  face: 'facial recognition',
  fpt: 'a fingerprint',
  pin: 'a PIN',
  pop: 'proof of possession of a key',
  sc: 'a smart card',
  user: 'the user confirmed presence (for example by tapping approve)',
  vbm: 'voice biometrics',
  geo: "the user's location was used",
  iris: 'iris scan',
  retina: 'retina scan',
  mca: 'several channels were used together',
  rba: 'risk-based authentication',
};

const CLIENT_AUTH_VALUES: Readonly<Record<string, string>> = {
  '0': 'public client: the app proved nothing about itself (for example a browser, mobile or desktop app)',
  '1': 'confidential client that proved itself with a client secret',
  '2': 'confidential client that proved itself with a certificate (or a federated credential such as a managed identity)',
};

const DEFAULT_MEMBER_ROLE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

/** Claim dictionary, keyed by claim name. A Map, so claim names like `__proto__` never hit Object.prototype. */
export const CLAIMS: ReadonlyMap<string, ClaimInfo> = new Map<string, ClaimInfo>([
  // Identity of the token itself
  [
    'aud',
    {
      meaning:
        'Audience: the API (or, for an ID token, the client app) this token is meant for; any other recipient must reject it.',
      link: ACCESS_LINK,
      format: 'list',
    },
  ],
  [
    'iss',
    { meaning: 'Issuer: the token service and tenant that created and signed the token.', link: ACCESS_LINK },
  ],
  [
    'idp',
    {
      meaning:
        'Identity provider that authenticated the subject; differs from the issuer for guests and federated or personal accounts.',
      link: ACCESS_LINK,
    },
  ],
  ['iat', { meaning: 'Issued at: when the token was created.', link: ACCESS_LINK }],
  ['nbf', { meaning: 'Not before: the token is not valid before this time.', link: ACCESS_LINK }],
  ['exp', { meaning: 'Expiry: after this time the API must reject the token.', link: ACCESS_LINK }],
  [
    'ver',
    {
      meaning:
        "Token format version; it follows the API's app registration (accessTokenAcceptedVersion), not the endpoint the client used.",
      link: ACCESS_LINK,
      values: {
        '1.0': 'v1.0 token format (issuer sts.windows.net, client in appid)',
        '2.0': 'v2.0 token format (issuer login.microsoftonline.com/…/v2.0, client in azp)',
      },
    },
  ],
  [
    'uti',
    {
      meaning:
        'Token identifier Entra uses internally; quote it to Microsoft support, apps should not rely on it.',
      link: ACCESS_LINK,
    },
  ],
  [
    'aio',
    {
      meaning: 'Internal Entra data used to reuse tokens; opaque, apps should ignore it.',
      link: ACCESS_LINK,
    },
  ],
  [
    'rh',
    {
      meaning: 'Internal Entra data used to revalidate tokens; opaque, apps should ignore it.',
      link: ACCESS_LINK,
    },
  ],
  [
    'tid',
    {
      meaning:
        'Tenant ID: the directory the token was issued in (for guests, the resource tenant, not their home tenant).',
      link: ACCESS_LINK,
    },
  ],
  [
    'nonce',
    {
      meaning:
        'Value the client sent in the sign-in request and checks on return to block replayed ID tokens; its presence marks an ID token.',
      link: ID_LINK,
    },
  ],
  [
    'c_hash',
    {
      meaning:
        'Hash of the authorization code issued alongside this ID token, so the client can tie the two together.',
      link: ID_LINK,
    },
  ],
  [
    'at_hash',
    {
      meaning:
        'Hash of the access token issued alongside this ID token, so the client can tie the two together.',
      link: ID_LINK,
    },
  ],

  // Authentication
  [
    'acr',
    {
      meaning:
        'Authentication context class (v1.0): whether the user met at least single-factor authentication.',
      link: ACCESS_LINK,
      values: {
        '0': 'the authentication did not meet ISO/IEC 29115 requirements',
        '1': 'the user was authenticated with at least one factor',
      },
    },
  ],
  [
    'acrs',
    {
      meaning:
        'Conditional Access authentication contexts (c1, c2, …) the user satisfied; APIs check them before sensitive operations.',
      link: AUTH_CONTEXT_LINK,
      format: 'list',
    },
  ],
  [
    'amr',
    {
      meaning: 'Authentication methods used to sign the user in (password, MFA, key, …).',
      link: ID_LINK,
      format: 'list',
      values: AMR_VALUES,
    },
  ],
  [
    'auth_time',
    {
      meaning: 'When the user last actually entered credentials; older than iat when a session was reused.',
      link: OPTIONAL_LINK,
    },
  ],
  [
    'sid',
    { meaning: "Session ID: identifies the user's sign-in session, used for sign-out.", link: ID_LINK },
  ],
  ['pwd_exp', { meaning: "Seconds after iat at which the user's password expires.", link: OPTIONAL_LINK }],
  ['pwd_url', { meaning: 'Where the user can go to change their password.', link: OPTIONAL_LINK }],
  [
    'in_corp',
    {
      meaning: 'True when the sign-in came from the corporate network (from federation settings).',
      link: OPTIONAL_LINK,
    },
  ],
  ['ipaddr', { meaning: 'IP address the user signed in from.', link: ACCESS_LINK }],
  ['deviceid', { meaning: 'ID of the Entra-registered device the user signed in from.', link: ACCESS_LINK }],
  [
    'fwd',
    { meaning: 'Original client IP address when the request passed through a proxy.', link: OPTIONAL_LINK },
  ],
  [
    'vnet',
    { meaning: 'Virtual network information about where the request came from.', link: OPTIONAL_LINK },
  ],
  ['ctry', { meaning: "The user's country or region, as a two-letter code.", link: OPTIONAL_LINK }],
  [
    'tenant_ctry',
    { meaning: "The tenant's country or region, as a two-letter code set by an admin.", link: OPTIONAL_LINK },
  ],
  [
    'tenant_region_scope',
    { meaning: 'Geographic region of the tenant (for example NA, EU, AS).', link: OPTIONAL_LINK },
  ],
  [
    'login_hint',
    {
      meaning: 'Opaque value a client can pass back as login_hint to sign the same user in silently.',
      link: OPTIONAL_LINK,
    },
  ],

  // The client app
  [
    'appid',
    {
      meaning: 'Application (client) ID of the app that requested the token (v1.0 tokens).',
      link: ACCESS_LINK,
    },
  ],
  [
    'appidacr',
    {
      meaning: 'How the client app authenticated itself (v1.0 tokens).',
      link: ACCESS_LINK,
      values: CLIENT_AUTH_VALUES,
    },
  ],
  [
    'azp',
    {
      meaning: 'Authorized party: application (client) ID of the app that requested the token (v2.0 tokens).',
      link: ACCESS_LINK,
    },
  ],
  [
    'azpacr',
    {
      meaning: 'How the client app authenticated itself (v2.0 tokens).',
      link: ACCESS_LINK,
      values: CLIENT_AUTH_VALUES,
    },
  ],
  [
    'app_displayname',
    { meaning: 'Display name of the client app that requested the token.', link: ACCESS_LINK },
  ],
  [
    'idtyp',
    {
      meaning: 'Token type: whether the token acts for a user or for an app alone.',
      link: OPTIONAL_LINK,
      values: {
        app: 'app-only: no user is involved (client credentials or managed identity)',
        user: 'delegated: the app acts for a signed-in user',
      },
    },
  ],
  [
    'xms_cc',
    {
      meaning: 'Client capabilities the app declared, such as handling claims challenges.',
      link: CAE_LINK,
      format: 'list',
      values: {
        cp1: 'the client can handle claims challenges, so it can receive long-lived tokens under continuous access evaluation',
      },
    },
  ],

  // Permissions
  [
    'scp',
    {
      meaning:
        'Delegated permissions (scopes) the user or an admin consented to for this client and API; only present when a user is involved.',
      link: ACCESS_LINK,
      format: 'space-list',
    },
  ],
  [
    'roles',
    {
      meaning:
        'App roles granted: application permissions for app-only tokens, or roles assigned to the user for the API.',
      link: ACCESS_LINK,
      format: 'list',
    },
  ],
  [
    'wids',
    {
      meaning:
        "Directory role template IDs of the user's Entra roles (only roles active at sign-in; absent in some flows such as implicit).",
      link: ROLES_LINK,
      format: 'list',
      values: { [DEFAULT_MEMBER_ROLE]: 'the default role every member user has; not an admin role' },
    },
  ],
  [
    'groups',
    {
      meaning: 'Object IDs of groups the subject belongs to (when group claims are configured).',
      link: ACCESS_LINK,
      format: 'list',
    },
  ],
  [
    'hasgroups',
    {
      meaning:
        'Group overage in the implicit flow: the user is in too many groups to list, so look them up in Microsoft Graph.',
      link: GROUPS_LINK,
    },
  ],
  [
    '_claim_names',
    {
      meaning:
        'Group overage: the groups claim was left out because it would be too large; this points to where to fetch it.',
      link: GROUPS_LINK,
    },
  ],
  [
    '_claim_sources',
    {
      meaning: "Group overage: the Microsoft Graph endpoint to call to get the user's groups.",
      link: GROUPS_LINK,
    },
  ],

  // The subject
  [
    'sub',
    {
      meaning:
        'Subject: a stable ID for the user or app, unique per client app (pairwise), so it differs between apps.',
      link: ACCESS_LINK,
    },
  ],
  [
    'oid',
    {
      meaning:
        'Object ID of the user or service principal in the tenant; the same across apps, use it to identify who called.',
      link: ACCESS_LINK,
    },
  ],
  [
    'name',
    {
      meaning: 'Display name of the user; may change, never use it for access decisions.',
      link: ACCESS_LINK,
    },
  ],
  [
    'preferred_username',
    {
      meaning: 'Sign-in name the user knows (often an email or UPN); can change, not a stable ID.',
      link: ACCESS_LINK,
    },
  ],
  [
    'unique_name',
    { meaning: 'Human-readable user name (v1.0 tokens); can change, display only.', link: ACCESS_LINK },
  ],
  ['upn', { meaning: 'User principal name; can change, display only.', link: OPTIONAL_LINK }],
  [
    'email',
    {
      meaning: 'Email address of the user, when one is known; not necessarily verified or owned.',
      link: OPTIONAL_LINK,
    },
  ],
  [
    'verified_primary_email',
    {
      meaning: "The user's primary email address, as verified in their directory.",
      link: OPTIONAL_LINK,
      format: 'list',
    },
  ],
  [
    'verified_secondary_email',
    { meaning: 'Other verified email addresses of the user.', link: OPTIONAL_LINK, format: 'list' },
  ],
  ['given_name', { meaning: 'First name of the user.', link: OPTIONAL_LINK }],
  ['family_name', { meaning: 'Last name of the user.', link: OPTIONAL_LINK }],
  [
    'nickname',
    { meaning: 'Additional name for the user, separate from first and last name.', link: OPTIONAL_LINK },
  ],
  [
    'onprem_sid',
    { meaning: 'On-premises Active Directory security identifier of a synced user.', link: OPTIONAL_LINK },
  ],
  [
    'puid',
    {
      meaning: 'Internal ID of the user across Microsoft services; apps should not rely on it.',
      link: ACCESS_LINK,
    },
  ],
  [
    'acct',
    {
      meaning: 'Whether the user is a member of the tenant or a guest.',
      link: OPTIONAL_LINK,
      values: { '0': 'member of the tenant', '1': 'guest (B2B) in the tenant' },
    },
  ],

  [
    'signin_state',
    {
      meaning:
        'Facts about the sign-in: for example a managed or compliant device, a known network, or "keep me signed in".',
      link: OPTIONAL_LINK,
      format: 'list',
      values: {
        dvc_mngd: 'the device is managed',
        dvc_cmp: 'the device is compliant',
        dvc_dmjd: 'the device is domain-joined',
        inknownntwk: 'the sign-in came from a known network',
        kmsi: 'the user chose "keep me signed in"',
      },
    },
  ],
  [
    'ztdid',
    {
      meaning: 'Zero-touch deployment ID: the device identity used by Windows Autopilot.',
      link: OPTIONAL_LINK,
    },
  ],

  // Azure AD B2C
  ['tfp', { meaning: 'Azure AD B2C: the user flow or custom policy that issued the token.', link: B2C_LINK }],
  ['emails', { meaning: 'Azure AD B2C: email addresses of the user.', link: B2C_LINK, format: 'list' }],

  // xms_* Microsoft extensions
  [
    'xms_mirid',
    {
      meaning:
        'Azure resource ID of the managed identity that requested the token; marks a managed identity token.',
      link: MI_LINK,
    },
  ],
  ['xms_tcdt', { meaning: 'When the tenant was created.', link: OPTIONAL_LINK }],
  [
    'xms_edov',
    { meaning: "True when the owner of the user's email domain has been verified.", link: OPTIONAL_LINK },
  ],
  ['xms_pdl', { meaning: 'Preferred data location of the user in a multi-geo tenant.', link: OPTIONAL_LINK }],
  ['xms_pl', { meaning: 'Preferred language of the user.', link: OPTIONAL_LINK }],
  ['xms_tpl', { meaning: 'Preferred language of the tenant.', link: OPTIONAL_LINK }],
  [
    'xms_idrel',
    {
      meaning:
        'How the user relates to the tenant (member or guest, and how the account got there); Microsoft-internal, do not rely on it.',
      link: ACCESS_LINK,
    },
  ],
  [
    'xms_ftd',
    {
      meaning: 'Microsoft-internal data Entra uses when processing the token; apps should ignore it.',
      link: ACCESS_LINK,
    },
  ],
  [
    'xms_az_rid',
    {
      meaning:
        'Azure resource ID associated with the caller (for workloads running in Azure); Microsoft-internal.',
      link: MI_LINK,
    },
  ],
  [
    'xms_az_nwperimid',
    {
      meaning: 'Azure network security perimeter the request came through; Microsoft-internal.',
      link: ACCESS_LINK,
    },
  ],
  [
    'xms_ssm',
    { meaning: 'Microsoft-internal data about the session; apps should ignore it.', link: ACCESS_LINK },
  ],
  [
    'xms_st',
    {
      meaning:
        'Microsoft-internal data about the original subject, seen in on-behalf-of tokens; apps should ignore it.',
      link: ACCESS_LINK,
    },
  ],
]);
