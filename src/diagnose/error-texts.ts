import type { ErrorKind } from './types';

/** What each kind of pasted API error means, in our own words. One place for this prose. */
export const ERROR_KIND_TEXT: Readonly<Record<ErrorKind, string>> = {
  graph:
    'Microsoft Graph refused the call. "Authorization_RequestDenied" or "Insufficient privileges" means the token lacks a permission this call accepts or, for a delegated token, the signed-in user lacks the directory role or ownership the operation needs: both must allow it.',
  'graph-security':
    "The Graph Security API refused the call. It checks two things: the token must carry a permission for that security resource (*.Read.All to read, *.ReadWrite.All to change), and a delegated token's user must also hold Security Reader, Security Administrator or Global Administrator.",
  'defender-forbidden':
    'Defender refused the call: the token is valid but carries none of the roles (permissions) this endpoint accepts. The API lists the roles it needs; the token needs at least one of them, of the right type (application roles for app-only tokens).',
  'defender-disabled-feature':
    "Defender says a tenant feature is not turned on. This is not a missing permission: adding roles will not help. An admin must enable the feature (for example in the Defender portal's advanced features) or the tenant needs the licence that includes it.",
  'defender-disallowed-operation':
    'Defender refused this specific operation for a reason it states in the message (for example the device or indicator is in a state or device group that does not allow it). This is not necessarily a missing permission: read the reason.',
  unauthorized:
    'The API did not accept the token at all (401): it is missing, expired, malformed, for a different API or signed for another cloud. A 401 is about the token itself, a 403 about what the token allows.',
  'invalid-audience':
    'The token was issued for a different API than the one that received it: its "aud" claim does not name this API. Request the token for this API\'s resource (scope "<resource>/.default" or "<resource>/<permission>").',
  aadsts: 'Entra ID refused to issue a token (an AADSTS sign-in error); the API was never called.',
  unknown:
    'This does not look like an error format this tool knows. The correlation IDs below, if any, are still worth quoting to support.',
};

/** The Microsoft pages behind the explanations. */
export const ERROR_KIND_LINK: Readonly<Record<ErrorKind, string>> = {
  graph: 'https://learn.microsoft.com/en-us/graph/errors',
  'graph-security': 'https://learn.microsoft.com/en-us/graph/api/resources/security-api-overview',
  'defender-forbidden': 'https://learn.microsoft.com/en-us/defender-endpoint/api/common-errors',
  'defender-disabled-feature': 'https://learn.microsoft.com/en-us/defender-endpoint/api/common-errors',
  'defender-disallowed-operation': 'https://learn.microsoft.com/en-us/defender-endpoint/api/common-errors',
  unauthorized: 'https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens',
  'invalid-audience': 'https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens',
  aadsts: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
  unknown: 'https://learn.microsoft.com/en-us/graph/errors',
};
