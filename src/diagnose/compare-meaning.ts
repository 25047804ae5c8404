import type { Catalog } from '../catalog';
import type { Classification, Expiry, Finding } from '../token';
import { nameApp, nameRole } from './compare-names';
import type { Difference, DifferenceAspect, DifferenceCode } from './compare-types';
import { callerText, cloudText, guestText, issuerText, kindText, lower } from './compare-wording';
import { describeAudience } from './hosts';

/**
 * The differences in meaning between two classified tokens: kind, audience (which API), cloud, issuer,
 * tenant, caller type, version, client app, guest, each permission, each directory role and expiry, in
 * that order. None is marked decisive here: that needs a request (see compare-decisive.ts).
 */
export function diffMeaning(
  a: Classification,
  b: Classification,
  catalog: Catalog | null,
  expiries: readonly [Expiry, Expiry],
): Difference[] {
  return [
    ...diffKind(a, b),
    ...diffAudience(a, b, catalog),
    ...diffSimple(a, b, catalog),
    ...diffPermissions(a, b),
    ...diffDirectoryRoles(a, b, catalog),
    ...diffExpiry(...expiries),
  ];
}

/** App-only callers (an app or a managed identity) act without a user. */
function isAppOnly(c: Classification): boolean {
  return c.caller === 'app-only' || c.caller === 'managed-identity';
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

function diffKind(a: Classification, b: Classification): Difference[] {
  if (a.kind === b.kind) return [];
  return [
    difference(
      'kind-differs',
      'kind',
      `Token A is ${kindText(a.kind)}; token B is ${kindText(b.kind)}.`,
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
    // An app-only token has no user to be a guest or a member: say so rather than "not stated".
    const userText = (side: 'A' | 'B', c: Classification) =>
      isAppOnly(c) ? `token ${side} is app-only (no user)` : `token ${side}'s user is ${guestText(c.guest)}`;
    const text = `${userText('A', a)}; ${userText('B', b)}.`;
    out.push(
      difference('guest-differs', 'guest', text.charAt(0).toUpperCase() + text.slice(1), {
        a: a.guest,
        b: b.guest,
      }),
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
  const noWids = (side: 'A' | 'B', c: Classification) =>
    isAppOnly(c)
      ? `Token ${side} is app-only, so it carries no directory roles (no wids claim)`
      : `Token ${side} has no wids claim at all`;
  if (a.wids === null && b.wids !== null) {
    out.push(
      difference(
        'wids-absent-in-a',
        'directory-role',
        `${noWids('A', a)}; token B has ${widsText(b.wids)}.`,
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
        `${noWids('B', b)}; token A has ${widsText(a.wids)}.`,
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

function diffExpiry(ea: Expiry, eb: Expiry): Difference[] {
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
