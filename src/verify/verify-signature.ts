import { compactVerify, errors, exportJWK, importJWK, importSPKI, importX509 } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import type { DecodedJwt } from '../token';
import { decodeBase64Bytes, decodeBase64UrlBytes } from '../token/base64url';
import { classifyIssuer } from '../token/classify';
import { describeKeyType, findKeyNeed, type KeyNeed } from './algorithms';
import { looksLikeKeyMaterial, parseKeyText, type JwkEntry } from './parse-key';
import type { SignatureCheck, VerifyError, VerifyErrorCode, VerifyOptions } from './types';

const fail = (code: VerifyErrorCode, message: string): SignatureCheck => ({
  ok: false,
  error: { code, message },
});

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A key ready to try, with words for the result. */
interface Candidate {
  readonly key: CryptoKey | Uint8Array;
  readonly kid: string | null;
  readonly summary: string;
}

type Attempt = { readonly ok: true } | { readonly ok: false; readonly error: VerifyError };

async function tryVerify(raw: string, alg: string, key: CryptoKey | Uint8Array): Promise<Attempt> {
  try {
    await compactVerify(raw, key, { algorithms: [alg] });
    return { ok: true };
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return {
        ok: false,
        error: { code: 'signature-mismatch', message: 'The signature does not match this key.' },
      };
    }
    if (error instanceof errors.JWSInvalid) {
      return {
        ok: false,
        error: {
          code: 'malformed-token',
          message: `The token is not a well-formed JWS: ${messageOf(error)}`,
        },
      };
    }
    return {
      ok: false,
      error: { code: 'bad-key', message: `The key could not be used: ${messageOf(error)}` },
    };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'unknown error';
}

function rsaBits(jwk: JWK): number | null {
  if (typeof jwk.n !== 'string') return null;
  const bytes = decodeBase64UrlBytes(jwk.n);
  if (bytes === null) return null;
  // A leading zero byte is padding, not modulus.
  const significant = bytes[0] === 0 ? bytes.length - 1 : bytes.length;
  return significant * 8;
}

function describeJwk(jwk: JWK): string {
  if (jwk.kty === 'RSA') {
    const bits = rsaBits(jwk);
    return bits === null ? 'RSA public key' : `RSA ${bits}-bit public key`;
  }
  if (jwk.kty === 'EC') return `EC ${jwk.crv ?? ''} public key`.replace('  ', ' ');
  if (jwk.kty === 'OKP') return `${jwk.crv ?? 'OKP'} public key`;
  return 'key';
}

function fitsNeed(need: KeyNeed, kty: string | null, crv: string | null): boolean {
  return kty === need.kty && (need.crv === null || crv === need.crv);
}

/** PEM keys carry no type we can read without parsing ASN.1: import with the token's alg, then look. */
async function importPem(
  kind: 'spki' | 'x509',
  pem: string,
  alg: string,
  need: KeyNeed,
): Promise<Candidate | VerifyError> {
  const from = kind === 'spki' ? 'PEM public key' : 'X.509 certificate';
  const load = (a: string) =>
    kind === 'spki' ? importSPKI(pem, a, { extractable: true }) : importX509(pem, a, { extractable: true });
  try {
    const key = await load(alg);
    const jwk = await exportJWK(key);
    if (!fitsNeed(need, jwk.kty ?? null, jwk.crv ?? null)) {
      return {
        code: 'wrong-algorithm',
        message: `The token is signed with ${alg}, which needs ${need.name}; the ${from} holds ${describeKeyType(jwk.kty ?? null, jwk.crv ?? null)}.`,
      };
    }
    return { key, kid: null, summary: `${describeJwk(jwk)} from a ${from}` };
  } catch (error) {
    // Find out what the key is, to say "wrong algorithm" rather than "bad key" when it is simply another type.
    for (const probe of ['RS256', 'ES256', 'ES384', 'ES512', 'EdDSA']) {
      if (probe === alg) continue;
      try {
        const jwk = await exportJWK(await load(probe));
        return {
          code: 'wrong-algorithm',
          message: `The token is signed with ${alg}, which needs ${need.name}; the ${from} holds ${describeKeyType(jwk.kty ?? null, jwk.crv ?? null)}.`,
        };
      } catch {
        // not this type either
      }
    }
    return { code: 'bad-key', message: `The ${from} could not be read: ${messageOf(error)}` };
  }
}

