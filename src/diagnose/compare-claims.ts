import type { ClaimChange, ClaimChanges } from './compare-types';

/**
 * Diffs two payloads claim by claim: added (only in B), removed (only in A), changed (different values).
 * Key order inside object values never counts as a change. Does not interpret any claim.
 */
export function diffClaims(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): ClaimChanges {
  const added: ClaimChange[] = [];
  const removed: ClaimChange[] = [];
  const changed: ClaimChange[] = [];
  let unchangedCount = 0;
  for (const [claim, value] of Object.entries(a)) {
    if (!Object.hasOwn(b, claim)) removed.push({ claim, a: value, b: undefined });
    else if (stableJson(value) !== stableJson(b[claim])) changed.push({ claim, a: value, b: b[claim] });
    else unchangedCount += 1;
  }
  for (const [claim, value] of Object.entries(b)) {
    if (!Object.hasOwn(a, claim)) added.push({ claim, a: undefined, b: value });
  }
  return { added, removed, changed, unchangedCount };
}

/** JSON with object keys sorted, so key order never counts as a change. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
