import { fixOf } from './finding';
import { isOpaqueTokenShape } from './opaque';
import { decodeBase64UrlBytes, decodeUtf8, isBase64Url } from './base64url';
import type { Finding } from './finding';
import { isJsonObject, parseJson } from './json';
import type { Claims, DecodeFindingCode, DecodeResult, TokenError } from './types';

function fail(code: TokenError['code'], message: string, segment?: TokenError['segment']): DecodeResult {
  return { ok: false, error: segment === undefined ? { code, message } : { code, message, segment } };
}

type Part = { ok: true; value: Claims } | { ok: false; result: DecodeResult };

function decodePart(text: string, segment: 'header' | 'payload'): Part {
  const name = segment === 'header' ? 'header (first part)' : 'payload (second part)';
  if (text === '') return { ok: false, result: fail('not-json', `The ${name} is empty.`, segment) };
  const bytes = decodeBase64UrlBytes(text);
  if (bytes === null) {
    const bad = /[^A-Za-z0-9_=-]/.exec(text);
    const why = bad
      ? `it contains "${bad[0]}", which base64url never uses`
      : 'its length is impossible for base64url';
    return { ok: false, result: fail('not-base64url', `The ${name} is not base64url: ${why}.`, segment) };
  }
  const text8 = decodeUtf8(bytes);
  if (text8 === null) {
    return {
      ok: false,
      result: fail('not-json', `The ${name} does not decode to UTF-8 text, so it is not JSON.`, segment),
    };
  }
  const parsed = parseJson(text8);
  if (!parsed.ok) {
    return {
      ok: false,
      result: fail('not-json', `The ${name} decodes, but not to JSON (${parsed.reason}).`, segment),
    };
  }
  if (!isJsonObject(parsed.value)) {
    const kind = Array.isArray(parsed.value)
      ? 'an array'
      : parsed.value === null
        ? 'null'
        : `a ${typeof parsed.value}`;
    return {
      ok: false,
      result: fail('not-object', `The ${name} is JSON ${kind}, not a JSON object.`, segment),
    };
  }
  return { ok: true, value: parsed.value };
}

/**
 * Decodes a compact JWT's header and payload into null-prototype objects, reporting `alg: none`, an empty
 * signature and a Graph-style header `nonce` as findings. Never throws: every failure is a typed error.
 * Does NOT verify the signature, check expiry, or trim surrounding text (use findTokens for pasted text).
 */
export function decodeToken(raw: string): DecodeResult {
  try {
    return decodeUnsafe(raw);
  } catch (error) {
    // Defensive only: decodeUnsafe is written not to throw.
    return fail(
      'not-json',
      `The token could not be read (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
}

function decodeUnsafe(raw: string): DecodeResult {
  if (typeof raw !== 'string' || raw.trim() === '') return fail('empty', 'The token is empty.');
  const value = raw.trim();
  if (isOpaqueTokenShape(value) && !/^eyJ/.test(value)) {
    return fail(
      'opaque',
      'This is an opaque token, not a JWT: only the service that issued it can read it. Tokens for personal Microsoft accounts and some first-party APIs look like this; refresh tokens do too.',
    );
  }
  const parts = value.split('.');
  if (parts.length === 5 && decodePart(parts[0] ?? '', 'header').ok) {
    return fail(
      'encrypted',
      'This is an encrypted token (JWE, five parts): its claims cannot be read without the decryption key, which only the API it was issued for holds.',
    );
  }
  if (parts.length === 2) {
    return fail(
      'two-segments',
      'This has two parts; a JWT has three (header.payload.signature). The end was probably cut off when copying.',
    );
  }
  if (parts.length !== 3) {
    return fail(
      'wrong-segment-count',
      parts.length === 1
        ? 'This is not a JWT: a JWT has three parts separated by dots, and this has no dots.'
        : `This has ${parts.length} parts; a JWT has three (header.payload.signature) and an encrypted token five.`,
    );
  }
  const [h = '', p = '', s = ''] = parts;
  const header = decodePart(h, 'header');
  if (!header.ok) return header.result;
  const payload = decodePart(p, 'payload');
  if (!payload.ok) return payload.result;
  if (!isBase64Url(s)) {
    return fail('not-base64url', 'The signature (third part) is not base64url.', 'signature');
  }
  return {
    ok: true,
    token: { raw: value, header: header.value, payload: payload.value, signature: s },
    findings: findDecodeFindings(header.value, s),
  };
}

function findDecodeFindings(header: Claims, signature: string): Finding<DecodeFindingCode>[] {
  const findings: Finding<DecodeFindingCode>[] = [];
  const alg = header['alg'];
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    findings.push({
      code: 'alg-none',
      severity: 'error',
      evidence: { alg },
      message:
        'The header says "alg": "none": the token claims to be unsigned. Entra never issues such tokens and APIs must reject them.',
      fix: fixOf('Get a real token from Entra ID; never accept or send unsigned tokens.'),
    });
  }
  if (signature === '') {
    findings.push({
      code: 'unsigned',
      severity: 'warning',
      evidence: { signature: '' },
      message: 'The signature part is empty, so nothing proves who issued this token. An API will reject it.',
      fix: fixOf('Copy the whole token, including the part after the second dot.'),
    });
  }
  if (Object.hasOwn(header, 'nonce')) {
    findings.push({
      code: 'graph-nonce',
      severity: 'info',
      evidence: { nonce: header['nonce'] },
      message:
        'The header has a "nonce": Microsoft Graph tokens are built this way and only Graph can check their signature. A signature check elsewhere failing is expected and means nothing is wrong.',
      fix: null,
    });
  }
  return findings;
}
