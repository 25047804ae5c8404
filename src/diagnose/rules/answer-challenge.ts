import type { Rule } from '../context';
import type { ErrorFinding } from '../types';
import { answerFinding, answerView } from './answer-view';

const CLAIM_WORDS: ReadonlyMap<string, string> = new Map([
  ['nbf', 'a token issued after a revocation event (its "nbf" must be later than the time given)'],
  [
    'acrs',
    'a token that satisfies a Conditional Access authentication context (the "acrs" value, e.g. step-up MFA)',
  ],
  ['xms_cc', 'a client that declares it can handle claims challenges'],
]);

/**
 * A claims challenge in `WWW-Authenticate` (CAE `insufficient_claims`, Conditional Access auth context),
 * decoded and explained with what the client must do; and `x-ms-diagnostics` / `x-ms-error-code`,
 * which name the failing check more exactly than the body.
 */
export const answerChallengeRule: Rule = (ctx) => {
  const v = answerView(ctx);
  if (!v) return [];
  const out: ErrorFinding[] = [];
  const ch = v.answer.challenge;
  if (ch && (ch.error === 'insufficient_claims' || ch.claims)) {
    const claims = ch.claims;
    const asks =
      claims?.requested.map(
        (r) => CLAIM_WORDS.get(r.claim) ?? `the claim "${r.claim}"${r.value ? ` = ${r.value}` : ''}`,
      ) ?? [];
    const nbf = claims?.requested.find((r) => r.claim === 'nbf')?.value;
    const revokedAt = nbf && /^\d{9,11}$/.test(nbf) ? new Date(Number(nbf) * 1000).toISOString() : null;
    const iat =
      typeof ctx.token?.decoded.payload['iat'] === 'number'
        ? (ctx.token.decoded.payload['iat'] as number)
        : null;
    const stale = revokedAt && iat !== null && nbf ? iat < Number(nbf) : null;
    out.push(
      answerFinding(
        'claims-challenge',
        'error',
        { error: ch.error, claims: claims?.json ?? null, revokedAt, iat },
        `The API sent a claims challenge${ch.error ? ` (${ch.error})` : ''}: it wants ${asks.length > 0 ? asks.join('; ') : 'a new token with the claims it names'}.${
          revokedAt
            ? ` Something changed for this user or session at ${revokedAt} (password reset, account disabled, sessions revoked, or a location policy), and tokens issued before then are refused.`
            : ''
        }${stale === true ? ' The token loaded here was issued before that time.' : ''}${claims?.problem ? ` ${claims.problem}` : ''}`,
        {
          text: 'The client must ask Entra ID for a new token and pass the decoded claims value as the claims request parameter (MSAL: acquireToken with { claims }), interactively if silent renewal fails; a cached token will not do. To receive these challenges instead of plain 401s, the client declares the cp1 capability (MSAL clientCapabilities: ["CP1"]).',
          actions: [
            ...(claims?.json
              ? [
                  {
                    kind: 'command' as const,
                    label: 'The decoded claims value to pass to MSAL',
                    shell: 'http' as const,
                    text: claims.json,
                  },
                ]
              : []),
            {
              kind: 'doc',
              label: 'Claims challenges and CAE',
              url: 'https://learn.microsoft.com/en-us/entra/identity-platform/claims-challenge',
            },
          ],
        },
      ),
    );
  }
  const diag = v.answer.diagnostics;
  const codeHeader = v.answer.errorCodeHeader;
  if (diag || (codeHeader && codeHeader.toLowerCase() !== (v.answer.code ?? '').toLowerCase())) {
    const parts: string[] = [];
    if (diag)
      parts.push(
        `x-ms-diagnostics says${diag.code ? ` ${diag.code}` : ''}${diag.reason ? `: "${diag.reason}"` : ''}${diag.category ? ` (${diag.category})` : ''}. SharePoint and Exchange put the exact failing check there (an invalid audience, an expired token, an app-only token not allowed), often more precisely than the body.`,
      );
    if (codeHeader)
      parts.push(
        `x-ms-error-code is ${codeHeader}: the service's own error code, the one to search for and to quote to support.`,
      );
    out.push(
      answerFinding(
        'service-diagnostics',
        'info',
        { diagnostics: diag?.raw ?? null, errorCode: codeHeader },
        parts.join(' '),
        null,
      ),
    );
  }
  return out;
};
