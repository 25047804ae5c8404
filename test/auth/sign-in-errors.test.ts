import { describe, expect, it } from 'vitest';
import { consentActionFor, explainSignInError } from '../../src/auth';
import { fixHref } from '../../src/app/fix-links';

const ctx = {
  clientId: '3f8a2c1e-9d4b-4a7e-8c6f-1b2d3e4f5a60',
  tenant: 'contoso.onmicrosoft.com',
  scopes: ['User.Read'],
  redirectUri: 'https://app.example/redirect.html',
};
const msal = (errorCode: string, errorMessage = '') => ({
  name: 'AuthError',
  errorCode,
  errorMessage,
  message: errorMessage,
});

describe('explainSignInError', () => {
  it.each([
    [
      'popup_window_error',
      msal('popup_window_error'),
      'popup-blocked',
      'The browser blocked the sign-in window',
    ],
    [
      'empty_window_error',
      msal('empty_window_error'),
      'popup-blocked',
      'The browser blocked the sign-in window',
    ],
    ['user_cancelled', msal('user_cancelled'), 'popup-closed', 'The sign-in window was closed'],
    [
      'interaction_in_progress',
      msal('interaction_in_progress'),
      'interaction-in-progress',
      'Another sign-in is still running',
    ],
    ['consent_required', msal('consent_required'), 'consent-required', 'Consent is needed'],
    [
      'interaction_required',
      msal('interaction_required'),
      'interaction-required',
      'You need to sign in again interactively',
    ],
    [
      'endpoints_resolution_error',
      msal('endpoints_resolution_error'),
      'authority-unreachable',
      'The sign-in provider could not be reached',
    ],
    [
      'untrusted_authority',
      msal('untrusted_authority'),
      'untrusted-authority',
      'The authority is not trusted',
    ],
    [
      'authority_uri_insecure',
      msal('authority_uri_insecure'),
      'authority-insecure',
      'The authority is not https',
    ],
    [
      'AADSTS50011',
      msal('invalid_request', 'AADSTS50011: The redirect URI does not match.'),
      'redirect-uri-mismatch',
      'Redirect URI not registered',
    ],
    [
      'AADSTS700016',
      msal('unauthorized_client', 'AADSTS700016: Application not found.'),
      'app-not-found',
      'App not found in this tenant',
    ],
    [
      'AADSTS50105',
      msal('invalid_grant', 'AADSTS50105: not assigned'),
      'user-not-assigned',
      'You are not assigned to this app',
    ],
    [
      'AADSTS65001',
      msal('invalid_grant', 'AADSTS65001: not consented'),
      'consent-required',
      'Consent is needed',
    ],
    [
      'AADSTS90094',
      msal('access_denied', 'AADSTS90094: admin consent'),
      'admin-consent-required',
      'An administrator must consent',
    ],
    [
      'AADSTS90099',
      msal('access_denied', 'AADSTS90099: admin consent'),
      'admin-consent-required',
      'An administrator must consent',
    ],
  ])('explains %s', (_name, error, code, title) => {
    const explained = explainSignInError(error, ctx);
    expect(explained.code).toBe(code);
    expect(explained.title).toBe(title);
    expect(explained.fix.length).toBeGreaterThan(10);
  });

  it.each([
    ['consent_required', msal('consent_required')],
    ['AADSTS65001', msal('invalid_grant', 'AADSTS65001: x')],
    ['AADSTS90094', msal('access_denied', 'AADSTS90094: x')],
    ['access_denied', msal('access_denied')],
  ])('offers the consent builder for %s as data, never as a route string', (_name, error) => {
    const explained = explainSignInError(error, ctx);
    expect(explained.consentAction).toEqual({
      kind: 'consent',
      tenantId: 'contoso.onmicrosoft.com',
      clientId: '3f8a2c1e-9d4b-4a7e-8c6f-1b2d3e4f5a60',
      scope: 'User.Read',
      cloud: null,
    });
    expect(JSON.stringify(explained)).not.toContain('#');
    expect(Object.values(explained).filter((v) => typeof v === 'string' && v.includes('#consent'))).toEqual(
      [],
    );
  });

  it('lets the app turn the consent action into the consent builder link', () => {
    const action = explainSignInError(msal('consent_required'), ctx).consentAction;
    expect(action && fixHref(action)).toBe(
      '#consent&tenant=contoso.onmicrosoft.com&client_id=3f8a2c1e-9d4b-4a7e-8c6f-1b2d3e4f5a60&scope=User.Read&cloud=public',
    );
  });

  it.each([
    ['popup blocked', msal('popup_window_error')],
    ['redirect URI mismatch', msal('invalid_request', 'AADSTS50011: x')],
  ])('offers no consent link when consent is not the fix (%s)', (_name, error) => {
    expect(explainSignInError(error, ctx).consentAction).toBeUndefined();
  });

  it('lets the AADSTS code win over the generic MSAL code and keeps it as the source', () => {
    const explained = explainSignInError(msal('consent_required', 'AADSTS50105: x'), ctx);
    expect(explained).toMatchObject({
      code: 'user-not-assigned',
      source: 'AADSTS50105',
      detail: 'AADSTS50105: x',
    });
  });

  it('names the redirect URI to register in the redirect mismatch fix', () => {
    expect(explainSignInError(msal('invalid_request', 'AADSTS50011: x'), ctx).fix).toContain(
      'Single-page application platform with the redirect URI https://app.example/redirect.html',
    );
  });

  it.each([
    ['an unknown MSAL code', msal('something_new', 'Something new happened'), 'Something new happened'],
    ['a plain Error', new Error('boom'), 'boom'],
    ['a string', 'went wrong', 'went wrong'],
    ['undefined', undefined, 'undefined'],
  ])('keeps the raw text for %s', (_name, error, message) => {
    const explained = explainSignInError(error, ctx);
    expect(explained.code).toBe('unknown');
    expect(explained.message).toBe(message);
  });

  it('builds a bare consent action without context', () => {
    expect(consentActionFor({})).toEqual({
      kind: 'consent',
      tenantId: null,
      clientId: null,
      scope: '',
      cloud: null,
    });
  });
});

