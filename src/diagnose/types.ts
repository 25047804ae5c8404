import type { Cloud, Finding } from '../token';
import type { ErrorFamily } from './error-family';

/** Which API family a request goes to; decides how its path is normalised and matched. */
export type RequestApi = 'graph' | 'defender' | 'other';

/** Which Defender host family: `api.security…` (Defender XDR and MDE) or `api.securitycenter…` (MDE). */
export type DefenderHostFamily = 'security' | 'securitycenter';

/** A pasted request, parsed and normalised for matching against the catalog. */
export interface ParsedRequest {
  /** Upper case, e.g. "GET". */
  readonly method: string;
  /** The URL as pasted (query string kept). */
  readonly url: string;
  /** Lower-cased host name. */
  readonly host: string;
  readonly api: RequestApi;
  /** For Graph: the version segment. */
  readonly graphVersion?: 'v1.0' | 'beta';
  /** For Defender: which host family the request went to. */
  readonly defenderHost?: DefenderHostFamily;
  /** The cloud the host belongs to, when known. */
  readonly cloud: Cloud | null;
  /** For other Microsoft resources (ARM, Key Vault…): the resource ids the host may be, from hosts.ts. */
  readonly resources?: readonly string[];
  /** The path as pasted (percent-decoded, no query string). */
  readonly path: string;
  /** The path in the catalog's form: version stripped, lower case, ids as `{id}`. */
  readonly normalisedPath: string;
}

/** Why a pasted request could not be read. */
export type RequestErrorCode = 'empty' | 'too-large' | 'no-url' | 'bad-url' | 'bad-method';

/** A request that could not be read, as a value (never thrown). */
export interface RequestError {
  readonly code: RequestErrorCode;
  readonly message: string;
}

/** The result of `parseRequest`: the request, or why it could not be read. */
export type RequestParseResult =
  | { readonly ok: true; readonly request: ParsedRequest }
  | { readonly ok: false; readonly error: RequestError };

/** One permission a request accepts. */
export interface AcceptedPermission {
  readonly value: string;
  readonly type: 'delegated' | 'application';
  /** True when an admin must consent (always true for application permissions); null when unknown. */
  readonly adminConsent: boolean | null;
  /** The permission's GUID, when the catalog knows it. */
  readonly id: string | null;
}

/** The API a request goes to, as far as the diagnosis needs it. */
export interface TargetApi {
  readonly name: string;
  /** The resource's appId. */
  readonly appId: string | null;
  /** The resource URI to put before `/.default` or `/<scope>` when requesting a token. */
  readonly resource: string;
}

/** What a request needs, per scheme, least privileged first. */
export type RequiredPermissions =
  | {
      readonly known: true;
      readonly api: TargetApi;
      /** The catalog path that matched (normalised form). */
      readonly matchedPath: string;
      readonly delegated: readonly AcceptedPermission[];
      readonly application: readonly AcceptedPermission[];
      /** Defender: the portal role the signed-in user needs for delegated calls, as the docs write it. */
      readonly delegatedRole: string | null;
    }
  | {
      readonly known: false;
      readonly api: TargetApi | null;
      readonly reason: 'unknown-endpoint' | 'no-catalog' | 'other-api';
      /** The nearest paths the catalog knows, for "did you mean". */
      readonly nearest: readonly string[];
    };

/** "Allowed" only when every check passed and the permission is known to be accepted. */
export type Verdict = 'allowed' | 'denied' | 'cant-tell';

/** Codes of the findings `diagnose` raises (closed union). */
export type DiagnoseFindingCode =
  | ErrorFindingCode
  | 'token-expired'
  | 'token-not-yet-valid'
  | 'id-token-as-bearer'
  | 'b2c-token'
  | 'non-entra-token'
  | 'wrong-audience'
  | 'wrong-defender-host'
  | 'cloud-mismatch'
  | 'app-only-no-roles'
  | 'wrong-permission-type'
  | 'missing-permission'
  | 'permission-present'
  | 'security-role-missing'
  | 'security-role-present'
  | 'no-wids'
  | 'defender-user-role'
  | 'managed-identity-assignment'
  | 'unknown-endpoint'
  | 'no-catalog'
  | 'other-api'
  | 'unknown-token-kind'
  // Gates outside the token (src/diagnose/rules/gates/).
  | 'gate-teams-protected'
  | 'gate-exchange-scoping'
  | 'gate-selected-grant'
  | 'gate-sensitive-user'
  | 'gate-directory-role'
  | 'directory-role-present'
  | 'azure-rbac'
  | 'retired-api'
  // The pasted answer, staleness, least privilege and near misses.
  | 'api-refused'
  | 'refused-outside-token'
  | 'answer-other-host'
  | 'stale-token'
  | 'excess-privilege'
  | 'near-miss-permission'
  | 'client-fix';

/** A finding of `diagnose`, in the one finding shape. */
export type DiagnoseFinding = Finding<DiagnoseFindingCode>;

/**
 * The one permission to add for a request, chosen once (least privileged first; the API's own list in
 * a pasted error wins over the docs).
 */
export interface PermissionChoice {
  readonly permission: AcceptedPermission;
  readonly scheme: 'delegated' | 'application';
  readonly api: TargetApi;
  /** Where the choice came from: the catalog (docs) or the pasted error body. */
  readonly source: 'docs' | 'answer';
  /** When the error body's choice differs from the docs' least privileged one: the docs' one. */
  readonly docsLeast: string | null;
  /** The other permissions the request accepts of the same scheme. */
  readonly alternatives: readonly AcceptedPermission[];
  /** Who receives it: a user's app (consent), a service principal (consent or assignment), a managed identity (assignment). */
  readonly principal: 'user' | 'service-principal' | 'managed-identity';
}

/** The result of `diagnose`: verdict, findings in fix order, what the request accepts, the one choice. */
export interface Diagnosis {
  readonly verdict: Verdict;
  /** Ordered by what to fix first. */
  readonly findings: readonly DiagnoseFinding[];
  /** What the request accepts, for display; null without a request. */
  readonly required: RequiredPermissions | null;
  /** The one permission to add, or null when none is missing or none is known. */
  readonly choice: PermissionChoice | null;
}

/** An AADSTS sign-in error, explained in our words. */
export interface AadstsExplanation {
  readonly code: string;
  readonly title: string;
  readonly explanation: string;
  readonly fix: string;
  readonly link: string;
}

/** Which kind of pasted error `explainError` recognised (the answer's family). */
export type ErrorKind = ErrorFamily;

/** Codes of the cross-check findings `explainError` raises (closed union). */
export type ErrorFindingCode =
  | 'missing-roles'
  | 'roles-present-but-refused'
  | 'audience-matches'
  | 'audience-differs'
  | 'token-expired'
  | 'not-a-permission-problem'
  | 'security-role-missing'
  | 'security-role-present'
  | 'graph-permission-missing'
  | 'token-not-sent'
  // Answer rules (src/diagnose/rules/answer-*.ts), one per error family.
  | 'answer-permission-near-miss'
  | 'answer-other-api'
  | 'answer-permissions-all-of'
  | 'answer-granted-differs'
  | 'no-permission-claims'
  | 'refused-with-permission'
  | 'identity-not-found'
  | 'exchange-scoped'
  | 'sharepoint-site-grant'
  | 'teams-protected-api'
  | 'token-validation-failed'
  | 'graph-token-to-own-api'
  | 'azure-role-needed'
  | 'owner-no-data-access'
  | 'key-vault-access-policy'
  | 'network-rule-blocked'
  | 'shared-key-disabled'
  | 'claims-challenge'
  | 'sign-in-error'
  | 'service-diagnostics'
  | 'arm-token-problem'
  | 'operation-refused';

/** A cross-check finding of `explainError`, in the one finding shape. */
export type ErrorFinding = Finding<ErrorFindingCode>;

/** Correlation IDs worth quoting to Microsoft support. */
export interface CorrelationIds {
  readonly requestId: string | null;
  readonly clientRequestId: string | null;
  readonly date: string | null;
  readonly traceId: string | null;
  readonly correlationId: string | null;
  readonly timestamp: string | null;
  /** Defender's `target` (a tracking id). */
  readonly target: string | null;
}

/** The result of `explainError`; `ok: false` only for empty or oversized input. */
export type ErrorExplanation =
  | { readonly ok: false; readonly error: { readonly code: 'empty' | 'too-large'; readonly message: string } }
  | {
      readonly ok: true;
      readonly kind: ErrorKind;
      /** HTTP status, when pasted with the response or implied by the code. */
      readonly status: number | null;
      /** The error code as written, e.g. "Forbidden", "Authorization_RequestDenied", "AADSTS65001". */
      readonly code: string | null;
      readonly message: string | null;
      /** Defender "API required roles". */
      readonly requiredRoles: readonly string[];
      /** Defender "application roles" (what the token carried, per the API). */
      readonly grantedRoles: readonly string[];
      readonly aadsts: AadstsExplanation | null;
      /** What the error means, in our words. */
      readonly explanation: string;
      /** The Microsoft page behind the explanation. */
      readonly link: string;
      readonly correlation: CorrelationIds;
      /** Cross-checks against the loaded token. */
      readonly findings: readonly ErrorFinding[];
    };
