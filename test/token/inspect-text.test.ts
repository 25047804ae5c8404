import { describe, expect, it } from 'vitest';
import { inspectText } from '../../src/token';
import { graphAppOnlyV2, graphDelegatedV1, idTokenV2, makeToken } from '../fixtures/make-token';
import tokens from '../fixtures/tokens.json';

const NOW = new Date('2026-11-23T12:00:00Z');
const access = makeToken(graphDelegatedV1());
const id = makeToken(idTokenV2());

describe('inspectText', () => {
  it('runs the whole pipeline on a curl command', () => {
    const result = inspectText(
      `curl -H "Authorization: Bearer ${access}" https://graph.microsoft.com/v1.0/me`,
      NOW,
    );
    expect(result.found.ok && result.found.tokens.map((t) => t.source)).toEqual(['curl']);
    expect(result.selectedIndex).toBe(0);
    expect(result.decoded?.ok).toBe(true);
    expect(result.classification).toMatchObject({ kind: 'access', version: '1.0', caller: 'delegated' });
    expect(result.claims.map((c) => c.name)).toEqual(Object.keys(graphDelegatedV1()));
  });

  it.each([
    [0, 'access'],
    [1, 'id'],
    [5, 'id'],
    [-3, 'access'],
    [Number.NaN, 'access'],
    [0.7, 'access'],
  ])('inspects the chosen token (selected %s)', (selected, kind) => {
    const result = inspectText(`${access}\n${id}`, NOW, selected);
    expect(result.classification?.kind).toBe(kind);
  });

  it('returns the find error and nothing else for empty input', () => {
    expect(inspectText('', NOW)).toEqual({
      found: { ok: false, error: { code: 'empty', message: 'Nothing was pasted.' } },
      selectedIndex: null,
      decoded: null,
      classification: null,
      claims: [],
    });
  });

  it('returns the decode error for an encrypted token', () => {
    const result = inspectText(tokens.jwe, NOW);
    expect(result.selectedIndex).toBe(0);
    expect(result.decoded?.ok === false && result.decoded.error.code).toBe('encrypted');
    expect([result.classification, result.claims]).toEqual([null, []]);
  });

  it('explains an opaque token', () => {
    const result = inspectText(`Authorization: Bearer EwB${'x1Y2z3'.repeat(20)}`, NOW);
    expect(result.decoded?.ok === false && result.decoded.error.code).toBe('opaque');
  });

  it('reports findings through the decode result', () => {
    const result = inspectText(tokens['alg-none'], NOW);
    expect(result.decoded?.ok && result.decoded.findings.map((f) => f.code)).toEqual([
      'alg-none',
      'unsigned',
    ]);
  });

  it('inspects a pasted app-only token in a JSON token response', () => {
    const result = inspectText(
      JSON.stringify({ token_type: 'Bearer', access_token: makeToken(graphAppOnlyV2()) }),
      NOW,
    );
    expect(result.classification).toMatchObject({ kind: 'access', version: '2.0', caller: 'app-only' });
  });
});