async function importEntry(entry: JwkEntry, alg: string, where: string): Promise<Candidate | VerifyError> {
  try {
    const jwk = { ...entry.jwk } as JWK;
    // Some JWKS list only the certificate chain; the first certificate holds the key.
    const x5c = Array.isArray(entry.jwk.x5c) ? str(entry.jwk.x5c[0]) : null;
    const lacksPublicParts =
      entry.kty === 'RSA'
        ? typeof jwk.n !== 'string'
        : entry.kty === 'EC' || entry.kty === 'OKP'
          ? typeof jwk.x !== 'string'
          : false;
    if (lacksPublicParts && x5c) {
      const pem = `-----BEGIN CERTIFICATE-----\n${x5c.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----`;
      const key = await importX509(pem, alg, { extractable: true });
      return { key, kid: entry.kid, summary: `${describeJwk(await exportJWK(key))} (from x5c)${where}` };
    }
    delete jwk.alg;
    delete jwk.use;
    delete jwk.key_ops;
    const key = await importJWK(jwk, alg);
    return {
      key,
      kid: entry.kid,
      summary: `${entry.kty === 'oct' ? 'shared secret JWK' : describeJwk(jwk)}${where}`,
    };
  } catch (error) {
    return {
      code: 'bad-key',
      message: `The key${entry.kid ? ` with kid "${entry.kid}"` : ''} could not be read: ${messageOf(error)}`,
    };
  }
}

const isError = (c: Candidate | VerifyError): c is VerifyError => 'code' in c;

const listKids = (keys: readonly JwkEntry[]) => {
  const kids = keys.map((k) => k.kid).filter((k): k is string => k !== null);
  if (kids.length === 0) return 'none of the keys has a kid';
  const shown = kids
    .slice(0, 6)
    .map((k) => `"${k}"`)
    .join(', ');
  return `the keys have ${kids.length === 1 ? 'kid' : 'kids'} ${shown}${kids.length > 6 ? ` and ${kids.length - 6} more` : ''}`;
};

async function verifyWithJwks(
  token: DecodedJwt,
  alg: string,
  need: KeyNeed,
  keys: readonly JwkEntry[],
  kind: 'jwks' | 'jwk',
): Promise<SignatureCheck> {
  const tokenKid = str(token.header.kid);
  const tokenX5t = str(token.header.x5t);
  const named = tokenKid ?? tokenX5t;
  let chosen = keys;
  if (named !== null) {
    chosen = keys.filter(
      (k) =>
        (tokenKid !== null && k.kid === tokenKid) ||
        (tokenX5t !== null && (k.x5t === tokenX5t || k.kid === tokenX5t)),
    );
    // A lone JWK without a kid is the key the user means: try it.
    if (chosen.length === 0 && kind === 'jwk' && keys[0]?.kid === null) chosen = keys;
    if (chosen.length === 0) {
      return fail(
        'no-key-for-kid',
        `The token names key "${named}", but ${listKids(keys)}. The key may have been rotated, or this is the wrong tenant's or app's key set.`,
      );
    }
  }
  const usable = chosen.filter(
    (k) => fitsNeed(need, k.kty, k.crv) && (k.alg === null || k.alg === alg) && k.use !== 'enc',
  );
  if (usable.length === 0) {
    const first = chosen[0];
    const what = first
      ? first.alg !== null && first.alg !== alg
        ? `a key for ${first.alg}`
        : first.use === 'enc'
          ? 'an encryption key'
          : describeKeyType(first.kty, first.crv)
      : 'no key';
    return fail(
      'wrong-algorithm',
      `The token is signed with ${alg}, which needs ${need.name}; ${named !== null ? `the key "${named}"` : 'the pasted key'} is ${what}.`,
    );
  }
  const where =
    kind === 'jwks' ? ` from a JWKS of ${keys.length} ${keys.length === 1 ? 'key' : 'keys'}` : ' (JWK)';
  let lastError: VerifyError | null = null;
  for (const entry of usable) {
    const candidate = await importEntry(entry, alg, where);
    if (isError(candidate)) {
      lastError = candidate;
      continue;
    }
    const attempt = await tryVerify(token.raw, alg, candidate.key);
    if (attempt.ok) return { ok: true, alg, kid: candidate.kid ?? named, keySummary: candidate.summary };
    lastError = attempt.error;
    if (attempt.error.code === 'malformed-token') break;
  }
  if (named === null && usable.length > 1 && lastError?.code === 'signature-mismatch') {
    return fail(
      'missing-kid',
      `The token has no kid, so it does not say which key signed it, and none of the ${usable.length} ${alg} keys matches the signature.`,
    );
  }
  return { ok: false, error: lastError ?? { code: 'bad-key', message: 'No key could be used.' } };
}

function looksBase64(text: string): boolean {
  return text.length >= 16 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(text);
}

async function verifyWithSecret(token: DecodedJwt, alg: string, secret: string): Promise<SignatureCheck> {
  const bytes = new TextEncoder().encode(secret);
  const asText = await tryVerify(token.raw, alg, bytes);
  if (asText.ok)
    return {
      ok: true,
      alg,
      kid: str(token.header.kid),
      keySummary: `HMAC secret (${bytes.length} bytes, used as text)`,
    };
  if (asText.error.code !== 'signature-mismatch' || !looksBase64(secret))
    return { ok: false, error: asText.error };
  // Many libraries keep HMAC secrets base64-encoded: a match on the decoded bytes is just as conclusive.
  const decoded = decodeBase64Bytes(secret);
  if (decoded && decoded.length > 0) {
    const asBase64 = await tryVerify(token.raw, alg, decoded);
    if (asBase64.ok)
      return {
        ok: true,
        alg,
        kid: str(token.header.kid),
        keySummary: `HMAC secret (${decoded.length} bytes, base64-decoded)`,
      };
  }
  return fail(
    'signature-mismatch',
    'The signature does not match this secret (tried as text and base64-decoded).',
  );
}

/**
 * Checks a JWT's signature against a key the user pasted: a JWKS, a single JWK, a PEM public key
 * (SPKI), a PEM X.509 certificate, or an HMAC secret. Picks the key by `kid` (or `x5t`), refuses
 * `alg: none`, and explains Microsoft Graph access tokens (a `nonce` in the header), which only Graph
 * can verify, and refuses a `crit` header it does not understand and public key material offered as an
 * HMAC secret. Does NOT check `nbf`, `aud`, `iss` or any other claim, and does NOT keep the key: a verified
 * signature says who signed the token, not that the token is valid for any API. Given `now`, a verified
 * result notes an expired token; an HMAC token claiming an Entra issuer is noted as not Entra's.
 * Never throws; every failure is a typed value.
 */
export async function verifyTokenSignature(
  token: DecodedJwt,
  keyText: string,
  options: VerifyOptions = {},
): Promise<SignatureCheck> {
  const result = await verifyUnsafe(token, keyText);
  if (!result.ok) return result;
  const notes = notesFor(token, result.alg, options.now ?? null);
  return notes.length > 0 ? { ...result, notes } : result;
}

const ENTRA_NEVER_HMAC =
  'Entra ID never signs tokens with an HMAC algorithm (HS256, HS384, HS512): it signs with RS256 and its published keys, so a token that claims an Entra issuer and says HS256 is forged.';

/** What a verified signature does not settle, said next to it: an expired token, an HMAC "Entra" token. */
function notesFor(token: DecodedJwt, alg: string, now: Date | null): string[] {
  const notes: string[] = [];
  const exp = token.payload.exp;
  if (now !== null && typeof exp === 'number' && Number.isFinite(exp) && exp * 1000 <= now.getTime()) {
    const at = new Date(exp * 1000);
    notes.push(
      `The token expired at ${Number.isNaN(at.getTime()) ? String(exp) : at.toISOString()}: the signature is genuine, but no API accepts an expired token. Request a new one.`,
    );
  }
  if (alg.toUpperCase().startsWith('HS') && isEntraIssuer(str(token.payload.iss)))
    notes.push(`${ENTRA_NEVER_HMAC} This one was signed with the secret you pasted, not by Entra.`);
  return notes;
}

/** Any Entra issuer (workforce, B2C, External ID), by the one issuer classifier in src/token. */
const isEntraIssuer = (iss: string | null): boolean => classifyIssuer(iss).kind !== 'other';

