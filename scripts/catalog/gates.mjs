// Builds src/catalog/data/gates.json: the gates outside the token (graph-rules/) and the Microsoft
// resources a token can be for (audiences/), as compact facts: names, methods, paths in the catalog's
// form (lower case, ids `{id}`), role names and template IDs, hosts, audiences, scopes, links and the
// source commits. Never the docs' sentences. Called once from scripts/generate-catalog.mjs.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LEARN = 'https://learn.microsoft.com';
const GRAPH_REPO = 'microsoftgraph/microsoft-graph-docs-contrib';

/** Catalog path form: lower case, every `{name}` placeholder written `{id}`. */
const catalogPath = (path) =>
  path
    .trim()
    .toLowerCase()
    .replace(/\{[^{}]*\}/g, '{id}');
const learn = (docLink) => (docLink.startsWith('http') ? docLink : `${LEARN}${docLink.replace(/\.md$/, '')}`);
/** "Security Reader (least privileged)" → "Security Reader". */
const beforeParen = (text) => (text.includes('(') ? text.slice(0, text.indexOf('(')) : text).trim();
const roleName = beforeParen;
const withoutTrailingSlashes = (text) => {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
};
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Which endpoints each delegated-role include covers. The source maps APIs to includes in prose
 * ("GET /auditLogs/signIns"); this table is that mapping in the catalog's path form. `*` = and below.
 */
