import { describeExpiry } from '../../token';
import type { Rule } from '../context';
import { finding } from './finding';

/** Expired or not yet valid, from describeExpiry and, to be safe, from the raw claims against `now`. */
export const lifetimeRule: Rule = (ctx) => {
  if (!ctx.token) return [];
  const payload = ctx.token.decoded.payload;
  const expiry = describeExpiry(payload, ctx.now);
  const now = ctx.now.getTime();
  const exp = typeof payload['exp'] === 'number' ? payload['exp'] * 1000 : null;
  const nbf = typeof payload['nbf'] === 'number' ? payload['nbf'] * 1000 : null;
  if (expiry.state === 'expired' || (exp !== null && exp <= now))
    return [
      finding(
        'token-expired',
        'error',
        { exp: payload['exp'] ?? null },
        `The token has expired${expiry.text ? ` (${expiry.text})` : ''}. The API answers 401 before it looks at permissions.`,
        'Get a new token right before the call (MSAL acquireTokenSilent refreshes it for you).',
      ),
    ];
  if (expiry.state === 'not-yet-valid' || (nbf !== null && nbf > now))
    return [
      finding(
        'token-not-yet-valid',
        'error',
        { nbf: payload['nbf'] ?? null },
        `The token is not valid yet${expiry.text ? ` (${expiry.text})` : ''}.`,
        'Check the clock of the machine that checks or created it; otherwise wait until nbf.',
      ),
    ];
  return [];
};
