import type { Catalog, GateData } from '../../src/catalog';
import { diagnose, parseRequest, type ApiAnswer, type Diagnosis } from '../../src/diagnose';
import type { Payload } from '../fixtures/make-token';
import { loadToken, NOW } from './load-token';

/** A minimal pasted answer: status and host, the rest empty (the reader's full shape). */
export function answerOf(status: number | null, extra: Partial<ApiAnswer> = {}): ApiAnswer {
  return {
    status,
    statusSource: status === null ? null : 'status-line',
    method: null,
    url: null,
    host: null,
    headers: new Map(),
    format: 'json',
    family: 'unknown',
    code: null,
    innerCode: null,
    message: null,
    oauthError: null,
    aadsts: null,
    idx: null,
    permissions: null,
    correlation: {
      requestId: null,
      clientRequestId: null,
      date: null,
      traceId: null,
      correlationId: null,
      timestamp: null,
      target: null,
    },
    challenge: null,
    diagnostics: null,
    errorCodeHeader: null,
    rbac: null,
    notices: [],
    ...extra,
  } as ApiAnswer;
}

export interface RunOptions {
  readonly catalog: Catalog | null;
  readonly gates: GateData | null;
  readonly answer?: ApiAnswer | null;
  readonly changedAt?: Date | null;
  readonly now?: Date;
}

/** Diagnoses a synthetic token (or none) against a request line with everything else given. */
export function runDiagnosis(payload: Payload | null, requestText: string | null, o: RunOptions): Diagnosis {
  const now = o.now ?? NOW;
  const loaded = payload ? loadToken(payload) : null;
  const parsed = requestText === null ? null : parseRequest(requestText);
  if (parsed && !parsed.ok) throw new Error(parsed.error.message);
  return diagnose({
    token: loaded ? { decoded: loaded.token, facts: loaded.classification } : null,
    request: parsed?.ok ? parsed.request : null,
    answer: o.answer ?? null,
    catalog: o.catalog,
    gates: o.gates,
    now,
    changedAt: o.changedAt ?? null,
  });
}
