import { beforeAll, describe, expect, it } from 'vitest';
import { loadAzureRoles, type AzureRoleData } from '../../../src/catalog/azure-roles';
import {
  diagnose,
  parseRequest,
  readApiAnswer,
  type ApiAnswer,
  type DiagnosisContext,
} from '../../../src/diagnose';
import { ANSWER_RULES, storageDataAction } from '../../../src/diagnose/rules/answer-rules';
import { defenderManagedIdentity, graphAppOnlyV2, graphDelegatedV1, MI_OID } from '../../fixtures/make-token';
import { loadToken, NOW } from '../load-token';

function answer(text: string): ApiAnswer {
  const r = readApiAnswer(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.answer;
}

let azureRoles: AzureRoleData;
beforeAll(async () => {
  azureRoles = await loadAzureRoles();
});

function ctxOf(text: string, payload: Record<string, unknown> | null, request?: string): DiagnosisContext {
  const t = payload ? loadToken(payload) : null;
  const parsed = request ? parseRequest(request) : null;
  return {
    token: t ? { decoded: t.token, facts: t.classification } : null,
    request: parsed?.ok ? parsed.request : null,
    answer: answer(text),
    catalog: null,
    gates: null,
    azureRoles,
    now: NOW,
  };
}

const run = (ctx: DiagnosisContext) => ANSWER_RULES.flatMap((rule) => rule(ctx));
const codes = (ctx: DiagnosisContext) => run(ctx).map((f) => f.code);

const armDenied = (oid: string) =>
  `{"error":{"code":"AuthorizationFailed","message":"The client 'bbbbbbbb-0000-0000-0000-000000000002' with object id '${oid}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1' or the scope is invalid."}}`;
const kvDenied = `{"error":{"code":"Forbidden","message":"Caller is not authorized to perform action on resource.\\r\\nCaller: appid=bbbbbbbb-0000-0000-0000-000000000002;oid=${MI_OID};iss=https://sts.windows.net/t/\\r\\nAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'\\r\\nResource: '/subscriptions/s/resourcegroups/rg1/providers/microsoft.keyvault/vaults/kv1/secrets/db'\\r\\n","innerError":{"code":"ForbiddenByRbac"}}}`;
const defenderMissing =
  '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite. application roles: Machine.Read.All."}}';

describe('answer rules: which finding each error family raises', () => {
  it.each([
    [
      'AADSTS65001 without a token',
      'AADSTS65001: The user or administrator has not consented.',
      null,
      ['sign-in-error'],
    ],
    ['Defender missing roles without a token', defenderMissing, null, ['missing-roles']],
    ['Defender missing roles, MI token', defenderMissing, defenderManagedIdentity(), ['missing-roles']],
    [
      'Graph "Either scp or roles" without a token',
      '{"error":{"code":"InvalidAuthenticationToken","message":"Either scp or roles claim need to be present in the token."}}',
      null,
      ['token-validation-failed'],
    ],
    [
      'IDX10511 with a Graph token',
      'IDX10511: Signature validation failed. Keys tried: ...',
      graphAppOnlyV2(),
      ['graph-token-to-own-api'],
    ],
    [
      'IDX10205 without a token',
      'IDX10205: Issuer validation failed. Issuer: https://sts.windows.net/t/',
      null,
      ['token-validation-failed'],
    ],
    [
      'Graph identity not found',
      '{"error":{"code":"Authorization_IdentityNotFound","message":"The identity of the calling application could not be established."}}',
      graphAppOnlyV2(),
      ['identity-not-found'],
    ],
    [
      'Exchange ErrorAccessDenied',
      '{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}',
      graphAppOnlyV2(),
      ['exchange-scoped'],
    ],
    [
      'SharePoint accessDenied with Sites.Selected',
      '{"error":{"code":"accessDenied","message":"Access denied"}}',
      { ...graphAppOnlyV2(), roles: ['Sites.Selected'] },
      ['sharepoint-site-grant'],
    ],
    [
      'Defender DisabledFeature',
      '{"error":{"code":"DisabledFeature","message":"Tenant feature is not enabled."}}',
      null,
      ['not-a-permission-problem'],
    ],
    [
      'Key Vault firewall',
      '{"error":{"code":"Forbidden","message":"Client address is not authorized and caller is not a trusted service.","innerError":{"code":"ForbiddenByFirewall"}}}',
      null,
      ['network-rule-blocked'],
    ],
    [
      'Storage shared key off',
      '<Error><Code>KeyBasedAuthenticationNotPermitted</Code><Message>Key based authentication is not permitted on this storage account.</Message></Error>',
      null,
      ['shared-key-disabled'],
    ],
  ])('%s', (_name, text, payload, expected) => {
    expect(codes(ctxOf(text, payload))).toEqual(expected);
  });
});

describe('answer rules: named permissions against the token', () => {
  it('says what to add without a token, for both kinds of caller', () => {
    const [f] = run(ctxOf(defenderMissing, null));
    expect(f?.fix?.text).toContain('add the application permission Ti.ReadWrite.All');
    expect(f?.fix?.text).toContain('assign that app role to its service principal');
    expect(f?.fix?.text).toContain('delegated permission Ti.ReadWrite');
  });

  it('assigns the app role to a managed identity (grant action, no consent)', () => {
    const f = run(ctxOf(defenderMissing, defenderManagedIdentity())).find((x) => x.code === 'missing-roles');
    expect(f?.fix?.actions).toEqual([
      {
        kind: 'grant',
        principalId: MI_OID,
        resourceAppId: 'fc780465-2017-40d4-a0c5-307022471b92',
        permission: 'Ti.ReadWrite.All',
      },
    ]);
  });

  it('recognises a near-miss spelling', () => {
    const ctx = ctxOf(
      '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite."}}',
      { ...defenderManagedIdentity(), roles: ['Ti.ReadWrite.All'] },
    );
    const near = run(ctx).find((f) => f.code === 'answer-permission-near-miss');
    expect(near?.message).toContain('Ti.ReadWrite.All where the API asks for Ti.ReadWrite');
  });

  it('names the missing members of an all-of set', () => {
    const ctx = ctxOf(
      `{"error":{"code":"Forbidden","message":"The API requires all of 'Policy.Read.All, Application.Read.All'."}}`,
      { ...graphAppOnlyV2(), roles: ['Policy.Read.All'] },
    );
    const f = run(ctx).find((x) => x.code === 'answer-permissions-all-of');
    expect(f?.evidence['missing']).toEqual(['Application.Read.All']);
  });

  it('says the token was not the one sent when it holds what the API says is missing', () => {
    expect(
      codes(
        ctxOf(defenderMissing, {
          ...defenderManagedIdentity(),
          roles: ['Ti.ReadWrite.All', 'Machine.Read.All'],
        }),
      ),
    ).toEqual(['roles-present-but-refused', 'token-not-sent']);
  });
});

describe('answer rules: Azure RBAC', () => {
  it('finds the least privileged built-in role and prints both commands for the token oid', () => {
    const f = run(ctxOf(armDenied(MI_OID), defenderManagedIdentity())).find(
      (x) => x.code === 'azure-role-needed',
    );
    const roles = f?.evidence['roles'] as string[];
    expect(roles.length).toBeGreaterThan(0);
    expect(roles).not.toContain('Owner');
    expect(roles).not.toContain('Reader');
    const role = roles[0] ?? '';
    expect(f?.fix?.actions).toContainEqual({
      kind: 'role-assignment',
      assignee: MI_OID,
      role,
      scope: '/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1',
    });
    const commands = (f?.fix?.actions ?? [])
      .filter((a) => a.kind === 'command')
      .map((a) => (a.kind === 'command' ? a.text : ''));
    expect(commands).toContain(
      `az role assignment create --assignee ${MI_OID} --role "${role}" --scope "/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1"`,
    );
    expect(
      commands.some((c) =>
        c.startsWith(`New-AzRoleAssignment -ObjectId ${MI_OID} -RoleDefinitionName "${role}"`),
      ),
    ).toBe(true);
  });

  it('treats Key Vault ForbiddenByRbac as a data action and says why Owner does not help', () => {
    const found = run(ctxOf(kvDenied, null));
    const f = found.find((x) => x.code === 'azure-role-needed');
    expect(f?.evidence).toMatchObject({
      dataAction: true,
      action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action',
    });
    expect(f?.evidence['roles']).toContain('Key Vault Secrets User');
    expect(found.find((x) => x.code === 'owner-no-data-access')?.message).toContain(
      'Owner and Contributor do not grant it',
    );
  });

  it('uses the object ID the error names when no token is loaded', () => {
    const f = run(ctxOf(armDenied('22222222-2222-4222-8222-222222222222'), null)).find(
      (x) => x.code === 'azure-role-needed',
    );
    expect(f?.fix?.actions[0]).toMatchObject({
      kind: 'role-assignment',
      assignee: '22222222-2222-4222-8222-222222222222',
    });
  });

  it('warns when the error names another principal than the token', () => {
    expect(
      codes(ctxOf(armDenied('22222222-2222-4222-8222-222222222222'), defenderManagedIdentity())),
    ).toContain('token-not-sent');
  });

  it('infers the Storage data action from the request when the 403 does not name it', () => {
    const text = `PUT https://acct1.blob.core.windows.net/c1/file.txt\n\nHTTP/1.1 403 This request is not authorized to perform this operation using this permission.\nx-ms-error-code: AuthorizationPermissionMismatch\n\n<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized.</Message></Error>`;
    const f = run(ctxOf(text, null)).find((x) => x.code === 'azure-role-needed');
    expect(f?.evidence).toMatchObject({
      action: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
      inferred: true,
    });
    expect(f?.evidence['roles']).toContain('Storage Blob Data Contributor');
    expect(f?.evidence['roles']).not.toContain('Storage Blob Data Reader');
  });

  it.each([
    [
      'GET',
      'https://a.blob.core.windows.net/c/b',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
    ],
    [
      'DELETE',
      'https://a.blob.core.windows.net/c/b',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete',
    ],
    [
      'POST',
      'https://a.queue.core.windows.net/q/messages',
      'Microsoft.Storage/storageAccounts/queueServices/queues/messages/add/action',
    ],
    [
      'GET',
      'https://a.table.core.windows.net/t()',
      'Microsoft.Storage/storageAccounts/tableServices/tables/entities/read',
    ],
  ])('maps %s %s to %s', (method, url, action) => {
    expect(storageDataAction(method, url)?.action).toBe(action);
  });

  it('offers the access-policy command for a Key Vault access-policy denial', () => {
    const f = run(
      ctxOf(
        `{"error":{"code":"Forbidden","message":"The user, group or application 'appid=a;oid=${MI_OID};iss=c' does not have secrets get permission on key vault 'kv1;location=westeurope'.","innerError":{"code":"AccessDenied"}}}`,
        null,
      ),
    ).find((x) => x.code === 'key-vault-access-policy');
    expect(f?.fix?.actions).toContainEqual(
      expect.objectContaining({
        kind: 'command',
        text: `az keyvault set-policy --name <vault> --object-id ${MI_OID} --secret-permissions get`,
      }),
    );
  });
});

describe('answer rules: CAE and diagnostics headers', () => {
  const claims = btoa('{"access_token":{"nbf":{"essential":true,"value":"1800000000"}}}');
  const cae = `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="", error="insufficient_claims", claims="${claims}"\nx-ms-diagnostics: 2000008;reason="The token has been revoked.";error_category="invalid_token"\n\n{"error":{"code":"InvalidAuthenticationToken","message":"Continuous access evaluation resulted in challenge"}}`;

  it('decodes the challenge, says the token predates the revocation, and hands the claims to the client', () => {
    const found = run(ctxOf(cae, graphDelegatedV1()));
    const f = found.find((x) => x.code === 'claims-challenge');
    expect(f?.message).toContain('2027-01-15T08:00:00.000Z');
    expect(f?.message).toContain('issued before that time');
    expect(f?.fix?.text).toContain('claims request parameter');
    expect(f?.fix?.actions).toContainEqual(
      expect.objectContaining({
        kind: 'command',
        text: '{"access_token":{"nbf":{"essential":true,"value":"1800000000"}}}',
      }),
    );
    expect(found.find((x) => x.code === 'service-diagnostics')?.message).toContain(
      'The token has been revoked.',
    );
  });
});

describe('answer rules in the one diagnosis', () => {
  it('never says Allowed against a pasted 403, and recommends one permission once', () => {
    const ctx = ctxOf(defenderMissing, defenderManagedIdentity());
    const d = diagnose(ctx);
    expect(d.verdict).toBe('denied');
    const recommending = d.findings.filter((f) =>
      f.fix?.actions.some((a) => a.kind === 'grant' || a.kind === 'consent'),
    );
    const permissions = new Set(
      recommending.flatMap(
        (f) =>
          f.fix?.actions.map((a) =>
            a.kind === 'grant' ? a.permission : a.kind === 'consent' ? a.scope : '',
          ) ?? [],
      ),
    );
    expect(permissions.size).toBe(1);
  });
});
