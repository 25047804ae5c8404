import { describe, expect, it } from 'vitest';
import { formatHash, hashWithoutToken, parseHash } from '../../src/app/routing';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln';

describe('parseHash', () => {
  it.each([
    ['', 'inspect', null, null, ''],
    ['#', 'inspect', null, null, ''],
    [`#token=${JWT}`, 'inspect', JWT, 'token', ''],
    [
      `#access_token=${JWT}&token_type=Bearer&expires_in=3599&state=abc`,
      'inspect',
      JWT,
      'access_token',
      'token_type=Bearer&expires_in=3599&state=abc',
    ],
    [`#id_token=${JWT}&session_state=s1`, 'inspect', JWT, 'id_token', 'session_state=s1'],
    [
      `#token=${JWT}&request=GET+%2Fv1.0%2Fme&error=Forbidden`,
      'inspect',
      JWT,
      'token',
      'request=GET+%2Fv1.0%2Fme&error=Forbidden',
    ],
    [
      '#error=access_denied&error_description=AADSTS65004',
      'inspect',
      null,
      null,
      'error=access_denied&error_description=AADSTS65004',
    ],
    ['#catalog', 'catalog', null, null, ''],
    ['#catalog&q=User.Read', 'catalog', null, null, 'q=User.Read'],
    [
      '#consent&client_id=abc&tenant=organizations',
      'consent',
      null,
      null,
      'client_id=abc&tenant=organizations',
    ],
    ['#grant&principal=x', 'grant', null, null, 'principal=x'],
    ['#signin', 'signin', null, null, ''],
    ['#compare&a=1', 'compare', null, null, 'a=1'],
    ['#CATALOG&q=x', 'catalog', null, null, 'q=x'],
    ['#nowhere&q=x', 'inspect', null, null, 'nowhere=&q=x'],
    [`#catalog&token=${JWT}`, 'catalog', JWT, 'token', ''],
  ])('parses %s as route %s', (hash, route, token, tokenParam, rest) => {
    const parsed = parseHash(hash);
    expect(parsed.route).toBe(route);
    expect(parsed.token).toBe(token);
    expect(parsed.tokenParam).toBe(tokenParam);
    expect(parsed.params.toString()).toBe(rest);
  });

  it('prefers token= over access_token= and never leaves either in the params', () => {
    const parsed = parseHash(`#access_token=second&token=${JWT}&id_token=third`);
    expect(parsed.token).toBe(JWT);
    expect(parsed.params.has('access_token')).toBe(false);
    expect(parsed.params.has('id_token')).toBe(false);
  });

  it('ignores an empty token parameter', () => {
    expect(parseHash('#token=&error=x').token).toBeNull();
  });
});

describe('hashWithoutToken', () => {
  it.each([
    [`#token=${JWT}`, ''],
    [`#access_token=${JWT}&token_type=Bearer&expires_in=3599&scope=User.Read&state=abc`, '#state=abc'],
    [`#token=${JWT}&request=GET+%2Fme&error=Forbidden`, '#request=GET+%2Fme&error=Forbidden'],
    [`#catalog&token=${JWT}&q=x`, '#catalog&q=x'],
    ['#catalog&q=x', '#catalog&q=x'],
    ['#error=access_denied', '#error=access_denied'],
  ])('turns %s into %s', (hash, expected) => {
    expect(hashWithoutToken(hash)).toBe(expected);
    expect(hashWithoutToken(hash)).not.toContain(JWT);
  });
});

describe('formatHash', () => {
  it.each([
    ['inspect', '', ''],
    ['inspect', 'error=x', '#error=x'],
    ['catalog', '', '#catalog'],
    ['catalog', 'q=Mail.Read', '#catalog&q=Mail.Read'],
  ] as const)('formats %s with %s as %s', (route, query, expected) => {
    expect(formatHash(route, new URLSearchParams(query))).toBe(expected);
  });

  it('round-trips through parseHash', () => {
    const hash = formatHash('consent', new URLSearchParams({ client_id: 'abc', scope: 'a b' }));
    const parsed = parseHash(hash);
    expect(parsed.route).toBe('consent');
    expect(parsed.params.get('scope')).toBe('a b');
  });
});
