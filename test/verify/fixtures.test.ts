// @vitest-environment node
// The signed fixtures from scripts/make-fixtures.mjs, checked the way a person would in the Signature panel.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../src/token';
import { verifyTokenSignature } from '../../src/verify';

const dir = new URL('../fixtures/', import.meta.url);
const tokens = JSON.parse(readFileSync(new URL('tokens.json', dir), 'utf8')) as Record<string, string>;
const key = (name: string) => readFileSync(new URL(`keys/${name}`, dir), 'utf8');
const jwks = key('jwks.json');
const pem = key('rs256.public.pem');
const secret = key('hs256.secret.txt');

function decoded(name: string) {
  const result = decodeToken(tokens[name]!);
  if (!result.ok) throw new Error(`fixture ${name} does not decode: ${result.error.message}`);
  return result.token;
}

describe('the signed fixtures', () => {
  it.each([
    ['rs256', jwks, 'ok', 'test-rs256'],
    ['ps256', jwks, 'ok', 'test-ps256'],
    ['es256', jwks, 'ok', 'test-es256'],
    ['hs256', secret, 'ok', 'test-hs256'],
    ['rs256', pem, 'ok', 'test-rs256'],
    ['no-kid', jwks, 'ok', 'test-rs256'],
    ['rs256-tampered', jwks, 'signature-mismatch', null],
    ['ps256-tampered', jwks, 'signature-mismatch', null],
    ['es256-tampered', jwks, 'signature-mismatch', null],
    ['hs256-tampered', secret, 'signature-mismatch', null],
    ['hs256', 'the wrong secret', 'signature-mismatch', null],
    ['es256', pem, 'wrong-algorithm', null],
    ['hs256', pem, 'wrong-algorithm', null],
    ['rs256', JSON.stringify({ keys: JSON.parse(jwks).keys.slice(1) }), 'no-key-for-kid', null],
    ['graph-with-nonce', jwks, 'graph-nonce', null],
    ['alg-none', jwks, 'alg-none', null],
  ])('%s against the given key gives %s', async (name, keyText, code, kid) => {
    const result = await verifyTokenSignature(decoded(name), keyText);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
    if (result.ok) expect(result.kid).toBe(kid);
  });
});
