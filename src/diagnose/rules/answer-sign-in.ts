import type { FixAction } from '../../token';
import { explainAadsts } from '../aadsts-codes';
import type { Rule } from '../context';
import { answerFinding, answerView } from './answer-view';

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
  const actions: FixAction[] = [];
  if (CONSENT_CODES.has(digits))
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
