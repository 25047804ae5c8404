import { aadstsName } from '../../catalog/aadsts-names';
import type { FixAction } from '../../token';
import { explainAadsts } from '../aadsts-codes';
import type { ApiAnswer } from '../api-answer';
import type { Rule } from '../context';
import { answerFinding, answerView } from './answer-view';
import { actionsForChoice, permissionChoiceOf } from './choice';
import { factsOf } from './derive';

/** Codes whose fix is (admin) consent: the consent builder is offered for them. */
const CONSENT_CODES: ReadonlySet<string> = new Set([
  '65001',
  '650056',
  '650057',
  '90094',
  '90099',
  '90008',
  '65004',
]);

/**
 * An AADSTS code pasted as the answer: Entra refused to issue the token, so the API was never called.
 * Our explanation and fix from the one AADSTS table; the consent builder when consent is the fix.
 */
export const answerSignInRule: Rule = (ctx) => {
  const v = answerView(ctx);
  if (!v || v.answer.family !== 'aadsts' || !v.answer.aadsts) return [];
  const digits = v.answer.aadsts.slice(6);
  const known = explainAadsts(digits);
  const name = known || !ctx.aadstsNames ? null : aadstsName(ctx.aadstsNames, digits) || null;
  const actions: FixAction[] = [];
  // With a token and a request, consent to the one permission the diagnosis chose (or none, when it
  // chose none), so no two fixes differ; a managed identity is never consented through a link.
  const consent = CONSENT_CODES.has(digits) && v.caller !== 'managed-identity';
  const choice = consent && factsOf(ctx) ? permissionChoiceOf(ctx) : null;
  if (choice) actions.push(...actionsForChoice(ctx, choice).filter((a) => a.kind === 'consent'));
  else if (consent && !factsOf(ctx))
    actions.push({
      kind: 'consent',
      tenantId: v.c?.tenantId ?? null,
      clientId: v.c?.clientId ?? null,
      scope: 'https://graph.microsoft.com/.default',
      cloud: v.c?.issuer.cloud ?? null,
    });
  actions.push({
    kind: 'doc',
    label: `Microsoft's page for ${v.answer.aadsts}`,
    url: `https://login.microsoftonline.com/error?code=${digits}`,
  });
  return [
    answerFinding(
      'sign-in-error',
      'error',
      { aadsts: v.answer.aadsts, oauthError: v.answer.oauthError },
      known
        ? `${v.answer.aadsts} (${known.title}): ${known.explanation} Entra refused to issue the token, so the API was never called.`
        : name
          ? `${v.answer.aadsts} (${name}): Entra refused to issue the token, so the API was never called. This code has no explanation of ours yet; Microsoft's page says more.`
          : `${v.answer.aadsts}: Entra refused to issue the token, so the API was never called. This code has no explanation of ours yet; Microsoft's page has its name.`,
      {
        text:
          known?.fix ??
          "Look the code up on Microsoft's page and quote the trace and correlation IDs to support.",
        actions,
      },
    ),
  ];
};

/**
 * True when the answer is an AADSTS code we have no explanation of: load `loadAadstsNames()` so its short
 * name shows. False for the codes our own table explains (they need no extra data).
 */
export function answerNeedsAadstsNames(answer: ApiAnswer | null): boolean {
  return answer?.family === 'aadsts' && answer.aadsts !== null && explainAadsts(answer.aadsts) === null;
}
