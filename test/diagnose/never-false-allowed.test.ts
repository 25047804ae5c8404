import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadGates, type Catalog, type GateData } from '../../src/catalog';
import { diagnose, findRequiredPermissions, parseRequest } from '../../src/diagnose';
import {
  makeToken,
  DEFAULT_MEMBER_ROLE,
  EXP,
  IAT,
  MI_OID,
  TENANT_ID,
  USER_OID,
  type Payload,
} from '../fixtures/make-token';
import { inspect, readAnswer, readRequest } from '../../src/app/use-diagnosis';
import { inspectedToken } from '../fixtures/inspected';
import type { Finding } from '../../src/token';
import { answerOf, runDiagnosis } from './diagnose-context';
import { loadToken, NOW } from './load-token';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const REQUESTS = [
  'GET https://graph.microsoft.com/v1.0/users',
  'GET https://graph.microsoft.com/v1.0/me',
  'GET https://graph.microsoft.com/v1.0/security/alerts_v2',
  'PATCH https://graph.microsoft.com/v1.0/security/incidents/42',
  'GET https://graph.microsoft.com/v1.0/users/8a3c3f0e-1b2c-4d5e-8f90-123456789abc/messages',
  'POST https://api.securitycenter.microsoft.com/api/indicators/import',
  'GET https://api.security.microsoft.com/api/machines',
  'GET https://api.security.microsoft.com/api/incidents',
  'DELETE https://api.securitycenter.microsoft.com/api/indicators/7',
  'GET https://graph.microsoft.com/v1.0/nothing/here',
  'GET https://management.azure.com/subscriptions',
  'GET https://graph.microsoft.com/v1.0/me/messages',
  'GET https://graph.microsoft.com/v1.0/auditLogs/signIns',
  'GET https://graph.microsoft.com/v1.0/teams/t1/channels/c1/messages',
  'PATCH https://graph.microsoft.com/v1.0/users/8a3c3f0e-1b2c-4d5e-8f90-123456789abc',
  'GET https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com,1,2',
  'GET https://contoso.vault.azure.net/secrets/x',
];

const PERMISSIONS = [
  'User.Read',
  'User.Read.All',
  'User.ReadBasic.All',
  'Mail.Read',
  'Mail.ReadBasic',
  'SecurityAlert.Read.All',
  'SecurityIncident.ReadWrite.All',
  'Ti.ReadWrite',
  'Ti.ReadWrite.All',
  'Machine.Read.All',
  'Machine.Read',
  'Incident.Read.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'AuditLog.Read.All',
  'ChannelMessage.Read.All',
  'Sites.Selected',
  'SecurityEvents.Read.All',
  'User.ReadWrite.All',
];

const AUDIENCES = [
  'https://graph.microsoft.com',
  '00000003-0000-0000-c000-000000000000',
  'https://api.securitycenter.microsoft.com',
  'https://api.security.microsoft.com',
  'https://graph.windows.net',
  'api://contoso',
];

const WIDS = [
  DEFAULT_MEMBER_ROLE,
  '5d6b6bb7-de71-4623-b4af-96380a352509',
  '62e90394-69f5-4237-9190-012177145e10',
];

const tokenArb = fc.record({
  caller: fc.constantFrom('delegated', 'app', 'mi'),
  aud: fc.constantFrom(...AUDIENCES),
  perms: fc.subarray(PERMISSIONS),
  wids: fc.option(fc.subarray(WIDS), { nil: undefined }),
  expired: fc.boolean(),
  request: fc.constantFrom(...REQUESTS),
});

interface Generated {
  readonly caller: 'delegated' | 'app' | 'mi';
  readonly aud: string;
  readonly perms: string[];
  readonly wids: string[] | undefined;
  readonly expired: boolean;
}