const DELEGATED_ROLE_ENDPOINTS = {
  'rbac-signin-apis-read.md': [{ methods: ['GET'], path: '/auditlogs/signins/*' }],
  'rbac-signin-apis-write.md': [
    { methods: ['POST'], path: '/auditlogs/signins/confirmcompromised' },
    { methods: ['POST'], path: '/auditlogs/signins/confirmsafe' },
  ],
  'rbac-directoryaudit-apis.md': [{ methods: ['GET'], path: '/auditlogs/directoryaudits/*' }],
  'rbac-identity-protection-apis-read.md': [
    { methods: ['GET'], path: '/identityprotection/*' },
    { methods: ['GET'], path: '/riskyusers/*' },
    { methods: ['GET'], path: '/riskdetections/*' },
  ],
  'rbac-identity-protection-apis-write.md': [
    { methods: ['POST'], path: '/identityprotection/riskyusers/confirmcompromised' },
    { methods: ['POST'], path: '/identityprotection/riskyusers/dismiss' },
    { methods: ['POST'], path: '/identityprotection/riskyserviceprincipals/confirmcompromised' },
    { methods: ['POST'], path: '/identityprotection/riskyserviceprincipals/dismiss' },
  ],
  'rbac-mdi-apis.md': [
    { methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'], path: '/security/identities/*' },
  ],
  'rbac-ediscovery-apis-read.md': [{ methods: ['GET'], path: '/security/cases/ediscoverycases/*' }],
  'rbac-ediscovery-apis-write.md': [
    { methods: ['POST', 'PATCH', 'PUT', 'DELETE'], path: '/security/cases/ediscoverycases/*' },
  ],
  'rbac-security-alerts-incidents-apis-read.md': [
    { methods: ['GET'], path: '/security/alerts_v2/*' },
    { methods: ['GET'], path: '/security/incidents/*' },
  ],
  'rbac-security-alerts-incidents-apis-write.md': [
    { methods: ['POST', 'PATCH', 'PUT', 'DELETE'], path: '/security/alerts_v2/*' },
    { methods: ['POST', 'PATCH', 'PUT', 'DELETE'], path: '/security/incidents/*' },
  ],
  'rbac-authentication-methods-apis-read-others.md': [
    { methods: ['GET'], path: '/users/{id}/authentication/*' },
  ],
  'rbac-authentication-methods-apis-write-others.md': [
    { methods: ['POST', 'PATCH', 'PUT', 'DELETE'], path: '/users/{id}/authentication/*' },
  ],
  'rbac-conditionalaccess-apis-read.md': [{ methods: ['GET'], path: '/identity/conditionalaccess/*' }],
  'rbac-pim-entra-roles-apis.md': [
    {
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      path: '/rolemanagement/directory/roleassignmentschedulerequests/*',
    },
    {
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      path: '/rolemanagement/directory/roleeligibilityschedulerequests/*',
    },
    { methods: ['GET'], path: '/rolemanagement/directory/roleassignmentschedules/*' },
    { methods: ['GET'], path: '/rolemanagement/directory/roleeligibilityschedules/*' },
    { methods: ['GET'], path: '/rolemanagement/directory/roleassignmentscheduleinstances/*' },
    { methods: ['GET'], path: '/rolemanagement/directory/roleeligibilityscheduleinstances/*' },
  ],
  'rbac-application-apis-write.md': [
    { methods: ['POST'], path: '/applications' },
    { methods: ['PATCH'], path: '/applications/{id}' },
  ],
  'rbac-approleassignments-apis-write.md': [
    { methods: ['POST', 'DELETE'], path: '/serviceprincipals/{id}/approleassignedto/*' },
    { methods: ['POST', 'DELETE'], path: '/serviceprincipals/{id}/approleassignments/*' },
  ],
  'rbac-oauth2permissiongrant-apis-write.md': [
    { methods: ['POST', 'PATCH', 'DELETE'], path: '/oauth2permissiongrants/*' },
  ],
  'rbac-directory-role-apis-write.md': [
    { methods: ['POST', 'DELETE'], path: '/directoryroles/*' },
    { methods: ['POST', 'DELETE'], path: '/rolemanagement/directory/roleassignments/*' },
  ],
};

/** The Graph page each include is documented with (a reader can follow it). */
const DELEGATED_ROLE_DOCS = {
  'rbac-signin-apis-read.md': '/graph/api/signin-list',
  'rbac-signin-apis-write.md': '/graph/api/signin-confirmcompromised',
  'rbac-directoryaudit-apis.md': '/graph/api/directoryaudit-list',
  'rbac-identity-protection-apis-read.md': '/graph/api/riskyuser-list',
  'rbac-identity-protection-apis-write.md': '/graph/api/riskyuser-confirmcompromised',
  'rbac-mdi-apis.md': '/graph/api/resources/security-identitycontainer',
  'rbac-ediscovery-apis-read.md': '/graph/api/security-casesroot-list-ediscoverycases',
  'rbac-ediscovery-apis-write.md': '/graph/api/security-casesroot-post-ediscoverycases',
  'rbac-security-alerts-incidents-apis-read.md': '/graph/api/security-list-alerts_v2',
  'rbac-security-alerts-incidents-apis-write.md': '/graph/api/security-incident-update',
  'rbac-authentication-methods-apis-read-others.md': '/graph/api/authentication-list-methods',
  'rbac-authentication-methods-apis-write-others.md': '/graph/api/resources/authenticationmethods-overview',
  'rbac-conditionalaccess-apis-read.md': '/graph/api/conditionalaccessroot-list-policies',
  'rbac-pim-entra-roles-apis.md': '/graph/api/resources/privilegedidentitymanagementv3-overview',
  'rbac-application-apis-write.md': '/graph/api/application-post-applications',
  'rbac-approleassignments-apis-write.md': '/graph/api/serviceprincipal-post-approleassignedto',
  'rbac-oauth2permissiongrant-apis-write.md': '/graph/api/oauth2permissiongrant-post',
  'rbac-directory-role-apis-write.md': '/graph/api/rbacapplication-post-roleassignments',
};

/** Resources decided by Azure RBAC (role assignments on the resource), by the names in audiences/. */
const AZURE_RBAC = new Set([
  'arm',
  'key-vault',
  'storage',
  'sql',
  'log-analytics',
  'monitor',
  'service-bus',
  'event-hubs',
  'cosmos-db',
]);

/** Stable short IDs for the resources in audiences/, by their name's start. */
const RESOURCE_IDS = [
  ['Microsoft Graph', 'graph'],
  ['Azure Resource Manager', 'arm'],
  ['Azure Key Vault', 'key-vault'],
  ['Azure Storage', 'storage'],
  ['Azure SQL', 'sql'],
  ['Azure Monitor / Log Analytics', 'log-analytics'],
  ['Azure Monitor (metrics', 'monitor'],
  ['Azure Service Bus', 'service-bus'],
  ['Azure Event Hubs', 'event-hubs'],
  ['Azure Cosmos DB', 'cosmos-db'],
  ['Azure DevOps', 'devops'],
  ['Power BI', 'power-bi'],
  ['Dynamics 365 / Dataverse', 'dataverse'],
  ['SharePoint Online', 'sharepoint'],
  ['Exchange Online', 'exchange'],
  ['Microsoft Defender for Endpoint', 'defender-endpoint'],
  ['Microsoft Defender XDR', 'defender-xdr'],
  ['Microsoft Sentinel', 'sentinel'],
  ['Microsoft Intune', 'intune'],
  ['Partner Center', 'partner-center'],
  ['Azure AD Graph', 'aad-graph'],
];

/** Short display names (ours), instead of the source's long ones. */
const RESOURCE_NAMES = {
  graph: 'Microsoft Graph',
  arm: 'Azure Resource Manager',
  'key-vault': 'Azure Key Vault',
  storage: 'Azure Storage',
  sql: 'Azure SQL Database',
  'log-analytics': 'Log Analytics',
  monitor: 'Azure Monitor',
  'service-bus': 'Azure Service Bus',
  'event-hubs': 'Azure Event Hubs',
  'cosmos-db': 'Azure Cosmos DB',
  devops: 'Azure DevOps',
  'power-bi': 'Power BI',
  dataverse: 'Dataverse',
  sharepoint: 'SharePoint Online',
  exchange: 'Exchange Online',
  'defender-endpoint': 'Microsoft Defender for Endpoint',
  'defender-xdr': 'Microsoft Defender XDR',
  sentinel: 'Microsoft Sentinel',
  intune: 'Microsoft Intune',
  'partner-center': 'Partner Center',
  'aad-graph': 'Azure AD Graph (retired)',
};

/** The source's cloud keys → the app's cloud and a finer label. */
const CLOUD_KEYS = {
  public: ['public', null],
  usGov: ['usgov', null],
  usGovL4: ['usgov', 'GCC High'],
  usGovL5DoD: ['usgov', 'DoD'],
  usGovGCC: ['public', 'GCC'],
  usGovHigh: ['usgov', 'GCC High'],
  usGovDoD: ['usgov', 'DoD'],
  usGovHighDoD: ['usgov', 'GCC High, DoD'],
  china: ['china', null],
};

const values = (x) => (x == null ? [] : Array.isArray(x) ? x : [x]).filter((v) => v && v.value);
const urlHost = (u) => {
  try {
    return new URL(u).host.toLowerCase();
  } catch {
    return null;
  }
};

function buildResources(src) {
  const out = [];
  for (const r of src.resources) {
    const id = RESOURCE_IDS.find(([start]) => r.resource.startsWith(start))?.[1];
    if (!id) throw new Error(`audiences: no id for resource "${r.resource}"`);
    const clouds = [];
    for (const [key, facts] of Object.entries(r.clouds ?? {})) {
      if (!facts || !CLOUD_KEYS[key]) continue;
      const [cloud, label] = CLOUD_KEYS[key];
      const unverified = new Set();
      const hostVals = [...values(facts.host), ...values(facts.hosts)];
      const apiUrl = values(facts.apiUrl).map((v) => ({ ...v, value: urlHost(v.value) }));
      const hosts = [...hostVals, ...apiUrl]
        .filter((v) => v.value && !v.value.includes('{') && !v.value.includes('<'))
        .map((v) => {
          if (v.unverified) unverified.add('hosts');
          return v.value.toLowerCase();
        });
      // Templated hosts ("{org}.api.crm.dynamics.com") become wildcards.
      for (const v of hostVals)
        if (v.value.startsWith('{')) {
          hosts.push(`*${v.value.slice(v.value.indexOf('}') + 1)}`.toLowerCase());
          if (v.unverified) unverified.add('hosts');
        }
      const audVals = [...values(facts.audienceUris), ...values(facts.resourceUrl)];
      const audiences = audVals
        .filter((v) => !v.value.startsWith('<'))
        .map((v) => {
          if (v.unverified) unverified.add('audiences');
          return v.value;
        });
      const scopeVal =
        values(facts.scope)[0] ?? values(facts.appOnlyScope)[0] ?? values(facts.ingestionScope)[0];
      let scope = scopeVal ? scopeVal.value : null;
      if (scope && scope.includes(' ')) scope = scope.slice(0, scope.indexOf(' '));
      if (scopeVal?.unverified) unverified.add('scope');
      if (!scope && audiences[0] && !audiences[0].includes('{')) {
        scope = `${withoutTrailingSlashes(audiences[0])}/.default`;
        unverified.add('scope');
      }
      if (hosts.length === 0 && audiences.length === 0 && !scope) continue;
      clouds.push({
        cloud,
        label,
        hosts: [...new Set(hosts)].sort(byString),
        audiences: [...new Set(audiences)],
        scope,
        unverified: [...unverified].sort(byString),
      });
    }
    out.push({
      id,
      name: RESOURCE_NAMES[id],
      appId: r.appId?.value ?? null,
      appIdUnverified: Boolean(r.appId?.unverified),
      retired: id === 'aad-graph',
      azureRbac: AZURE_RBAC.has(id),
      clouds,
    });
  }
  return out.sort((a, b) => byString(a.id, b.id));
}

function buildDelegatedRoles(src, roleIds) {
  const out = [];
  for (const inc of src.includes) {
    const file = inc.include.slice(inc.include.lastIndexOf('/') + 1);
    const endpoints = DELEGATED_ROLE_ENDPOINTS[file];
    if (!endpoints) throw new Error(`graph-rules: no endpoints for ${file}`);
    const listed = [...(inc.rolesLeastPrivileged ?? inc.rolesRead ?? []), ...(inc.otherRoles ?? [])];
    const roles = [...new Set(listed.map(roleName))].filter((n) => !/^nonadmin/i.test(n));
    const purview = /purview/i.test(inc.roleSystem ?? '');
    const entries = [{ id: file.replace(/\.md$/, ''), endpoints, roles }];
    // PIM: reading needs any of rolesRead, changing needs rolesWrite.
    if (inc.rolesWrite) {
      entries[0].endpoints = endpoints.map((e) => ({ ...e, methods: ['GET'] }));
      const writeRoles = inc.rolesWrite.map(roleName);
      entries.push({
        id: `${entries[0].id}-write`,
        endpoints: endpoints
          .map((e) => ({ ...e, methods: e.methods.filter((m) => m !== 'GET') }))
          .filter((e) => e.methods.length > 0),
        roles: writeRoles,
      });
    }
    for (const e of entries)
      out.push({
        id: e.id,
        endpoints: e.endpoints,
        roles: e.roles,
        roleIds: e.roles.map((n) => (purview ? null : (roleIds.get(n.toLowerCase()) ?? null))),
        roleSystem: purview ? 'purview' : 'entra',
        customRoleAllowed: Boolean(inc.customRoleAllowed),
        doc: learn(DELEGATED_ROLE_DOCS[file]),
        source: { repository: inc.repository ?? GRAPH_REPO, path: inc.include, commit: inc.commit ?? null },
      });
  }
  return out.sort((a, b) => byString(a.id, b.id));
}

/** First-party clients whose own way of asking for a permission the fix can name. */
const CLIENTS = [
  ['graph-explorer', 'Graph Explorer'],
  ['azure-cli', 'Microsoft Azure CLI'],
  ['azure-powershell', 'Microsoft Azure PowerShell'],
  ['graph-powershell', 'Microsoft Graph Command Line Tools'],
];

function buildClients(csvText) {
  const out = [];
  for (const [kind, name] of CLIENTS) {
    const line = csvText.split('\n').find((l) => l.split(',')[1] === `"${name}"`);
    if (!line) throw new Error(`first-party-apps: ${name} not found`);
    out.push({ kind, appId: line.split(',')[0].replaceAll('"', '').toLowerCase(), name });
  }
  return out;
}

/**
 * Reads the sources and returns `{ 'gates.json': text }`. `stringify` is the generator's stable JSON
 * writer, so output stays byte-identical for the same sources.
 */
export function generateGates(sourcesDir, stringify) {
  const hashes = {};
  const read = (rel) => {
    const buf = readFileSync(join(sourcesDir, rel));
    hashes[rel] = createHash('sha256').update(buf).digest('hex');
    return JSON.parse(buf.toString('utf8'));
  };
  const teamsSrc = read('graph-rules/teams-protected-apis.json');
  const exoSrc = read('graph-rules/exchange-mailbox-scoping.json');
  const selSrc = read('graph-rules/sharepoint-selected-scopes.json');
  const userSrc = read('graph-rules/user-sensitive-actions.json');
  const roleSrc = read('graph-rules/delegated-role-requirements.json');
  const audSrc = read('audiences/resource-audiences.json');
  const rolesFile = JSON.parse(readFileSync(join(sourcesDir, 'entra-roles/directory-roles.json'), 'utf8'));
  const roleIds = new Map(
    rolesFile.roles.map((r) => [r.displayName.toLowerCase(), r.templateId.toLowerCase()]),
  );
  // The docs' short forms of role names.
  roleIds.set('directory writer', roleIds.get('directory writers'));
  const csv = readFileSync(join(sourcesDir, 'first-party-apps/MicrosoftApps.csv'), 'utf8');

  const teamsEndpoints = [];
  for (const api of teamsSrc.protectedApis) {
    // Subscriptions are matched by the resource in their body, which a request line does not show; and an
    // entry only the oldest page version lists is no longer protected.
    if (api.method !== 'GET' || /only$/.test(api.inVersions)) continue;
    const paths = api.path.includes(' (also ')
      ? [
          api.path.slice(0, api.path.indexOf(' (')),
          api.path.slice(api.path.indexOf('/teams/'), api.path.lastIndexOf(')')),
        ]
      : [beforeParen(api.path)];
    for (const p of paths)
      if (p.startsWith('/'))
        teamsEndpoints.push({
          methods: ['GET'],
          path: catalogPath(p),
          doc: learn(api.docLink.replace('../api/', '/graph/api/')),
        });
  }
  const teamsCommit = teamsSrc.source.versionsRead.find((v) => v.commit)?.commit ?? null;

  const aap = exoSrc.applicationAccessPolicy;
  const rbacApps = exoSrc.rbacForApplications;
  const sens = userSrc.whoCanPerformSensitiveActions;
  const anyTarget = sens.rows.find((r) => /^all other/i.test(r.targetRoleFull))?.actorRolesAllowed ?? [];

  const data = {
    teams: {
      doc: `${LEARN}/graph/teams-protected-apis`,
      requestForm: teamsSrc.requestForm,
      endpoints: teamsEndpoints.sort((a, b) => byString(a.path, b.path)),
      source: { repository: teamsSrc.source.repository, path: teamsSrc.source.path, commit: teamsCommit },
    },
    exchange: {
      doc: `${LEARN}/graph/auth-limit-mailbox-access`,
      rbacDoc: rbacApps.source.microsoftDocUrl,
      rbacOfficial: rbacApps.source.officialDoc === true,
      permissions: [...aap.scopableGraphApplicationPermissions].sort(byString),
      ewsPermissions: [...aap.scopableEwsPermissions].sort(byString),
      roles: rbacApps.roles.map((r) => ({ name: r.name, permissions: r.permissions })),
      denyCode: aap.denyError.code,
      source: aap.source.repository
        ? { repository: aap.source.repository, path: aap.source.path, commit: aap.source.commit }
        : null,
    },
    selected: {
      doc: `${LEARN}/graph/permissions-selected-overview`,
      scopes: selSrc.scopes.map((s) => ({ scope: s.scope, level: s.level })),
      grants: selSrc.grantEndpoints.map((g) => ({
        level: g.level,
        method: g.method,
        path: g.path,
        doc: learn(g.doc),
      })),
      roles: selSrc.roles.map((r) => r.role),
      source: {
        repository: selSrc.source.repository,
        path: selSrc.source.path,
        commit: selSrc.source.commit,
      },
    },
    sensitiveUser: {
      doc: `${LEARN}/entra/identity/role-based-access-control/privileged-roles-permissions`,
      properties: userSrc.sensitiveActions.map((a) => a.property).filter(Boolean),
      passwordResetProperties: userSrc.passwordResetImpliesPropertiesUpdate,
      actorRoles: anyTarget,
      source: {
        repository: userSrc.source.repository,
        path: userSrc.source.path,
        commit: userSrc.source.commit,
      },
    },
    delegatedRoles: buildDelegatedRoles(roleSrc, roleIds),
    resources: buildResources(audSrc),
    clients: buildClients(csv),
    sources: Object.fromEntries(Object.entries(hashes).sort((a, b) => byString(a[0], b[0]))),
  };
  return { 'gates.json': stringify({ $catalog: 'tokenscope-catalog:gates', ...data }) };
}
