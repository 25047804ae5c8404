import type { Cloud, Finding } from '../token';

export type { Cloud };

/**
 * Random bytes for `state`. The UI passes `(n) => crypto.getRandomValues(new Uint8Array(n))`; tests pass a
 * fixed source. Kept as an argument so this layer stays pure.
 */
export type RandomBytes = (length: number) => Uint8Array;

/** The fields a person fills in on the consent builder. */
export type ConsentField = 'tenant' | 'clientId' | 'redirectUri' | 'permissions' | 'cloud';

/** The fields of the grant-script generator. */
export type GrantField = 'principalId' | 'api' | 'permissions' | 'cloud';

/** Why a consent input was refused. Closed: tests and the UI switch on these. */
export type ConsentErrorCode =
  | 'required'
  | 'tenant-common'
  | 'tenant-consumers'
  | 'tenant-invalid'
  | 'client-id-not-guid'
  | 'client-managed-identity'
  | 'redirect-not-url'
  | 'redirect-unsafe-scheme'
  | 'redirect-not-https'
  | 'redirect-fragment'
  | 'redirect-wildcard'
  | 'redirect-too-long'
  | 'permission-malformed'
  | 'permission-no-resource'
  | 'permission-unknown'
  | 'permission-application-only'
  | 'permission-delegated-only'
  | 'cloud-unknown';

/** One refusal, tied to the field that caused it so the UI can show it beside that input. */
export interface ConsentError {
  readonly field: ConsentField;
  readonly code: ConsentErrorCode;
  readonly message: string;
}

/** Why a grant-script input was refused. */
export type GrantErrorCode =
  | 'required'
  | 'principal-not-guid'
  | 'api-unknown'
  | 'permission-unknown'
  | 'permission-delegated-only'
  | 'permission-unsafe'
  | 'cloud-unknown';

/** One refusal of the grant-script generator, tied to its field. */
export interface GrantError {
  readonly field: GrantField;
  readonly code: GrantErrorCode;
  readonly message: string;
}

/** Warnings the consent builder attaches to a URL it did build. */
export type ConsentWarningCode =
  | 'graph-cloud-corrected'
  | 'permission-assumed-graph'
  | 'permission-unverified'
  | 'api-other-cloud'
  | 'application-permission-needs-default'
  | 'application-via-default'
  | 'client-id-is-api'
  | 'tenant-organizations'
  | 'needs-admin-consent'
  | 'duplicate-permission';

/** Warnings the grant-script generator attaches to scripts it did build. */
export type GrantWarningCode = 'app-role-id-unknown' | 'api-not-public-cloud' | 'duplicate-permission';

/** What the consent builder reads. All strings as typed; the builder trims. */
export interface AdminConsentInput {
  /** Tenant ID (GUID), a verified domain, or `organizations`. */
  readonly tenant: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** `<resource>/<permission>` or `<resource>/.default`; a bare Graph value is read as Graph's. */
  readonly permissions: readonly string[];
  readonly cloud: Cloud;
  /** Client IDs known to be managed identities: refused, as for the user consent link. */
  readonly managedIdentityClientIds?: readonly string[];
  /** Also build the v1 form (`/{tenant}/adminconsent`), which takes no `scope`. */
  readonly includeV1?: boolean;
  /**
   * `application` when the app calls as itself (no user): named permissions are then asked for through
   * `<resource>/.default`, since application permissions cannot be requested by name. Default `delegated`.
   */
  readonly permissionType?: PermissionType;
}

/** Whether the app acts for a signed-in user (delegated) or as itself (application). */
export type PermissionType = 'delegated' | 'application';

/** One permission as it goes into `scope`, with what the catalog knows about it. */
export interface ResolvedScope {
  /** The exact `<resource>/<permission>` string in the URL. */
  readonly scope: string;
  readonly resource: string;
  /** The permission value, or `.default`. */
  readonly permission: string;
  /** The API's appId when the catalog knows the API. */
  readonly apiAppId: string | null;
  readonly apiName: string | null;
  readonly isGraph: boolean;
  /** Exists as a delegated permission (scope). Null when the catalog cannot say. */
  readonly delegated: boolean | null;
  /** Exists as an application permission (app role). Null when the catalog cannot say. */
  readonly application: boolean | null;
  /** The delegated form needs admin consent. Null when unknown. */
  readonly delegatedAdminConsent: boolean | null;
}

