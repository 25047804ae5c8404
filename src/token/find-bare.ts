// The one case the first screen must read before the full paste scanner (find.ts, a lazy chunk) has loaded:
// a bare token, as a `#token=` link carries it, and an empty paste box. Everything else waits for findTokens.
import type { FindResult, TokenError } from './types';

/**
 * Largest paste we look at, in UTF-16 code units (256 Ki). Real tokens are a few KB; a whole HAR file or
 * log dump is not something to scan in the browser's main thread. Longer input is refused at once,
 * before any pattern runs over it.
 */
export const MAX_INPUT_LENGTH = 256 * 1024;

/** What findTokens and findBareToken answer for an empty paste box. */
export const NOTHING_PASTED: TokenError = { code: 'empty', message: 'Nothing was pasted.' };
/** What findTokens and findBareToken answer for a paste of only whitespace. */
export const ONLY_WHITESPACE: TokenError = {
  code: 'empty',
  message: 'Nothing was pasted (only whitespace).',
};

const JWT_CHARS = '[A-Za-z0-9_-]*';
/** A whole three-part JWT or five-part JWE (its header starts `{"`, `eyJ` in base64url), spaces around it. */
const BARE_JWT = new RegExp(
  `^\\s*(eyJ${JWT_CHARS}\\.${JWT_CHARS}\\.${JWT_CHARS}(?:\\.${JWT_CHARS}\\.${JWT_CHARS})?)\\s*$`,
);

/**
 * findTokens' answer for an empty paste or one bare JWT/JWE (spaces and line breaks around it allowed), or
 * null for anything else: then only findTokens can tell (a header, a command, a URL, JSON, an opaque token,
 * a token split across lines, input over MAX_INPUT_LENGTH). Does not decode the token, and never guesses:
 * test/token/find-bare.test.ts holds it to findTokens' answer.
 */
export function findBareToken(text: string): FindResult | null {
  if (text.length === 0) return { ok: false, error: NOTHING_PASTED };
  if (text.length > MAX_INPUT_LENGTH) return null;
  const token = BARE_JWT.exec(text)?.[1];
  if (token !== undefined) return { ok: true, tokens: [{ value: token, source: 'bare', label: null }] };
  return text.trim() === '' ? { ok: false, error: ONLY_WHITESPACE } : null;
}
