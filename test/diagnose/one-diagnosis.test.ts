import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, loadGates, type Catalog, type GateData } from '../../src/catalog';
import { compareTokens, diagnose, parseRequest } from '../../src/diagnose';
import { graphAppOnlyV2, type Payload } from '../fixtures/make-token';
import { loadToken, NOW } from './load-token';

let catalog: Catalog;
let gates: GateData;
beforeAll(async () => {
  [catalog, gates] = await Promise.all([loadCatalog(), loadGates()]);
});

const app = (roles: string[]): Payload => ({ ...graphAppOnlyV2(), roles });

describe('compare diagnoses as the inspector does', () => {
  it.each([
    // Exchange may scope an app-only mail read: the gate makes it "Can't tell" in both places.
    [
      'GET https://graph.microsoft.com/v1.0/users/8a3c3f0e-1b2c-4d5e-8f90-123456789abc/messages',
      ['Mail.Read'],
    ],
    [
      'GET https://graph.microsoft.com/v1.0/teams/t1/channels/19:abc@thread.tacv2/messages',
      ['ChannelMessage.Read.All'],
    ],
    ['GET https://graph.microsoft.com/v1.0/users', ['User.Read.All']],
  ])('%s: the compare verdict is the inspector verdict, gates included', (line, roles) => {
    const parsed = parseRequest(line);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const a = loadToken(app(roles));
    const b = loadToken(app([]));
    const side = (t: typeof a) => ({ token: t.token, classification: t.classification });
    const compared = compareTokens(side(a), side(b), { now: NOW, catalog, request: parsed.request, gates });
    const inspector = (t: typeof a) =>
      diagnose({
        token: { decoded: t.token, facts: t.classification },
        request: parsed.request,
        answer: null,
        catalog,
        gates,
        now: NOW,
      }).verdict;
    expect(compared.diagnoses?.a.verdict).toBe(inspector(a));
    expect(compared.diagnoses?.b.verdict).toBe(inspector(b));
  });

  it('without the gates the Exchange read would pass: the gates are what changes the compare verdict', () => {
    const parsed = parseRequest(
      'GET https://graph.microsoft.com/v1.0/users/8a3c3f0e-1b2c-4d5e-8f90-123456789abc/messages',
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const a = loadToken(app(['Mail.Read']));
    const side = { token: a.token, classification: a.classification };
    const run = (g: GateData | null) =>
      compareTokens(side, side, { now: NOW, catalog, request: parsed.request, gates: g }).diagnoses?.a
        .verdict;
    expect(run(gates)).toBe('cant-tell');
    expect(run(null)).not.toBe(run(gates));
  });
});
