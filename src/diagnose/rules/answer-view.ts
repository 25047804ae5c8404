import type { Classification } from '../../token';
import type { ApiAnswer } from '../api-answer';
import type { DiagnosisContext } from '../context';
import type { ErrorFinding, ErrorFindingCode } from '../types';
import { str, type Caller } from './derive';

/** What the answer rules need from the token, with or without a request. */
export interface AnswerView {
  readonly answer: ApiAnswer;
  /** Null when no token was pasted: explanations still say what to change. */
  readonly c: Classification | null;
  readonly caller: Caller;
  readonly appOnly: boolean;
  readonly oid: string | null;
  /** Lower-cased `roles` and `scp` values of the token. */
  readonly held: ReadonlySet<string>;
}

/** The answer and the token side by side, or null when no answer was pasted. */
export function answerView(ctx: DiagnosisContext): AnswerView | null {
  const answer = ctx.answer;
  if (!answer) return null;
  const c = ctx.token?.facts ?? null;
  const caller = c?.caller ?? null;
  return {
    answer,
    c,
    caller,
    appOnly: caller === 'app-only' || caller === 'managed-identity',
    oid: str(ctx.token?.decoded.payload['oid']),
    held: new Set(c ? [...c.roles, ...c.scopes].map((p) => p.toLowerCase()) : []),
  };
}

/** Builds an answer-side finding in the one shape. */
export function answerFinding(
  code: ErrorFindingCode,
  severity: ErrorFinding['severity'],
  evidence: Record<string, unknown>,
  message: string,
  fix: ErrorFinding['fix'],
): ErrorFinding {
  return { code, severity, evidence, message, fix };
}

/** "The token loaded here is not the one the API saw": the error contradicts it. */
export function notSent(v: AnswerView, why: string): ErrorFinding {
  return answerFinding(
    'token-not-sent',
    'warning',
    { aud: v.c?.audience ?? null, roles: v.c?.roles ?? [], scp: v.c?.scopes ?? [] },
    `The error contradicts the token loaded here (${why}): the token that was sent was probably a different one.`,
    {
      text: 'Check which token the client really sends: a cached token from before the change, another app registration, or another tenant. Decode that one here.',
      actions: [],
    },
  );
}
