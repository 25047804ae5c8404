export interface TokenErrorView {
  readonly code: string;
  readonly message: string;
}

const TITLES: Readonly<Record<string, string>> = {
  empty: 'Nothing to inspect yet',
  'too-large': 'Too large to be a token',
  'no-token-found': 'No token found',
  opaque: 'Opaque token: not a JWT',
  encrypted: 'Encrypted token (JWE): cannot be read without the key',
  'two-segments': 'Only two segments: part of the token is missing',
  'wrong-segment-count': 'Not a JWT: wrong number of segments',
  'not-base64url': 'Not base64url: the token is damaged',
  'not-json': 'Not JSON: the token is damaged',
  'not-object': 'Not a JSON object: this is not a JWT',
  'scanner-not-loaded': 'Could not read the paste',
};

/** A title for a decoding failure code, in plain words. */
export function titleForTokenError(code: string): string {
  return TITLES[code] ?? 'Cannot read this token';
}

export interface TokenErrorMessageProps {
  readonly error: TokenErrorView;
}

/** Says why the pasted text could not be read, and what to try. */
export function TokenErrorMessage({ error }: TokenErrorMessageProps) {
  return (
    <div className="input-error" role="status">
      <strong>{titleForTokenError(error.code)}</strong>
      <span>{error.message}</span>
    </div>
  );
}
