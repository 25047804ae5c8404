import type { Catalog } from '../catalog';
import type { Diagnosis, ErrorExplanation } from '../diagnose';
import type { AnswerCardProps, PermissionToAdd } from '../ui/answer-card';
import type { Inspected } from './view-props';

/** "403 Forbidden" from a pasted answer, or null when it says no status or code. */
function answerLineOf(explanation: ErrorExplanation | null): string | null {
  if (!explanation?.ok) return null;
  const parts = [explanation.status === null ? null : String(explanation.status), explanation.code];
  const line = parts.filter((p) => p !== null && p !== '').join(' ');
  return line === '' ? null : line;
}

/** The one permission to add, as the diagnosis chose it (least privileged, of the token's kind). */
function permissionToAddOf(diagnosis: Diagnosis | null): PermissionToAdd | null {
  const choice = diagnosis?.choice ?? null;
  if (choice === null) return null;
  return { value: choice.permission.value, type: choice.scheme, apiName: choice.api.name };
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
  const { findings } = inspected;
  // The diagnosis weighs a pasted 401 or 403 itself: it never says "Allowed" against one.
  const verdict = parsed ? (diagnosis?.verdict ?? 'cant-tell') : null;
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
    permissionToAdd: catalog === null ? null : permissionToAddOf(diagnosis),
    prompt: prompt ?? (parsed === null && explanation === null ? 'Paste a token to check it.' : null),
  };
}
