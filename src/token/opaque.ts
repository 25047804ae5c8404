// Its own module, not decode.ts: the paste scanner (find.ts, a lazy chunk) needs it too, and importing
// decode.ts from there would split the first module's token core into several chunks.

const OPAQUE_CHARS = /^[A-Za-z0-9_\-.~+/=!*%]+$/;

/**
 * True when a string is an opaque (non-JWT) access token shape: an Entra/MSA blob such as `EwB…` or
 * `1.A…`, or a long run of token characters without the three-part JWT shape.
 * Does not prove it is a token: only says it is not something we can decode.
 */
export function isOpaqueTokenShape(value: string): boolean {
  if (!OPAQUE_CHARS.test(value)) return false;
  if (/^EwB[A-Za-z0-9+/=_-]{20,}$/.test(value)) return true;
  if (/^[01]\.A[A-Za-z0-9_\-.]{20,}$/.test(value)) return true;
  return value.length >= 40 && !value.includes('.');
}
