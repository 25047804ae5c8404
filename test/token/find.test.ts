import { describe, expect, it } from 'vitest';
import { MAX_INPUT_LENGTH, type TokenSource } from '../../src/token';
import { findTokens } from '../../src/token/find';
import { graphDelegatedV1, idTokenV2, makeToken } from '../fixtures/make-token';
import tokens from '../fixtures/tokens.json';

const jwt = makeToken(graphDelegatedV1());
const other = makeToken(idTokenV2());
const jwe = tokens.jwe;
const opaque =
  'EwB4A8l6BAAUbDba3x2OMJElkF7gJ4z/VbCPEz0AAQmIzeEZz1234567890abcdefGHIJKLmnopQRSTuvwxYZ+/abcdEFGH=';

interface Row {
  readonly name: string;
  readonly text: string;
  readonly value: string;
  readonly source: TokenSource;
  readonly label: string | null;
}

const rows: Row[] = [
  { name: 'a bare JWT', text: jwt, value: jwt, source: 'bare', label: null },
  {
    name: 'a bare JWT with surrounding whitespace',
    text: `\n\t  ${jwt}  \n`,
    value: jwt,
    source: 'bare',
    label: null,
  },
  { name: 'a double-quoted JWT', text: `"${jwt}"`, value: jwt, source: 'bare', label: null },
  { name: 'a single-quoted JWT', text: `'${jwt}'`, value: jwt, source: 'bare', label: null },
  { name: 'a Bearer value', text: `Bearer ${jwt}`, value: jwt, source: 'bearer', label: null },
  { name: 'a lowercase bearer value', text: `bearer ${jwt}`, value: jwt, source: 'bearer', label: null },
  {
    name: 'an Authorization header line',
    text: `Authorization: Bearer ${jwt}`,
    value: jwt,
    source: 'authorization-header',
    label: 'Authorization',
  },
  {
    name: 'an Authorization header among other headers',
    text: `GET /v1.0/me HTTP/1.1\nHost: graph.microsoft.com\nauthorization: Bearer ${jwt}\nAccept: application/json`,
    value: jwt,
    source: 'authorization-header',
    label: 'Authorization',
  },
  {
    name: 'a curl command with -H',
    text: `curl -X GET "https://graph.microsoft.com/v1.0/me" -H "Authorization: Bearer ${jwt}"`,
    value: jwt,
    source: 'curl',
    label: 'Authorization',
  },
  {
    name: 'a multi-line curl command with backslashes',
    text: `curl https://api.securitycenter.microsoft.com/api/machines \\\n  -H 'Accept: application/json' \\\n  -H 'Authorization: Bearer ${jwt}'`,
    value: jwt,
    source: 'curl',
    label: 'Authorization',
  },
  {
    name: 'curl --oauth2-bearer',
    text: `curl --oauth2-bearer ${jwt} https://graph.microsoft.com/v1.0/me`,
    value: jwt,
    source: 'curl',
    label: '--oauth2-bearer',
  },
  {
    name: 'a PowerShell -Headers hashtable',
    text: `Invoke-RestMethod -Uri https://graph.microsoft.com/v1.0/me -Headers @{Authorization = "Bearer ${jwt}"}`,
    value: jwt,
    source: 'powershell',
    label: 'Authorization',
  },
  {
    name: 'a PowerShell $headers hashtable with single quotes',
    text: `$headers = @{ 'Authorization' = 'Bearer ${jwt}' }\nInvoke-WebRequest -Uri $uri -Headers $headers`,
    value: jwt,
    source: 'powershell',
    label: 'Authorization',
  },
  {
    name: 'a PowerShell variable assignment',
    text: `$token = "${jwt}"`,
    value: jwt,
    source: 'powershell',
    label: '$token',
  },
  {
    name: 'a redirect URL fragment with access_token',
    text: `https://localhost:5173/#access_token=${jwt}&token_type=Bearer&expires_in=3599`,
    value: jwt,
    source: 'url-fragment',
    label: 'access_token',
  },
  {
    name: 'a bare fragment with id_token',
    text: `#id_token=${jwt}&state=abc`,
    value: jwt,
    source: 'url-fragment',
    label: 'id_token',
  },
  {
    name: 'a fragment without #',
    text: `id_token=${jwt}&session_state=x`,
    value: jwt,
    source: 'url-fragment',
    label: 'id_token',
  },
  {
    name: 'a query string with token=',
    text: `https://app.example/cb?token=${jwt}`,
    value: jwt,
    source: 'url-query',
    label: 'token',
  },
  {
    name: 'a percent-encoded URL value',
    text: `https://app.example/cb?code=1&access_token=${encodeURIComponent(opaque)}`,
    value: opaque,
    source: 'url-query',
    label: 'access_token',
  },
  {
    name: 'a JSON token response',
    text: `{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"${jwt}"}`,
    value: jwt,
    source: 'json',
    label: 'access_token',
  },
  {
    name: 'pretty-printed JSON with id_token',
    text: `{\n  "id_token": "${jwt}"\n}`,
    value: jwt,
    source: 'json',
    label: 'id_token',
  },
  {
    name: 'an opaque token in JSON with escaped slashes',
    text: `{"access_token":"${opaque.replace(/\//g, '\\/')}"}`,
    value: opaque,
    source: 'json',
    label: 'access_token',
  },
  { name: 'a five-segment JWE', text: jwe, value: jwe, source: 'bare', label: null },
  { name: 'an opaque EwB token alone', text: opaque, value: opaque, source: 'bare', label: null },
  {
    name: 'an opaque token after Bearer',
    text: `Authorization: Bearer ${opaque}`,
    value: opaque,
    source: 'authorization-header',
    label: 'Authorization',
  },
  {
    name: 'an opaque 1.A token in prose',
    text: `the refresh token was 1.AXkA${'q'.repeat(60)} yesterday`,
    value: `1.AXkA${'q'.repeat(60)}`,
    source: 'bare',
    label: null,
  },
  {
    name: 'a 40+ character random string alone',
    text: 'Zx81kPq7Lm02Rt5Vw9Yb3Nc6Hd4Jf1Gs8Ka2Ue0Io7Ph',
    value: 'Zx81kPq7Lm02Rt5Vw9Yb3Nc6Hd4Jf1Gs8Ka2Ue0Io7Ph',
    source: 'bare',
    label: null,
  },
  {
    name: 'a JWT inside prose',
    text: `Here is my token: ${jwt}, why 403?`,
    value: jwt,
    source: 'bare',
    label: null,
  },
];