function payloadOf(t: Generated): Payload {
  const base: Payload = {
    aud: t.aud,
    iss: `https://sts.windows.net/${TENANT_ID}/`,
    tid: TENANT_ID,
    iat: IAT,
    nbf: IAT,
    exp: t.expired ? 1_000_000_000 : EXP,
    ver: '1.0',
    appid: 'bbbbbbbb-0000-0000-0000-000000000002',
  };
  if (t.caller === 'delegated')
    return {
      ...base,
      oid: USER_OID,
      sub: 'user-sub',
      scp: t.perms.join(' ') || 'openid',
      ...(t.wids ? { wids: t.wids } : {}),
    };
  const app: Payload = {
    ...base,
    oid: MI_OID,
    sub: MI_OID,
    idtyp: 'app',
    ...(t.perms.length > 0 ? { roles: t.perms } : {}),
  };
  return t.caller === 'mi'
    ? {
        ...app,
        xms_mirid:
          '/subscriptions/x/resourcegroups/y/providers/Microsoft.ManagedIdentity/userAssignedIdentities/z',
      }
    : app;
}

describe('diagnose never says a false "Allowed"', () => {
  it('only allows tokens that hold an accepted permission of their type, for the right API, unexpired', () => {
    fc.assert(
      fc.property(tokenArb, (t) => {
        const { token, classification } = loadToken(payloadOf(t));
        const parsed = parseRequest(t.request);
        if (!parsed.ok) throw new Error(parsed.error.message);
        const d = diagnose({
          token: { decoded: token, facts: classification },
          request: parsed.request,
          answer: null,
          catalog,
          gates: null,
          now: NOW,
        });
        if (d.verdict !== 'allowed') return;
        const required = findRequiredPermissions(catalog, parsed.request);
        expect(required.known).toBe(true);
        if (!required.known) return;
        const accepted = (t.caller === 'delegated' ? required.delegated : required.application).map(
          (p) => p.value,
        );
        expect(t.perms.some((p) => accepted.includes(p))).toBe(true);
        expect(t.expired).toBe(false);
        expect(['https://graph.windows.net', 'api://contoso']).not.toContain(t.aud);
      }),
      { numRuns: 400 },
    );
  });

  it('never allows a token that lacks every accepted permission', () => {
    fc.assert(
      fc.property(tokenArb, (t) => {
        const parsed = parseRequest(t.request);
        if (!parsed.ok) throw new Error(parsed.error.message);
        const required = findRequiredPermissions(catalog, parsed.request);
        const accepted = required.known
          ? (t.caller === 'delegated' ? required.delegated : required.application).map((p) =>
              p.value.toLowerCase(),
            )
          : [];
        const lacking = { ...t, perms: t.perms.filter((p) => !accepted.includes(p.toLowerCase())) };
        const { token, classification } = loadToken(payloadOf(lacking));
        const d = diagnose({
          token: { decoded: token, facts: classification },
          request: parsed.request,
          answer: null,
          catalog,
          gates: null,
          now: NOW,
        });
        expect(d.verdict).not.toBe('allowed');
      }),
      { numRuns: 400 },
    );
  });
});

