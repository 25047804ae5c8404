import type { Catalog, GateData } from '../catalog';
import type { Classification, DecodedJwt, Finding } from '../token';
import type { Diagnosis, ParsedRequest } from './types';

/** One of the two tokens being compared. */
export interface ComparedToken {
  readonly token: DecodedJwt;
  readonly classification: Classification;
}

/** What {@link compareTokens} needs besides the two tokens. */
export interface CompareOptions {
  /** The current time, for expiry and the verdicts. */
  readonly now: Date;
  /** Names roles, apps and permissions; without it GUIDs stay GUIDs. */
  readonly catalog?: Catalog | null;
  /** When given, both tokens are diagnosed for it and the differences that change the verdict lead. */
  readonly request?: ParsedRequest | null;
  /** The gates outside the token, as the inspector's diagnosis uses them; null while they load. */
  readonly gates?: GateData | null;
}

/** What a meaning-level difference is about. */
export type DifferenceAspect =
  | 'verdict'
  | 'kind'
  | 'audience'
  | 'cloud'
  | 'issuer'
  | 'tenant'
  | 'caller'
  | 'version'
  | 'permission'
  | 'directory-role'
  | 'client-app'
  | 'expiry'
  | 'guest';

/** The closed set of meaning-level difference codes, `-a`/`-b` saying which token has the thing. */
export type DifferenceCode =
  | 'verdict-differs'
  | 'kind-differs'
  | 'audience-differs'
  | 'cloud-differs'
  | 'issuer-differs'
  | 'tenant-differs'
  | 'caller-differs'
  | 'version-differs'
  | 'permission-only-in-a'
  | 'permission-only-in-b'
  | 'wids-absent-in-a'
  | 'wids-absent-in-b'
  | 'directory-role-only-in-a'
  | 'directory-role-only-in-b'
  | 'client-app-differs'
  | 'expiry-differs'
  | 'guest-differs';

/**
 * A difference in meaning between token A and token B. `evidence` holds `a` and `b` (the values compared)
 * and, for permissions and roles, what was found where. `fix` is set only on decisive differences.
 */
export interface Difference extends Finding<DifferenceCode> {
  readonly aspect: DifferenceAspect;
  /** True when this difference is (part of) why the verdicts for the request differ. */
  readonly decisive: boolean;
}

/** A claim present in one token or both, with its value in each (undefined where absent). */
export interface ClaimChange {
  readonly claim: string;
  readonly a: unknown;
  readonly b: unknown;
}

/** Raw claim changes from A to B. */
export interface ClaimChanges {
  /** Only in B. */
  readonly added: readonly ClaimChange[];
  /** Only in A. */
  readonly removed: readonly ClaimChange[];
  /** In both, with different values. */
  readonly changed: readonly ClaimChange[];
  /** How many claims have the same value in both. */
  readonly unchangedCount: number;
}

/** What differs between token A and token B. */
export interface Comparison {
  /** Meaning-level differences: those that change the verdict for the request first, then by aspect. */
  readonly differences: readonly Difference[];
  /** Raw claim changes from A to B: added (only in B), removed (only in A), changed (different values). */
  readonly claims: ClaimChanges;
  /** Both diagnoses, when a request was given. */
  readonly diagnoses: { readonly a: Diagnosis; readonly b: Diagnosis } | null;
  /** True when the payloads are equal claim for claim. */
  readonly samePayload: boolean;
}
