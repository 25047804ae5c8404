import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadGates, type Catalog, type GateData } from '../../src/catalog';
import { loadAadstsNames } from '../../src/catalog/aadsts-names';
import { loadAzureRoles, type AzureRoleData } from '../../src/catalog/azure-roles';
import { explainAadsts, explainError, readApiAnswer } from '../../src/diagnose';
import type { Finding } from '../../src/token';
import {
  defenderManagedIdentity,
  graphAppOnlyV2,
  graphDelegatedV1,
  type Payload,
} from '../fixtures/make-token';
import { PASTED_ANSWERS } from './answer-texts';
import { runDiagnosis } from './diagnose-context';
import { loadToken, NOW } from './load-token';

let catalog: Catalog;
let gates: GateData;
let azureRoles: AzureRoleData;
beforeAll(async () => {
  [catalog, gates, azureRoles] = await Promise.all([loadCatalog(), loadGates(), loadAzureRoles()]);
});

const ROUTE = /#(?:consent|grant)\b/;

const TOKENS: readonly (readonly [string, Payload | null])[] = [
  ['no token', null],
  ['delegated Graph', graphDelegatedV1()],
  ['app-only Graph', { ...graphAppOnlyV2(), roles: ['Mail.Read'] }],
  ['Defender managed identity', defenderManagedIdentity()],
];
const REQUESTS = [
  null,
  'GET https://graph.microsoft.com/v1.0/users',
  'GET https://graph.microsoft.com/v1.0/me/messages',
  'POST https://api.securitycenter.microsoft.com/api/indicators/import',
  'GET https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com,1,2/drive',
];

function routesIn(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) =>
    [f.message, f.fix?.text ?? ''].filter((s) => ROUTE.test(s)).map((s) => `${f.code}: ${s}`),
  );
}

describe('fixes are data: no app route in any sentence', () => {
  it.each(TOKENS)(
    'no finding of the diagnosis or the explainer writes #consent or #grant into its text (%s)',
    (_name, payload) => {
      const bad: string[] = [];
      let consentOrGrantActions = 0;
      for (const pasted of [null, ...PASTED_ANSWERS])
        for (const request of REQUESTS) {
          const read = pasted ? readApiAnswer(pasted.text) : null;
          const answer = read?.ok ? read.answer : null;
          const loaded = payload ? loadToken(payload) : null;
          const explained = pasted
            ? explainError(pasted.text, {
                token: loaded?.token ?? null,
                classification: loaded?.classification ?? null,
                catalog,
                azureRoles,
                now: NOW,
              })
            : null;
          const findings = [
            ...(request || payload
              ? runDiagnosis(payload, request, { catalog, gates, answer }).findings
              : []),
            ...(explained?.ok ? explained.findings : []),
          ];
          bad.push(...routesIn(findings));
          consentOrGrantActions += findings
            .flatMap((f) => f.fix?.actions ?? [])
            .filter((a) => a.kind === 'consent' || a.kind === 'grant').length;
        }
      expect(bad).toEqual([]);
      // The builders are still offered: as actions, which the app turns into links.
      expect(consentOrGrantActions).toBeGreaterThan(0);
    },
  );

  it('no AADSTS explanation of ours writes a route into its fix', async () => {
    const { names } = await loadAadstsNames();
    const explained = [...names.keys()].map((code) => explainAadsts(String(code))).filter((e) => e !== null);
    // Nearly all of our explained codes are in Microsoft's list (a few of ours are older than it).
    expect(explained.length).toBeGreaterThanOrEqual(70);
    expect(explained.filter((e) => ROUTE.test(`${e.explanation} ${e.fix}`))).toEqual([]);
  });
});