const [h, p, s] = jwt.split('.') as [string, string, string];
const wrapped: { name: string; text: string }[] = [
  { name: 'hard-wrapped at 76 columns', text: (jwt.match(/.{1,76}/g) ?? []).join('\n') },
  { name: 'wrapped with CRLF line breaks', text: (jwt.match(/.{1,64}/g) ?? []).join('\r\n') },
  { name: 'wrapped inside quotes', text: `"${(jwt.match(/.{1,50}/g) ?? []).join('\n')}"` },
  {
    name: 'wrapped after Bearer with indentation',
    text: `Authorization: Bearer ${jwt.slice(0, 40)}\n    ${jwt.slice(40)}`,
  },
  { name: 'split at the dots', text: `${h}.\n${p}.\n${s}` },
  { name: 'split before the dots', text: `${h}\n.${p}\n.${s}` },
  { name: 'spaces around the dots', text: `${h} . ${p} . ${s}` },
];

describe('findTokens', () => {
  it.each(rows)('finds $name', ({ text, value, source, label }) => {
    expect(findTokens(text)).toEqual({ ok: true, tokens: [{ value, source, label }] });
  });

  it.each(wrapped)('joins a JWT $name', ({ text }) => {
    const result = findTokens(text);
    expect(result.ok && result.tokens.map((t) => t.value)).toEqual([jwt]);
  });

  it('lists several tokens in order of appearance', () => {
    const result = findTokens(`first ${other}\nthen Authorization: Bearer ${jwt}`);
    expect(result.ok && result.tokens.map((t) => [t.value, t.source])).toEqual([
      [other, 'bare'],
      [jwt, 'authorization-header'],
    ]);
  });

  it('keeps two JWTs on consecutive lines apart', () => {
    const result = findTokens(`${jwt}\n${other}`);
    expect(result.ok && result.tokens.map((t) => t.value)).toEqual([jwt, other]);
  });

  it('does not glue an ordinary word on the next line to a token', () => {
    const result = findTokens(`Bearer ${jwt}\nthanks`);
    expect(result.ok && result.tokens.map((t) => t.value)).toEqual([jwt]);
  });

  it('lists a token pasted twice once, with the most specific source', () => {
    const result = findTokens(`${jwt}\ncurl -H "Authorization: Bearer ${jwt}" https://x\n${jwt}`);
    expect(result.ok && result.tokens).toEqual([{ value: jwt, source: 'curl', label: 'Authorization' }]);
  });

  it('finds both tokens of a token response', () => {
    const result = findTokens(JSON.stringify({ access_token: jwt, id_token: other, token_type: 'Bearer' }));
    expect(result.ok && result.tokens.map((t) => [t.label, t.value])).toEqual([
      ['access_token', jwt],
      ['id_token', other],
    ]);
  });

  it('passes a lone malformed token through so decoding can explain it', () => {
    expect(findTokens('eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0')).toEqual({
      ok: true,
      tokens: [{ value: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0', source: 'bare', label: null }],
    });
  });

  it.each([
    ['an empty string', '', 'empty', 'Nothing was pasted.'],
    ['only whitespace', ' \n\t ', 'empty', 'Nothing was pasted (only whitespace).'],
    [
      'prose without a token',
      'hello, my API says 403',
      'no-token-found',
      'No token found. Paste a token (a JWT starts with "eyJ"), an Authorization header, a curl or PowerShell command, or a redirect URL.',
    ],
    [
      'a short token= value',
      'https://x/?token=abc',
      'no-token-found',
      expect.stringMatching(/^No token found/),
    ],
  ])('rejects %s', (_name, text, code, message) => {
    expect(findTokens(text)).toEqual({ ok: false, error: { code, message } });
  });

  it('rejects input over the limit at once', () => {
    const text = `Bearer ${jwt} `.repeat(Math.ceil((MAX_INPUT_LENGTH + 1) / (jwt.length + 8)));
    expect(findTokens(text)).toEqual({
      ok: false,
      error: {
        code: 'too-large',
        message: expect.stringMatching(/^The paste is \d+ KB; the limit is 256 KB\./),
      },
    });
  });

  it('accepts input of exactly the limit', () => {
    const text = jwt + ' '.repeat(MAX_INPUT_LENGTH - jwt.length);
    expect(findTokens(text).ok).toBe(true);
  });

  it('answers a 1 MB paste in well under a second', () => {
    const text = 'x'.repeat(1024 * 1024);
    const start = performance.now();
    expect(findTokens(text).ok).toBe(false);
    expect(performance.now() - start).toBeLessThan(250);
  });

  it.each([
    ['one long run then a space', `${'a'.repeat(MAX_INPUT_LENGTH - 3)} b`],
    ['many wrapped-looking lines', `${'eyJ' + 'a'.repeat(60) + '\n'}`.repeat(4000)],
    ['many Bearer lines', `Bearer ${'Ab1'.repeat(10)}\n\n`.repeat(6000)],
    ['many dots and spaces', 'a . '.repeat(60000)],
    ['many eyJ prefixes', 'eyJ.'.repeat(60000)],
    ['many $ assignments', `$a='${'b'.repeat(30)}\n`.repeat(7000)],
    ['many query parameters', '&token='.repeat(30000)],
    ['a token followed by spaces', `${jwt}${' '.repeat(MAX_INPUT_LENGTH)}`],
    ['a dot followed by spaces', `a.${' '.repeat(MAX_INPUT_LENGTH)}`],
    ['spaces before a dot-less end', `a${' \t'.repeat(MAX_INPUT_LENGTH / 2)}`],
    ['Authorization: then spaces', `Authorization: ${' '.repeat(MAX_INPUT_LENGTH)}`],
    ['Bearer then spaces', `Bearer ${' '.repeat(MAX_INPUT_LENGTH)}`],
    ['a JSON key then spaces', `"access_token"${' '.repeat(MAX_INPUT_LENGTH)}`],
    ['a long run of token characters', 'Ab1-_'.repeat(60000)],
    ['a long line then many short lines', `${'a'.repeat(100000)}\n${'b\n'.repeat(60000)}`],
    [
      'thousands of distinct labelled and bare tokens',
      Array.from({ length: 3000 }, (_, i) => `Bearer Tok${i}xxxxxxxxxxxxxxxx eyJ${i}.eyJ.x`).join('\n'),
    ],
    ['alternating quotes and newlines', `"eyJ${'a'.repeat(40)}\n"`.repeat(5000)],
  ])('stays fast on hostile input: %s', (_name, text) => {
    const input = text.slice(0, MAX_INPUT_LENGTH);
    const start = performance.now();
    findTokens(input);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
