/** Why a signature could not be confirmed. A closed set: the UI words each one. */
export type VerifyErrorCode =
  | 'alg-none'
  | 'missing-alg'
  | 'unsupported-algorithm'
  | 'no-signature'
  | 'graph-nonce'
  | 'empty-key'
  | 'key-too-large'
  | 'private-key'
  | 'bad-key'
  | 'no-key-for-kid'
  | 'missing-kid'
  | 'wrong-algorithm'
  | 'signature-mismatch'
  | 'malformed-token'
  | 'unknown-critical-header';

export interface VerifyError {
  readonly code: VerifyErrorCode;
  readonly message: string;
}

/** The outcome of a signature check. `ok: true` says only that the signature matches the key. */
export type SignatureCheck =
  | {
      readonly ok: true;
      /** The token's `alg`. */
      readonly alg: string;
      /** The `kid` of the key that verified, or null when neither the token nor the key names one. */
      readonly kid: string | null;
      /** What the key was, for display, e.g. "RSA 2048-bit public key from a JWKS of 3 keys". */
      readonly keySummary: string;
      /** What the signature does not settle (the token has expired, say); absent when there is nothing to add. */
      readonly notes?: readonly string[];
    }
  | { readonly ok: false; readonly error: VerifyError };

/** A short heading for each failure, in our own words; the message says the specifics. */
export const VERIFY_ERROR_TITLES: Readonly<Record<VerifyErrorCode, string>> = Object.freeze({
  'alg-none': 'Unsigned token (alg: none)',
  'missing-alg': 'No algorithm in the header',
  'unsupported-algorithm': 'Algorithm not supported',
  'no-signature': 'No signature',
  'graph-nonce': 'Only Microsoft Graph can verify this token',
  'empty-key': 'No key yet',
  'key-too-large': 'Key text too large',
  'private-key': 'That is a private key',
  'bad-key': 'Key not usable',
  'no-key-for-kid': 'No key with this kid',
  'missing-kid': 'Token does not name its key',
  'wrong-algorithm': 'Wrong kind of key',
  'signature-mismatch': 'Signature does not match',
  'malformed-token': 'Token is not a well-formed JWS',
  'unknown-critical-header': 'Unknown critical header',
});

/** What the check may take besides the token and the key. */
export interface VerifyOptions {
  /** The clock, to say when a token that verifies has expired. Without it, expiry is not mentioned. */
  readonly now?: Date;
}
