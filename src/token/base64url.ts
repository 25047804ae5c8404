// Decoding helpers that never throw: every failure comes back as null so callers can name the failing segment.
// Base64url is decoded by hand: `atob` needs a translated copy of the input and is slow in some runtimes.

const LOOKUP = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('').forEach((c, i) => {
  LOOKUP[c.charCodeAt(0)] = i;
});

/** Bytes of a base64url string (trailing `=` padding tolerated), or null when it is not base64url. */
export function decodeBase64UrlBytes(segment: string): Uint8Array | null {
  let end = segment.length;
  while (end > 0 && segment.charCodeAt(end - 1) === 61 /* = */) end -= 1;
  if (end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i += 1) {
    const code = segment.charCodeAt(i);
    const v = code < 128 ? (LOOKUP[code] ?? -1) : -1;
    if (v < 0) return null;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o] = (buffer >> bits) & 0xff;
      o += 1;
    }
  }
  return out;
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
