import { fixOf } from '../token';
import type { Difference, DifferenceAspect } from './compare-types';
import { VERDICT_TEXT } from './compare-wording';
import { SECURITY_ROLES } from './security-roles';
import type { Diagnosis, DiagnoseFindingCode, ParsedRequest, Verdict } from './types';

const ASPECT_ORDER: readonly DifferenceAspect[] = [
  'verdict',
  'kind',
  'audience',
  'cloud',
  'issuer',
  'tenant',
  'caller',
  'version',
  'permission',
  'directory-role',
  'client-app',
  'expiry',
  'guest',
];

/** Which aspects a diagnosis finding is about, so a finding only one token gets marks what decides. */
// Partial: answer-side findings (a pasted error) are not about a difference between two tokens.
const FINDING_ASPECTS: Readonly<Partial<Record<DiagnoseFindingCode, readonly DifferenceAspect[]>>> = {
  'token-expired': ['expiry'],
  'token-not-yet-valid': ['expiry'],
  'id-token-as-bearer': ['kind'],
  'unknown-token-kind': ['kind'],
  'b2c-token': ['issuer'],
  'non-entra-token': ['issuer'],
  'wrong-audience': ['audience'],
  'wrong-defender-host': ['audience'],
  'cloud-mismatch': ['cloud', 'audience'],
  'app-only-no-roles': ['permission', 'caller'],
  'wrong-permission-type': ['permission', 'caller'],
  'missing-permission': ['permission'],
  'permission-present': ['permission'],
  'security-role-missing': ['directory-role'],
  'security-role-present': ['directory-role'],
  'no-wids': ['directory-role'],
  'defender-user-role': ['directory-role'],
  'managed-identity-assignment': ['permission', 'caller'],
  'unknown-endpoint': [],
  'no-catalog': [],
  'other-api': [],
  'gate-teams-protected': ['caller'],
  'gate-exchange-scoping': ['caller'],
  'gate-selected-grant': ['permission'],
  'gate-sensitive-user': ['directory-role'],
  'gate-directory-role': ['directory-role'],
  'directory-role-present': ['directory-role'],
  'azure-rbac': [],
  'retired-api': ['audience'],
  'api-refused': [],
  'refused-outside-token': [],
  'answer-other-host': [],
  'stale-token': ['expiry'],
  'excess-privilege': ['permission'],
  'near-miss-permission': ['permission'],
  'client-fix': ['client-app'],
};

// Worse first: the failing side of a comparison is the one with the lower rank.
const VERDICT_RANK: Readonly<Record<Verdict, number>> = { denied: 0, 'cant-tell': 1, allowed: 2 };

/**
 * Orders differences for display: decisive ones first, then by aspect (verdict, kind, audience, …,
 * guest), keeping the given order within an aspect. Does not change any difference.
 */
export function orderDifferences(differences: readonly Difference[]): Difference[] {
  const rank = (d: Difference) => (d.decisive ? 0 : 1) * 100 + ASPECT_ORDER.indexOf(d.aspect);
  return differences
    .map((d, i) => ({ d, i }))
    .sort((x, y) => rank(x.d) - rank(y.d) || x.i - y.i)
    .map(({ d }) => d);
}

/**
 * Marks decisive the differences about what the failing token's diagnosis complains of and the passing one's
 * does not, and puts a "verdict differs" difference in front. Permission and role differences count only when
 * the request's requirements or the findings name them. With equal verdicts it returns the differences as
 * they are. Does not diagnose: it reads the two diagnoses it is given.
 */
