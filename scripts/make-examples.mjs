#!/usr/bin/env node
// Writes src/app/examples.ts: the synthetic tokens behind the inspector's "Try an example" (`node
// scripts/make-examples.mjs`). Every value is made up: the tenant, object and app IDs are GUIDs of
// repeated digits that no real tenant has, names say "example", and the tokens are signed with the
// test-only RS256 key of test/fixtures/keys (kid "test-rs256"), which no real API trusts. `exp` is in
// 2099 so the examples stay valid. The output is deterministic: running it twice gives the same file.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT, importJWK } from 'jose';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jwk = JSON.parse(
  readFileSync(join(root, 'test', 'fixtures', 'keys', 'rs256.private.jwk.json'), 'utf8'),
);
const key = await importJWK(jwk, 'RS256');

const TENANT = '11111111-2222-3333-4444-555555555555';
const IAT = 1700000000;
const EXP = 4070908800;
const DEFENDER = 'https://api.securitycenter.microsoft.com';
const GRAPH = 'https://graph.microsoft.com';
const DEFAULT_USER_ROLE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';
const v1 = {
  iss: `https://sts.windows.net/${TENANT}/`,
  tid: TENANT,
  ver: '1.0',
  iat: IAT,
  nbf: IAT,
  exp: EXP,
};
const v2 = {
  iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
  tid: TENANT,
  ver: '2.0',
  iat: IAT,
  nbf: IAT,
  exp: EXP,
};

const examples = [
  {
    id: 'managed-identity-defender',
    title: 'Managed identity without the Defender role',
    story: 'An Azure Function calls the Defender for Endpoint API with its managed identity and gets 403.',
    payload: {
      ...v1,
      aud: DEFENDER,
      appid: '22222222-0000-0000-0000-000000000001',
      appidacr: '2',
      idp: `https://sts.windows.net/${TENANT}/`,
      idtyp: 'app',
      oid: '33333333-0000-0000-0000-000000000001',
      sub: '33333333-0000-0000-0000-000000000001',
      roles: ['Machine.Read.All'],
      xms_mirid: `/subscriptions/44444444-0000-0000-0000-000000000001/resourcegroups/rg-example/providers/Microsoft.Web/sites/func-example`,
    },
    request: `GET ${DEFENDER}/api/alerts`,
    answer: [
      'HTTP/1.1 403 Forbidden',
      'Content-Type: application/json',
      '',
      JSON.stringify({
        error: {
          code: 'Forbidden',
          message:
            'Missing application roles. API required roles: Alert.Read.All, Alert.ReadWrite.All. Application roles: Machine.Read.All.',
          target: '55555555-0000-0000-0000-000000000001',
        },
      }),
    ].join('\n'),
  },
  {
    id: 'graph-security-no-role',
    title: 'Graph Security call without Security Reader',
    story:
      'A user signs in to an app with SecurityAlert.Read.All and lists alerts, but holds no security role.',
    payload: {
      ...v2,
      aud: GRAPH,
      azp: '22222222-0000-0000-0000-000000000002',
      azpacr: '0',
      app_displayname: 'Example security dashboard',
      idtyp: 'user',
      name: 'Example User',
      preferred_username: 'user@example.invalid',
      oid: '33333333-0000-0000-0000-000000000002',
      sub: 'example-subject-graph-security-0000000000',
      scp: 'openid profile email SecurityAlert.Read.All',
      wids: [DEFAULT_USER_ROLE],
    },
    request: `GET ${GRAPH}/v1.0/security/alerts_v2`,
    answer: JSON.stringify({
      error: {
        code: 'Forbidden',
        message: 'Auth token does not contain valid permissions or user does not have valid roles.',
        innerError: {
          'request-id': '66666666-0000-0000-0000-000000000002',
          'client-request-id': '66666666-0000-0000-0000-000000000003',
        },
      },
    }),
  },
  {
    id: 'implicit-no-wids',
    title: 'Implicit-flow token without wids',
    story: 'A single-page app still uses the implicit grant: its token carries the scope but no wids claim.',
    payload: {
      ...v1,
      aud: GRAPH,
      appid: '22222222-0000-0000-0000-000000000003',
      appidacr: '0',
      app_displayname: 'Example legacy SPA',
      amr: ['pwd'],
      idtyp: 'user',
      name: 'Example User',
      upn: 'user@example.invalid',
      unique_name: 'user@example.invalid',
      oid: '33333333-0000-0000-0000-000000000003',
      sub: 'example-subject-implicit-0000000000000000',
      scp: 'SecurityAlert.Read.All User.Read',
    },
    request: `GET ${GRAPH}/v1.0/security/alerts_v2`,
    answer: null,
  },
  {
    id: 'app-only-no-consent',
    title: 'App-only token without admin consent',
    story: 'A daemon added User.Read.All to its registration, but nobody granted admin consent.',
    payload: {
      ...v2,
      aud: '00000003-0000-0000-c000-000000000000',
      azp: '22222222-0000-0000-0000-000000000004',
      azpacr: '1',
      idtyp: 'app',
      oid: '33333333-0000-0000-0000-000000000004',
      sub: '33333333-0000-0000-0000-000000000004',
    },
    request: `GET ${GRAPH}/v1.0/users`,
    answer: JSON.stringify({
      error: {
        code: 'Authorization_RequestDenied',
        message: 'Insufficient privileges to complete the operation.',
        innerError: {
          date: '2026-01-01T00:00:00',
          'request-id': '66666666-0000-0000-0000-000000000004',
          'client-request-id': '66666666-0000-0000-0000-000000000005',
        },
      },
    }),
  },
];

const signed = [];
for (const { payload, ...rest } of examples) {
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'test-rs256' })
    .sign(key);
  signed.push({ ...rest, token });
}

const out = `// Generated by scripts/make-examples.mjs: do not edit. Synthetic tokens for "Try an example": made-up
// tenant, object and app IDs, signed with the repository's test-only key (kid "test-rs256").

/** One classic 403 story: a token, the request it was sent with and, where it fits, the API's answer. */
export interface Example {
  readonly id: string;
  readonly title: string;
  readonly story: string;
  readonly token: string;
  readonly request: string;
  readonly answer: string | null;
}

export const EXAMPLES: readonly Example[] = ${JSON.stringify(signed, null, 2)};
`;
writeFileSync(join(root, 'src', 'app', 'examples.ts'), out);
console.log(`Wrote ${signed.length} examples to src/app/examples.ts`);
