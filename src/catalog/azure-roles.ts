/**
 * Azure built-in roles (generated: src/catalog/data/azure-rbac.json, its own lazy chunk) and the one
 * question asked of them: which roles grant this action or data action, least privileged first.
 * Pure lookups over the loaded data; `loadAzureRoles` is the only part that imports the chunk.
 */

/** One built-in role, as the generator wrote it. */
export interface AzureRole {
  readonly name: string;
  readonly id: string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly dataActions: readonly string[];
  readonly notDataActions: readonly string[];
  /** True when the role carries an ABAC condition: it may grant less than its actions say. */
  readonly conditional: boolean;
}

export interface AzureRoleData {
  readonly roles: readonly AzureRole[];
  readonly source: { readonly name: string; readonly commit: string | null; readonly date: string | null };
}

/** A role that grants the operation, and the pattern in it that does. */
export interface AzureRoleMatch {
  readonly role: AzureRole;
  /** The action or data-action pattern that matched, e.g. "Microsoft.KeyVault/vaults/secrets/getSecret/action". */
  readonly pattern: string;
}

type RawRole = readonly [string, string, number[], number[], number[], number[], number];
interface RawAzureRoles {
  readonly source: { name: string; commit: string | null; date: string | null };
  readonly strings: readonly string[];
  readonly roles: readonly RawRole[];
}

/** Builds the role list from the generated data. Does not validate beyond skipping unknown indexes. */
export function buildAzureRoles(raw: RawAzureRoles): AzureRoleData {
  const pick = (ids: readonly number[]): string[] =>
    ids.map((i) => raw.strings[i]).filter((s): s is string => typeof s === 'string');
  return {
    source: raw.source,
    roles: raw.roles.map(([name, id, a, na, d, nd, c]) => ({
      name,
      id,
      actions: pick(a),
      notActions: pick(na),
      dataActions: pick(d),
      notDataActions: pick(nd),
      conditional: c === 1,
    })),
  };
}

let loading: Promise<AzureRoleData> | null = null;

/** Loads the role data (a lazy chunk, loaded only when an Azure RBAC error is pasted); cached, retried on failure. */
export function loadAzureRoles(): Promise<AzureRoleData> {
  loading ??= import('./data/azure-rbac.json').then(
    (m) => buildAzureRoles(m.default as unknown as RawAzureRoles),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * True when an Azure permission pattern (`*`, `Microsoft.Storage/*`, a `/read` suffix after a star) covers the operation.
 * Case-insensitive, as Azure compares them. Linear: literal pieces found left to right with indexOf.
 */
export function patternCovers(pattern: string, operation: string): boolean {
  const p = pattern.toLowerCase();
  const op = operation.toLowerCase();
  if (!p.includes('*')) return p === op;
  const pieces = p.split('*');
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (!op.startsWith(first) || !op.endsWith(last) || op.length < first.length + last.length) return false;
  let at = first.length;
  const end = op.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? '';
    const found = op.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** The pattern of `role` that grants the operation (and no notAction takes back), or null. */
export function roleGrants(role: AzureRole, operation: string, dataAction: boolean): string | null {
  const allow = dataAction ? role.dataActions : role.actions;
  const deny = dataAction ? role.notDataActions : role.notActions;
  if (deny.some((p) => patternCovers(p, operation))) return null;
  let best: string | null = null;
  for (const p of allow) {
    if (!patternCovers(p, operation)) continue;
    if (best === null || specificity(p) > specificity(best)) best = p;
  }
  return best;
}

/** Longer literal text and fewer wildcards mean a narrower pattern. */
function specificity(pattern: string): number {
  const stars = pattern.split('*').length - 1;
  return pattern.length - stars * 1000;
}

/** How broad a role is: every permission it lists, wildcards weighing most. */
function breadth(role: AzureRole): number {
  const all = [...role.actions, ...role.dataActions];
  return all.reduce((sum, p) => sum + (p === '*' ? 100_000 : p.includes('*') ? 100 : 1), 0);
}

/**
 * The built-in roles that grant the operation, least privileged first: roles without an ABAC condition
 * before conditional ones, then the narrowest matching pattern, then the fewest (and least wildcarded)
 * permissions. `dataAction` chooses between the control plane (actions) and the data plane (dataActions).
 */
export function findRolesGranting(
  data: AzureRoleData,
  operation: string,
  dataAction: boolean,
): readonly AzureRoleMatch[] {
  const matches: { m: AzureRoleMatch; spec: number; breadth: number }[] = [];
  for (const role of data.roles) {
    const pattern = roleGrants(role, operation, dataAction);
    if (pattern) matches.push({ m: { role, pattern }, spec: specificity(pattern), breadth: breadth(role) });
  }
  matches.sort(
    (a, b) =>
      Number(a.m.role.conditional) - Number(b.m.role.conditional) ||
      b.spec - a.spec ||
      a.breadth - b.breadth ||
      (a.m.role.name < b.m.role.name ? -1 : a.m.role.name > b.m.role.name ? 1 : 0),
  );
  return matches.map((x) => x.m);
}
