import type { Catalog } from '../catalog';
import type { Classification, DecodedJwt, Finding } from '../token';
import {
  CALLER_PHRASE,
  CLOUD_PHRASE,
  describeExpiry,
  fixOf,
  ISSUER_KIND_PHRASE,
  KIND_PHRASE,
} from '../token';
import { diagnose } from './diagnose';
import { describeAudience } from './hosts';
import type { Diagnosis, DiagnoseFindingCode, ParsedRequest, Verdict } from './types';
import { nameApp, nameRole } from './compare-names';
import { SECURITY_ROLES } from './security-roles';

/** One of the two tokens being compared. */
export interface ComparedToken {
  readonly token: DecodedJwt;
  readonly classification: Classification;
}

/** What {@link compareTokens} needs besides the two tokens. */
export interface CompareOptions {
  /** The current time, for expiry and the verdicts. */
  readonly now: Date;
  /** Names roles, apps and permissions; without it GUIDs stay GUIDs. */
  readonly catalog?: Catalog | null;
  /** When given, both tokens are diagnosed for it and the differences that change the verdict lead. */
  readonly request?: ParsedRequest | null;
}

/** What a meaning-level difference is about. */
export type DifferenceAspect =
  | 'verdict'
  | 'kind'
  | 'audience'
  | 'cloud'
  | 'issuer'
  | 'tenant'
  | 'caller'
  | 'version'
  | 'permission'
  | 'directory-role'
  | 'client-app'
  | 'expiry'
  | 'guest';

/** The closed set of meaning-level difference codes, `-a`/`-b` saying which token has the thing. */
export type DifferenceCode =
  | 'verdict-differs'
  | 'kind-differs'
  | 'audience-differs'
  | 'cloud-differs'
  | 'issuer-differs'
  | 'tenant-differs'
  | 'caller-differs'
  | 'version-differs'
  | 'permission-only-in-a'
  | 'permission-only-in-b'
  | 'wids-absent-in-a'
  | 'wids-absent-in-b'
  | 'directory-role-only-in-a'
  | 'directory-role-only-in-b'
  | 'client-app-differs'
  | 'expiry-differs'
  | 'guest-differs';

/**
 * A difference in meaning between token A and token B. `evidence` holds `a` and `b` (the values compared)
 * and, for permissions and roles, what was found where. `fix` is set only on decisive differences.
 */
export interface Difference extends Finding<DifferenceCode> {
  readonly aspect: DifferenceAspect;
  /** True when this difference is (part of) why the verdicts for the request differ. */
  readonly decisive: boolean;
}

/** A claim present in one token or both, with its value in each (undefined where absent). */
export interface ClaimChange {
  readonly claim: string;
  readonly a: unknown;
  readonly b: unknown;
}

/** What differs between token A and token B. */
export interface Comparison {
  /** Meaning-level differences: those that change the verdict for the request first, then by aspect. */
  readonly differences: readonly Difference[];
  /** Raw claim changes from A to B: added (only in B), removed (only in A), changed (different values). */
  readonly claims: {
    readonly added: readonly ClaimChange[];
    readonly removed: readonly ClaimChange[];
    readonly changed: readonly ClaimChange[];
    /** How many claims have the same value in both. */
    readonly unchangedCount: number;
  };
  /** Both diagnoses, when a request was given. */
  readonly diagnoses: { readonly a: Diagnosis; readonly b: Diagnosis } | null;
  /** True when the payloads are equal claim for claim. */
  readonly samePayload: boolean;
}

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
const FINDING_ASPECTS: Readonly<Record<DiagnoseFindingCode, readonly DifferenceAspect[]>> = {
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
};

const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  allowed: 'Allowed',
  denied: 'Denied',
  'cant-tell': "Can't tell",
};

/**
 * Compares two decoded tokens claim by claim and by meaning: audience (which API), version, caller type,
 * each permission (`scp` and `roles` entries, with their type), each directory role (`wids`, named through
 * the catalog; a missing claim is told apart from an empty one), expiry, client app, tenant and cloud.
 * With a request, diagnoses both and puts first the differences that make one Allowed and the other not.
 * Pure: takes `now` and the catalog; does not verify signatures and never copies the raw tokens into its output.
 */
