import type { Catalog } from '../catalog';
import type { AadstsNames } from '../catalog/aadsts-names';
import type { AzureRoleData } from '../catalog/azure-roles';
import type { GateData } from '../catalog/gates';
import type { Classification, DecodedJwt } from '../token';
import type { ApiAnswer } from './api-answer';
import type { DiagnoseFinding, ParsedRequest } from './types';

/** The token part of the evidence: decoded once, classified once, by the caller. */
export interface TokenEvidence {
  readonly decoded: DecodedJwt;
  /** What the token says about itself (kind, caller, issuer, audience, permissions, roles). */
  readonly facts: Classification;
}

/**
 * Everything the user gave and everything the rules may look up, passed in whole: the one input of
 * {@link Rule} and of `diagnose`. Any part may be missing: explanations work without a token, gates
 * without a request are skipped, and data still loading (`null`) makes the verdict "Can't tell" rather
 * than a guess.
 */
export interface DiagnosisContext {
  /** The pasted token, decoded and classified; null when there is none (an error pasted alone). */
  readonly token: TokenEvidence | null;
  /** The pasted request, parsed; null when there is none. */
  readonly request: ParsedRequest | null;
  /** The pasted API answer (error body or HTTP response); null when there is none. */
  readonly answer: ApiAnswer | null;
  /** The permission catalog; null while it loads. */
  readonly catalog: Catalog | null;
  /** Gates outside the token and Microsoft resources; null while they load (or when not needed). */
  readonly gates: GateData | null;
  /** Azure built-in roles (`loadAzureRoles()`), for Azure RBAC errors; null or absent while not loaded. */
  readonly azureRoles?: AzureRoleData | null;
  /** The complete AADSTS list (`loadAadstsNames()`), for codes we have no explanation of; null or absent while not loaded. */
  readonly aadstsNames?: AadstsNames | null;
  /** The clock, for lifetime checks only. */
  readonly now: Date;
  /** "I changed it at": when the user granted the permission or role, to tell a stale token. */
  readonly changedAt?: Date | null;
}

/** One rule of the diagnosis: looks at the context, returns what it found (often nothing). Pure. */
export type Rule = (ctx: DiagnosisContext) => readonly DiagnoseFinding[];