export function markDecisive(
  differences: readonly Difference[],
  da: Diagnosis,
  db: Diagnosis,
  request: ParsedRequest,
): Difference[] {
  if (da.verdict === db.verdict) return [...differences];
  const failing = VERDICT_RANK[da.verdict] <= VERDICT_RANK[db.verdict] ? da : db;
  const passing = failing === da ? db : da;
  const failingSide = failing === da ? 'A' : 'B';
  const passingCodes = new Set(passing.findings.map((f) => f.code));
  const deciding = failing.findings.filter(
    (f) => f.severity !== 'info' && (!passingCodes.has(f.code) || f.code === 'missing-permission'),
  );
  const decidingCodes = new Set<string>(deciding.map((f) => f.code));
  const aspects = new Set<DifferenceAspect>(
    deciding.flatMap((f) => FINDING_ASPECTS[f.code as DiagnoseFindingCode] ?? []),
  );
  const text = JSON.stringify([da.findings, db.findings]).toLowerCase();
  const required = new Set<string>();
  if (failing.required?.known || passing.required?.known) {
    for (const r of [failing.required, passing.required]) {
      if (!r?.known) continue;
      for (const p of [...r.delegated, ...r.application]) required.add(p.value.toLowerCase());
    }
  }

  const marked = differences.map((d): Difference => {
    if (!aspects.has(d.aspect)) return d;
    if (d.aspect === 'permission') {
      const value = String(d.evidence.permission ?? '').toLowerCase();
      const named = required.size > 0 ? required.has(value) : text.includes(value);
      if (!named) return d;
    }
    if (d.code === 'directory-role-only-in-a' || d.code === 'directory-role-only-in-b') {
      // Only the security roles decide a Graph Security call; the default member role never does.
      const id = String(d.evidence.role ?? '').toLowerCase();
      if (!SECURITY_ROLES.some((r) => r.id === id)) return d;
    }
    if ((d.code === 'wids-absent-in-a' || d.code === 'wids-absent-in-b') && !decidingCodes.has('no-wids'))
      return d;
    return { ...d, decisive: true, severity: 'error', fix: fixOf(decisiveFix(d, failingSide)) };
  });

  const first = failing.findings.find((f) => f.severity === 'error') ?? failing.findings[0];
  const verdictDiff: Difference = {
    code: 'verdict-differs',
    aspect: 'verdict',
    decisive: true,
    severity: 'error',
    evidence: { a: da.verdict, b: db.verdict, request: `${request.method} ${request.url}` },
    message: `For ${request.method} ${request.url}: token A gets ${VERDICT_TEXT[da.verdict]}, token B gets ${VERDICT_TEXT[db.verdict]}.`,
    fix: first?.fix ?? null,
  };
  return [verdictDiff, ...marked];
}

function decisiveFix(d: Difference, failing: 'A' | 'B'): string {
  const passing = failing === 'A' ? 'B' : 'A';
  const inPassing = d.evidence.in === passing.toLowerCase();
  switch (d.code) {
    case 'permission-only-in-a':
    case 'permission-only-in-b': {
      const p = String(d.evidence.permission);
      if (!inPassing)
        return `Token ${passing} works without ${p}; check which permission type the request needs.`;
      return d.evidence.type === 'delegated'
        ? `Add the delegated permission ${p} to the app behind token ${failing}, consent to it, then get a new token.`
        : `Grant ${p} as an application permission to the app behind token ${failing} (admin consent, or an app-role assignment for a managed identity), then get a new token.`;
    }
    case 'directory-role-only-in-a':
    case 'directory-role-only-in-b': {
      const label = String(d.evidence.name ?? d.evidence.role);
      return inPassing
        ? `The user of token ${failing} needs the ${label} role (as token ${passing}'s user has); assign it, sign in again and get a new token.`
        : `Token ${failing}'s extra role ${label} does not help this request.`;
    }
    case 'wids-absent-in-a':
    case 'wids-absent-in-b':
      if (d.code !== `wids-absent-in-${failing.toLowerCase()}`) break;
      return `Token ${failing} carries no wids: get it with the authorization code flow (the implicit flow leaves wids out), as token ${passing} was.`;
    case 'audience-differs':
      return `Request token ${failing} for ${String(d.evidence[passing === 'A' ? 'apiA' : 'apiB'])}, as token ${passing} was.`;
    case 'expiry-differs':
      return `Get a fresh token ${failing}.`;
    case 'kind-differs':
      return `Send an access token for the API, like token ${passing}, not an ID token.`;
    default:
      break;
  }
  return `This is why token ${failing} fails where token ${passing} does not: make it match token ${passing} here.`;
}
