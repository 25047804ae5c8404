import { describe, expect, it } from 'vitest';
import { splitPaste } from '../../src/diagnose/split-paste';
import { MAX_INPUT_LENGTH } from '../../src/token';
import { graphAppOnlyV2, makeToken } from '../fixtures/make-token';

const T = makeToken(graphAppOnlyV2());
const ALERTS = 'https://graph.microsoft.com/v1.0/security/alerts_v2';
const DEFENDER = 'https://api.securitycenter.microsoft.com/api/alerts';
const ERROR_BODY = '{"error":{"code":"Forbidden","message":"Missing application roles."}}';

describe('splitPaste: commands', () => {
  it.each([
    ['curl, bash', `curl -H "Authorization: Bearer ${T}" ${ALERTS}`, 'curl', `GET ${ALERTS}`],
    [
      'curl, -X and quotes',
      `curl -X POST '${ALERTS}' -H 'Authorization: Bearer ${T}'`,
      'curl',
      `POST ${ALERTS}`,
    ],
    ['curl, -XPATCH', `curl -XPATCH "${ALERTS}" -H "Authorization: Bearer ${T}"`, 'curl', `PATCH ${ALERTS}`],
    [
      'curl, --data implies POST',
      `curl ${ALERTS} -H 'Authorization: Bearer ${T}' --data '{"a":1}'`,
      'curl',
      `POST ${ALERTS}`,
    ],
    [
      'curl, --url',
      `curl --request DELETE --url ${ALERTS} --header 'authorization: Bearer ${T}'`,
      'curl',
      `DELETE ${ALERTS}`,
    ],
    ['curl, --oauth2-bearer', `curl --oauth2-bearer ${T} ${ALERTS}`, 'curl', `GET ${ALERTS}`],
    [
      "Chrome's Copy as cURL (bash)",
      `curl '${ALERTS}' \\\n  -H 'accept: */*' \\\n  -H 'accept-language: en-GB,en;q=0.9' \\\n  -H 'authorization: Bearer ${T}' \\\n  -H $'x-note: it\\'s' \\\n  --compressed`,
      'curl',
      `GET ${ALERTS}`,
    ],
    [
      "Chrome's Copy as cURL (cmd)",
      `curl ^"${ALERTS}^" ^\n  -H ^"accept: */*^" ^\n  -H ^"authorization: Bearer ${T}^" ^\n  -H ^"x-q: a^^b^" ^\n  --compressed`,
      'curl-cmd',
      `GET ${ALERTS}`,
    ],
    ['curl after a prompt', `$ curl -H "Authorization: Bearer ${T}" ${ALERTS}`, 'curl', `GET ${ALERTS}`],
    ['curl.exe', `curl.exe -H "Authorization: Bearer ${T}" "${ALERTS}"`, 'curl', `GET ${ALERTS}`],
    [
      'Invoke-RestMethod with a headers hashtable',
      `Invoke-RestMethod -Method Get -Uri "${DEFENDER}" -Headers @{ Authorization = "Bearer ${T}" }`,
      'invoke-restmethod',
      `GET ${DEFENDER}`,
    ],
    [
      'Invoke-RestMethod across lines, token in a variable',
      `$token = "${T}"\n$headers = @{\n  Authorization = "Bearer $token"\n}\nInvoke-RestMethod -Uri '${DEFENDER}' \`\n  -Headers $headers -Method POST`,
      'invoke-restmethod',
      `POST ${DEFENDER}`,
    ],
    [
      'irm positional',
      `irm "${DEFENDER}" -Headers @{Authorization="Bearer ${T}"}`,
      'invoke-restmethod',
      `GET ${DEFENDER}`,
    ],
    [
      'Invoke-WebRequest after a PS prompt',
      `PS C:\\Users\\me> Invoke-WebRequest -Uri ${DEFENDER} -Headers @{Authorization = "Bearer ${T}"}`,
      'invoke-restmethod',
      `GET ${DEFENDER}`,
    ],
    [
      'Invoke-MgGraphRequest, relative URI',
      'Invoke-MgGraphRequest -Method GET -Uri "v1.0/security/alerts_v2"',
      'invoke-mggraphrequest',
      `GET ${ALERTS}`,
    ],
    [
      'Invoke-MgGraphRequest, positional, absolute',
      `Invoke-MgGraphRequest DELETE ${ALERTS}`,
      'invoke-mggraphrequest',
      `DELETE ${ALERTS}`,
    ],
    [
      'az rest with headers',
      `az rest --method get --url "${ALERTS}" --headers "Authorization=Bearer ${T}"`,
      'az-rest',
      `GET ${ALERTS}`,
    ],
    [
      'az rest, an ARM path',
      'az rest -m post -u "/subscriptions/0000/providers/Microsoft.Security/alerts?api-version=2022-01-01"',
      'az-rest',
      'POST https://management.azure.com/subscriptions/0000/providers/Microsoft.Security/alerts?api-version=2022-01-01',
    ],
  ])('reads %s', (_name, text, shape, request) => {
    const split = splitPaste(text);
    expect(split.shape).toBe(shape);
    expect(split.request).toBe(request);
    if (text.includes(T)) expect(split.tokens).toEqual([T]);
    expect(split.answer).toBeNull();
  });

  it('takes what is printed after the command as the answer', () => {
    const split = splitPaste(
      `curl -i -H "Authorization: Bearer ${T}" ${ALERTS}\nHTTP/2 403\ncontent-type: application/json\n\n${ERROR_BODY}\n`,
    );
    expect(split.request).toBe(`GET ${ALERTS}`);
    expect(split.tokens).toEqual([T]);
    expect(split.answer).toBe(`HTTP/2 403\ncontent-type: application/json\n\n${ERROR_BODY}`);
  });

  it('takes a PowerShell error printed after the command as the answer', () => {
    const split = splitPaste(
      `Invoke-RestMethod -Uri ${DEFENDER} -Headers @{Authorization = "Bearer ${T}"}\nInvoke-RestMethod: ${ERROR_BODY}`,
    );
    expect(split.request).toBe(`GET ${DEFENDER}`);
    expect(split.answer).toBe(`Invoke-RestMethod: ${ERROR_BODY}`);
  });
});

