import { decodeBase64Bytes } from '../token/base64url';
import type { VerifyError } from './types';

/** One JWK from the pasted text, with the members we select on pulled out. */
export interface JwkEntry {
  readonly jwk: Readonly<Record<string, unknown>>;
  readonly kid: string | null;
  readonly x5t: string | null;
  readonly kty: string | null;
  readonly crv: string | null;
  readonly alg: string | null;
  readonly use: string | null;
}

/** What the pasted key text turned out to be. */
export type KeyText =
  | { readonly kind: 'jwks'; readonly keys: readonly JwkEntry[] }
  | { readonly kind: 'jwk'; readonly keys: readonly [JwkEntry] }
  | { readonly kind: 'spki'; readonly pem: string }
  | { readonly kind: 'x509'; readonly pem: string }
  /** Not a key format we recognise: usable only as an HMAC secret. */
  | { readonly kind: 'text'; readonly text: string };

/** Key text above this size is refused before parsing: real JWKS documents are a few kilobytes. */
export const MAX_KEY_TEXT_LENGTH = 256 * 1024;

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const fail = (code: VerifyError['code'], message: string): { ok: false; error: VerifyError } => ({
  ok: false,
  error: { code, message },
});

function toEntry(value: unknown): JwkEntry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const jwk = value as Record<string, unknown>;
  return {
    jwk,
    kid: str(jwk.kid),
    x5t: str(jwk.x5t),
    kty: str(jwk.kty),
    crv: str(jwk.crv),
    alg: str(jwk.alg),
    use: str(jwk.use),
  };
}

const isPrivate = (e: JwkEntry) => e.kty !== 'oct' && PRIVATE_MEMBERS.some((m) => Object.hasOwn(e.jwk, m));

const PRIVATE_KEY_MESSAGE =
  'This is a private key. Verification needs only the public key; never paste a private key into any web page, and treat this one as exposed if it was real.';

function parseJson(text: string): { ok: true; key: KeyText } | { ok: false; error: VerifyError } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(
      'bad-key',
      'The key text starts like JSON but is not valid JSON. Paste the whole JWKS or JWK.',
    );
  }
  const list: unknown = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && Object.hasOwn(value, 'keys')
      ? (value as { keys: unknown }).keys
      : null;
  if (list !== null) {
    if (!Array.isArray(list))
      return fail('bad-key', 'The JSON has a "keys" member, but it is not a list of keys.');
    const keys = list.map(toEntry).filter((e): e is JwkEntry => e !== null && e.kty !== null);
    if (keys.length === 0) return fail('bad-key', 'The JWKS holds no keys (no entry with a "kty").');
    if (keys.some(isPrivate)) return fail('private-key', PRIVATE_KEY_MESSAGE);
    return { ok: true, key: { kind: 'jwks', keys } };
  }
  const entry = toEntry(value);
  if (entry === null || entry.kty === null) {
    return fail(
      'bad-key',
      'The JSON is neither a JWKS (an object with "keys") nor a JWK (an object with "kty").',
    );
  }
  if (isPrivate(entry)) return fail('private-key', PRIVATE_KEY_MESSAGE);
  return { ok: true, key: { kind: 'jwk', keys: [entry] } };
}

/** What makes {@link looksLikeKeyMaterial} say yes, for the message. */
export type KeyMaterialShape = 'der' | 'long-base64' | 'hex-der';

/** Decoded bytes at or above this size are key material, not a secret: 128 bytes is a 1024-bit modulus. */
const LONG_KEY_BYTES = 128;

/** Base64 or base64url (padding optional, at most two `=`) to bytes, or null. */
function decodeBase64Loose(text: string): Uint8Array | null {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  if (text.length - end > 2 || end === 0) return null;
  return decodeBase64Bytes(text);
}