export function compareTokens(a: ComparedToken, b: ComparedToken, options: CompareOptions): Comparison {
  const catalog = options.catalog ?? null;
  const claims = diffClaims(a.token.payload, b.token.payload);
  const differences: Difference[] = [
    ...diffKind(a.classification, b.classification),
    ...diffAudience(a.classification, b.classification, catalog),
    ...diffSimple(a.classification, b.classification, catalog),
    ...diffPermissions(a.classification, b.classification),
    ...diffDirectoryRoles(a.classification, b.classification, catalog),
    ...diffExpiry(a, b, options.now),
  ];

  let diagnoses: Comparison['diagnoses'] = null;
  let ordered: Difference[] = differences;
  if (options.request) {
    const request = options.request;
    const run = (side: ComparedToken): Diagnosis =>
      diagnose({
        token: { decoded: side.token, facts: side.classification },
        request,
        answer: null,
        catalog,
        gates: null,
        now: options.now,
      });
    diagnoses = { a: run(a), b: run(b) };
    ordered = markDecisive(differences, diagnoses.a, diagnoses.b, request);
  }

  const rank = (d: Difference) => (d.decisive ? 0 : 1) * 100 + ASPECT_ORDER.indexOf(d.aspect);
  const sorted = ordered
    .map((d, i) => ({ d, i }))
    .sort((x, y) => rank(x.d) - rank(y.d) || x.i - y.i)
    .map(({ d }) => d);

  return {
    differences: sorted,
    claims,
    diagnoses,
    samePayload: claims.added.length === 0 && claims.removed.length === 0 && claims.changed.length === 0,
  };
}

function difference(
  code: DifferenceCode,
  aspect: DifferenceAspect,
  message: string,
  evidence: Record<string, unknown>,
  severity: Finding['severity'] = 'info',
): Difference {
  return { code, aspect, decisive: false, severity, evidence, message, fix: null };
}

// ---- raw claims ----

function diffClaims(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): Comparison['claims'] {
  const added: ClaimChange[] = [];
  const removed: ClaimChange[] = [];
  const changed: ClaimChange[] = [];
  let unchangedCount = 0;
  for (const [claim, value] of Object.entries(a)) {
    if (!Object.hasOwn(b, claim)) removed.push({ claim, a: value, b: undefined });
    else if (stableJson(value) !== stableJson(b[claim])) changed.push({ claim, a: value, b: b[claim] });
    else unchangedCount += 1;
  }
  for (const [claim, value] of Object.entries(b)) {
    if (!Object.hasOwn(a, claim)) added.push({ claim, a: undefined, b: value });
  }
  return { added, removed, changed, unchangedCount };
}

/** JSON with object keys sorted, so key order never counts as a change. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

// ---- by meaning ----

function diffKind(a: Classification, b: Classification): Difference[] {
  if (a.kind === b.kind) return [];
  return [
    difference(
      'kind-differs',
      'kind',
      `Token A is ${KIND_PHRASE[a.kind]}; token B is ${KIND_PHRASE[b.kind]}.`,
      { a: a.kind, b: b.kind },
      'warning',
    ),
  ];
}

/** The API an audience names: the catalog's name, the built-in table's, or the value as written. */
function apiOf(aud: string | null, catalog: Catalog | null): { key: string | null; name: string } {
  if (aud === null) return { key: null, name: 'no audience' };
  const known = describeAudience(aud);
  const named = nameApp(aud, catalog);
  if (known) return { key: known.appId ?? aud.toLowerCase(), name: known.name };
  if (named) return { key: named.appId.toLowerCase(), name: named.name };
  return { key: aud.replace(/(?<!\/)\/+$/, '').toLowerCase(), name: aud };
}

function diffAudience(a: Classification, b: Classification, catalog: Catalog | null): Difference[] {
  const apiA = apiOf(a.audience, catalog);
  const apiB = apiOf(b.audience, catalog);
  if (apiA.key === apiB.key) return [];
  const show = (api: { name: string }, aud: string | null) =>
    aud === null || api.name === aud ? api.name : `${api.name} (${aud})`;
  return [
    difference(
      'audience-differs',
      'audience',
      `Token A is for ${show(apiA, a.audience)}; token B is for ${show(apiB, b.audience)}.`,
      { a: a.audience, b: b.audience, apiA: apiA.name, apiB: apiB.name },
      'warning',
    ),
  ];
}

