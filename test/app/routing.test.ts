import { describe, expect, it } from 'vitest';
import { linkForAction } from '../../src/app/fix-links';
import { formatHash, hashWithoutToken, hrefFor, parseHash } from '../../src/app/routing';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln';

describe('parseHash', () => {
  it.each([
    ['', 'inspect', null, null, ''],
    ['#', 'inspect', null, null, ''],
    [`#token=${JWT}`, 'inspect', JWT, 'token', ''],
    [`#access_token=${JWT}&token_type=Bearer&expires_in=3599&state=abc`, 'inspect', JWT, 'access_token', ''],
    [`#id_token=${JWT}&session_state=s1`, 'inspect', JWT, 'id_token', ''],
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

  it('hands over the second token of a comparison and keeps it out of the params', () => {
    const parsed = parseHash(`#compare&compare=${JWT}&request=x`);
    expect(parsed.route).toBe('compare');
    expect(parsed.compareToken).toBe(JWT);
    expect(parsed.params.has('compare')).toBe(false);
    expect(parsed.carriesCredential).toBe(true);
  });

  it.each(['refresh_token', 'code', 'client_info', 'session_state'])(
    'never passes %s on to a view',
    (name) => {
      const parsed = parseHash(`#catalog&${name}=secret&q=x`);
      expect(parsed.params.toString()).toBe('q=x');
      expect(parsed.carriesCredential).toBe(true);
    },
  );

  it('ignores an empty token parameter', () => {
    expect(parseHash('#token=&error=x').token).toBeNull();
  });
});

describe('hashWithoutToken', () => {
  it.each([
    [`#token=${JWT}`, ''],
    [`#access_token=${JWT}&token_type=Bearer&expires_in=3599&scope=User.Read&state=abc`, ''],
    [
      `#access_token=${JWT}&refresh_token=0.ARx-refresh&code=authcode&session_state=s1&id_token=${JWT}&client_info=eyJ1aWQiOiJ4In0&state=abc`,
      '',
    ],
    [`#compare&compare=${JWT}&request=GET+%2Fme`, '#compare&request=GET+%2Fme'],
    [`#token=${JWT}&compare=${JWT}`, '#compare'],
    ['#code=authcode&state=abc', ''],
    ['#catalog&refresh_token=0.ARx-refresh&q=x', '#catalog&q=x'],
    ['#consent&scope=User.Read&state=abc', '#consent&scope=User.Read&state=abc'],
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

describe('hrefFor', () => {
  it.each([
    [{ route: 'inspect' }, '#'],
    [{ route: 'inspect', request: 'GET /v1.0/me' }, '#request=GET+%2Fv1.0%2Fme'],
    [{ route: 'catalog', q: 'User.Read' }, '#catalog&q=User.Read'],
    [{ route: 'catalog', q: '' }, '#catalog'],
    [
      { route: 'catalog', q: 'mail read', api: 'microsoft-graph' },
      '#catalog&api=microsoft-graph&q=mail+read',
    ],
    [
      {
        route: 'consent',
        tenant: 'contoso.onmicrosoft.com',
        clientId: 'abc',
        scope: ['User.Read', 'Mail.Read'],
        cloud: 'public',
      },
      '#consent&tenant=contoso.onmicrosoft.com&client_id=abc&scope=User.Read+Mail.Read&cloud=public',
    ],
    [{ route: 'consent', scope: 'x', type: 'application' }, '#consent&scope=x&type=application'],
    [{ route: 'consent', tenant: null, clientId: null }, '#consent'],
    [
      { route: 'grant', principalId: 'p', api: 'a', permission: ['Ti.ReadWrite.All', 'Ti.ReadWrite'] },
      '#grant&principal_id=p&api=a&permission=Ti.ReadWrite.All%2CTi.ReadWrite',
    ],
    [{ route: 'signin' }, '#signin'],
    [{ route: 'compare' }, '#compare'],
  ] as const)('links %j as %s', (link, href) => {
    expect(hrefFor(link)).toBe(href);
  });

  it('keeps a value that looks like a route or a parameter inside its one parameter', () => {
    const href = hrefFor({ route: 'grant', principalId: 'x#consent&scope=evil&token=y', api: 'a' });
    const parsed = parseHash(href);
    expect(parsed.route).toBe('grant');
    expect(parsed.params.get('principal_id')).toBe('x#consent&scope=evil&token=y');
    expect(parsed.params.has('scope')).toBe(false);
    expect(parsed.token).toBeNull();
  });

  it('reads back what it wrote for every view the builders open', () => {
    const consent = parseHash(hrefFor({ route: 'consent', tenant: 't', clientId: 'c', scope: 's/.default' }));
    expect([consent.route, consent.params.get('tenant'), consent.params.get('scope')]).toEqual([
      'consent',
      't',
      's/.default',
    ]);
  });
});

describe('linkForAction', () => {
  it.each([
    [
      {
        kind: 'consent',
        tenantId: 't',
        clientId: 'c',
        scope: 'https://graph.microsoft.com/.default',
        cloud: null,
      },
      '#consent&tenant=t&client_id=c&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&cloud=public',
    ],
    [
      { kind: 'grant', principalId: 'p', resourceAppId: 'r', permission: 'Ti.ReadWrite.All' },
      '#grant&principal_id=p&api=r&permission=Ti.ReadWrite.All',
    ],
  ] as const)('opens the builder for %j', (action, href) => {
    const link = linkForAction(action);
    expect(link && hrefFor(link)).toBe(href);
  });

  it.each([
    { kind: 'command', label: 'x', shell: 'bash', text: 'az rest' },
    { kind: 'portal', path: ['Entra admin center'] },
    { kind: 'doc', label: 'docs', url: 'https://learn.microsoft.com/' },
    { kind: 'role-assignment', assignee: null, role: 'Reader', scope: null },
  ] as const)('gives no in-app link for a %j action', (action) => {
    expect(linkForAction(action)).toBeNull();
  });
});
