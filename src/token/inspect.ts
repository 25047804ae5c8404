import { classifyToken } from './classify';
import { decodeToken } from './decode';
import { explainClaims } from './explain';
import { findTokens } from './find';
import type { Inspection } from './types';

/** Runs find, decode, classify and explain on pasted text. Does not verify signatures. */
export function inspectText(text: string, now: Date, selected = 0): Inspection {
  const found = findTokens(text);
  if (!found.ok || found.tokens.length === 0)
    return { found, selectedIndex: null, decoded: null, classification: null, claims: [] };
  const selectedIndex = Math.min(Math.max(0, Math.trunc(selected) || 0), found.tokens.length - 1);
  const decoded = decodeToken(found.tokens[selectedIndex]?.value ?? '');
  if (!decoded.ok) return { found, selectedIndex, decoded, classification: null, claims: [] };
  return {
    found,
    selectedIndex,
    decoded,
    classification: classifyToken(decoded.token, now),
    claims: explainClaims(decoded.token, now),
  };
}
