import type { Catalog } from '../catalog';
import { aadstsName, type AadstsNames } from '../catalog/aadsts-names';
import type { AzureRoleData } from '../catalog/azure-roles';
import { describeExpiry, type Classification, type DecodedJwt } from '../token';
import { explainAadsts } from './aadsts-codes';
import { readApiAnswer, type ApiAnswer } from './api-answer';
import type { DiagnosisContext } from './context';
import { explainIdx, explainServiceCode, type ServiceCodeExplanation } from './error-codes';
import { ERROR_FAMILY_LABEL, ERROR_KIND_LINK, ERROR_KIND_TEXT } from './error-texts';
import { describeAudience } from './hosts';
import { ANSWER_RULES } from './rules/answer-rules';
import { actionsForChoice, permissionChoiceOf } from './rules/choice';
import { factsOf } from './rules/derive';
import type { ErrorExplanation, ErrorFinding, ParsedRequest } from './types';

/** What the explainer may cross-check the error against. All optional. */
export interface ErrorContext {
  readonly token?: DecodedJwt | null;
  readonly classification?: Classification | null;
  readonly catalog?: Catalog | null;
  readonly request?: ParsedRequest | null;
  readonly azureRoles?: AzureRoleData | null;
  /** The complete AADSTS list (`loadAadstsNames()`), for the short name of codes we do not explain. */
  readonly aadstsNames?: AadstsNames | null;
  /** The current time, for the token's expiry; without it expiry is not cross-checked. */
  readonly now?: Date;
}

/** What a pasted answer means, without any token: for the error panel's headline. */
export interface AnswerMeaning {
  /** Short label of the family, e.g. "Azure RBAC: no role assignment". */
  readonly label: string;
  /** What the family means, in our words. */
  readonly text: string;
  /** The Microsoft page behind it. */
  readonly link: string;
  /** The code's own explanation (service code, IDX code), when we have one. */
  readonly code: ServiceCodeExplanation | null;
}

/**
 * What a pasted answer means on its own: the family's explanation and the code's, in our words. Pure;
 * does not look at a token (the findings of `diagnose` do that). `names` (the complete AADSTS list, loaded
 * lazily) gives the short name of a code we have no explanation for.
 */
export function describeAnswer(answer: ApiAnswer, names: AadstsNames | null = null): AnswerMeaning {
  const family = answer.family;
  const aadsts = answer.aadsts ? explainAadsts(answer.aadsts) : null;
  const name = answer.aadsts && names ? aadstsName(names, answer.aadsts) : null;
  const text =
    family === 'aadsts' && aadsts
      ? `${ERROR_KIND_TEXT.aadsts} ${answer.aadsts} (${aadsts.title}): ${aadsts.explanation}`
      : family === 'aadsts' && name
        ? `${ERROR_KIND_TEXT.aadsts} ${answer.aadsts} (${name}): Microsoft's short name for it; we have no explanation of our own yet, so look it up on Microsoft's error code page.`
        : family === 'aadsts'
          ? `${ERROR_KIND_TEXT.aadsts} This code is not in our table; look it up on Microsoft's error code page.`
          : ERROR_KIND_TEXT[family];
  return {
    label: ERROR_FAMILY_LABEL[family],
    text,
    link: ERROR_KIND_LINK[family],
    code: explainIdx(answer.idx) ?? explainServiceCode(answer.innerCode) ?? explainServiceCode(answer.code),
  };
}

/** Builds the one diagnosis context from the explainer's older, looser arguments. */
function contextOf(answer: ApiAnswer, context: ErrorContext): DiagnosisContext & { answer: ApiAnswer } {
  const { token, classification } = context;
  return {
    token: token && classification ? { decoded: token, facts: classification } : null,
    request: context.request ?? null,
    answer,
    catalog: context.catalog ?? null,
    gates: null,
    azureRoles: context.azureRoles ?? null,
    aadstsNames: context.aadstsNames ?? null,
    now: context.now ?? new Date(0),
  };
}

/**
 * The cross-checks the request-side rules own in the full diagnosis (expiry, a wrong audience for the
 * request, the missing permission), kept here in the explainer's own words while the error panel still
 * shows `explainError`. The permission comes from the same one choice `diagnose` makes.
 */
function panelOnlyFindings(ctx: DiagnosisContext): ErrorFinding[] {
  const a = ctx.answer;
  const c = ctx.token?.facts;
  if (!a || !c) return [];
  const out: ErrorFinding[] = [];
  const tokenFamily = a.family === 'invalid-audience' || a.family === 'unauthorized';
  // Without a `now` the context's clock is the epoch, when no token is valid yet: no expiry finding.
  const expiry = describeExpiry(ctx.token?.decoded.payload ?? {}, ctx.now);
  if (tokenFamily && expiry.state === 'expired')
    out.push({
      code: 'token-expired',
      severity: 'error',
      evidence: { exp: expiry.expiresAt?.toISOString() ?? null },
      message: `The token loaded here has expired (${expiry.text}).`,
      fix: {
        text: 'Get a new token; MSAL does this for you when you call acquireTokenSilent before each call.',
        actions: [],
      },
    });
  const req = ctx.request;
  const aud = describeAudience(c.audience);
  const f = factsOf(ctx);
  if (a.family === 'invalid-audience' && req && aud && f && !f.audienceOk)
    out.push({
      code: 'audience-differs',
      severity: 'error',
      evidence: { aud: c.audience, host: req.host },
      message: `The token is for ${aud.name}, but the request goes to ${req.host}.`,
      fix: {
        text: `Request the token for the API at ${req.host} (see the verdict above for the exact scope).`,
        actions: [],
      },
    });
  if (a.family === 'graph' && req?.api === 'graph') {
    const choice = permissionChoiceOf(ctx);
    if (choice && f)
      out.push({
        code: 'graph-permission-missing',
        severity: 'error',
        evidence: {
          accepted: [choice.permission.value, ...choice.alternatives.map((p) => p.value)],
          roles: c.roles,
          scp: c.scopes,
        },
        message: `The token has none of the ${choice.scheme} permissions ${req.method} ${f.required.known ? f.required.matchedPath : req.normalisedPath} accepts; the least privileged is ${choice.permission.value}.`,
        fix: {
          text: `Add ${choice.permission.value} (${choice.scheme}) on Microsoft Graph and consent.`,
          actions: actionsForChoice(ctx, choice),
        },
      });
  }
  return out;
}

/**
 * Explains an answer already read by `readApiAnswer` against the one diagnosis context (token, request,
 * catalog, gates, Azure roles, AADSTS names, clock): what its family and code mean (`describeAnswer`)
 * and what the answer rules of the one diagnosis find, so the error panel and the verdict say the same.
 * Without a token the rules still say what to change. Does not read the text again, does not call the
 * API and never throws.
 */
export function explainApiAnswer(ctx: DiagnosisContext & { readonly answer: ApiAnswer }): ErrorExplanation {
  const answer = ctx.answer;
  const meaning = describeAnswer(answer, ctx.aadstsNames ?? null);
  const ruled = ANSWER_RULES.flatMap((rule) => rule(ctx));
  return {
    ok: true,
    kind: answer.family,
    status: answer.status,
    code: answer.family === 'aadsts' && answer.aadsts ? answer.aadsts : answer.code,
    message: answer.message,
    requiredRoles: answer.permissions?.required ?? [],
    grantedRoles: answer.permissions?.granted ?? [],
    aadsts: answer.aadsts ? explainAadsts(answer.aadsts) : null,
    explanation: meaning.text,
    link: meaning.link,
    correlation: answer.correlation,
    findings: [...panelOnlyFindings(ctx), ...(ruled as ErrorFinding[])],
  };
}

/**
 * Explains a pasted API or sign-in error from its text: reads it (`readApiAnswer`) and hands the answer to
 * {@link explainApiAnswer}. For callers that have only the text (the sign-in page, tests); the inspector
 * reads the answer once itself. Does not call the API and never throws.
 */
export function explainError(text: string, context: ErrorContext = {}): ErrorExplanation {
  const read = readApiAnswer(text);
  if (!read.ok) return read;
  return explainApiAnswer(contextOf(read.answer, context));
}