describe('one verdict from all the evidence (properties)', () => {
  let gates: GateData;
  beforeAll(async () => {
    gates = await loadGates();
  });

  const withAnswer = fc.record({
    token: tokenArb,
    status: fc.constantFrom(401, 403),
    gatesLoaded: fc.boolean(),
    host: fc.option(
      fc.constantFrom('graph.microsoft.com', 'api.securitycenter.microsoft.com', 'example.com'),
      {
        nil: null,
      },
    ),
  });

  it('a pasted 401 or 403 never yields "Allowed", whatever the token and the gates say', () => {
    fc.assert(
      fc.property(withAnswer, ({ token: t, status, gatesLoaded, host }) => {
        const d = runDiagnosis(payloadOf(t), t.request, {
          catalog,
          gates: gatesLoaded ? gates : null,
          answer: answerOf(status, { host }),
        });
        expect(d.verdict).toBe('denied');
      }),
      { numRuns: 300 },
    );
  });

  /** The first permission each finding's actions recommend (consent scope or app-role grant). */
  function firstRecommendation(f: Finding): string | null {
    for (const a of f.fix?.actions ?? []) {
      if (a.kind === 'grant') return a.permission.toLowerCase();
      if (a.kind === 'consent') return a.scope.slice(a.scope.lastIndexOf('/') + 1).toLowerCase();
    }
    return null;
  }

  it('no two findings recommend different permissions for one request, and they agree with the one choice', () => {
    fc.assert(
      fc.property(tokenArb, fc.boolean(), (t, gatesLoaded) => {
        const d = runDiagnosis(payloadOf(t), t.request, { catalog, gates: gatesLoaded ? gates : null });
        const recommended = new Set(d.findings.map(firstRecommendation).filter((p) => p !== null));
        expect(recommended.size, [...recommended].join(', ')).toBeLessThanOrEqual(1);
        if (d.choice && recommended.size === 1)
          expect([...recommended][0]).toBe(d.choice.permission.value.toLowerCase());
      }),
      { numRuns: 400 },
    );
  });

  // Answers people paste, as text: each names permissions or a family the rules recommend a fix for.
  const ANSWERS = [
    '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}',
    'HTTP/1.1 403 Forbidden\n\n{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite."}}',
    '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Machine.Read.All, Machine.ReadWrite.All. application roles: Ti.ReadWrite."}}',
    '{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}',
    '{"error":{"code":"accessDenied","message":"Access denied"}}',
    '{"error":{"code":"InvalidAuthenticationToken","message":"Either scp or roles claim need to be present in the token."}}',
    'AADSTS65001: The user or administrator has not consented to use the application.',
    'HTTP/1.1 401 Unauthorized\n\n{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience."}}',
    'HTTP/1.1 403 Forbidden',
  ];

  // Found by the property below: a Defender error pasted with a Graph /me call recommended Defender's roles
  // next to the Graph permission the request needs.
  it.each([true, false])(
    "an error naming another API's permissions is not used for this request (gates loaded: %s)",
    (gatesLoaded) => {
      const t: Generated & { request: string } = {
        caller: 'mi',
        aud: 'https://graph.microsoft.com',
        perms: [],
        wids: undefined,
        expired: false,
        request: 'GET https://graph.microsoft.com/v1.0/me',
      };
      const inspected = inspect(
        inspectedToken(makeToken(payloadOf(t)), NOW),
        readRequest(t.request),
        readAnswer(
          '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Machine.Read.All, Machine.ReadWrite.All. application roles: Ti.ReadWrite."}}',
        ),
        catalog,
        { gates: gatesLoaded ? gates : null },
      );
      const recommended = new Set(inspected.findings.map(firstRecommendation).filter((p) => p !== null));
      expect([...recommended].filter((p) => p.startsWith('machine.'))).toEqual([]);
      expect(inspected.findings.map((f) => f.code)).toContain('answer-other-api');
    },
  );

  it('the pasted-answer path: the one list every panel shows, and the explainer, recommend one permission, the chosen one', () => {
    fc.assert(
      fc.property(
        tokenArb,
        fc.constantFrom(...ANSWERS),
        fc.boolean(),
        fc.boolean(),
        (t, answerText, withRequest, gatesLoaded) => {
          const raw = makeToken(payloadOf(t));
          const inspected = inspect(
            inspectedToken(raw, NOW),
            readRequest(withRequest ? t.request : ''),
            readAnswer(answerText),
            catalog,
            { gates: gatesLoaded ? gates : null },
          );
          const panelFindings = inspected.findings;
          const explained = inspected.explanation?.ok ? inspected.explanation.findings : [];
          for (const list of [panelFindings, explained]) {
            const recommended = new Set(list.map(firstRecommendation).filter((p) => p !== null));
            expect(recommended.size, [...recommended].join(', ')).toBeLessThanOrEqual(1);
            const choice = inspected.diagnosis?.choice;
            if (choice && recommended.size === 1)
              expect([...recommended][0]).toBe(choice.permission.value.toLowerCase());
          }
          // A refusal pasted with its request is never "Allowed".
          const status = readAnswer(answerText);
          if (withRequest && status?.ok && (status.answer.status === 401 || status.answer.status === 403))
            expect(inspected.diagnosis?.verdict).toBe('denied');
        },
      ),
      { numRuns: 300 },
    );
  });
});
