import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import { AADSTS_CODE_COUNT, explainAadsts, explainError, parseRequest } from '../../src/diagnose';
import { defenderManagedIdentity, graphAppOnlyV2, graphDelegatedV1 } from '../fixtures/make-token';
import { loadToken, NOW } from './load-token';

const graphDenied = `{
  "error": {
    "code": "Authorization_RequestDenied",
    "message": "Insufficient privileges to complete the operation.",
    "innerError": {
      "date": "2026-11-23T10:00:00",
      "request-id": "11111111-2222-3333-4444-555555555555",
      "client-request-id": "66666666-7777-8888-9999-000000000000"
    }
  }
}`;

const defenderMissing =
  '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite. application roles: Machine.Read.All.","target":"3f6e1d2a-0000-4000-8000-00000000abcd"}}';

describe('explainError: formats', () => {
  it.each([
    ['Graph error JSON', graphDenied, 'graph', 'Authorization_RequestDenied', 403],
    ['Defender missing roles', defenderMissing, 'defender-forbidden', 'Forbidden', 403],
    [
      'Defender DisabledFeature',
      '{"error":{"code":"DisabledFeature","message":"Tenant feature is not enabled.","target":"abc-123"}}',
      'defender-disabled-feature',
      'DisabledFeature',
      403,
    ],
    [
      'Defender DisallowedOperation',
      '{"error":{"code":"DisallowedOperation","message":"Machine is already isolated.","target":"abc-123"}}',
      'defender-disallowed-operation',
      'DisallowedOperation',
      403,
    ],
    [
      'the Graph Security sentence',
      '{"error":{"code":"Forbidden","message":"Auth token does not contain valid permissions or user does not have valid roles.","innerError":{"request-id":"r-1"}}}',
      'graph-security',
      'Forbidden',
      403,
    ],
    [
      '401 invalid audience',
      '{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience.","innerError":{"request-id":"r-2"}}}',
      'invalid-audience',
      'InvalidAuthenticationToken',
      401,
    ],
    [
      'a 401 Unauthorized from Defender',
      '{"error":{"code":"Unauthorized","message":"Unauthorized","target":"t-1"}}',
      'unauthorized',
      'Unauthorized',
      401,
    ],
    [
      'an AADSTS line',
      'AADSTS65001: The user or administrator has not consented to use the application.\nTrace ID: 0f0e0d0c-0000-4000-8000-000000000001\nCorrelation ID: 0f0e0d0c-0000-4000-8000-000000000002\nTimestamp: 2026-11-23 10:00:00Z',
      'aadsts',
      'AADSTS65001',
      null,
    ],
    [
      'an OAuth error response',
      '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215],"timestamp":"2026-11-23 10:00:00Z","trace_id":"t","correlation_id":"c"}',
      'aadsts',
      'AADSTS7000215',
      null,
    ],
    ['something else', 'it just does not work', 'unknown', null, null],
  ])('reads %s', (_name, text, kind, code, status) => {
    const result = explainError(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kind).toBe(kind);
    expect(result.code).toBe(code);
    expect(result.status).toBe(status);
    expect(result.explanation.length).toBeGreaterThan(20);
  });

  it('shows the Graph correlation IDs', () => {
    const result = explainError(graphDenied);
    expect(result.ok && result.correlation).toMatchObject({
      requestId: '11111111-2222-3333-4444-555555555555',
      clientRequestId: '66666666-7777-8888-9999-000000000000',
      date: '2026-11-23T10:00:00',
    });
  });

  it('reads the Defender required and granted roles and target', () => {
    const result = explainError(defenderMissing);
    if (!result.ok) throw new Error('expected ok');
    expect(result.requiredRoles).toEqual(['Ti.ReadWrite.All', 'Ti.ReadWrite']);
    expect(result.grantedRoles).toEqual(['Machine.Read.All']);
    expect(result.correlation.target).toBe('3f6e1d2a-0000-4000-8000-00000000abcd');
  });

  it.each([
    ['curly quotes', graphDenied.replace(/"([^"]*)"/g, '\u201C$1\u201D')],
    [
      'a trailing comma',
      graphDenied.replace(
        '"message": "Insufficient privileges to complete the operation.",',
        '"message": "Insufficient privileges to complete the operation.",,',
      ),
    ],
    ['cut off at the end', graphDenied.slice(0, graphDenied.indexOf('"client-request-id"'))],
    ['single quotes', graphDenied.replace(/"/g, "'")],
    [
      'HTTP headers around it',
      `HTTP/1.1 403 Forbidden\nContent-Type: application/json\nrequest-id: 11111111-2222-3333-4444-555555555555\nclient-request-id: 66666666-7777-8888-9999-000000000000\n\n{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}`,
    ],
  ])('still reads a Graph error with %s', (_name, text) => {
    const result = explainError(text);
    if (!result.ok) throw new Error('expected ok');
    expect(result.kind).toBe('graph');
    expect(result.code).toBe('Authorization_RequestDenied');
    expect(result.message).toContain('Insufficient privileges');
    expect(result.correlation.requestId).toBe('11111111-2222-3333-4444-555555555555');
  });

  it('says a DisabledFeature 403 is not a missing permission', () => {
    const result = explainError(
      '{"error":{"code":"DisabledFeature","message":"Tenant feature is not enabled."}}',
    );
    expect(result.ok && result.explanation).toContain('not a missing permission');
  });

  it.each([
    ['', 'empty', 'Paste the error'],
    ['x'.repeat(300_000), 'too-large', 'too long'],
  ])('rejects %j', (text, code, message) => {
    const result = explainError(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(message);
  });
});

describe('explainError: cross-check with the token', () => {
  it('names the roles the token lacks and links to the grant builder for a managed identity', () => {
    const { token, classification } = loadToken(defenderManagedIdentity());
    const result = explainError(defenderMissing, { token, classification });
    if (!result.ok) throw new Error('expected ok');
    const missing = result.findings.find((f) => f.code === 'missing-roles');
    expect(missing?.message).toContain('Ti.ReadWrite.All, Ti.ReadWrite');
    expect(missing?.fix?.actions).toContainEqual(
      expect.objectContaining({
        kind: 'grant',
        principalId: 'dddddddd-0000-0000-0000-000000000004',
        permission: 'Ti.ReadWrite.All',
      }),
    );
    expect(missing?.fix?.text).not.toContain('#grant');
    expect(JSON.stringify(missing)).not.toContain(token.raw);
  });

  it('says the token was probably not the one sent when it has the roles the error says are missing', () => {
    const { token, classification } = loadToken({
      ...defenderManagedIdentity(),
      roles: ['Ti.ReadWrite.All'],
    });
    const result = explainError(defenderMissing, { token, classification });
    if (!result.ok) throw new Error('expected ok');
    expect(result.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['roles-present-but-refused', 'token-not-sent']),
    );
    expect(result.findings.find((f) => f.code === 'token-not-sent')?.message).toContain(
      'probably a different one',
    );
  });

  it('says the token was probably not the one sent when the audience fits but the API says invalid audience', () => {
    const { token, classification } = loadToken(graphAppOnlyV2());
    const parsed = parseRequest('GET https://graph.microsoft.com/v1.0/users');
    const request = parsed.ok ? parsed.request : null;
    const result = explainError(
      '{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience."}}',
      { token, classification, request },
    );
    if (!result.ok) throw new Error('expected ok');
    expect(result.findings.map((f) => f.code)).toEqual(['audience-matches', 'token-not-sent']);
  });

  it('confirms a wrong audience when the token is for another API', () => {
    const { token, classification } = loadToken(defenderManagedIdentity());
    const parsed = parseRequest('GET https://graph.microsoft.com/v1.0/users');
    const result = explainError('401 Unauthorized: Invalid audience', {
      token,
      classification,
      request: parsed.ok ? parsed.request : null,
    });
    if (!result.ok) throw new Error('expected ok');
    expect(result.findings.map((f) => f.code)).toEqual(['audience-differs']);
  });

  it('points at the missing security role for the Graph Security sentence and a delegated token', () => {
    const { token, classification } = loadToken(graphDelegatedV1());
    const result = explainError(
      'Auth token does not contain valid permissions or user does not have valid roles',
      { token, classification },
    );
    if (!result.ok) throw new Error('expected ok');
    expect(result.kind).toBe('graph-security');
    expect(result.findings[0]?.code).toBe('security-role-missing');
  });

  it('adds the not-a-permission note for DisabledFeature with a token', () => {
    const { token, classification } = loadToken(defenderManagedIdentity());
    const result = explainError(
      '{"error":{"code":"DisabledFeature","message":"Tenant feature is not enabled."}}',
      {
        token,
        classification,
      },
    );
    expect(result.ok && result.findings.map((f) => f.code)).toEqual(['not-a-permission-problem']);
  });
});

describe('explainError: Graph cross-check with the catalog', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadCatalog();
  });
  const request = (text: string) => {
    const parsed = parseRequest(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.request;
  };

  it('names the least-privileged Graph permission the token lacks', () => {
    const { token, classification } = loadToken({ ...graphAppOnlyV2(), roles: ['Mail.Read'] });
    const result = explainError(graphDenied, {
      token,
      classification,
      catalog,
      request: request('GET https://graph.microsoft.com/v1.0/users'),
    });
    if (!result.ok) throw new Error('expected ok');
    const finding = result.findings.find((f) => f.code === 'graph-permission-missing');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain('User.ReadBasic.All');
    expect(finding?.fix?.actions).toContainEqual(
      expect.objectContaining({ kind: 'consent', scope: 'https://graph.microsoft.com/User.ReadBasic.All' }),
    );
    expect(finding?.fix?.text).not.toContain('#consent');
  });

  it("says the user's own rights failed when a delegated token has the permission", () => {
    const { token, classification } = loadToken({ ...graphDelegatedV1(), scp: 'User.ReadWrite.All' });
    const result = explainError(graphDenied, {
      token,
      classification,
      catalog,
      request: request('PATCH https://graph.microsoft.com/v1.0/users/8a3c3f0e-1b2c-4d5e-8f90-123456789abc'),
    });
    if (!result.ok) throw new Error('expected ok');
    expect(result.findings[0]?.message).toContain("the signed-in user's own rights are what failed");
  });

  it('says the token was not the one sent when the API says expired but it is valid', () => {
    const { token, classification } = loadToken(graphAppOnlyV2());
    const result = explainError(
      '{"error":{"code":"InvalidAuthenticationToken","message":"Lifetime validation failed, the token is expired."}}',
      { token, classification, now: NOW },
    );
    expect(result.ok && result.findings.map((f) => f.code)).toEqual(['token-not-sent']);
  });
});

describe('explainAadsts', () => {
  it('explains at least 80 codes', () => {
    expect(AADSTS_CODE_COUNT).toBeGreaterThanOrEqual(80);
  });

  it.each([
    ['AADSTS65001', 'Consent missing'],
    ['65001', 'Consent missing'],
    ['AADSTS50105', 'User not assigned to the app'],
    ['AADSTS700016', 'App not found in tenant'],
    ['AADSTS50011', 'Redirect URI mismatch'],
    ['AADSTS90094', 'Admin consent required'],
    ['AADSTS65004', 'Consent declined'],
    ['AADSTS50020', 'User from another tenant'],
  ])('explains %s as "%s"', (code, title) => {
    const explained = explainAadsts(code);
    expect(explained?.title).toBe(title);
    expect(explained?.link).toBe(
      'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
    );
  });

  it('returns null for an unknown code', () => {
    expect(explainAadsts('AADSTS1')).toBeNull();
    expect(explainAadsts('AADSTS99999999')).toBeNull();
  });
});