describe('explainSignInError: input keyed lookups', () => {
  it.each([['constructor'], ['__proto__'], ['toString'], ['hasOwnProperty'], ['valueOf']])(
    'treats an MSAL error code %s as unknown instead of crashing',
    (errorCode) => {
      const explained = explainSignInError(msal(errorCode), ctx);
      expect(explained.code).toBe('unknown');
      expect(typeof explained.fix).toBe('string');
    },
  );

  it.each([['constructor'], ['__proto__'], ['toString']])('treats a bare message %s as unknown', (text) => {
    expect(explainSignInError(text, ctx).code).toBe('unknown');
  });
});

describe('explainSignInError: one MSAL table', () => {
  it.each([
    'popup_window_error',
    'empty_window_error',
    'user_cancelled',
    'interaction_in_progress',
    'consent_required',
    'interaction_required',
    'login_required',
    'access_denied',
    'endpoints_resolution_error',
    'failed_to_retrieve_endpoints',
    'no_network_connectivity',
    'post_request_failed',
    'timed_out',
    'untrusted_authority',
    'authority_uri_insecure',
    'invalid_scope',
  ])('says the same for %s as the sign-in page does', async (errorCode) => {
    const { explainAuthError } = await import('../../src/auth');
    const error = msal(errorCode, `${errorCode}: raw`);
    const here = explainSignInError(error, ctx);
    expect(here.code).not.toBe('unknown');
    const shown = explainAuthError(error, ctx);
    expect(shown).toMatchObject({
      code: here.code,
      title: here.title,
      message: here.message,
      fix: here.fix,
      source: errorCode,
    });
  });
});

describe('explainSignInError: one AADSTS table', () => {
  it('explains an AADSTS code it has no sign-in category for from the shared table', async () => {
    const { explainAadsts } = await import('../../src/diagnose');
    const explained = explainSignInError(msal('invalid_grant', 'AADSTS50076: MFA'), ctx);
    expect(explained.title).toBe(explainAadsts('50076')?.title);
    expect(explained.message).toBe(explainAadsts('50076')?.explanation);
    expect(explained.source).toBe('AADSTS50076');
  });

  it('says what the shared table says for a categorised code', async () => {
    const { explainAadsts } = await import('../../src/diagnose');
    const explained = explainSignInError(msal('invalid_grant', 'AADSTS65001: x'), ctx);
    expect(explained.message).toBe(explainAadsts('65001')?.explanation);
  });
});
