/** What kind of key each JWS algorithm needs. Anything not listed is refused as unsupported. */
export interface KeyNeed {
  readonly kty: 'RSA' | 'EC' | 'OKP' | 'oct';
  /** The curve, for EC and OKP keys. */
  readonly crv: string | null;
  /** A human name for messages. */
  readonly name: string;
}

const rsa = (name: string): KeyNeed => ({ kty: 'RSA', crv: null, name });
const hmac = (name: string): KeyNeed => ({ kty: 'oct', crv: null, name });

/** The key each supported JWS algorithm needs. Does not include `none`, which is never verified. */
export const KEY_NEEDS: Readonly<Record<string, KeyNeed>> = Object.freeze({
  RS256: rsa('an RSA public key'),
  RS384: rsa('an RSA public key'),
  RS512: rsa('an RSA public key'),
  PS256: rsa('an RSA public key'),
  PS384: rsa('an RSA public key'),
  PS512: rsa('an RSA public key'),
  ES256: { kty: 'EC', crv: 'P-256', name: 'an EC P-256 public key' },
  ES384: { kty: 'EC', crv: 'P-384', name: 'an EC P-384 public key' },
  ES512: { kty: 'EC', crv: 'P-521', name: 'an EC P-521 public key' },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', name: 'an Ed25519 public key' },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', name: 'an Ed25519 public key' },
  HS256: hmac('a shared HMAC secret'),
  HS384: hmac('a shared HMAC secret'),
  HS512: hmac('a shared HMAC secret'),
});

/** The key need for `alg`, or null when the algorithm is not one we verify. */
export function findKeyNeed(alg: string): KeyNeed | null {
  return Object.hasOwn(KEY_NEEDS, alg) ? (KEY_NEEDS[alg] ?? null) : null;
}

/** Describes a key's type in words, e.g. "an RSA key", "an EC P-384 key". */
export function describeKeyType(kty: string | null, crv: string | null): string {
  if (kty === 'RSA') return 'an RSA key';
  if (kty === 'EC') return `an EC ${crv ?? ''} key`.replace('  ', ' ');
  if (kty === 'OKP') return `an ${crv ?? 'OKP'} key`;
  if (kty === 'oct') return 'a shared secret';
  return 'a key of unknown type';
}
