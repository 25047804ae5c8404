import { afterEach, describe, expect, it, vi } from 'vitest';
import { authFailure, explainAuthError } from '../../src/auth';

const raw = (errorCode: string, errorMessage = `${errorCode}: raw MSAL text`) => ({
  errorCode,
  errorMessage,
});

afterEach(() => vi.unstubAllGlobals());

describe('explainAuthError', () => {
  it.each([
    {
      errorCode: 'popup_window_error',
      code: 'popup-blocked',
      title: 'The browser blocked the sign-in window',
    },
    {
      errorCode: 'empty_window_error',
      code: 'popup-blocked',
      title: 'The browser blocked the sign-in window',
    },
    { errorCode: 'user_cancelled', code: 'popup-closed', title: 'The sign-in window was closed' },
    {
      errorCode: 'endpoints_resolution_error',
      code: 'authority-unreachable',
      title: 'The sign-in provider could not be reached',
    },
    {
      errorCode: 'no_network_connectivity',
      code: 'network',
      title: 'The sign-in provider could not be reached',
    },
    { errorCode: 'timed_out', code: 'timed-out', title: 'Sign-in took too long' },
    {
      errorCode: 'interaction_in_progress',
      code: 'interaction-in-progress',
      title: 'Another sign-in is still running',
    },
  ])('puts MSAL’s $errorCode in plain words', ({ errorCode, code, title }) => {
    const e = explainAuthError(raw(errorCode));
    expect(e).toMatchObject({ code, title, source: errorCode });
    expect(`${e.title} ${e.message} ${e.fix}`).not.toContain(errorCode);
    expect(e.detail).toBe(`${errorCode}: raw MSAL text`);
  });

  it('lets an AADSTS code in the answer win over the MSAL code', () => {
    const e = explainAuthError(raw('interaction_required', 'AADSTS50011: redirect URI mismatch'));
    expect(e.source).toBe('AADSTS50011');
    expect(e.code).toBe('redirect-uri-mismatch');
  });

  it('says offline instead of unreachable when the browser knows it has no network', () => {
    vi.stubGlobal('navigator', { onLine: false });
    expect(explainAuthError(raw('endpoints_resolution_error')).code).toBe('offline');
    expect(explainAuthError(raw('no_network_connectivity')).code).toBe('offline');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'treats the error code "%s" as unknown',
    (errorCode) => {
      const e = explainAuthError(raw(errorCode));
      expect(typeof e.title).toBe('string');
      expect(typeof e.fix).toBe('string');
    },
  );
});

describe('authFailure', () => {
  it.each([
    ['popup-closed', 'The sign-in window was closed'],
    ['authority-unreachable', 'The sign-in provider could not be reached'],
    ['authority-timeout', 'The sign-in provider did not answer'],
    ['authority-not-openid', 'The authority is not an OpenID provider'],
    ['offline', 'You are offline'],
  ] as const)('names %s', (code, title) => {
    expect(authFailure(code, 'detail')).toMatchObject({ code, title, detail: 'detail', source: code });
  });
});