describe('splitPaste: HTTP exchanges', () => {
  it('reads request line, Host, token and the whole response', () => {
    const response = `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nrequest-id: 1111\r\n\r\n${ERROR_BODY}`;
    const text = `GET /v1.0/security/alerts_v2 HTTP/1.1\r\nHost: graph.microsoft.com\r\nAuthorization: Bearer ${T}\r\n\r\n${response}`;
    const split = splitPaste(text);
    expect(split).toEqual({
      shape: 'http-exchange',
      tokens: [T],
      request: `GET ${ALERTS}`,
      answer: response,
    });
  });

  it('reads an absolute request target and no response', () => {
    const split = splitPaste(`POST ${DEFENDER} HTTP/2\nAuthorization: Bearer ${T}\n\n{"x":1}`);
    expect(split.request).toBe(`POST ${DEFENDER}`);
    expect(split.answer).toBeNull();
  });

  it('takes a response alone as the answer', () => {
    const split = splitPaste(`HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n${ERROR_BODY}`);
    expect(split).toMatchObject({ shape: 'http-response', tokens: [], request: null });
    expect(split.answer).toContain('401 Unauthorized');
  });
});

describe('splitPaste: everything else is left to the token box', () => {
  it.each([
    ['a bare token', T],
    ['a Bearer header', `Authorization: Bearer ${T}`],
    ['a redirect URL', `https://app.example/cb#access_token=${T}&token_type=Bearer`],
    ['prose', 'curly braces are not a command'],
    ['an empty paste', '   '],
    ['a curl without a URL', `curl -H "Authorization: Bearer ${T}"`],
    ['a request line without HTTP version', `GET ${ALERTS}`],
  ])('%s', (_name, text) => {
    expect(splitPaste(text)).toMatchObject({ request: null, answer: null });
  });

  it('does not split input over the size limit', () => {
    const split = splitPaste(`curl ${ALERTS} -H "Authorization: Bearer ${'a'.repeat(MAX_INPUT_LENGTH)}"`);
    expect(split).toEqual({ shape: 'text', tokens: [], request: null, answer: null });
  });

  it.each([
    ['quotes', `curl ${'"'.repeat(200_000)}`],
    ['carets', `curl ^"${'^'.repeat(200_000)}`],
    ['backticks', `Invoke-RestMethod ${'`'.repeat(200_000)}`],
    ['lines', `${'curl\n'.repeat(40_000)}`],
    ['continued lines', `${'curl \\\n'.repeat(40_000)}`],
    ['continued PowerShell lines', `${'iwr `\n'.repeat(40_000)}`],
    ['braces', `iwr -Uri https://a.example ${'@{'.repeat(80_000)}`],
    ['request lines', `GET ${'/a '.repeat(60_000)}HTTP/1.1`],
  ])('stays linear on adversarial %s at the size limit', (_name, text) => {
    // Measured against a linear pass over the same text in the same run (never an absolute time):
    // quadratic work on 200 K characters is ~10^5 times a linear pass, linear work a small multiple.
    const baselineStart = performance.now();
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
    const baseline = Math.max(performance.now() - baselineStart, 0.5);
    const started = performance.now();
    const split = splitPaste(text);
    const elapsed = performance.now() - started;
    expect(sum).toBeGreaterThan(0);
    expect(split.shape).toBeDefined();
    expect(elapsed / baseline).toBeLessThan(2000);
  });
});