/** Who can approve the request, as Microsoft documents it. */
export interface WhoCanGrant {
  /** Built-in roles that can grant everything requested, least privileged first. */
  readonly roles: readonly string[];
  /** Built-in roles that people often try and that cannot grant this request. */
  readonly cannot: readonly string[];
  readonly explanation: string;
  /** The Microsoft page the facts come from. */
  readonly source: string;
}

/** One parameter the redirect brings back, and what to do with it. */
export interface RedirectParam {
  readonly name: string;
  readonly meaning: string;
}

/** The admin-consent URL(s) with what to know about them, or every reason they cannot be built. */
export type AdminConsentResult =
  | {
      readonly ok: true;
      /** The v2.0 form: `/{tenant}/v2.0/adminconsent?client_id&scope&redirect_uri&state`. */
      readonly url: string;
      /** The v1 form, only when asked for. */
      readonly v1Url?: string;
      readonly state: string;
      readonly scopes: readonly ResolvedScope[];
      readonly whoCanGrant: WhoCanGrant;
      readonly redirectCarries: readonly RedirectParam[];
      readonly warnings: readonly Finding<ConsentWarningCode>[];
    }
  | { readonly ok: false; readonly errors: readonly ConsentError[] };

/** What the user-consent link builder reads. */
export interface UserConsentInput {
  /** Tenant ID, verified domain, `organizations` or `common` (user consent needs no admin tenant). */
  readonly tenant: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly permissions: readonly string[];
  readonly cloud: Cloud;
  /**
   * Client IDs known to be managed identities (from an inspected token's `xms_mirid`, or the catalog).
   * No consent link is built for them: their app roles are assigned to their service principal.
   */
  readonly managedIdentityClientIds?: readonly string[];
}

/** The user-consent (authorize) URL, or every reason it cannot be built. */
export type UserConsentResult =
  | {
      readonly ok: true;
      /** `/{tenant}/oauth2/v2.0/authorize?…&response_type=code&prompt=consent`. */
      readonly url: string;
      readonly state: string;
      readonly scopes: readonly ResolvedScope[];
      /** Scopes a user cannot consent to alone (the catalog marks them admin-consent-required). */
      readonly needAdmin: readonly string[];
      readonly warnings: readonly Finding<ConsentWarningCode>[];
    }
  | { readonly ok: false; readonly errors: readonly ConsentError[] };

/** What the grant-script generator reads. */
export interface GrantScriptsInput {
  /** Object ID of the service principal or managed identity receiving the app roles. */
  readonly principalId: string;
  /** The API: its appId, or a name the catalog knows (Graph, WindowsDefenderATP, …). */
  readonly api: string;
  /** App role values, e.g. `User.Read.All`. */
  readonly permissions: readonly string[];
  readonly cloud: Cloud;
}

/** One app role the scripts assign. */
export interface GrantRole {
  readonly value: string;
  /** The app role ID when the catalog knows it; the scripts look it up by value either way. */
  readonly appRoleId: string | null;
}

/** The three grant scripts, or every reason they cannot be built. */
export type GrantScriptsResult =
  | {
      readonly ok: true;
      readonly apiAppId: string;
      readonly apiName: string;
      readonly roles: readonly GrantRole[];
      /** Microsoft Graph PowerShell. */
      readonly powershell: string;
      /** bash + Azure CLI (`az rest`). */
      readonly azureCli: string;
      /** The raw HTTP request(s) against Microsoft Graph. */
      readonly graphRequest: string;
      readonly warnings: readonly Finding<GrantWarningCode>[];
    }
  | { readonly ok: false; readonly errors: readonly GrantError[] };
