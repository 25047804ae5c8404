// Decoding helpers that never throw: every failure comes back as null so callers can name the failing segment.

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Bytes of a base64url string (padding tolerated), or null when it is not base64url. */
export function decodeBase64UrlBytes(segment: string): Uint8Array | null {
  const trimmed = segment.replace(/=+$/, '');
  if (!BASE64URL.test(trimmed) || trimmed.length % 4 === 1) return null;
  const base64 = trimmed.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** UTF-8 text of the bytes, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when the text is base64url (a signature segment may be empty). */
export function isBase64Url(segment: string): boolean {
  return decodeBase64UrlBytes(segment) !== null;
}
