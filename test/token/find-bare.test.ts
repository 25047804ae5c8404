import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBareToken, MAX_INPUT_LENGTH } from '../../src/token';
import { findTokens } from '../../src/token/find';
import { graphDelegatedV1, makeToken } from '../fixtures/make-token';
import tokens from '../fixtures/tokens.json';

const jwt = makeToken(graphDelegatedV1());
const jwe = `${jwt.split('.')[0]}.a2V5.aXY.Y2lwaGVy.dGFn`;

describe('findBareToken: what the first screen reads before the full paste scanner loads', () => {
  it.each([
    ['an empty box', ''],
    ['only whitespace', ' \n\t '],
    ['a bare JWT', jwt],
    ['a bare JWT with spaces and line breaks around it', `\n  ${jwt} \r\n`],
    ['a five-part JWE', jwe],
    ['the linked v1 fixture', tokens['graph-delegated-v1']],
  ])('answers %s exactly as findTokens does', (_name, text) => {
    const bare = findBareToken(text);
    expect(bare).not.toBeNull();
    expect(bare).toEqual(findTokens(text));
  });

  it.each([
    ['a Bearer header', `Authorization: Bearer ${jwt}`],
    ['a curl command', `curl -H "Authorization: Bearer ${jwt}" https://graph.microsoft.com/v1.0/me`],
    ['a redirect URL', `https://app.example/#access_token=${jwt}&token_type=Bearer`],
    ['a token split across lines', `${jwt.slice(0, 40)}\n${jwt.slice(40)}`],
    ['a token in quotes', `"${jwt}"`],
    ['two tokens', `${jwt} ${jwt}`],
    ['only two segments', jwt.split('.').slice(0, 2).join('.')],
    ['four segments', `${jwt}.x`],
    ['an opaque token', `EwB${'A'.repeat(60)}`],
    ['input over the limit', jwt + ' '.repeat(MAX_INPUT_LENGTH)],
  ])('leaves %s to findTokens', (_name, text) => {
    expect(findBareToken(text)).toBeNull();
  });

  // The fast path must never disagree with the scanner it stands in for: any text it answers, it answers
  // as findTokens does. The alphabet is biased toward token-like text, whitespace and the scanner's cues.
  it('agrees with findTokens on every text it answers', () => {
    const piece = fc.constantFrom(
      'eyJ',
      'eyJhbGciOiJub25lIn0',
      '.',
      'abc',
      '-_',
      ' ',
      '\n',
      '\t',
      '\u00a0',
      'Bearer ',
      '"',
      '=',
      '%2E',
      '$t = ',
      'access_token=',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const bare = findBareToken(text);
        if (bare !== null) expect(bare).toEqual(findTokens(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers every bare three- or five-part token, whatever whitespace is around it', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/);
    const space = fc.stringMatching(/^[ \t\r\n]{0,3}$/);
    fc.assert(
      fc.property(space, segment, segment, segment, fc.boolean(), space, (before, h, p, s, five, after) => {
        const token = `eyJ${h}.${p}.${s}${five ? `.${p}.${s}` : ''}`;
        const text = `${before}${token}${after}`;
        expect(findBareToken(text)).toEqual({
          ok: true,
          tokens: [{ value: token, source: 'bare', label: null }],
        });
        expect(findTokens(text)).toEqual(findBareToken(text));
      }),
      { numRuns: 500 },
    );
  });
});