function diffSimple(a: Classification, b: Classification, catalog: Catalog | null): Difference[] {
  const out: Difference[] = [];
  if (a.issuer.cloud !== b.issuer.cloud) {
    out.push(
      difference(
        'cloud-differs',
        'cloud',
        `Token A comes from ${cloudText(a.issuer.cloud)}; token B from ${cloudText(b.issuer.cloud)}.`,
        { a: a.issuer.cloud, b: b.issuer.cloud },
        'warning',
      ),
    );
  }
  if (a.issuer.kind !== b.issuer.kind) {
    out.push(
      difference(
        'issuer-differs',
        'issuer',
        `Token A was issued by ${issuerText(a.issuer.kind)}; token B by ${issuerText(b.issuer.kind)}.`,
        { a: a.issuer.value, b: b.issuer.value, kindA: a.issuer.kind, kindB: b.issuer.kind },
        'warning',
      ),
    );
  }
  if (lower(a.tenantId) !== lower(b.tenantId)) {
    out.push(
      difference(
        'tenant-differs',
        'tenant',
        `Token A is from tenant ${a.tenantId ?? '(none)'}; token B from tenant ${b.tenantId ?? '(none)'}.`,
        { a: a.tenantId, b: b.tenantId },
        'warning',
      ),
    );
  }
  if (a.caller !== b.caller) {
    out.push(
      difference(
        'caller-differs',
        'caller',
        `Token A is ${callerText(a.caller)}; token B is ${callerText(b.caller)}.`,
        { a: a.caller, b: b.caller },
        'warning',
      ),
    );
  }
  if (a.version !== b.version) {
    out.push(
      difference(
        'version-differs',
        'version',
        `Token A is a v${a.version ?? '?'} token; token B is a v${b.version ?? '?'} token (the API's manifest decides this, not the client).`,
        { a: a.version, b: b.version },
      ),
    );
  }
  if (lower(a.clientId) !== lower(b.clientId)) {
    const appA = a.clientId ? nameApp(a.clientId, catalog) : null;
    const appB = b.clientId ? nameApp(b.clientId, catalog) : null;
    const show = (id: string | null, app: { name: string } | null) =>
      id === null ? 'no client app' : app ? `${app.name} (${id})` : id;
    out.push(
      difference(
        'client-app-differs',
        'client-app',
        `Token A was requested by ${show(a.clientId, appA)}; token B by ${show(b.clientId, appB)}.`,
        { a: a.clientId, b: b.clientId, appA: appA?.name ?? null, appB: appB?.name ?? null },
      ),
    );
  }
  if (a.guest !== b.guest) {
    out.push(
      difference(
        'guest-differs',
        'guest',
        `Token A's user is ${guestText(a.guest)}; token B's user is ${guestText(b.guest)}.`,
        { a: a.guest, b: b.guest },
      ),
    );
  }
  return out;
}

type PermissionType = 'delegated' | 'application' | 'app-role';

function permissionsOf(c: Classification): Map<string, { value: string; type: PermissionType }> {
  const map = new Map<string, { value: string; type: PermissionType }>();
  for (const value of c.scopes) map.set(`delegated:${value.toLowerCase()}`, { value, type: 'delegated' });
  // In a delegated token, `roles` are app roles assigned to the user, not application permissions.
  const roleType: PermissionType = c.caller === 'delegated' ? 'app-role' : 'application';
  for (const value of c.roles) map.set(`${roleType}:${value.toLowerCase()}`, { value, type: roleType });
  return map;
}

const PERMISSION_TYPE_TEXT: Readonly<Record<PermissionType, string>> = {
  delegated: 'delegated permission (scp)',
  application: 'application permission (roles)',
  'app-role': 'app role (roles)',
};

function diffPermissions(a: Classification, b: Classification): Difference[] {
  const pa = permissionsOf(a);
  const pb = permissionsOf(b);
  const out: Difference[] = [];
  for (const [key, p] of pa) {
    if (!pb.has(key)) {
      out.push(
        difference(
          'permission-only-in-a',
          'permission',
          `Token A has the ${PERMISSION_TYPE_TEXT[p.type]} ${p.value}; token B does not.`,
          { permission: p.value, type: p.type, in: 'a' },
        ),
      );
    }
  }
  for (const [key, p] of pb) {
    if (!pa.has(key)) {
      out.push(
        difference(
          'permission-only-in-b',
          'permission',
          `Token B has the ${PERMISSION_TYPE_TEXT[p.type]} ${p.value}; token A does not.`,
          { permission: p.value, type: p.type, in: 'b' },
        ),
      );
    }
  }
  return out;
}

