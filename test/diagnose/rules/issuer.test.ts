import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../../src/catalog';
import {
  CLOUD_DETAIL,
  ISSUER_KIND_LABEL,
  summarizeToken,
  type Cloud,
  type IssuerKind,
} from '../../../src/token';
import { graphDelegatedV1, TENANT_ID } from '../../fixtures/make-token';
import { runDiagnosis } from '../diagnose-context';
import { loadToken } from '../load-token';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const ISSUER_CODES: Readonly<Record<IssuerKind, readonly string[]>> = {
  entra: [],
  'entra-external-id': [],
  'entra-b2c': ['b2c-token'],
  other: ['non-entra-token'],
};

// The summary (classifyToken's facts) and the verdict (the issuer rule) must name the same issuer.
describe('the summary and the verdict describe the issuer the same way', () => {
  it.each<[string, IssuerKind, Cloud | null]>([
    [`https://sts.windows.net/${TENANT_ID}/`, 'entra', 'public'],
    [`https://login.microsoftonline.com/${TENANT_ID}/v2.0`, 'entra', 'public'],
    // A port is still the host: the verdict used to call this one foreign while the summary said Entra ID.
    [`https://login.microsoftonline.com:443/${TENANT_ID}/v2.0`, 'entra', 'public'],
    [`https://login.microsoftonline.us/${TENANT_ID}/v2.0`, 'entra', 'usgov'],
    [`https://sts.chinacloudapi.cn/${TENANT_ID}/`, 'entra', 'china'],
    [`https://login.partner.microsoftonline.cn/${TENANT_ID}/v2.0`, 'entra', 'china'],
    [`https://contoso.b2clogin.com/${TENANT_ID}/v2.0/`, 'entra-b2c', 'public'],
    [`https://contoso.b2clogin.cn/${TENANT_ID}/v2.0/`, 'entra-b2c', 'china'],
    [`https://contoso.b2clogin.us/${TENANT_ID}/v2.0/`, 'entra-b2c', 'usgov'],
    [`https://CONTOSO.B2CLOGIN.CN/${TENANT_ID}/v2.0/`, 'entra-b2c', 'china'],
    [`https://contoso.ciamlogin.com/${TENANT_ID}/v2.0`, 'entra-external-id', 'public'],
    ['https://accounts.google.com', 'other', null],
    ['https://b2clogin.cn/x/', 'other', null],
    ['https://login.microsoftonline.com.evil.example/x/', 'other', null],
  ])('%s is %s (%s)', (iss, kind, cloud) => {
    const { classification: facts } = loadToken({ ...graphDelegatedV1(), iss });
    expect(facts.issuer).toEqual({ value: iss, kind, cloud });

    const row = summarizeToken(facts).rows.find((r) => r.key === 'issuer');
    const words = kind === 'entra' && cloud ? CLOUD_DETAIL[cloud] : ISSUER_KIND_LABEL[kind];
    expect(row?.text.startsWith(words)).toBe(true);

    const diagnosis = runDiagnosis(
      { ...graphDelegatedV1(), iss },
      'GET https://graph.microsoft.com/v1.0/me',
      { catalog, gates: null },
    );
    const issuerFindings = diagnosis.findings
      .map((f) => f.code)
      .filter((code) => code === 'b2c-token' || code === 'non-entra-token');
    expect(issuerFindings).toEqual(ISSUER_CODES[kind]);
  });
});
