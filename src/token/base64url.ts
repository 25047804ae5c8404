// The one base64url (and base64) codec of the app: the platform's `Uint8Array.fromBase64` /
// `toBase64` where the engine has them, a small scan of our own otherwise. Not jose's codec: this module
// is in the first-load chunk, and jose's (with its shared buffer helpers) adds 0.5 KB gzipped there.
// Never throws: failures come back as null so callers can name the failing segment.

type FromBase64 = (text: string, options: { alphabet: 'base64url' }) => Uint8Array;
type ToBase64 = (options: { alphabet: 'base64url'; omitPadding: boolean }) => string;

// Character code → 6-bit value, -1 outside the base64url alphabet.
const LOOKUP = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach((c, i) => {
  LOOKUP[c.charCodeAt(0)] = i;
});

/**
 * Bytes of a base64url string (trailing `=` padding tolerated), or null when it is not base64url. The scan
 * is the rule on both paths (the platform's decoder would also skip whitespace); the bytes come from
 * `Uint8Array.fromBase64` when the engine has it, else from the same scan.
 */
export function decodeBase64UrlBytes(text: string): Uint8Array | null {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end -= 1;
  if (end % 4 === 1) return null;
  const from = (Uint8Array as { fromBase64?: FromBase64 }).fromBase64;
  const out = typeof from === 'function' ? null : new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i += 1) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (LOOKUP[code] ?? -1) : -1;
    if (v < 0) return null;
    if (out === null) continue;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o] = (buffer >> bits) & 0xff;
      o += 1;
    }
  }
  if (out !== null) return out;
  try {
    return from?.(text.slice(0, end), { alphabet: 'base64url' }) ?? null;
  } catch {
    return null;
  }
}

/**
 * Bytes of base64 in either alphabet (`+/` or `-_`, trailing `=` tolerated), for values that come either
 * way: a `claims=` challenge, a key or secret pasted from a config. Null when it is not base64.
 */
export function decodeBase64Bytes(text: string): Uint8Array | null {
  return decodeBase64UrlBytes(text.replace(/\+/g, '-').replace(/\//g, '_'));
}

/** Base64url of the bytes, without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  const to = (bytes as { toBase64?: ToBase64 }).toBase64;
  if (typeof to === 'function') return to.call(bytes, { alphabet: 'base64url', omitPadding: true });
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  const padded = btoa(bin);
  let end = padded.length;
  while (padded.charCodeAt(end - 1) === 61 /* = */) end -= 1;
  return padded.slice(0, end).replace(/\+/g, '-').replace(/\//g, '_');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text of the bytes, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** True when the text is base64url (a signature segment may be empty). */
export function isBase64Url(segment: string): boolean {
  return decodeBase64UrlBytes(segment) !== null;
}