function roleLabel(id: string, catalog: Catalog | null): string {
  const name = nameRole(id, catalog);
  return name ? `${name} (${id})` : id;
}

function diffDirectoryRoles(a: Classification, b: Classification, catalog: Catalog | null): Difference[] {
  const out: Difference[] = [];
  const widsText = (w: readonly string[]) =>
    w.length === 0 ? 'an empty wids claim' : `${w.length} directory role${w.length === 1 ? '' : 's'} in wids`;
  if (a.wids === null && b.wids !== null) {
    out.push(
      difference(
        'wids-absent-in-a',
        'directory-role',
        `Token A has no wids claim at all; token B has ${widsText(b.wids)}.`,
        { a: null, b: b.wids },
        'warning',
      ),
    );
  }
  if (b.wids === null && a.wids !== null) {
    out.push(
      difference(
        'wids-absent-in-b',
        'directory-role',
        `Token B has no wids claim at all; token A has ${widsText(a.wids)}.`,
        { a: a.wids, b: null },
        'warning',
      ),
    );
  }
  const setA = new Set((a.wids ?? []).map((w) => w.toLowerCase()));
  const setB = new Set((b.wids ?? []).map((w) => w.toLowerCase()));
  const absentText = (side: 'A' | 'B', wids: readonly string[] | null) =>
    wids === null ? `token ${side} has no wids at all` : `token ${side} does not`;
  for (const id of b.wids ?? []) {
    if (!setA.has(id.toLowerCase())) {
      const name = nameRole(id, catalog);
      out.push(
        difference(
          'directory-role-only-in-b',
          'directory-role',
          `Token B has ${roleLabel(id, catalog)} in wids; ${absentText('A', a.wids)}.`,
          { role: id, name, in: 'b' },
        ),
      );
    }
  }
  for (const id of a.wids ?? []) {
    if (!setB.has(id.toLowerCase())) {
      const name = nameRole(id, catalog);
      out.push(
        difference(
          'directory-role-only-in-a',
          'directory-role',
          `Token A has ${roleLabel(id, catalog)} in wids; ${absentText('B', b.wids)}.`,
          { role: id, name, in: 'a' },
        ),
      );
    }
  }
  return out;
}

function diffExpiry(a: ComparedToken, b: ComparedToken, now: Date): Difference[] {
  const ea = describeExpiry(a.token.payload, now);
  const eb = describeExpiry(b.token.payload, now);
  if (ea.state === eb.state && ea.expiresAt?.getTime() === eb.expiresAt?.getTime()) return [];
  return [
    difference(
      'expiry-differs',
      'expiry',
      `Token A ${ea.text}; token B ${eb.text}.`,
      {
        a: ea.expiresAt?.toISOString() ?? null,
        b: eb.expiresAt?.toISOString() ?? null,
        stateA: ea.state,
        stateB: eb.state,
      },
      ea.state !== eb.state ? 'warning' : 'info',
    ),
  ];
}

// ---- what decides ----

// Worse first: the failing side of a comparison is the one with the lower rank.
const VERDICT_RANK: Readonly<Record<Verdict, number>> = { denied: 0, 'cant-tell': 1, allowed: 2 };

/**
 * Marks decisive the differences about what the failing token's diagnosis complains of and the passing one's
 * does not. Permission and role differences count only when the request's requirements or the findings name them.
 */
function markDecisive(
  differences: Difference[],
  da: Diagnosis,
  db: Diagnosis,
  request: ParsedRequest,
): Difference[] {
  if (da.verdict === db.verdict) return differences;
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

// ---- wording ----

function lower(v: string | null): string | null {
  return v === null ? null : v.toLowerCase();
}

function cloudText(cloud: Classification['issuer']['cloud']): string {
  return cloud === null ? 'an unknown cloud' : CLOUD_PHRASE[cloud];
}

function issuerText(kind: Classification['issuer']['kind']): string {
  return ISSUER_KIND_PHRASE[kind];
}

function callerText(caller: Classification['caller']): string {
  return caller === null ? 'of no known caller type' : CALLER_PHRASE[caller];
}

function guestText(guest: boolean | null): string {
  return guest === null ? 'not stated' : guest ? 'a guest' : 'a member';
}
