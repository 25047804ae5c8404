import { useMemo } from 'react';
import type { Catalog } from '../catalog';
import {
  diagnose,
  explainError,
  parseRequest,
  type Diagnosis,
  type ErrorExplanation,
  type ParsedRequest,
  type RequestParseResult,
} from '../diagnose';
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
  catalog: Catalog | null,
): Diagnosis | null {
  if (token === null || request === null) return null;
  return diagnose({
    token: token.decoded,
    classification: token.facts,
    request,
    catalog,
    now: token.checkedAt,
  });
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

/**
 * The request and the pasted answer, read once and checked against the token once: the verdict, the
 * answer card, the error explanation and the report all show this one result.
 */
export function useDiagnosis(
  token: InspectedToken | null,
  requestText: string,
  answerText: string,
  catalog: Catalog | null,
): Inspected {
  const request = useMemo(() => readRequest(requestText), [requestText]);
  const parsed = request?.ok ? request.request : null;
  const diagnosis = useMemo(() => diagnoseFor(token, parsed, catalog), [token, parsed, catalog]);
  const explanation = useMemo(
    () => explainAnswer(answerText, token, parsed, catalog),
    [answerText, token, parsed, catalog],
  );
  const checkedAt = token?.checkedAt ?? EPOCH;
  return useMemo(
    () => ({ token, request, explanation, diagnosis, checkedAt }),
    [token, request, explanation, diagnosis, checkedAt],
  );
}

// Without a token nothing depends on the clock.
const EPOCH = new Date(0);
