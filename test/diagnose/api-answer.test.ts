import { describe, expect, it } from 'vitest';
import { decodeClaimsChallenge, parseDiagnostics, readApiAnswer, type ApiAnswer } from '../../src/diagnose';

function read(text: string): ApiAnswer {
  const result = readApiAnswer(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.answer;
}

const caeClaims = 'eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZSwgInZhbHVlIjoiMTYwNDEwNjY1MSJ9fX0=';
const caeResponse = `HTTP/1.1 401 Unauthorized
WWW-Authenticate: Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${caeClaims}"
request-id: 0a0a0a0a-0000-4000-8000-000000000001
client-request-id: 0b0b0b0b-0000-4000-8000-000000000002

{"error":{"code":"InvalidAuthenticationToken","message":"Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp"}}`;

const armDenied = `{"error":{"code":"AuthorizationFailed","message":"The client '11111111-1111-4111-8111-111111111111' with object id '22222222-2222-4222-8222-222222222222' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1' or the scope is invalid. If access was recently granted, please refresh your credentials."}}`;

const keyVaultRbac = `{"error":{"code":"Forbidden","message":"Caller is not authorized to perform action on resource.\\r\\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\\r\\nCaller: appid=44444444-4444-4444-8444-444444444444;oid=55555555-5555-4555-8555-555555555555;iss=https://sts.windows.net/66666666-6666-4666-8666-666666666666/\\r\\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\\r\\nResource: '/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1/providers/microsoft.keyvault/vaults/kv1/secrets/db'\\r\\nAssignment: (not found)\\r\\nDecisionReason: null\\r\\nVault: kv1;location=westeurope\\r\\n","innerError":{"code":"ForbiddenByRbac"}}}`;

const storageXml = `HTTP/1.1 403 This request is not authorized to perform this operation using this permission.
x-ms-error-code: AuthorizationPermissionMismatch
x-ms-request-id: 77777777-0000-4000-8000-000000000007

<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.
RequestId:77777777-0000-4000-8000-000000000007
Time:2026-11-23T10:00:00.0000000Z</Message></Error>`;

describe('readApiAnswer: status, host and headers', () => {
  it.each([
    ['a status line', caeResponse, 401, 'status-line'],
    [
      'HTTP/2 status line',
      'HTTP/2 403\ncontent-type: application/json\n\n{"error":{"code":"Forbidden"}}',
      403,
      'status-line',
    ],
    ["Chrome's :status pseudo-header", ':status: 403\n\n{"error":{"code":"x"}}', 403, 'status-line'],
    [
      '"Status Code: 403 Forbidden"',
      'Status Code: 403 Forbidden\n{"error":{"code":"x"}}',
      403,
      'status-line',
    ],
    ['PowerShell\'s "(403) Forbidden"', 'The remote server returned an error: (403) Forbidden.', 403, 'text'],
    ['.NET HttpClient', 'Response status code does not indicate success: 401 (Unauthorized).', 401, 'text'],
    [
      'a code that implies it',
      '{"error":{"code":"Authorization_RequestDenied","message":"x"}}',
      403,
      'implied',
    ],
    ['nothing', 'it just does not work', null, null],
  ])('reads the status from %s', (_name, text, status, source) => {
    const answer = read(text);
    expect(answer.status).toBe(status);
    expect(answer.statusSource).toBe(source);
  });

  it('reads request line, host and lower-cased headers from a full exchange', () => {
    const answer = read(`GET https://graph.microsoft.com/v1.0/users/{id}/messages HTTP/1.1
Authorization: Bearer <redacted>

HTTP/1.1 403 Forbidden
Request-Id: 0a0a0a0a-0000-4000-8000-000000000001
X-Ms-Ags-Diagnostic: {"ServerInfo":{"DataCenter":"West Europe"}}

{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}`);
    expect(answer).toMatchObject({
      method: 'GET',
      host: 'graph.microsoft.com',
      status: 403,
      code: 'ErrorAccessDenied',
    });
    expect(answer.headers.get('request-id')).toBe('0a0a0a0a-0000-4000-8000-000000000001');
    expect(answer.headers.has('x-ms-ags-diagnostic')).toBe(true);
    expect(answer.correlation.requestId).toBe('0a0a0a0a-0000-4000-8000-000000000001');
    expect(answer.family).toBe('exchange');
  });

  it('keeps header names that look like Object.prototype keys as plain data', () => {
    const answer = read(
      'constructor: x\ntoString: z\n\n{"__proto__":{"code":"polluted"},"error":{"code":"Forbidden","constructor":"c"}}',
    );
    expect(answer.headers.get('constructor')).toBe('x');
    expect(answer.headers.get('tostring')).toBe('z');
    expect(answer.code).toBe('Forbidden');
    expect(({} as Record<string, unknown>)['code']).toBeUndefined();
  });
});

describe('readApiAnswer: families', () => {
  it.each([
    [
      'Graph Authorization_RequestDenied',
      '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}',
      'graph',
    ],
    [
      'Graph identity not established',
      '{"error":{"code":"Authorization_IdentityNotFound","message":"The identity of the calling application could not be established."}}',
      'graph',
    ],
    [
      'Graph no scp or roles',
      '{"error":{"code":"InvalidAuthenticationToken","message":"Either scp or roles claim need to be present in the token."}}',
      'unauthorized',
    ],
    [
      'Graph invalid audience',
      '{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience."}}',
      'invalid-audience',
    ],
    [
      'Exchange ErrorAccessDenied',
      '{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}',
      'exchange',
    ],
    ['SharePoint accessDenied', '{"error":{"code":"accessDenied","message":"Access denied"}}', 'sharepoint'],
    [
      'an IDX code',
      'Bearer error="invalid_token", error_description="IDX10214: Audience validation failed. Audiences: \'https://graph.microsoft.com\'."',
      'identity-model',
    ],
    ['ARM AuthorizationFailed', armDenied, 'azure-rbac'],
    ['Key Vault ForbiddenByRbac', keyVaultRbac, 'azure-rbac'],
    [
      'Key Vault access policy',
      '{"error":{"code":"Forbidden","message":"The user, group or application \'appid=a;oid=b;iss=c\' does not have secrets get permission on key vault \'kv1;location=westeurope\'.","innerError":{"code":"AccessDenied"}}}',
      'key-vault',
    ],
    ['Storage AuthorizationPermissionMismatch (XML)', storageXml, 'azure-rbac'],
    [
      'Storage AuthorizationFailure',
      '<Error><Code>AuthorizationFailure</Code><Message>This request is not authorized to perform this operation.</Message></Error>',
      'storage',
    ],
    [
      'ARM wrong tenant',
      '{"error":{"code":"InvalidAuthenticationTokenTenant","message":"The access token is from the wrong issuer."}}',
      'arm',
    ],
    ['a CAE challenge', caeResponse, 'cae'],
    [
      'an AADSTS line',
      'AADSTS50076: Due to a configuration change made by your administrator, you must use multi-factor authentication.',
      'aadsts',
    ],
    [
      'Defender missing roles',
      '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite."}}',
      'defender-forbidden',
    ],
  ])('recognises %s', (_name, text, family) => {
    expect(read(text).family).toBe(family);
  });
});

describe('readApiAnswer: what the body names', () => {
  it.each([
    [
      "Defender's API required roles",
      '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite. application roles: Machine.Read.All."}}',
      {
        required: ['Ti.ReadWrite.All', 'Ti.ReadWrite'],
        mode: 'any-of',
        granted: ['Machine.Read.All'],
        kind: 'roles',
      },
    ],
    [
      "Graph's missing role permissions",
      `{"error":{"code":"Authorization_RequestDenied","message":"Missing role permissions on the request. API requires one of 'User.Read.All, Directory.Read.All'. Roles on the request 'Mail.Read'."}}`,
      {
        required: ['User.Read.All', 'Directory.Read.All'],
        mode: 'any-of',
        granted: ['Mail.Read'],
        kind: 'roles',
      },
    ],
    [
      "Graph's missing scope permissions",
      `{"error":{"code":"Forbidden","message":"Missing scope permissions on the request. API requires one of 'ChannelMessage.Read.All'. Scopes on the request 'User.Read openid'."}}`,
      { required: ['ChannelMessage.Read.All'], mode: 'any-of', granted: ['User.Read'], kind: 'scopes' },
    ],
    [
      'an all-of list',
      `{"error":{"code":"Forbidden","message":"The API requires all of 'Policy.Read.All, Application.Read.All'."}}`,
      {
        required: ['Policy.Read.All', 'Application.Read.All'],
        mode: 'all-of',
        granted: null,
        kind: 'unknown',
      },
    ],
    [
      'no scp and no roles',
      '{"error":{"code":"InvalidAuthenticationToken","message":"Either scp or roles claim need to be present in the token."}}',
      { required: [], mode: 'any-of', granted: [], kind: 'unknown' },
    ],
  ])('reads %s', (_name, text, permissions) => {
    expect(read(text).permissions).toEqual(permissions);
  });

  it.each([
    [
      'ARM',
      armDenied,
      {
        action: 'Microsoft.Resources/subscriptions/resourcegroups/read',
        scope: '/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1',
        principalId: '22222222-2222-4222-8222-222222222222',
        clientId: '11111111-1111-4111-8111-111111111111',
      },
    ],
    [
      'Key Vault',
      keyVaultRbac,
      {
        action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action',
        scope:
          '/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1/providers/microsoft.keyvault/vaults/kv1/secrets/db',
        principalId: '55555555-5555-4555-8555-555555555555',
        clientId: '44444444-4444-4444-8444-444444444444',
      },
    ],
    [
      'LinkedAuthorizationFailed',
      `{"error":{"code":"LinkedAuthorizationFailed","message":"The client has permission to perform action 'Microsoft.Network/virtualNetworks/subnets/join/action' on scope '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm', however it does not have permission to perform action 'Microsoft.Network/virtualNetworks/subnets/join/action' on the linked scope(s) '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default' or the linked scope(s) are invalid."}}`,
      {
        action: 'Microsoft.Network/virtualNetworks/subnets/join/action',
        scope:
          '/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default',
        linked: true,
      },
    ],
  ])('reads the action and scope of an %s denial', (_name, text, rbac) => {
    expect(read(text).rbac).toMatchObject(rbac);
  });

  it('reads a Key Vault access-policy denial', () => {
    const answer = read(
      '{"error":{"code":"Forbidden","message":"The user, group or application \'appid=a;oid=b;iss=c\' does not have secrets get permission on key vault \'kv1;location=westeurope\'.","innerError":{"code":"AccessDenied"}}}',
    );
    expect(answer.rbac?.accessPolicy).toEqual({ object: 'secrets', permission: 'get' });
    expect(answer.innerCode).toBe('AccessDenied');
  });

  it('reads the Storage IDs from the XML message and the x-ms-error-code header', () => {
    const answer = read(storageXml);
    expect(answer).toMatchObject({
      format: 'xml',
      code: 'AuthorizationPermissionMismatch',
      errorCodeHeader: 'AuthorizationPermissionMismatch',
      status: 403,
    });
    expect(answer.correlation).toMatchObject({
      requestId: '77777777-0000-4000-8000-000000000007',
      timestamp: '2026-11-23T10:00:00.0000000Z',
    });
  });

  it.each([
    ['AADSTS in prose', 'AADSTS7000215: Invalid client secret provided.', 'AADSTS7000215', null],
    [
      'error_codes only',
      '{"error":"invalid_grant","error_description":"x","error_codes":[50173]}',
      'AADSTS50173',
      null,
    ],
    ['an IDX code', 'IDX10511: Signature validation failed. Keys tried: ...', null, 'IDX10511'],
  ])('reads the codes in %s', (_name, text, aadsts, idx) => {
    const answer = read(text);
    expect(answer.aadsts).toBe(aadsts);
    expect(answer.idx).toBe(idx);
  });

  it('reads an OAuth error redirect pasted as a URL', () => {
    const answer = read(
      'https://app.example/redirect?error=consent_required&error_description=AADSTS65001%3a+The+user+or+administrator+has+not+consented.%0d%0aTrace+ID%3a+0f0e0d0c-0000-4000-8000-000000000001&state=x',
    );
    expect(answer).toMatchObject({ aadsts: 'AADSTS65001', oauthError: 'consent_required', family: 'aadsts' });
    expect(answer.message).toContain('has not consented');
    expect(answer.correlation.traceId).toBe('0f0e0d0c-0000-4000-8000-000000000001');
  });

  it('reads a JavaScript object literal copied from a console', () => {
    const answer = read(
      `{ error: { code: 'Authorization_RequestDenied', message: "Insufficient privileges to complete the operation." } }`,
    );
    expect(answer).toMatchObject({ code: 'Authorization_RequestDenied', format: 'json' });
  });
});

describe('readApiAnswer: CAE and diagnostics headers', () => {
  it('decodes the claims challenge of a CAE 401', () => {
    const answer = read(caeResponse);
    expect(answer.challenge).toMatchObject({ scheme: 'Bearer', error: 'insufficient_claims' });
    expect(answer.challenge?.claims?.requested).toEqual([
      { claim: 'nbf', value: '1604106651', essential: true },
    ]);
    expect(answer.correlation.clientRequestId).toBe('0b0b0b0b-0000-4000-8000-000000000002');
  });

  it.each([
    ['base64 with padding', caeClaims, 'nbf'],
    [
      'base64url',
      btoa('{"access_token":{"acrs":{"essential":true,"value":"c1"}}}').replace(/=/g, ''),
      'acrs',
    ],
    ['plain JSON', '{"access_token":{"xms_cc":{"values":["cp1"]}}}', 'xms_cc'],
  ])('decodes a claims value in %s', (_name, raw, claim) => {
    expect(decodeClaimsChallenge(raw).requested[0]?.claim).toBe(claim);
  });

  it('says why a claims value does not decode', () => {
    expect(decodeClaimsChallenge('not*base64').problem).toContain('not base64');
  });

  it('reads x-ms-diagnostics', () => {
    expect(
      parseDiagnostics('2000008;reason="The token has expired.";error_category="invalid_token"'),
    ).toEqual({
      raw: '2000008;reason="The token has expired.";error_category="invalid_token"',
      code: '2000008',
      reason: 'The token has expired.',
      category: 'invalid_token',
    });
  });
});

describe('readApiAnswer: limits', () => {
  it.each([
    ['nothing', '', 'empty'],
    ['blank lines', '   \n ', 'empty'],
    ['300 KB', 'x'.repeat(300_000), 'too-large'],
  ])('refuses %s as %s', (_name, text, code) => {
    const result = readApiAnswer(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('cuts an oversized message and says so', () => {
    const answer = read(`{"error":{"code":"Forbidden","message":"${'a'.repeat(20_000)}"}}`);
    expect(answer.message?.length).toBe(8 * 1024);
    expect(answer.notices.join(' ')).toContain('cut at 8,192 characters');
  });

  it('says when the JSON body cannot be repaired, and still scrapes the code', () => {
    const answer = read('{"error": {"code": "Forbidden", "message": "x" "target" }}}}');
    expect(answer.code).toBe('Forbidden');
    expect(answer.notices.join(' ')).toContain('did not parse');
  });
});
