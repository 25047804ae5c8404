import type { ClaimRow, DecodedJwt } from './types';

/** Explains every payload claim, known or not. (stub) */
export function explainClaims(token: DecodedJwt, _now: Date): readonly ClaimRow[] {
  return Object.keys(token.payload).map((name) => {
    const value = token.payload[name];
    return {
      name,
      value,
      display: typeof value === 'string' ? value : JSON.stringify(value),
      meaning: null,
      link: null,
      known: false,
    };
  });
}