/** Header parameters this check (jose) understands when a token lists them in `crit`. */
const UNDERSTOOD_CRIT = new Set(['b64']);

async function verifyUnsafe(token: DecodedJwt, keyText: string): Promise<SignatureCheck> {
  try {
    const alg = str(token.header.alg);
    if (alg === null)
      return fail(
        'missing-alg',
        'The token header has no "alg", so there is no way to know how it was signed.',
      );
    if (alg.toLowerCase() === 'none') {
      return fail(
        'alg-none',
        'The token says "alg": "none": it is unsigned, so there is nothing to verify and no API should accept it.',
      );
    }
    if (typeof token.header.nonce === 'string') {
      return fail(
        'graph-nonce',
        'This is a Microsoft Graph access token: its header carries a nonce that Graph transforms before checking, so only Graph can verify its signature. That is by design, not a sign the token is invalid; tokens for your own API have no such nonce and can be verified here.',
      );
    }
    const crit = token.header.crit;
    if (crit !== undefined) {
      const names = Array.isArray(crit) ? crit : [crit];
      const unknown = names.filter((n) => typeof n !== 'string' || !UNDERSTOOD_CRIT.has(n));
      if (unknown.length > 0 || names.length === 0) {
        const shown = unknown.map((n) => (typeof n === 'string' ? `"${n}"` : JSON.stringify(n))).join(', ');
        return fail(
          'unknown-critical-header',
          names.length === 0
            ? 'The header has an empty "crit" list, which the JWS standard forbids: the token is malformed.'
            : `The header marks ${shown} as critical ("crit"): a verifier must refuse a token whose critical header parameters it does not understand, and this check does not understand ${unknown.length === 1 ? 'it' : 'them'}. Entra ID tokens carry no "crit".`,
        );
      }
    }
    const need = findKeyNeed(alg);
    if (need === null)
      return fail(
        'unsupported-algorithm',
        `The token is signed with "${alg}", which this check does not support.`,
      );
    if (token.signature === '')
      return fail('no-signature', 'The token has an empty signature segment: there is nothing to verify.');

    const parsed = parseKeyText(keyText);
    if (!parsed.ok) return parsed;
    const key = parsed.key;
    if (key.kind === 'text') {
      if (need.kty !== 'oct') {
        return fail(
          'bad-key',
          `The token is signed with ${alg}, which needs ${need.name}. The pasted text is not a JWKS, JWK, PEM public key or certificate.`,
        );
      }
      const material = looksLikeKeyMaterial(key.text);
      if (material !== null) {
        const what =
          material === 'long-base64'
            ? 'a long base64 value, the size of a public key or an RSA modulus (a JWK "n"), not a secret'
            : 'the base64 of a certificate or public key (what a JWKS "x5c" entry or a PEM body holds) without its PEM armour';
        return fail(
          'wrong-algorithm',
          `The token is signed with ${alg}, an HMAC algorithm that needs the shared secret, and the pasted text is ${what}. Accepting a public key as an HMAC secret is a known forgery (algorithm confusion); this check refuses it. ${ENTRA_NEVER_HMAC}`,
        );
      }
      return await verifyWithSecret(token, alg, key.text);
    }
    if (need.kty === 'oct' && (key.kind === 'spki' || key.kind === 'x509')) {
      return fail(
        'wrong-algorithm',
        `The token is signed with ${alg}, an HMAC algorithm that needs the shared secret, not a public key. (Accepting a public key as an HMAC secret is a known attack; this check refuses it.) ${ENTRA_NEVER_HMAC}`,
      );
    }
    if (key.kind === 'spki' || key.kind === 'x509') {
      const candidate = await importPem(key.kind, key.pem, alg, need);
      if (isError(candidate)) return { ok: false, error: candidate };
      const attempt = await tryVerify(token.raw, alg, candidate.key);
      return attempt.ok
        ? { ok: true, alg, kid: str(token.header.kid), keySummary: candidate.summary }
        : attempt;
    }
    return await verifyWithJwks(token, alg, need, key.keys, key.kind);
  } catch (error) {
    return fail('bad-key', `The check could not run: ${messageOf(error)}`);
  }
}
