import { describeExpiry } from '../token';
import { diffClaims } from './compare-claims';
import { markDecisive, orderDifferences } from './compare-decisive';
import { diffMeaning } from './compare-meaning';
import type { CompareOptions, ComparedToken, Comparison } from './compare-types';
import { diagnose } from './diagnose';
import type { Diagnosis } from './types';

export type {
  ClaimChange,
  ClaimChanges,
  CompareOptions,
  ComparedToken,
  Comparison,
  Difference,
  DifferenceAspect,
  DifferenceCode,
} from './compare-types';

/**
 * Compares two decoded tokens claim by claim and by meaning: audience (which API), version, caller type,
 * each permission (`scp` and `roles` entries, with their type), each directory role (`wids`, named through
 * the catalog; a missing claim is told apart from an empty one), expiry, client app, tenant and cloud.
 * With a request, diagnoses both and puts first the differences that make one Allowed and the other not.
 * Pure: takes `now` and the catalog; does not verify signatures and never copies the raw tokens into its output.
 */
export function compareTokens(a: ComparedToken, b: ComparedToken, options: CompareOptions): Comparison {
  const catalog = options.catalog ?? null;
  const claims = diffClaims(a.token.payload, b.token.payload);
  let differences = diffMeaning(a.classification, b.classification, catalog, [
    describeExpiry(a.token.payload, options.now),
    describeExpiry(b.token.payload, options.now),
  ]);

  let diagnoses: Comparison['diagnoses'] = null;
  if (options.request) {
    const request = options.request;
    const run = (side: ComparedToken): Diagnosis =>
      diagnose({
        token: { decoded: side.token, facts: side.classification },
        request,
        answer: null,
        catalog,
        gates: options.gates ?? null,
        now: options.now,
      });
    diagnoses = { a: run(a), b: run(b) };
    differences = markDecisive(differences, diagnoses.a, diagnoses.b, request);
  }

  return {
    differences: orderDifferences(differences),
    claims,
    diagnoses,
    samePayload: claims.added.length === 0 && claims.removed.length === 0 && claims.changed.length === 0,
  };
}
