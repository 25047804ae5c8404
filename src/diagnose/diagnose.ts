import type { DiagnosisContext } from './context';
import { answerFindings, isRefusal } from './rules/answer';
import { permissionChoiceOf } from './rules/choice';
import { requiredOf } from './rules/derive';
import { RULES } from './rules';
import type { DiagnoseFinding, DiagnoseFindingCode, Diagnosis, Verdict } from './types';

// What to fix first: the token kind, then its lifetime and audience, then permissions, then roles and
// the gates outside the token, then what could not be checked, then what passed.
const ORDER: readonly DiagnoseFindingCode[] = [
  'b2c-token',
  'non-entra-token',
  'id-token-as-bearer',
  'unknown-token-kind',
  'cloud-mismatch',
  'wrong-audience',
  'wrong-defender-host',
  'token-expired',
  'token-not-yet-valid',
  'refused-outside-token',
  'api-refused',
  'answer-other-host',
  'app-only-no-roles',
  'wrong-permission-type',
  'missing-permission',
  'stale-token',
  'near-miss-permission',
  'client-fix',
  'managed-identity-assignment',
  'security-role-missing',
  'no-wids',
  'gate-directory-role',
  'defender-user-role',
  'gate-teams-protected',
  'gate-exchange-scoping',
  'gate-selected-grant',
  'gate-sensitive-user',
  'azure-rbac',
  'retired-api',
  'unknown-endpoint',
  'other-api',
  'no-catalog',
  'permission-present',
  'security-role-present',
  'directory-role-present',
  'excess-privilege',
];

const rank = (code: string): number => {
  const i = (ORDER as readonly string[]).indexOf(code);
  return i === -1 ? ORDER.length : i;
};

/** Findings in fix order; codes the order does not list keep their rule order after the listed ones. */
function orderFindings(findings: readonly DiagnoseFinding[]): DiagnoseFinding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.code) - rank(b.f.code) || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * The verdict from the findings and the evidence:
 * - "Denied" when any finding is an error, or the pasted answer is a 401/403 (a refusal is evidence,
 *   whatever the token looks like);
 * - "Can't tell" when any finding is a warning (something unknown, or a gate outside the token that
 *   still applies), when there is no token or no request, or the endpoint's permissions are unknown;
 * - "Allowed" only when the token holds an accepted permission, no check failed and no gate remains.
 */
function decide(ctx: DiagnosisContext, findings: readonly DiagnoseFinding[]): Verdict {
  if (findings.some((f) => f.severity === 'error') || isRefusal(ctx)) return 'denied';
  if (findings.some((f) => f.severity === 'warning')) return 'cant-tell';
  if (!ctx.token || !ctx.request) return 'cant-tell';
  const required = requiredOf(ctx);
  return required?.known && findings.some((f) => f.code === 'permission-present') ? 'allowed' : 'cant-tell';
}

/**
 * The one diagnosis of everything the user gave (token, request, pasted answer): runs every rule of
 * {@link RULES}, orders the findings by what to fix first, and decides the verdict. The verdict panel
 * and the error panel both show this one result, so no two places recommend different permissions.
 * Does not verify the signature, does not call the API and does not read the clock (it takes `now`).
 */
export function diagnose(ctx: DiagnosisContext): Diagnosis {
  const found = RULES.flatMap((rule) => rule(ctx));
  const findings = orderFindings([...found, ...answerFindings(ctx, found)]);
  return {
    verdict: decide(ctx, findings),
    findings,
    required: requiredOf(ctx),
    choice: permissionChoiceOf(ctx),
  };
}
