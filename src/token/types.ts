import type { Finding } from './finding';

/** A decoded JSON object from a token. Built with a null prototype, so `__proto__` is just a key. */
export type Claims = Readonly<Record<string, unknown>>;

/** Where a token was found in pasted text. */
export type TokenSource =
  'bare' | 'bearer' | 'authorization-header' | 'curl' | 'powershell' | 'url-fragment' | 'url-query' | 'json';

export interface FoundToken {
  /** The token text, with quotes, whitespace and line breaks removed. */
  readonly value: string;
  readonly source: TokenSource;
  /** The parameter or header it came from, e.g. "access_token", when known. */
  readonly label: string | null;
}

export type TokenErrorCode =
  | 'empty'
  | 'too-large'
  | 'no-token-found'
  | 'opaque'
  | 'encrypted'
  | 'two-segments'
  | 'wrong-segment-count'
  | 'not-base64url'
  | 'not-json'
  | 'not-object';

export interface TokenError {
  readonly code: TokenErrorCode;
  readonly message: string;
  /** Which part failed, for the segment-level errors. */
  readonly segment?: 'header' | 'payload' | 'signature';
}

export interface DecodedJwt {
  readonly raw: string;
  readonly header: Claims;
  readonly payload: Claims;
  /** The signature segment, base64url, as it was. */
  readonly signature: string;
}

export type DecodeResult =
  | {
      readonly ok: true;
      readonly token: DecodedJwt;
      readonly findings: readonly Finding<DecodeFindingCode>[];
    }
  | { readonly ok: false; readonly error: TokenError };

export type DecodeFindingCode = 'alg-none' | 'unsigned' | 'graph-nonce';

/** National clouds Entra runs in, by their sign-in host. */
export type Cloud = 'public' | 'usgov' | 'china';

export type IssuerKind = 'entra' | 'entra-b2c' | 'entra-external-id' | 'other';

export type ExpiryState = 'valid' | 'expired' | 'not-yet-valid' | 'unknown';

export interface Expiry {
  readonly state: ExpiryState;
  readonly issuedAt: Date | null;
  readonly notBefore: Date | null;
  readonly expiresAt: Date | null;
  /** Seconds from `now` to expiry (negative once expired); null without `exp`. */
  readonly secondsLeft: number | null;
  /** e.g. "expires in 42 minutes", "expired 3 minutes ago", "not valid for another 5 minutes". */
  readonly text: string;
}

/** The signed-in user as the token names them; each field is null when its claim is absent. */
export interface TokenUser {
  /** `name`: the display name. */
  readonly name: string | null;
  /** `upn` (v1 and some v2 tokens). */
  readonly upn: string | null;
  /** `preferred_username` (v2). */
  readonly preferredUsername: string | null;
  /** `unique_name` (v1). */
  readonly uniqueName: string | null;
  /** The first of `upn`, `preferred_username`, `unique_name`, `email`: the name to show beside `name`. */
  readonly signInName: string | null;
}

/** The Azure resource a managed identity belongs to, read from `xms_mirid`. */
export interface ManagedIdentityResource {
  /** `xms_mirid` as written. */
  readonly resourceId: string;
  readonly subscriptionId: string | null;
  readonly resourceGroup: string | null;
  /** Provider namespace and type, e.g. "Microsoft.Web/sites"; null when the ID has no provider part. */
  readonly resourceType: string | null;
  /** The resource's own name (the last segment), e.g. "myfunc". */
  readonly name: string | null;
  /** True for a user-assigned identity (its own resource), false for a system-assigned one. */
  readonly userAssigned: boolean;
  /** What the type is in the Azure portal's words, e.g. "App Service / Functions app"; the type itself when unknown. */
  readonly typeLabel: string | null;
}

/**
 * What a token says about itself, without the clock: the same for the same token at any time, so it is
 * computed once per token. Expiry, which depends on `now`, is {@link Expiry} from `describeExpiry`.
 */
export interface Classification {
  readonly kind: 'access' | 'id' | 'unknown';
  readonly version: '1.0' | '2.0' | null;
  /** Who the token acts for; null for ID tokens and tokens that do not say. */
  readonly caller: 'delegated' | 'app-only' | 'managed-identity' | null;
  readonly issuer: {
    readonly value: string | null;
    readonly kind: IssuerKind;
    readonly cloud: Cloud | null;
  };
  readonly tenantId: string | null;
  /** The first `aud` value, as written. */
  readonly audience: string | null;
  /** The calling app: `appid` (v1) or `azp` (v2). */
  readonly clientId: string | null;
  /** `app_displayname`: the calling app's name as the token states it; null when absent. */
  readonly clientName: string | null;
  /** The signed-in user; null for app-only and managed identity tokens and when no user claim is present. */
  readonly user: TokenUser | null;
  /** True for a guest (B2B) user, false for a member, null when the token does not say. */
  readonly guest: boolean | null;
  /** A guest's home tenant, from `idp` when it names a tenant other than `tid`; null otherwise. */
  readonly homeTenantId: string | null;
  /** The managed identity's Azure resource, from `xms_mirid`; null for other callers. */
  readonly managedIdentity: ManagedIdentityResource | null;
  /** `scp`, split on spaces. */
  readonly scopes: readonly string[];
  /** `roles`, when an array of strings. */
  readonly roles: readonly string[];
  /** `wids`, or null when the claim is absent (which itself means something). */
  readonly wids: readonly string[] | null;
}

export type FindResult =
  | { readonly ok: true; readonly tokens: readonly FoundToken[] }
  | { readonly ok: false; readonly error: TokenError };

/** One claim, explained for display. */
export interface ClaimRow {
  readonly name: string;
  readonly value: unknown;
  /** Text to show: times as UTC ISO plus relative time, arrays joined, objects as JSON. */
  readonly display: string;
  /** One line in our own words; null for claims we do not know. */
  readonly meaning: string | null;
  /** The Microsoft Learn page that documents the claim; null when unknown. */
  readonly link: string | null;
  readonly known: boolean;
  /** Extra explanations, e.g. what each `amr` value means. */
  readonly notes?: readonly string[];
  /** The instant, for time claims, so the UI can also show it in local time. */
  readonly time?: Date;
}

/** The whole pipeline on one paste: found tokens, the selected one decoded, classified and explained. */
export interface Inspection {
  readonly found: FindResult;
  /** Index into `found.tokens` that was inspected; null when nothing was found. */
  readonly selectedIndex: number | null;
  readonly decoded: DecodeResult | null;
  readonly classification: Classification | null;
  /** The expiry at the inspection's `now`; null when nothing decoded. */
  readonly expiry: Expiry | null;
  readonly claims: readonly ClaimRow[];
}