/** A DER SEQUENCE whose length field covers exactly the bytes given: a certificate, an SPKI, a PKCS#1 key. */
function isDerSequence(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== 0x30) return false;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return first + 2 === bytes.length;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return false;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return length + 2 + count === bytes.length;
}

/**
 * Whether text offered as an HMAC secret is in fact public key material pasted without its PEM armour: the
 * base64 DER of a certificate or SPKI (a JWKS `x5c` entry, a bare SPKI body, which start `MII`/`MF`/`MC`),
 * the same as hex, or a long base64/base64url run such as a JWK's RSA modulus `n`. Verifying an HS256
 * token with a public key as the secret is the algorithm-confusion forgery. Whitespace inside is ignored
 * (line-wrapped PEM bodies). Linear time. Does not say whether a secret is strong.
 */
export function looksLikeKeyMaterial(text: string): KeyMaterialShape | null {
  let compact = '';
  for (const ch of text) if (ch !== ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t') compact += ch;
  if (compact.length >= 8 && compact.length % 2 === 0 && /^30[0-9a-f]+$/i.test(compact)) {
    const bytes = new Uint8Array(compact.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(compact.slice(2 * i, 2 * i + 2), 16);
    if (isDerSequence(bytes)) return 'hex-der';
  }
  const bytes = decodeBase64Loose(compact);
  if (bytes === null) return null;
  // `MII` is base64 for a DER SEQUENCE with a two-byte length (every certificate and RSA SPKI).
  if ((compact.startsWith('MII') && compact.length >= 40) || (isDerSequence(bytes) && bytes.length >= 32))
    return 'der';
  if (bytes.length >= LONG_KEY_BYTES) return 'long-base64';
  return null;
}

/**
 * Works out what the user pasted as a key: a JWKS, a single JWK, a PEM public key (SPKI), a PEM X.509
 * certificate, or plain text (usable only as an HMAC secret). Refuses private keys and PKCS#1 PEM.
 * Does not import or validate the key material itself; the verifier does that.
 */
export function parseKeyText(
  keyText: string,
): { ok: true; key: KeyText } | { ok: false; error: VerifyError } {
  if (keyText.length > MAX_KEY_TEXT_LENGTH) {
    return fail(
      'key-too-large',
      `The key text is ${Math.round(keyText.length / 1024)} KB; a key or JWKS is a few KB at most.`,
    );
  }
  const text = keyText.trim();
  if (text === '')
    return fail(
      'empty-key',
      'Paste a signing key first: a JWKS, a JWK, a PEM public key or certificate, or the HMAC secret.',
    );
  const pem = /-----BEGIN ([A-Z0-9 ]{1,40})-----/.exec(text);
  if (pem) {
    const label = pem[1] ?? '';
    // indexOf, not a lazy `[\s\S]*?` regex: that rescans to the end from every BEGIN line (quadratic).
    const endLine = `-----END ${label}-----`;
    const endAt = text.indexOf(endLine, pem.index + pem[0].length);
    const block = endAt === -1 ? undefined : text.slice(pem.index, endAt + endLine.length);
    if (!block) return fail('bad-key', `The PEM block "${label}" has no matching END line.`);
    if (label === 'PUBLIC KEY') return { ok: true, key: { kind: 'spki', pem: block } };
    if (label === 'CERTIFICATE') return { ok: true, key: { kind: 'x509', pem: block } };
    if (label.includes('PRIVATE')) return fail('private-key', PRIVATE_KEY_MESSAGE);
    if (label === 'RSA PUBLIC KEY') {
      return fail(
        'bad-key',
        'This is a PKCS#1 "RSA PUBLIC KEY". Convert it to SPKI first: openssl rsa -RSAPublicKey_in -in key.pem -pubout',
      );
    }
    return fail('bad-key', `A PEM "${label}" is not a public key or certificate.`);
  }
  if (text.startsWith('{') || text.startsWith('[')) return parseJson(text);
  return { ok: true, key: { kind: 'text', text } };
}
