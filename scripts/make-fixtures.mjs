#!/usr/bin/env node
// Generates the signed synthetic fixture tokens shared by unit and browser tests (`npm run fixtures`).
// Keys are made once and kept in test/fixtures/keys/ (test-only, never used anywhere real); tokens are
// rewritten on every run. RS256 and HS256 signatures are deterministic; PS256 and ES256 change per run
// because those algorithms are randomised, which is harmless. All claims are synthetic; exp is in 2099
// (except `expired`) so browser tests with a real clock stay valid.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { CompactEncrypt, SignJWT, exportJWK, exportSPKI, generateKeyPair, importJWK } from 'jose';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'test', 'fixtures');
const keysDir = join(fixtures, 'keys');
mkdirSync(keysDir, { recursive: true });

const base = JSON.parse(readFileSync(join(fixtures, 'payloads.json'), 'utf8'));
const payload = (name) => structuredClone(base[name]);

const ASYMMETRIC = [
  { alg: 'RS256', kid: 'test-rs256', options: { modulusLength: 2048 } },
  { alg: 'PS256', kid: 'test-ps256', options: { modulusLength: 2048 } },
  { alg: 'ES256', kid: 'test-es256', options: {} },
];

/** Loads a committed private JWK, or creates and writes one the first time. */
async function loadKeyPair({ alg, kid, options }) {
  const file = join(keysDir, `${alg.toLowerCase()}.private.jwk.json`);
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair(alg, { ...options, extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
    writeFileSync(file, JSON.stringify(jwk, null, 2) + '\n');
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8'));
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
  return {
    alg,
    kid,
    privateKey: await importJWK(jwk, alg),
    publicKey: await importJWK(publicJwk, alg, { extractable: true }),
    publicJwk,
  };
}

const secretFile = join(keysDir, 'hs256.secret.txt');
if (!existsSync(secretFile)) {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  writeFileSync(secretFile, Buffer.from(bytes).toString('base64url') + '\n');
}
const hsSecretText = readFileSync(secretFile, 'utf8').trim();
const hsSecret = new TextEncoder().encode(hsSecretText);

const pairs = {};
for (const spec of ASYMMETRIC) pairs[spec.alg] = await loadKeyPair(spec);
const rs = pairs.RS256;

writeFileSync(
  join(keysDir, 'jwks.json'),
  JSON.stringify({ keys: Object.values(pairs).map((p) => p.publicJwk) }, null, 2) + '\n',
);
writeFileSync(join(keysDir, 'rs256.public.pem'), await exportSPKI(rs.publicKey));

async function sign(claims, { alg = 'RS256', kid, header = {} } = {}) {
  const key = alg === 'HS256' ? hsSecret : pairs[alg].privateKey;
  const protectedHeader = { alg, typ: 'JWT', ...header };
  const useKid = kid === undefined ? (alg === 'HS256' ? 'test-hs256' : pairs[alg].kid) : kid;
  if (useKid !== null) protectedHeader.kid = useKid;
  return new SignJWT(claims).setProtectedHeader(protectedHeader).sign(key);
}

/** Flips one character in the payload so the signature no longer matches but the token still decodes. */
function tamper(token) {
  const [h, p, s] = token.split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  claims.scp = 'Directory.ReadWrite.All';
  claims.roles = ['Directory.ReadWrite.All'];
  return `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
}

const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
const T = '00000000-1111-2222-3333-444444444444';

const tokens = {};
tokens['graph-delegated-v1'] = await sign(payload('graph-delegated-v1'));
tokens['graph-app-only-v2'] = await sign(payload('graph-app-only-v2'));
tokens['defender-managed-identity'] = await sign(payload('defender-managed-identity'));
tokens['id-token-v2'] = await sign(payload('id-token-v2'));
{
  // Implicit flow: delegated token without wids (Entra leaves it out there), and with hasgroups.
  const { wids: _w, ...claims } = payload('graph-delegated-v1');
  tokens['implicit-no-wids'] = await sign(claims);
}
tokens['guest-v2'] = await sign(payload('guest-v2'));
tokens['b2c'] = await sign({
  ...payload('id-token-v2'),
  iss: 'https://contosofake.b2clogin.com/11111111-2222-3333-4444-555555555555/v2.0/',
  tid: '11111111-2222-3333-4444-555555555555',
  tfp: 'B2C_1_signupsignin',
  ver: '1.0',
  emails: ['tess@contoso.example'],
});
tokens['external-id'] = await sign({
  ...payload('id-token-v2'),
  iss: 'https://22222222-3333-4444-5555-666666666666.ciamlogin.com/22222222-3333-4444-5555-666666666666/v2.0',
  tid: '22222222-3333-4444-5555-666666666666',
});
tokens['usgov-delegated-v1'] = await sign({
  ...payload('graph-delegated-v1'),
  aud: 'https://graph.microsoft.us',
  iss: `https://login.microsoftonline.us/${T}/`,
});
tokens['china-delegated-v1'] = await sign({
  ...payload('graph-delegated-v1'),
  aud: 'https://microsoftgraph.chinacloudapi.cn',
  iss: `https://sts.chinacloudapi.cn/${T}/`,
});
{
  const hostile = {
    ...payload('graph-delegated-v1'),
    name: '<img src=x onerror=alert(1)>',
    given_name: '<script>alert("given")</script>',
    scp: 'User.Read <b>bold</b>',
    '<script>alert(1)</script>': 'claim name with markup',
    'onmouseover="alert(2)"': '<svg onload=alert(3)>',
    javascript: 'javascript:alert(4)',
  };
  // Own data properties named __proto__ and constructor, as JSON.parse would create them.
  Object.defineProperty(hostile, '__proto__', {
    value: { polluted: 'yes', isAdmin: true },
    enumerable: true,
  });
  Object.defineProperty(hostile, 'constructor', {
    value: { prototype: { polluted: 'yes' } },
    enumerable: true,
  });
  tokens['hostile-claims'] = await sign(hostile);
}
tokens['graph-with-nonce'] = await sign(payload('graph-delegated-v1'), {
  header: { nonce: 'FAKE-graph-header-nonce-0000000000000000000' },
});
{
  const { wids: _w, ...claims } = payload('graph-delegated-v1');
  tokens['group-overage'] = await sign({
    ...claims,
    _claim_names: { groups: 'src1' },
    _claim_sources: {
      src1: {
        endpoint: `https://graph.windows.net/${T}/users/aaaaaaaa-0000-0000-0000-000000000001/getMemberObjects`,
      },
    },
  });
}
tokens['forty-roles'] = await sign({
  ...payload('graph-app-only-v2'),
  roles: Array.from({ length: 40 }, (_, i) => `Fake.Role${String(i + 1).padStart(2, '0')}.Read.All`),
});
tokens['utf8-name'] = await sign({
  ...payload('graph-delegated-v1'),
  name: 'Zoë Ångström 日本語 🙂',
  given_name: 'Zoë',
});
tokens['expired'] = await sign({
  ...payload('graph-delegated-v1'),
  iat: 1600000000,
  nbf: 1600000000,
  exp: 1600003600,
});
tokens['not-yet-valid'] = await sign({ ...payload('graph-delegated-v1'), nbf: 4070908000 });
tokens['no-kid'] = await sign(payload('graph-delegated-v1'), { kid: null });

// One token per algorithm for signature tests, plus a tampered copy of each.
for (const alg of ['RS256', 'PS256', 'ES256', 'HS256']) {
  const name = alg.toLowerCase();
  tokens[name] = await sign({ ...payload('graph-delegated-v1'), aud: 'api://tokenscope-test' }, { alg });
  tokens[`${name}-tampered`] = tamper(tokens[name]);
}
tokens['alg-none'] = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload('graph-delegated-v1'))}.`;
tokens['jwe'] = await new CompactEncrypt(
  new TextEncoder().encode(JSON.stringify(payload('graph-delegated-v1'))),
)
  .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'test-jwe' })
  .encrypt(crypto.getRandomValues(new Uint8Array(32)));

writeFileSync(join(fixtures, 'tokens.json'), JSON.stringify(tokens, null, 2) + '\n');
console.log(
  `wrote ${Object.keys(tokens).length} tokens to test/fixtures/tokens.json and keys to test/fixtures/keys/`,
);
