import { describeExpiry } from '../../token';
import type { Rule } from '../context';
import { explainIdx, graphTokenProblem } from '../error-codes';
import { describeAudience, MDE_APP_ID, XDR_APP_ID } from '../hosts';
import type { ErrorFinding } from '../types';
import { factsOf } from './derive';
import { answerFinding, answerView, notSent } from './answer-view';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const TOKEN_FAMILIES = new Set(['unauthorized', 'invalid-audience', 'identity-model']);

/** The audience the API says it saw: "audience 'x'", "Audiences: 'x'". Linear: indexOf and one quote scan. */
function mentionedAudience(message: string): string | null {
  const lower = message.toLowerCase();
  for (const needle of ['audiences:', 'audience uri', 'audience:', 'the audience']) {
    const at = lower.indexOf(needle);
    if (at < 0) continue;
    let i = at + needle.length;
    while (i < message.length && i - at < needle.length + 4 && (message[i] === ' ' || message[i] === ':'))
      i++;
    const q = message[i];
    if (q !== "'" && q !== '"') continue;
    const end = message.indexOf(q, i + 1);
    if (end > i + 1 && end - i < 512) return message.slice(i + 1, end).trim();
  }
  return null;
}

/**
 * 401s about the token itself (Graph's InvalidAuthenticationToken, "Invalid audience", IDX codes from
 * your own API), checked against the token: what failed, and whether the token loaded here is even the
 * one that was sent (the API says expired, or names another audience, while this one is fine).
 * Expiry and a wrong audience for the request are the lifetime and audience rules' findings, not repeated.
 */
export const answerTokenRule: Rule = (ctx) => {
  const v = answerView(ctx);
  if (!v || !TOKEN_FAMILIES.has(v.answer.family)) return [];
  const out: ErrorFinding[] = [];
  const message = v.answer.message ?? '';
  const idx = explainIdx(v.answer.idx);
  const graphProblem = graphTokenProblem(message);
  const aud = describeAudience(v.c?.audience ?? null);

  if (idx) {
    const graphToOwnApi =
      (v.answer.idx === 'IDX10511' || v.answer.idx === 'IDX10503' || v.answer.idx === 'IDX10214') &&
      aud?.appId === GRAPH_APP_ID;
    out.push(
      graphToOwnApi
        ? answerFinding(
            'graph-token-to-own-api',
            'error',
            { idx: v.answer.idx, aud: v.c?.audience ?? null },
            `${v.answer.idx}: the token loaded here is for Microsoft Graph, and your API cannot validate a Graph token (Graph tokens are only for Graph: their header carries a nonce that changes the signed bytes).`,
            {
              text: "Expose a scope on your API's app registration and request the token for it (api://<api-client-id>/.default app-only, or api://<api-client-id>/<scope> delegated); call Graph with a separate token.",
              actions: [{ kind: 'doc', label: 'Protected web API: verify tokens', url: idx.link }],
            },
          )
        : answerFinding(
            'token-validation-failed',
            'error',
            { idx: v.answer.idx, aud: v.c?.audience ?? null, iss: v.c?.issuer.value ?? null },
            `${idx.code} (${idx.title}): ${idx.meaning}`,
            { text: idx.fix, actions: [{ kind: 'doc', label: idx.title, url: idx.link }] },
          ),
    );
  } else if (graphProblem && v.answer.family !== 'invalid-audience' && !(v.c && graphProblem.expiry)) {
    // With a token, expiry is the lifetime rule's finding (or a contradiction, below).
    out.push(
      answerFinding('token-validation-failed', 'error', { code: v.answer.code, message }, graphProblem.what, {
        text: graphProblem.fix,
        actions: [],
      }),
    );
  }
  if (!v.c) return out;

  const lower = message.toLowerCase();
  if (
    (lower.includes('expired') || lower.includes('lifetime validation failed')) &&
    ctx.token !== null &&
    describeExpiry(ctx.token.decoded.payload, ctx.now).state === 'valid'
  )
    out.push(notSent(v, 'the API says the token expired, but this one is still valid'));

  if (v.answer.family === 'invalid-audience' || v.answer.idx === 'IDX10214') {
    const seen = mentionedAudience(message);
    const strip = (s: string) => (s.endsWith('/') ? s.slice(0, -1) : s);
    if (seen && v.c.audience && strip(seen) !== strip(v.c.audience)) {
      out.push(notSent(v, `the API saw audience ${seen}, this token has ${v.c.audience}`));
    } else if (ctx.request && aud) {
      const req = ctx.request;
      const fits =
        (req.api === 'graph' && aud.appId === GRAPH_APP_ID) ||
        (req.api === 'defender' && (aud.appId === MDE_APP_ID || aud.appId === XDR_APP_ID));
      // A wrong audience for the request is the audience rule's finding; here only the contradiction.
      const audienceRuleSilent = factsOf(ctx)?.audienceOk !== false;
      if (fits && audienceRuleSilent)
        out.push(
          answerFinding(
            'audience-matches',
            'info',
            { aud: v.c.audience, host: req.host },
            `The token loaded here is for ${aud.name}, which matches ${req.host}.`,
            null,
          ),
          notSent(v, `its audience ${v.c.audience} fits the API`),
        );
    }
  }
  return out;
};
