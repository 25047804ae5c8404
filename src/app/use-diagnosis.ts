import { useMemo } from 'react';
import type { Catalog } from '../catalog';
import { loadAadstsNames, type AadstsNames } from '../catalog/aadsts-names';
import { loadAzureRoles, type AzureRoleData } from '../catalog/azure-roles';
import type { GateData } from '../catalog/gates';
import {
  answerNeedsAadstsNames,
  answerNeedsAzureRoles,
  diagnose,
  explainApiAnswer,
  parseRequest,
  readApiAnswer,
  type ApiAnswer,
  type ApiAnswerResult,
  type Diagnosis,
  type DiagnosisContext,
  type ErrorExplanation,
  type ParsedRequest,
  type RequestParseResult,
} from '../diagnose';
import type { Finding } from '../token';
import { useGates, useLazyData } from './use-gates';
import type { Inspected, InspectedToken } from './view-props';

// The diagnosis layer is not first-load weight: only the lazy inspector-results chunk imports this module.

/** What the diagnosis may use besides the token, request and answer: lazily loaded data, and the user's "I changed it at". */
export interface DiagnosisExtras {
  /** Gates outside the token; null while they load. */
  readonly gates?: GateData | null;
  /** Azure built-in roles, loaded when the answer is an Azure RBAC refusal; null otherwise. */
  readonly azureRoles?: AzureRoleData | null;
  /** The complete AADSTS list, loaded when the answer's code has no explanation of ours; null otherwise. */
  readonly aadstsNames?: AadstsNames | null;
  /** When the user says they changed the permission or role; null when not given. */
  readonly changedAt?: Date | null;
}

/** The pasted request, parsed; null when the field is empty. */
export function readRequest(text: string): RequestParseResult | null {
  return text.trim() === '' ? null : parseRequest(text);
}

/** The pasted answer, read once (`readApiAnswer`); null when the field is empty. */
export function readAnswer(text: string): ApiAnswerResult | null {
  return text.trim() === '' ? null : readApiAnswer(text);
}

/** The one context every rule and the explainer see: the evidence and the data that has loaded so far. */
export function contextFor(
  token: InspectedToken | null,
  request: ParsedRequest | null,
  answer: ApiAnswer | null,
  catalog: Catalog | null,
  extras: DiagnosisExtras = {},
): DiagnosisContext {
  return {
    token: token ? { decoded: token.decoded, facts: token.facts } : null,
    request,
    answer,
    catalog,
    // Null while the gate data loads: the rules then say "Can't tell" rather than guess.
    gates: extras.gates ?? null,
    azureRoles: extras.azureRoles ?? null,
    aadstsNames: extras.aadstsNames ?? null,
    // Without a token nothing depends on the clock.
    now: token?.checkedAt ?? EPOCH,
    changedAt: extras.changedAt ?? null,
  };
}

/** The one diagnosis of the token for the request; null without both. */
export function diagnoseIn(ctx: DiagnosisContext): Diagnosis | null {
  return ctx.token === null || ctx.request === null ? null : diagnose(ctx);
}

/** The pasted answer, explained in the one context; null when none was pasted. Does not read the text again. */
export function explainIn(ctx: DiagnosisContext, read: ApiAnswerResult | null): ErrorExplanation | null {
  if (read === null) return null;
  if (!read.ok) return read;
  return explainApiAnswer({ ...ctx, answer: read.answer });
}

// What blocks first, then what may block, then notes; each list's own order within a severity.
const RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The one list every panel shows. With a diagnosis (token and request), its findings: it ran the same
 * answer rules in the same context, and its own rules cover the explainer's request-side checks, so
 * nothing is said twice. Without one (an answer alone, or with a token but no request), the answer's
 * findings, what blocks first.
 */
export function mergeFindings(
  diagnosis: Diagnosis | null,
  explanation: ErrorExplanation | null,
): readonly Finding[] {
  if (diagnosis) return diagnosis.findings;
  const extra = explanation?.ok ? explanation.findings : [];
  return extra
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** Everything the page works out from the three texts, as pure functions of them (what `useDiagnosis` memoises). */
export function inspect(
  token: InspectedToken | null,
  request: RequestParseResult | null,
  read: ApiAnswerResult | null,
  catalog: Catalog | null,
  extras: DiagnosisExtras = {},
): Inspected {
  const parsed = request?.ok ? request.request : null;
  const ctx = contextFor(token, parsed, read?.ok ? read.answer : null, catalog, extras);
  const diagnosis = diagnoseIn(ctx);
  const explanation = explainIn(ctx, read);
  return {
    token,
    request,
    explanation,
    diagnosis,
    findings: mergeFindings(diagnosis, explanation),
    checkedAt: ctx.now,
  };
}

/**
 * The request and the pasted answer, read once and checked against the token once, in one context: the
 * verdict, the answer card, the error explanation and the report all show this one result. Loads the
 * lazy data the evidence needs, each its own chunk and only then: the gates once a request is typed, the
 * Azure built-in roles for an Azure RBAC refusal, the AADSTS list for a code we do not explain. Until
 * they arrive the diagnosis says less (never more).
 */
export function useDiagnosis(
  token: InspectedToken | null,
  requestText: string,
  answerText: string,
  catalog: Catalog | null,
  changedAt: Date | null = null,
): Inspected {
  const request = useMemo(() => readRequest(requestText), [requestText]);
  const read = useMemo(() => readAnswer(answerText), [answerText]);
  const answer = read?.ok ? read.answer : null;
  const gates = useGates(requestText.trim() !== '');
  const azureRoles = useLazyData(answerNeedsAzureRoles(answer), loadAzureRoles);
  const aadstsNames = useLazyData(answerNeedsAadstsNames(answer), loadAadstsNames);
  const changedMs = changedAt?.getTime() ?? null;
  return useMemo(
    () =>
      inspect(token, request, read, catalog, {
        gates,
        azureRoles,
        aadstsNames,
        changedAt: changedMs === null ? null : new Date(changedMs),
      }),
    [token, request, read, catalog, gates, azureRoles, aadstsNames, changedMs],
  );
}

const EPOCH = new Date(0);
