import type { Catalog } from '../catalog';
import type { Diagnosis, ErrorExplanation } from '../diagnose';
import type { Finding } from '../token';
import type { AnswerCardProps, PermissionToAdd } from '../ui/answer-card';
import type { Inspected } from './view-props';

const REFUSED = new Set([401, 403]);

/** "403 Forbidden" from a pasted answer, or null when it says no status or code. */
function answerLineOf(explanation: ErrorExplanation | null): string | null {
  if (!explanation?.ok) return null;
  const parts = [explanation.status === null ? null : String(explanation.status), explanation.code];
  const line = parts.filter((p) => p !== null && p !== '').join(' ');
  return line === '' ? null : line;
}

/** The permission the request accepts that the token should get: least privileged, of the token's kind. */
function permissionToAddOf(inspected: Inspected, diagnosis: Diagnosis | null): PermissionToAdd | null {
  const caller = inspected.token?.facts.caller ?? null;
  const required = diagnosis?.required;
  if (!required?.known || caller === null || diagnosis === null) return null;
  if (diagnosis.findings.some((f) => f.code === 'permission-present')) return null;
  const appOnly = caller === 'app-only' || caller === 'managed-identity';
  const first = (appOnly ? required.application : required.delegated)[0];
  if (first === undefined) return null;
  return { value: first.value, type: first.type, apiName: required.api.name };
}

/**
 * What the answer card shows, from the page's one diagnosis and its one reading of the pasted answer:
 * nothing here is worked out twice. A pasted 401 or 403 is evidence, so it never shows "Allowed".
 */
export function answerCardProps(
  inspected: Inspected,
  catalog: Catalog | null,
): Omit<AnswerCardProps, 'hrefOf'> {
  const { request, diagnosis, explanation, token } = inspected;
  const parsed = request?.ok ? request.request : null;
  const answerLine = answerLineOf(explanation);
  const refused = explanation?.ok === true && explanation.status !== null && REFUSED.has(explanation.status);
  const answerFindings: readonly Finding[] = explanation?.ok ? explanation.findings : [];
  const findings = [...(diagnosis?.findings ?? []), ...answerFindings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity],
  );
  const verdict = parsed
    ? diagnosis === null
      ? 'cant-tell'
      : diagnosis.verdict === 'allowed' && refused
        ? 'cant-tell'
        : diagnosis.verdict
    : null;
  const prompt =
    parsed === null && explanation === null
      ? request && !request.ok
        ? request.error.message
        : token === null
          ? null
          : 'Paste the request that failed (or the error the API answered) next to the token to get a verdict.'
      : null;
  return {
    requestLine: parsed ? { method: parsed.method, path: parsed.normalisedPath, host: parsed.host } : null,
    verdict,
    answerLine,
    findings,
    permissionToAdd: catalog === null ? null : permissionToAddOf(inspected, diagnosis),
    prompt: prompt ?? (parsed === null && explanation === null ? 'Paste a token to check it.' : null),
  };
}

// Stable sort: what blocks first, then what may block, then notes; the diagnosis's own order within each.
const RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };
