import { fixOf } from '../token';
import { ANNOTATION_TEXTS, ROLE_NOTES } from './annotation-texts';
import { DEFAULT_MEMBER_ROLE_ID } from './build-catalog';
import { findApi, findApp, findRole } from './lookups';
import type {
  AnnotatedPermission,
  AnnotatedRole,
  Annotation,
  AnnotationFinding,
  AnnotationFindingCode,
  AnnotationInput,
  ApiInfo,
  Catalog,
  PermissionInfo,
  RoleHighlight,
} from './types';

const HIGHLIGHTS: Readonly<Record<string, RoleHighlight>> = {
  '5d6b6bb7-de71-4623-b4af-96380a352509': 'security-reader',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'security-administrator',
  '62e90394-69f5-4237-9190-012177145e10': 'global-administrator',
};
const HIGHLIGHT_NOTES: Readonly<Record<RoleHighlight, string>> = {
  'security-reader': ROLE_NOTES.securityReader,
  'security-administrator': ROLE_NOTES.securityAdministrator,
  'global-administrator': ROLE_NOTES.globalAdministrator,
};

function finding(
  code: AnnotationFindingCode,
  vars: Record<string, string>,
  evidence: Record<string, unknown>,
): AnnotationFinding {
  const text = ANNOTATION_TEXTS[code];
  return {
    code,
    severity: text.severity,
    evidence: { ...evidence, learnMore: text.link },
    message: text.message(vars),
    fix: fixOf(text.fix ? text.fix(vars) : null),
  };
}

/** The APIs other than `apiAppId` that define `value`, by name. */
function otherApisWith(catalog: Catalog, apiAppId: string, value: string): string[] {
  const names: string[] = [];
  for (const [appId, byKey] of catalog.internal.permissions) {
    if (appId === apiAppId || !byKey.has(value.toLowerCase())) continue;
    names.push(catalog.internal.apiByAppId.get(appId)?.name ?? appId);
  }
  return names.sort();
}

function annotateEntry(
  catalog: Catalog,
  api: ApiInfo | null,
  value: string,
  claim: 'scp' | 'roles',
  userToken: boolean,
): AnnotatedPermission {
  const type = claim === 'scp' ? 'delegated' : 'application';
  const flags: AnnotationFinding[] = [];
  const evidence = { claim, value, aud: api?.resource ?? null };
  const hasList = api !== null && catalog.internal.permissions.has(api.appId);
  let permission: PermissionInfo | null = null;
  if (api && hasList) {
    permission = catalog.internal.permissions.get(api.appId)?.get(value.toLowerCase()) ?? null;
    const vars = { value, api: api.name, date: catalog.generatedAt };
    if (!permission) {
      const others = otherApisWith(catalog, api.appId, value);
      flags.push(
        others.length
          ? finding(
              'permission-not-on-api',
              { ...vars, others: others.join(', ') },
              { ...evidence, definedOn: others },
            )
          : finding('unknown-permission', vars, evidence),
      );
    } else if (type === 'delegated' && !permission.delegated) {
      flags.push(finding('scope-is-application-only', vars, evidence));
    } else if (type === 'application' && !permission.application && !userToken) {
      flags.push(finding('role-is-delegated-only', vars, evidence));
    }
  }
  if (type === 'application' && userToken) {
    flags.unshift(finding('app-role-in-user-token', { value }, evidence));
  }
  const delegated = type === 'delegated';
  return {
    value,
    claim,
    type,
    permission,
    adminConsent: permission
      ? delegated
        ? permission.delegatedAdminConsent
        : permission.application
          ? true
          : null
      : null,
    privilegeLevel: permission
      ? delegated
        ? permission.delegatedPrivilegeLevel
        : permission.applicationPrivilegeLevel
      : null,
    label: permission
      ? ((delegated ? permission.delegatedLabel : permission.applicationLabel) ?? permission.label)
      : null,
    flags,
  };
}

function annotateRole(
  catalog: Catalog,
  templateId: string,
): { role: AnnotatedRole; flag: AnnotationFinding | null } {
  const id = templateId.trim().toLowerCase();
  const role = findRole(catalog, id);
  const highlight = HIGHLIGHTS[id] ?? null;
  const isDefaultMember = id === DEFAULT_MEMBER_ROLE_ID;
  const note = isDefaultMember
    ? ROLE_NOTES.defaultMember
    : highlight
      ? HIGHLIGHT_NOTES[highlight]
      : role
        ? null
        : ROLE_NOTES.notInCatalog(catalog.generatedAt);
  return {
    role: {
      templateId: templateId.trim(),
      name: role?.name ?? null,
      privileged: role?.privileged ?? null,
      isDefaultMember,
      highlight,
      note,
    },
    flag: role
      ? null
      : finding(
          'unknown-role',
          { templateId: templateId.trim(), date: catalog.generatedAt },
          { wids: templateId },
        ),
  };
}

/**
 * Resolves a token's `scp`, `roles` and `wids` against the catalog and the API `aud` names: each entry's
 * type, admin consent, privilege level and label, and the mismatches (a scope that exists only as an
 * application permission, an app role in a user token, a permission the API does not have, an unknown
 * value, an unknown or retired API, unknown directory roles, `wids` missing from a user token). Names
 * the client app when `clientId` is given. Does not decide whether a request will succeed (diagnose
 * does) and does not read the token itself: pass values from classifyToken.
 */
export function annotateToken(catalog: Catalog, input: AnnotationInput): Annotation {
  const aud = input.audience?.trim() ?? '';
  const api = aud ? findApi(catalog, aud) : null;
  const findings: AnnotationFinding[] = [];
  const vars = { aud, date: catalog.generatedAt, api: api?.name ?? aud };
  if (aud && !api) {
    findings.push(
      /^api:\/\//i.test(aud) ? finding('custom-api', vars, { aud }) : finding('unknown-api', vars, { aud }),
    );
  } else if (api?.custom) {
    findings.push(finding('custom-api', vars, { aud }));
  } else if (api?.retired) {
    findings.push(finding('retired-api', vars, { aud }));
  }

  const userToken = input.caller === 'delegated';
  const scopes = input.scopes.map((s) => annotateEntry(catalog, api, s, 'scp', userToken));
  const roles = input.roles.map((r) => annotateEntry(catalog, api, r, 'roles', userToken));
  for (const entry of [...scopes, ...roles]) findings.push(...entry.flags);

  let wids: AnnotatedRole[] | null = null;
  if (input.wids) {
    wids = [];
    for (const id of input.wids) {
      const { role, flag } = annotateRole(catalog, id);
      wids.push(role);
      if (flag) findings.push(flag);
    }
  } else if (input.kind === 'access' && userToken) {
    findings.push(finding('wids-missing', {}, { wids: null }));
  }

  const clientId = input.clientId?.trim();
  return {
    api,
    client: clientId ? findApp(catalog, clientId) : null,
    scopes,
    roles,
    wids,
    findings,
    catalogDate: catalog.generatedAt,
  };
}
