import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildReport } from '../../src/diagnose/build-report';
import { redactClaims } from '../../src/diagnose/redact-claims';
import { explainError, parseRequest } from '../../src/diagnose';
import type { Diagnosis, ParsedRequest } from '../../src/diagnose';
import { decodeToken, classifyToken, fixOf } from '../../src/token';
import {
  MI_OID,
  SP_OID,
  USER_OID,
  defenderManagedIdentity,
  graphAppOnlyV2,
  graphDelegatedV1,
  makeToken,
} from '../fixtures/make-token';
import { NOW, loadToken } from './load-token';

function request(text: string): ParsedRequest {
  const parsed = parseRequest(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.request;
}

const deniedDiagnosis: Diagnosis = {
  verdict: 'denied',
  findings: [
    {
      code: 'security-role-missing',
      severity: 'error',
      evidence: { wids: [] },
      message: 'The signed-in user tess@contoso.example holds no security role.',
      fix: fixOf('Assign Security Reader to the user, sign in again and get a new token.'),
    },
  ],
  required: {
    known: true,
    api: {
      name: 'Microsoft Graph',
      appId: '00000003-0000-0000-c000-000000000000',
      resource: 'https://graph.microsoft.com',
    },
    matchedPath: '/security/alerts_v2',
    delegated: [{ value: 'SecurityAlert.Read.All', type: 'delegated', adminConsent: true, id: null }],
    application: [{ value: 'SecurityAlert.Read.All', type: 'application', adminConsent: true, id: null }],
    delegatedRole: null,
  },
  choice: null,
};

const graphError = JSON.stringify({
  error: {
    code: 'Forbidden',
    message: 'Auth token does not contain valid permissions or user does not have valid roles.',
    innerError: {
      date: '2026-11-23T10:00:00',
      'request-id': '11111111-2222-3333-4444-555555555555',
      'client-request-id': '66666666-7777-8888-9999-000000000000',
    },
  },
});

describe('buildReport', () => {
  const side = loadToken(graphDelegatedV1());
  const req = request('GET https://graph.microsoft.com/v1.0/security/alerts_v2');
  const report = buildReport({
    request: req,
    diagnosis: deniedDiagnosis,
    errorExplanation: explainError(graphError, { ...side }),
    token: side.token,
    classification: side.classification,
    catalog: null,
    now: NOW,
  });

  it.each([
    ['the request', 'GET https://graph.microsoft.com/v1.0/security/alerts_v2'],
    ['the verdict', '## Verdict: Denied'],
    ['the finding', 'holds no security role'],
    ['the fix', 'Fix: Assign Security Reader to the user'],
    ['the accepted permissions', 'SecurityAlert.Read.All'],
    ['the request-id', 'request-id: `11111111-2222-3333-4444-555555555555`'],
    ['the client-request-id', 'client-request-id: `66666666-7777-8888-9999-000000000000`'],
    ['the error date', '2026-11-23T10:00:00'],
    ['the token kind', '| Kind | Access token |'],
    ['the version', '| Version | v1.0 |'],
    ['the caller', '| Caller | Delegated (user) |'],
    ['the API', 'Microsoft Graph (https://graph.microsoft.com)'],
    ['the tenant', '00000000-1111-2222-3333-444444444444'],
    ['the client app', 'bbbbbbbb-0000-0000-0000-000000000002'],
    ['the expiry', '2099-01-01T00:00:00.000Z'],
    ['the redacted claims as JSON', '"scp": "openid profile User.Read Mail.Read email"'],
    ['the masked placeholder', '"upn": "[redacted]"'],
    [
      'the list of masked claims',
      'Masked (values replaced by `[redacted]`): `aio`, `family_name`, `given_name`',
    ],
    ['the report time', NOW.toISOString()],
  ])('contains %s', (_what, text) => {
    expect(report).toContain(text);
  });

  it.each([
    ['the raw token', side.token.raw],
    ['the signature', side.token.signature],
    ['the payload segment', side.token.raw.split('.')[1]!],
    ['the UPN, even where a finding quotes it', 'tess@contoso.example'],
    ['the name', 'Tess Tester'],
    ['the IP address', '192.0.2.10'],
    ['the object ID', 'aaaaaaaa-0000-0000-0000-000000000001'],
    ['the puid', '10030000FAKE0001'],
    ['the uti', 'FAKEuti0000000000000AA'],
  ])('never contains %s', (_what, secret) => {
    expect(report).not.toContain(secret);
  });

  it('says that a token has no wids claim at all, or an empty one', () => {
    const none = loadToken({ ...graphDelegatedV1(), wids: undefined });
    const empty = loadToken({ ...graphDelegatedV1(), wids: [] });
    const base = { catalog: null, now: NOW };
    expect(buildReport({ ...base, ...none })).toContain('| Directory roles (wids) | no wids claim at all |');
    expect(buildReport({ ...base, ...empty })).toContain('| Directory roles (wids) | empty wids claim |');
  });

  it('names the security roles in wids', () => {
    const side2 = loadToken({ ...graphDelegatedV1(), wids: ['5d6b6bb7-de71-4623-b4af-96380a352509'] });
    expect(buildReport({ ...side2, catalog: null, now: NOW })).toContain(
      'Security Reader (5d6b6bb7-de71-4623-b4af-96380a352509)',
    );
  });

  it('keeps the managed identity resource ID shape but not its names', () => {
    const mi = loadToken(defenderManagedIdentity());
    const text = buildReport({ ...mi, catalog: null, now: NOW });
    expect(text).toContain(
      '/subscriptions/…/resourcegroups/…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/…',
    );
    expect(text).not.toContain('mi-fake');
    expect(text).not.toContain('rg-fake');
  });

  it('leaves out the sections it has no input for', () => {
    const text = buildReport({ ...side, catalog: null, now: NOW });
    expect(text).not.toContain('## Request');
    expect(text).not.toContain('## Verdict');
    expect(text).not.toContain('Correlation IDs');
    expect(text).toContain('## Token facts');
    expect(text).toContain('## Claims (redacted)');
  });

  it('says when the pasted error had no correlation IDs', () => {
    const text = buildReport({
      ...side,
      errorExplanation: explainError('AADSTS65001: The user or administrator has not consented.'),
      catalog: null,
      now: NOW,
    });
    expect(text).toContain('None found in the pasted error.');
  });

  it('cannot be broken out of its JSON block by a hostile claim value', () => {
    const decoded = decodeToken(
      makeToken({ ...graphDelegatedV1(), app_displayname: '```\n# Injected\n```' }),
    );
    if (!decoded.ok) throw new Error('fixture');
    const text = buildReport({
      token: decoded.token,
      classification: classifyToken(decoded.token),
      catalog: null,
      now: NOW,
    });
    const fenceLine = text.split('\n').find((l) => l.endsWith('json'))!;
    expect(fenceLine.length).toBeGreaterThan('```json'.length);
    expect(text.split('\n')).not.toContain('# Injected');
  });
});

describe('buildReport reads well in a ticket', () => {
  const side = loadToken(graphDelegatedV1());
  const finding = (over: Partial<Diagnosis['findings'][number]>) => ({
    ...deniedDiagnosis,
    findings: [{ ...deniedDiagnosis.findings[0]!, ...over }],
  });
  const reportOf = (diagnosis: Diagnosis) =>
    buildReport({
      request: request('GET https://graph.microsoft.com/v1.0/security/alerts_v2'),
      diagnosis,
      token: side.token,
      classification: side.classification,
      catalog: null,
      now: NOW,
    });

  it.each([
    ['error', 'Problem'],
    ['warning', 'Warning'],
    ['info', 'Note'],
  ] as const)('labels a finding of severity %s "%s", without the rule code', (severity, label) => {
    const text = reportOf(finding({ severity }));
    expect(text).toContain(`1. **${label}:** The signed-in user`);
    expect(text).not.toContain('security-role-missing');
    expect(text).not.toMatch(/\*\*(error|warning|info)\*\*/);
  });

  it('names the issuer in words', () => {
    expect(reportOf(deniedDiagnosis)).toContain('| Issuer | Microsoft Entra ID');
  });

  it.each([
    [
      'an absolute Microsoft page becomes a link',
      {
        kind: 'doc',
        label: 'Graph permissions',
        url: 'https://learn.microsoft.com/graph/permissions-reference',
      },
      'See [Graph permissions](https://learn.microsoft.com/graph/permissions-reference)',
    ],
    [
      'a consent action is said in words, with no app link',
      {
        kind: 'consent',
        tenantId: 't-1',
        clientId: 'c-1',
        scope: 'https://graph.microsoft.com/.default',
        cloud: null,
      },
      "Grant admin consent for `https://graph.microsoft.com/.default` to the app `c-1` in tenant `t-1` (Tokenscope's Consent page builds the link).",
    ],
    [
      'a grant action is said in words, with no app link',
      { kind: 'grant', principalId: SP_OID, resourceAppId: 'r-1', permission: 'User.Read.All' },
      `Assign the app role \`User.Read.All\` of the API \`r-1\` to the service principal \`${SP_OID}\``,
    ],
    [
      'a portal path is spelled out',
      { kind: 'portal', path: ['Entra admin center', 'Roles & admins', 'Security Reader'] },
      'In the portal: Entra admin center > Roles & admins > Security Reader',
    ],
  ] as const)('%s', (_what, action, expected) => {
    const text = reportOf(finding({ fix: fixOf('Do it.', action) }));
    expect(text).toContain(expected);
    expect(text).not.toContain('](#');
    expect(text).not.toContain('#consent');
    expect(text).not.toContain('#grant');
  });

  it.each([
    ['a relative page', '/docs/x'],
    ['an app route', '#consent&scope=x'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['an http page', 'http://example.com/x'],
  ])('never links %s', (_what, url) => {
    const text = reportOf(finding({ fix: fixOf('Do it.', { kind: 'doc', label: 'Page', url }) }));
    expect(text).not.toContain(url);
    expect(text).not.toContain('[Page]');
  });

  it('drops app routes quoted in a finding or fix text', () => {
    const text = reportOf(
      finding({
        message: 'Open #consent&tenant=t&scope=x to fix it.',
        fix: fixOf('Or use #grant&principal_id=p&api=a (the grant page).'),
      }),
    );
    expect(text).not.toContain('#consent');
    expect(text).not.toContain('#grant');
    expect(text).not.toContain('principal_id=p');
    expect(text).toContain('Open  to fix it.');
  });
});

describe("buildReport keeps an app's object ID, masks a user's", () => {
  it.each([
    ['an app-only token (service principal)', graphAppOnlyV2(), SP_OID, true],
    ['a managed identity token', defenderManagedIdentity(), MI_OID, true],
    ['a delegated token (a user)', graphDelegatedV1(), USER_OID, false],
  ])('%s', (_what, payload, oid, kept) => {
    const side = loadToken(payload);
    expect(side.token.payload.oid).toBe(oid);
    const text = buildReport({ ...side, catalog: null, now: NOW });
    if (kept) {
      expect(text).toContain(`"oid": "${oid}"`);
      expect(text).not.toMatch(/Masked \(values replaced by `\[redacted\]`\):[^\n]*`oid`/);
    } else {
      expect(text).not.toContain(oid);
      expect(text).toContain('"oid": "[redacted]"');
    }
  });
});

describe('buildReport (property)', () => {
  it('never holds a masked value, even where a finding or the pasted error quotes it', () => {
    // The "zq" prefix keeps a secret from being, by chance, part of a kept value (which stays, by definition).
    const secret = fc.stringMatching(/^[A-Za-z0-9@._-]{6,24}$/).map((s) => `zq${s}`);
    fc.assert(
      fc.property(secret, secret, secret, (upn, name, custom) => {
        const side = loadToken({ ...graphDelegatedV1(), upn, name, custom_claim: { nested: [custom] } });
        const quoted = `${upn} ${name} ${custom}`;
        const text = buildReport({
          request: request(`GET https://graph.microsoft.com/v1.0/users/${upn}`),
          diagnosis: {
            ...deniedDiagnosis,
            findings: [
              { ...deniedDiagnosis.findings[0]!, message: `About ${quoted}.`, fix: fixOf(`Ask ${quoted}.`) },
            ],
          },
          errorExplanation: explainError(`{"error":{"code":"Forbidden","message":"denied for ${quoted}"}}`),
          token: side.token,
          classification: side.classification,
          catalog: null,
          now: NOW,
        });
        for (const value of [upn, name, custom]) expect(text).not.toContain(value);
        expect(text).not.toContain(side.token.raw);
      }),
      { numRuns: 150 },
    );
  });
});

/** A credential shape: the text that carries it, and what must never appear in the report. */
interface Shape {
  readonly name: string;
  readonly make: (secret: string, token: string) => { readonly carrier: string; readonly hidden: string };
}

const SHAPES: readonly Shape[] = [
  {
    name: 'a second JWT',
    make: (s) => {
      const jwt = makeToken({ sub: s, aud: 'api://other' });
      return { carrier: jwt, hidden: jwt.split('.')[1]! };
    },
  },
  {
    name: 'a 5-part JWE',
    make: (s) => {
      const head = Buffer.from('{"alg":"RSA-OAEP","enc":"A256GCM"}').toString('base64url');
      return { carrier: `${head}.${s}key.${s}iv.${s}ciphertext.${s}tag`, hidden: `${s}ciphertext` };
    },
  },
  { name: 'an Entra refresh token (0.A)', make: (s) => ({ carrier: `0.AXoA${s}${s}${s}.AgAB`, hidden: s }) },
  { name: 'an Entra refresh token (1.A)', make: (s) => ({ carrier: `1.AVYA${s}${s}${s}.AgAB`, hidden: s }) },
  { name: 'refresh_token=', make: (s) => ({ carrier: `grant_type=x&refresh_token=${s}`, hidden: s }) },
  { name: 'code=', make: (s) => ({ carrier: `https://app.example/cb?code=${s}&state=1`, hidden: s }) },
  { name: 'client_secret=', make: (s) => ({ carrier: `client_id=x&client_secret=${s}~.x`, hidden: s }) },
  { name: 'client_assertion=', make: (s) => ({ carrier: `client_assertion=${s}&x=1`, hidden: s }) },
  { name: 'Authorization: Bearer', make: (s) => ({ carrier: `Authorization: Bearer ${s}`, hidden: s }) },
  { name: 'a bare Bearer value', make: (s) => ({ carrier: `sent Bearer ${s}${s}`, hidden: s }) },
  {
    name: 'Ocp-Apim-Subscription-Key',
    make: (s) => ({ carrier: `Ocp-Apim-Subscription-Key: ${s}`, hidden: s }),
  },
  {
    name: 'a SAS sig=',
    make: (s) => ({ carrier: `https://a.blob.core.windows.net/c?sv=1&sig=${s}%3D`, hidden: s }),
  },
  { name: 'a password in a URL', make: (s) => ({ carrier: `https://admin:${s}@host.example/x`, hidden: s }) },
  {
    name: 'the token itself, base64-wrapped',
    make: (_s, token) => {
      const b64 = Buffer.from(token).toString('base64');
      return { carrier: b64, hidden: b64.slice(8, 48) };
    },
  },
  {
    name: 'the token itself, percent-encoded',
    make: (_s, token) => {
      const pct = [...token].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
      return { carrier: pct, hidden: pct.slice(0, 60) };
    },
  },
];

describe('buildReport and redactClaims (property): no credential shape survives in any field', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((s) => `zq${s}`);
  const where = fc.constantFrom('request', 'error message', 'correlation header', 'finding', 'claims');
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    fc.assert(
      fc.property(secret, where, (s, field) => {
        const base = loadToken(graphDelegatedV1());
        const { carrier, hidden } = shape.make(s, base.token.raw);
        const side =
          field === 'claims'
            ? loadToken({
                ...graphDelegatedV1(),
                app_displayname: `App ${carrier}`,
                custom: { nested: [{ [carrier]: carrier }] },
              })
            : base;
        const { carrier: own, hidden: ownHidden } =
          shape.name.startsWith('the token itself') && field === 'claims'
            ? shape.make(s, side.token.raw)
            : { carrier, hidden };
        const errorText = JSON.stringify({
          error: {
            code: 'Forbidden',
            message: field === 'error message' ? `denied: ${own}` : 'denied',
            innerError: { 'request-id': field === 'correlation header' ? own : 'r-1' },
          },
        });
        const text = buildReport({
          request: request(
            `GET https://graph.microsoft.com/v1.0/me${field === 'request' ? `?x=1&${own}` : ''}`,
          ),
          diagnosis: {
            ...deniedDiagnosis,
            findings: [
              {
                ...deniedDiagnosis.findings[0]!,
                message: field === 'finding' ? `Quoted ${own} here.` : 'No quote.',
                fix: fixOf(field === 'finding' ? `Try ${own}.` : 'Nothing.'),
              },
            ],
          },
          errorExplanation: explainError(errorText),
          token: side.token,
          classification: side.classification,
          catalog: null,
          now: NOW,
        });
        expect(text).not.toContain(ownHidden);
        expect(text).not.toContain(side.token.raw);
        if (field === 'claims') {
          const json = JSON.stringify(redactClaims(side.token.payload).claims);
          expect(json).not.toContain(ownHidden);
        }
      }),
      { numRuns: 40 },
    );
  });
});
