import type { DiagnosisContext } from '../context';
import type { DiagnoseFinding } from '../types';
import { finding } from './finding';

/** Findings that name a gate outside the token (their names, for "which checks live outside"). */
const GATE_NAMES: Readonly<Record<string, string>> = {
  'gate-teams-protected': "Microsoft's approval for Teams protected APIs",
  'gate-exchange-scoping': 'an Exchange application access policy or RBAC for Applications scope',
  'gate-selected-grant': 'the per-site grant that Sites.Selected needs',
  'gate-sensitive-user': "an admin role that covers the target user's role",
  'gate-directory-role': "the signed-in user's directory or Purview role",
  'defender-user-role': "the user's Defender role and device groups",
  'azure-rbac': 'an Azure role assignment',
  'no-wids': "the user's security role (the token has no wids)",
};

/** Gates outside the token every refusal may come from, when no specific one applies. */
const GENERAL_GATES =
  "Conditional Access or Continuous Access Evaluation (a revoked session or a location/device policy), the resource owner's own access checks (Azure RBAC, Exchange or SharePoint scoping, Defender roles), or a tenant-wide restriction";

/** Short names of the blockers a refusal can confirm, for the one-sentence "fits" note. */
const BLOCKER_NAMES: ReadonlyMap<string, string> = new Map([
  ['b2c-token', 'the B2C token'],
  ['non-entra-token', 'the token from another issuer'],
  ['id-token-as-bearer', 'the ID token sent as an access token'],
  ['unknown-token-kind', 'the unreadable token kind'],
  ['cloud-mismatch', 'the cloud mismatch'],
  ['wrong-audience', 'the wrong audience'],
  ['wrong-defender-host', 'the wrong Defender host'],
  ['token-expired', 'the expired token'],
  ['token-not-yet-valid', 'the not-yet-valid token'],
  ['app-only-no-roles', 'the app-only token without roles'],
  ['wrong-permission-type', 'the wrong permission type'],
  ['missing-permission', 'the missing permission'],
  ['security-role-missing', 'the missing security role'],
  ['gate-directory-role', 'the missing directory role'],
  ['gate-teams-protected', 'the Teams protected-API approval'],
  ['gate-exchange-scoping', 'the Exchange scoping'],
  ['gate-selected-grant', 'the missing per-site grant'],
  ['gate-sensitive-user', 'the sensitive user property'],
  ['retired-api', 'the retired API'],
  ['missing-roles', 'the missing application role'],
  ['graph-permission-missing', 'the missing Graph permission'],
  ['no-permission-claims', 'the token without permissions'],
  ['exchange-scoped', 'the Exchange scoping'],
  ['sharepoint-site-grant', 'the missing per-site grant'],
  ['teams-protected-api', 'the Teams protected-API approval'],
  ['token-validation-failed', 'the token the API could not validate'],
  ['graph-token-to-own-api', 'the Graph token sent to another API'],
  ['network-rule-blocked', 'the network rule'],
  ['shared-key-disabled', 'the disabled shared key'],
  ['claims-challenge', 'the claims challenge'],
  ['azure-role-needed', 'the missing Azure role assignment'],
  ['key-vault-access-policy', 'the missing Key Vault access policy'],
  ['sign-in-error', 'the sign-in error'],
]);

/** "the missing permission": the blocker's short name, or a plain pointer to it. */
function blockerName(code: string): string {
  return BLOCKER_NAMES.get(code) ?? 'the first blocker above';
}

/** True when the pasted answer is a refusal: 401 or 403. */
export function isRefusal(ctx: DiagnosisContext): boolean {
  const status = ctx.answer?.status ?? null;
  return status === 401 || status === 403;
}

/**
 * The pasted answer as evidence, after every other rule ran (it needs their findings): a 401/403 from
 * the request's host means "Denied" whatever the token looks like. When no token check failed, it says
 * which checks live outside the token, the most likely first, and how to confirm.
 */
export function answerFindings(
  ctx: DiagnosisContext,
  findings: readonly DiagnoseFinding[],
): DiagnoseFinding[] {
  const { answer, request } = ctx;
  if (!answer) return [];
  const out: DiagnoseFinding[] = [];
  if (answer.host && request && answer.host.toLowerCase() !== request.host)
    out.push(
      finding(
        'answer-other-host',
        'warning',
        { answerHost: answer.host, requestHost: request.host },
        `The pasted answer came from ${answer.host}, but the request goes to ${request.host}: they may not belong together.`,
        'Paste the answer of this request, or the request that got this answer.',
      ),
    );
  if (!isRefusal(ctx)) return out;
  const status = answer.status ?? 403;
  const tokenErrors = findings.filter((f) => f.severity === 'error');
  if (tokenErrors.length > 0) {
    out.push(
      finding(
        'api-refused',
        'info',
        { status, cause: tokenErrors[0]?.code ?? null },
        `The API answered ${status}, as ${blockerName(tokenErrors[0]?.code ?? '')} explains.`,
        null,
      ),
    );
    return out;
  }
  if (!ctx.token) {
    out.push(
      finding(
        'api-refused',
        'error',
        { status },
        `The API answered ${status}. Without the token that was sent, the checks a token carries (audience, expiry, permissions, roles) cannot be compared; the explanation of the error below says what it names.`,
        'Paste the access token that was sent with the request to see which check failed.',
      ),
    );
    return out;
  }
  const gates = findings.filter((f) => f.code in GATE_NAMES);
  const named = [...new Set(gates.map((f) => GATE_NAMES[f.code] ?? ''))].filter((n) => n !== '');
  const why =
    status === 401
      ? 'A 401 means the token itself was not accepted: a signature the API could not validate, a session revoked by Continuous Access Evaluation, a token sent to the wrong endpoint, or a token replayed from another client.'
      : named.length > 0
        ? `The check that refused lives outside the token, most likely ${named[0]}${named.length > 1 ? `; also possible: ${named.slice(1).join('; ')}` : ''}.`
        : `The check that refused lives outside the token: ${GENERAL_GATES}.`;
  out.push(
    finding(
      'refused-outside-token',
      'error',
      { status, gates: gates.map((f) => f.code) },
      `The token passes every check it can carry for this request, and the API still answered ${status}. ${why}`,
      gates[0]?.fix ?? {
        text: "Confirm with the request-id and date of the answer in the Entra sign-in logs (for Conditional Access) or the resource's own logs, and check the error message: it usually names the missing right.",
        actions: [],
      },
    ),
  );
  return out;
}
