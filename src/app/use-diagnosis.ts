import { useMemo } from 'react';
import type { Catalog } from '../catalog';
import type { GateData } from '../catalog/gates';
import {
  diagnose,
  explainError,
  parseRequest,
  readApiAnswer,
  type ApiAnswer,
  type Diagnosis,
  type ErrorExplanation,
  type ParsedRequest,
  type RequestParseResult,
} from '../diagnose';
import type { Finding } from '../token';
import type { Inspected, InspectedToken } from './view-props';

// The diagnosis layer is not first-load weight: only the lazy inspector-results chunk imports this module.

/** The pasted request, parsed; null when the field is empty. */
export function readRequest(text: string): RequestParseResult | null {
  return text.trim() === '' ? null : parseRequest(text);
}

/** The one diagnosis of the token for the request; null without both. */
export function diagnoseFor(
  token: InspectedToken | null,
  request: ParsedRequest | null,
  answer: ApiAnswer | null,
  catalog: Catalog | null,
  gates: GateData | null = null,
): Diagnosis | null {
  if (token === null || request === null) return null;
  return diagnose({
    token: { decoded: token.decoded, facts: token.facts },
    request,
    answer,
    catalog,
    // Null while the gate data loads: the rules then say "Can't tell" rather than guess.
    gates,
    now: token.checkedAt,
  });
}

/** The pasted answer, read once for the diagnosis; null when none was pasted or it cannot be read. */
export function readAnswer(text: string): ApiAnswer | null {
  if (text.trim() === '') return null;
  const read = readApiAnswer(text);
  return read.ok ? read.answer : null;
}

/** The pasted answer, explained and checked against the token and request; null when none was pasted. */
export function explainAnswer(
  text: string,
  token: InspectedToken | null,
  request: ParsedRequest | null,
  catalog: Catalog | null,
): ErrorExplanation | null {
  if (text.trim() === '') return null;
  return explainError(text, {
    token: token?.decoded ?? null,
    classification: token?.facts ?? null,
    catalog,
    request,
  });
}

// What blocks first, then what may block, then notes; each list's own order within a severity.
const RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The diagnosis's findings and the answer's cross-checks as one list: a cross-check whose code or
 * message the diagnosis already raised is left out, so no panel says the same thing twice.
 */
export function mergeFindings(
  diagnosis: Diagnosis | null,
  explanation: ErrorExplanation | null,
): readonly Finding[] {
  const own = diagnosis?.findings ?? [];
  const codes = new Set<string>(own.map((f) => f.code));
  const messages = new Set(own.map((f) => f.message));
  const extra = explanation?.ok
    ? explanation.findings.filter((f) => !codes.has(f.code) && !messages.has(f.message))
    : [];
  return [...own, ...extra]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * The request and the pasted answer, read once and checked against the token once: the verdict, the
 * answer card, the error explanation and the report all show this one result.
 */
export function useDiagnosis(
  token: InspectedToken | null,
  requestText: string,
  answerText: string,
  catalog: Catalog | null,
  gates: GateData | null,
): Inspected {
  const request = useMemo(() => readRequest(requestText), [requestText]);
  const parsed = request?.ok ? request.request : null;
  const answer = useMemo(() => readAnswer(answerText), [answerText]);
  const diagnosis = useMemo(
    () => diagnoseFor(token, parsed, answer, catalog, gates),
    [token, parsed, answer, catalog, gates],
  );
  const explanation = useMemo(
    () => explainAnswer(answerText, token, parsed, catalog),
    [answerText, token, parsed, catalog],
  );
  const checkedAt = token?.checkedAt ?? EPOCH;
  const findings = useMemo(() => mergeFindings(diagnosis, explanation), [diagnosis, explanation]);
  return useMemo(
    () => ({ token, request, explanation, diagnosis, findings, checkedAt }),
    [token, request, explanation, diagnosis, findings, checkedAt],
  );
}

// Without a token nothing depends on the clock.
const EPOCH = new Date(0);
