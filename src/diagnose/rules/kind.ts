import type { Rule } from '../context';
import { factsOf, scopeFor } from './derive';
import { finding } from './finding';

/** An ID token sent as a bearer token, or a token whose kind cannot be told. */
export const kindRule: Rule = (ctx) => {
  if (!ctx.token) return [];
  const c = ctx.token.facts;
  if (c.kind === 'id') {
    const f = factsOf(ctx);
    const api = f?.api ?? null;
    return [
      finding(
        'id-token-as-bearer',
        'error',
        { aud: c.audience, nonce: ctx.token.decoded.payload['nonce'] ?? null },
        'This is an ID token: it proves who signed in to your app (its aud is your app), and no API accepts it as a bearer token.',
        f && api
          ? `Send an access token instead: ask for scope "${scopeFor(f, api)}" (MSAL: acquireTokenSilent({ scopes: ["${scopeFor(f, api)}"] })) and send result.accessToken, not idToken.`
          : 'Send an access token for the API instead (result.accessToken, not idToken).',
      ),
    ];
  }
  if (c.kind === 'unknown')
    return [
      finding('unknown-token-kind', 'warning', {}, 'Cannot tell whether this is an access token.', null),
    ];
  return [];
};
