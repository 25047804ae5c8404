import { classifyToken } from './classify';
import { decodeToken } from './decode';
import { explainClaims } from './explain';
import { findTokens } from './find';
import type { Inspection } from './types';

/**
 * The whole pipeline on pasted text: find tokens, decode the `selected` one (clamped to the list; 0 when
 * absent or not a number), classify it and explain its claims at `now`.
 * Does NOT verify signatures or call anything; never throws.
 */
export function inspectText(text: string, now: Date, selected = 0): Inspection {
  const found = findTokens(text);
  if (!found.ok || found.tokens.length === 0) {
    return { found, selectedIndex: null, decoded: null, classification: null, claims: [] };
  }
  const wanted = Number.isFinite(selected) ? Math.trunc(selected) : 0;
  const selectedIndex = Math.min(Math.max(0, wanted), found.tokens.length - 1);
  const decoded = decodeToken(found.tokens[selectedIndex]?.value ?? '');
  if (!decoded.ok) return { found, selectedIndex, decoded, classification: null, claims: [] };
  try {
    return {
      found,
      selectedIndex,
      decoded,
      classification: classifyToken(decoded.token, now),
      claims: explainClaims(decoded.token, now),
    };
  } catch {
    // Defensive only: classify and explain are written not to throw.
    return { found, selectedIndex, decoded, classification: null, claims: [] };
  }
}
