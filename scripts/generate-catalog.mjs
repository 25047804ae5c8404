// Builds the offline permission and role catalog (src/catalog/data/*.json) from ../shared/catalog-sources.
//
//   node scripts/generate-catalog.mjs [--out=<dir>]      (sources: $CATALOG_SOURCES or ../shared/catalog-sources)
//
// Keeps facts only (names, IDs, types, consent flags, privilege levels, short admin labels, path maps,
// least-privileged markers, hosts); never descriptions. Output is deterministic: sorted keys and arrays,
// no clock, so the same sources give byte-identical files (a unit test regenerates and compares).
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateErrorData } from './catalog/errors.mjs';
import { generateGates } from './catalog/gates.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const sourcesDir = resolve(repo, process.env.CATALOG_SOURCES ?? '../shared/catalog-sources');
const outArg = process.argv.find((a) => a.startsWith('--out='));
const outDir = outArg ? resolve(outArg.slice(6)) : join(repo, 'src/catalog/data');

const GRAPH = '00000003-0000-0000-c000-000000000000';
const MDE = 'fc780465-2017-40d4-a0c5-307022471b92';
const MTP = '8ee8fdad-f234-4243-8f3b-15c294843740';

// Bit masks shared with src/catalog/data-format.ts.
const SCHEME = { DelegatedWork: 1, Application: 2, DelegatedPersonal: 4 };
const METHOD = { GET: 1, POST: 2, PATCH: 4, PUT: 8, DELETE: 16 };

const fileHashes = new Map();
function readSource(rel) {
  const buf = readFileSync(join(sourcesDir, rel));
  fileHashes.set(rel, createHash('sha256').update(buf).digest('hex'));
  return buf.toString('utf8');
}
const readJson = (rel) => JSON.parse(readSource(rel));

/** JSON with object keys sorted, so output never depends on insertion order. */
function stableStringify(value) {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const isPublicEnv = (env) =>
  String(env ?? '')
    .toLowerCase()
    .split(';')
    .includes('public');
const bool = (v) => (v === true ? 1 : v === false ? 0 : null);
// GUIDs as 22-char base64url (16 bytes): a third smaller after gzip than hex text. Decoded at load.
const packGuid = (id) => (id ? Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url') : null);
/** Front-coded sorted strings, "<shared prefix length>,<rest>" joined by newlines. */
function frontCode(sorted) {
  let prev = '';
  return sorted
    .map((s) => {
      let i = 0;
      while (i < s.length && i < prev.length && s[i] === prev[i]) i++;
      prev = s;
      return `${i},${s.slice(i)}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------- Graph
function buildGraph() {
  const permsJson = readJson('graph/permissions.json').permissions;
  const descriptions = readJson('graph/permissions-descriptions.json');
  const provisioning = readJson('graph/provisioningInfo.json').permissionDeployments;

  /** value -> record; IDs from permissions-descriptions first (what the portal publishes). */
  const records = new Map();
  // Keyed case-insensitively (Entra compares scope values that way); the first spelling seen is kept.
  const get = (value) => {
    let r = records.get(value.toLowerCase());
    if (!r) {
      r = {
        value,
        dId: null,
        aId: null,
        dConsent: null,
        dLevel: null,
        aLevel: null,
        dLabel: null,
        aLabel: null,
      };
      r.personal = 0;
      r.pathSets = [];
      r.hasD = false;
      r.hasA = false;
      records.set(value.toLowerCase(), r);
    }
    return r;
  };
  for (const s of descriptions.delegatedScopesList) {
    if (!s.isEnabled) continue;
    const r = get(s.value);
    r.dId = s.id;
    r.hasD = true;
    r.dConsent ??= bool(s.isAdmin);
    r.dLabel ??= s.adminConsentDisplayName ?? null;
  }
  for (const s of descriptions.applicationScopesList) {
    if (!s.isEnabled) continue;
    const r = get(s.value);
    r.aId = s.id;
    r.hasA = true;
    r.aLabel ??= s.adminConsentDisplayName ?? null;
  }
  // provisioningInfo lists Graph permissions per backing workload (resourceAppId is the workload, not the
  // resource the token names). Only public, visible, enabled deployments fill IDs the portal list lacks.
  for (const value of Object.keys(provisioning).sort(byString)) {
    for (const d of provisioning[value]) {
      if (!d.id || d.isHidden || d.isEnabled === false || !isPublicEnv(d.environment)) continue;
      if (d.scheme === 'DelegatedWork') {
        const r = get(value);
        r.hasD = true;
        r.dId ??= d.id;
      } else if (d.scheme === 'Application') {
        const r = get(value);
        r.hasA = true;
        r.aId ??= d.id;
      }
    }
  }

  const pathSet = new Set();
  for (const [value, p] of Object.entries(permsJson)) {
    // Resource-specific consent permissions are granted per team/chat and never appear in scp/roles.
    if (p.authorizationType !== 'oAuth2' && !records.has(value.toLowerCase())) continue;
    const r = get(value);
    const dw = p.schemes?.DelegatedWork;
    const ap = p.schemes?.Application;
    const dp = p.schemes?.DelegatedPersonal;
    if (dw) {
      r.hasD = true;
      if (typeof dw.requiresAdminConsent === 'boolean') r.dConsent = bool(dw.requiresAdminConsent);
      if (typeof dw.privilegeLevel === 'number') r.dLevel = dw.privilegeLevel;
      if (dw.adminDisplayName) r.dLabel = dw.adminDisplayName;
    }
    if (ap) {
      r.hasA = true;
      if (typeof ap.privilegeLevel === 'number') r.aLevel = ap.privilegeLevel;
      if (ap.adminDisplayName) r.aLabel = ap.adminDisplayName;
    }
    if (dp) r.personal = 1;
    for (const ps of p.pathSets ?? []) {
      for (const path of Object.keys(ps.paths)) pathSet.add(path);
      r.pathSets.push(ps);
    }
  }

  const paths = [...pathSet].sort(byString);
  const pathIndex = new Map(paths.map((p, i) => [p, i]));
  const mask = (names, table) => names.reduce((m, n) => m | (table[n] ?? 0), 0);

  // Labels are Microsoft's admin display names (short names); a few end with a full stop, dropped here.
  const label = (l) => (l ? l.trim().replace(/\.$/, '') : null);
  for (const r of records.values()) {
    r.dLabel = label(r.dLabel);
    r.aLabel = label(r.aLabel);
  }
  const perms = [...records.values()]
    .filter((r) => r.hasD || r.hasA)
    .sort((a, b) => byString(a.value, b.value))
    .map((r) => {
      const sets = r.pathSets
        .map((ps) => {
          const entries = Object.entries(ps.paths)
            .map(([path, marker]) => {
              const least = /(?:^|;)least=([^;]*)/.exec(marker)?.[1] ?? '';
              return [pathIndex.get(path), mask(least.split(',').filter(Boolean), SCHEME)];
            })
            .sort((a, b) => a[0] - b[0]);
          // Delta-coded path indexes: [delta, leastMask, delta, leastMask, ...].
          const flat = [];
          let prev = 0;
          for (const [idx, least] of entries) {
            flat.push(idx - prev, least);
            prev = idx;
          }
          return [mask(ps.schemeKeys, SCHEME), mask(ps.methods, METHOD), flat];
        })
        .sort((a, b) => byString(JSON.stringify(a), JSON.stringify(b)));
      // [value, delegatedId, applicationId, hasDelegated, hasApplication, delegatedAdminConsent,
      //  delegatedLevel, applicationLevel, delegatedLabel, applicationLabel (null when same), personal, pathSets]
      return [
        r.value,
        packGuid(r.dId),
        packGuid(r.aId),
        r.hasD ? 1 : 0,
        r.hasA ? 1 : 0,
        r.hasD ? r.dConsent : null,
        r.hasD ? r.dLevel : null,
        r.hasA ? r.aLevel : null,
        r.dLabel,
        r.aLabel === r.dLabel ? null : r.aLabel,
        r.personal,
        sets,
      ];
    });
  return { paths: frontCode(paths), perms };
}

// ---------------------------------------------------------------- Defender
function buildDefender() {
  const src = readJson('defender/defender-api-permissions.json');
  const appIds = { WindowsDefenderATP: MDE, 'Microsoft Threat Protection': MTP };
  const merged = new Map();
  for (const e of src.endpoints) {
    const key = `${e.resource} ${e.method.toUpperCase()} ${e.path.toLowerCase()}`;
    const prev = merged.get(key);
    if (prev) {
      prev.application = [...new Set([...prev.application, ...e.application])];
      prev.delegated = [...new Set([...prev.delegated, ...e.delegated])];
      prev.role ??= e.delegatedUserRequirement ?? null;
      continue;
    }
    merged.set(key, {
      resource: e.resource,
      method: e.method.toUpperCase(),
      path: e.path,
      application: [...e.application],
      delegated: [...e.delegated],
      role: e.delegatedUserRequirement ?? null,
    });
  }
  // [resource, method, path, application[], delegated[], delegatedRole]
  const endpoints = [...merged.values()]
    .map((e) => [e.resource, e.method, e.path, e.application, e.delegated, e.role])
    .sort((a, b) =>
      byString(`${a[0]} ${a[2].toLowerCase()} ${a[1]}`, `${b[0]} ${b[2].toLowerCase()} ${b[1]}`),
    );
  const commits = new Map();
  for (const e of src.endpoints) commits.set(e.sourceCommit, (commits.get(e.sourceCommit) ?? 0) + 1);
  const topCommit =
    [...commits.entries()].sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))[0]?.[0] ?? null;
  const typos = src.knownDocTypos.map((t) => t.value).sort(byString);
  for (const r of src.resources) {
    if (appIds[r.name] !== r.appId) throw new Error(`unexpected Defender resource ${r.name} ${r.appId}`);
  }
  return { data: { endpoints, typos }, commit: topCommit };
}

// ---------------------------------------------------------------- Directory roles
function buildRoles() {
  const src = readJson('entra-roles/directory-roles.json');
  const roles = src.roles
    .map((r) => [r.templateId.toLowerCase(), r.displayName, bool(r.privileged)])
    .sort((a, b) => byString(a[0], b[0]));
  const ids = new Set(roles.map((r) => r[0]));
  if (ids.size !== roles.length) throw new Error('duplicate role template IDs');
  const commit = /commit ([0-9a-f]{40})/.exec(src.about)?.[1] ?? null;
  const m = /ms\.date (\d{2})\/(\d{2})\/(\d{4})/.exec(src.about);
  const date = m ? `${m[3]}-${m[1]}-${m[2]}` : null;
  return { roles, commit, date };
}

// ---------------------------------------------------------------- First-party apps
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1);
}

/**
 * First-party apps by appId. The app list also carries the directory role template IDs under the roles'
 * names (they are service principals in every tenant, not apps anyone signs in to): those are left out,
 * so a role's GUID is named as the role, never as an app.
 */
function buildApps(roleIds) {
  const apps = new Map();
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  for (const file of ['first-party-apps/MicrosoftApps.csv', 'first-party-apps/OtherMicrosoftApps.csv']) {
    const [header, ...rows] = parseCsv(readSource(file));
    const idCol = header.indexOf('AppId');
    const nameCol = header.indexOf('AppDisplayName');
    for (const r of rows) {
      const id = (r[idCol] ?? '').trim().toLowerCase();
      const name = (r[nameCol] ?? '').trim();
      if (!guid.test(id) || !name || apps.has(id) || roleIds.has(id)) continue;
      apps.set(id, name);
    }
  }
  // Sorted by name, IDs packed into one string and names into another: the smallest form after gzip.
  const sorted = [...apps.entries()].sort((a, b) => byString(a[1], b[1]) || byString(a[0], b[0]));
  return { ids: sorted.map(([id]) => packGuid(id)).join(''), names: sorted.map(([, n]) => n).join('\n') };
}

// ---------------------------------------------------------------- APIs (aud forms and hosts)
// Facts from ../shared/docs/domain.md, the Defender README (hosts) and Microsoft's national-cloud docs.
// aud: [form, cloud|null]; hosts: [host, cloud] where "*." is any subdomain.
function buildApis(defenderSrc) {
  const mdeHosts = defenderSrc.resources.find((r) => r.name === 'WindowsDefenderATP').hosts;
  const mtpHosts = defenderSrc.resources.find((r) => r.name === 'Microsoft Threat Protection').hosts;
  const apis = [
    {
      appId: GRAPH,
      name: 'Microsoft Graph',
      resource: 'https://graph.microsoft.com',
      aud: [
        ['https://graph.microsoft.com', 'public'],
        ['https://graph.microsoft.us', 'usgov'],
        ['https://dod-graph.microsoft.us', 'usgov'],
        ['https://microsoftgraph.chinacloudapi.cn', 'china'],
        ['https://canary.graph.microsoft.com', 'public'],
      ],
      hosts: [
        ['graph.microsoft.com', 'public'],
        ['canary.graph.microsoft.com', 'public'],
        ['graph.microsoft.us', 'usgov'],
        ['dod-graph.microsoft.us', 'usgov'],
        ['microsoftgraph.chinacloudapi.cn', 'china'],
      ],
    },
    {
      appId: MDE,
      name: 'Microsoft Defender for Endpoint',
      resource: 'https://api.securitycenter.microsoft.com',
      aud: [
        ['https://api.securitycenter.microsoft.com', 'public'],
        ['https://securitycenter.onmicrosoft.com/windowsatpservice', 'public'],
        ['https://api.securitycenter.windows.com', 'public'],
        ['https://api-gcc.securitycenter.microsoft.us', 'usgov'],
        ['https://api-gov.securitycenter.microsoft.us', 'usgov'],
      ],
      hosts: [
        ['api.securitycenter.microsoft.com', 'public'],
        ...mdeHosts.otherHostsSeenInExamples.map((h) => [h, 'public']),
        ...mdeHosts.regionalApiSecuritycenter.map((h) => [h, 'public']),
        ...mdeHosts.regionalApiSecurity.map((h) => [h, 'public']),
        ['aea.api.security.microsoft.com', 'public'],
        ...[...new Set(Object.values(mdeHosts.usGov))].map((h) => [h, 'usgov']),
      ],
    },
    {
      appId: MTP,
      name: 'Microsoft Defender XDR',
      resource: 'https://api.security.microsoft.com',
      aud: [['https://api.security.microsoft.com', 'public']],
      hosts: [...mtpHosts.base.map((h) => [h, 'public']), ...mtpHosts.regional.map((h) => [h, 'public'])],
    },
    {
      appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
      name: 'Azure Resource Manager',
      resource: 'https://management.azure.com',
      aud: [
        ['https://management.azure.com', 'public'],
        ['https://management.core.windows.net', 'public'],
        ['https://management.usgovcloudapi.net', 'usgov'],
        ['https://management.core.usgovcloudapi.net', 'usgov'],
        ['https://management.chinacloudapi.cn', 'china'],
        ['https://management.core.chinacloudapi.cn', 'china'],
      ],
      hosts: [
        ['management.azure.com', 'public'],
        ['management.usgovcloudapi.net', 'usgov'],
        ['management.chinacloudapi.cn', 'china'],
      ],
    },
    {
      appId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093',
      name: 'Azure Key Vault',
      resource: 'https://vault.azure.net',
      aud: [
        ['https://vault.azure.net', 'public'],
        ['https://vault.usgovcloudapi.net', 'usgov'],
        ['https://vault.azure.cn', 'china'],
      ],
      hosts: [
        ['*.vault.azure.net', 'public'],
        ['*.vault.usgovcloudapi.net', 'usgov'],
        ['*.vault.azure.cn', 'china'],
      ],
    },
    {
      appId: 'e406a681-f3d4-42a8-90b6-c2b029497af1',
      name: 'Azure Storage',
      resource: 'https://storage.azure.com',
      aud: [['https://storage.azure.com', 'public']],
      hosts: ['blob', 'dfs', 'file', 'queue', 'table'].flatMap((svc) => [
        [`*.${svc}.core.windows.net`, 'public'],
        [`*.${svc}.core.usgovcloudapi.net`, 'usgov'],
        [`*.${svc}.core.chinacloudapi.cn`, 'china'],
      ]),
    },
    {
      appId: 'ca7f3f0b-7d91-482c-8e09-c5d840d0eac5',
      name: 'Log Analytics API',
      resource: 'https://api.loganalytics.io',
      aud: [
        ['https://api.loganalytics.io', 'public'],
        ['https://api.loganalytics.azure.com', 'public'],
        ['https://api.loganalytics.us', 'usgov'],
        ['https://api.loganalytics.azure.cn', 'china'],
      ],
      hosts: [
        ['api.loganalytics.io', 'public'],
        ['api.loganalytics.azure.com', 'public'],
        ['api.loganalytics.us', 'usgov'],
        ['api.loganalytics.azure.cn', 'china'],
      ],
    },
    {
      appId: 'c5393580-f805-4401-95e8-94b7a6ef2fc2',
      name: 'Office 365 Management APIs',
      resource: 'https://manage.office.com',
      aud: [
        ['https://manage.office.com', 'public'],
        ['https://manage-gcc.office.com', 'usgov'],
        ['https://manage.office365.us', 'usgov'],
        ['https://manage.protection.apps.mil', 'usgov'],
      ],
      hosts: [
        ['manage.office.com', 'public'],
        ['manage-gcc.office.com', 'usgov'],
        ['manage.office365.us', 'usgov'],
        ['manage.protection.apps.mil', 'usgov'],
      ],
    },
    {
      appId: '00000002-0000-0000-c000-000000000000',
      name: 'Azure AD Graph',
      resource: 'https://graph.windows.net',
      retired: true,
      aud: [
        ['https://graph.windows.net', 'public'],
        ['https://graph.chinacloudapi.cn', 'china'],
      ],
      hosts: [
        ['graph.windows.net', 'public'],
        ['graph.chinacloudapi.cn', 'china'],
      ],
    },
    {
      appId: '00000003-0000-0ff1-ce00-000000000000',
      name: 'SharePoint Online',
      resource: '00000003-0000-0ff1-ce00-000000000000',
      aud: [['https://microsoft.sharepoint-df.com', 'public']],
      hosts: [
        ['*.sharepoint.com', 'public'],
        ['*.sharepoint.us', 'usgov'],
        ['*.sharepoint.cn', 'china'],
      ],
    },
    {
      appId: '00000002-0000-0ff1-ce00-000000000000',
      name: 'Exchange Online',
      resource: 'https://outlook.office365.com',
      aud: [
        ['https://outlook.office365.com', 'public'],
        ['https://outlook.office.com', 'public'],
        ['https://outlook.office365.us', 'usgov'],
        ['https://partner.outlook.cn', 'china'],
      ],
      hosts: [
        ['outlook.office365.com', 'public'],
        ['outlook.office.com', 'public'],
        ['outlook.office365.us', 'usgov'],
        ['partner.outlook.cn', 'china'],
      ],
    },
    {
      appId: '022907d3-0f1b-48f7-badc-1ba6abab6d66',
      name: 'Azure SQL Database',
      resource: 'https://database.windows.net',
      aud: [
        ['https://database.windows.net', 'public'],
        ['https://database.usgovcloudapi.net', 'usgov'],
        ['https://database.chinacloudapi.cn', 'china'],
      ],
      hosts: [
        ['*.database.windows.net', 'public'],
        ['*.database.usgovcloudapi.net', 'usgov'],
        ['*.database.chinacloudapi.cn', 'china'],
      ],
    },
    {
      appId: '499b84ac-1321-427f-aa17-267ca6975798',
      name: 'Azure DevOps',
      resource: '499b84ac-1321-427f-aa17-267ca6975798',
      aud: [['https://app.vssps.visualstudio.com', 'public']],
      hosts: [
        ['dev.azure.com', 'public'],
        ['*.visualstudio.com', 'public'],
      ],
    },
    {
      appId: '00000009-0000-0000-c000-000000000000',
      name: 'Power BI Service',
      resource: 'https://analysis.windows.net/powerbi/api',
      aud: [['https://analysis.windows.net/powerbi/api', 'public']],
      hosts: [['api.powerbi.com', 'public']],
    },
  ];
  return apis
    .map((a) => ({
      ...a,
      // aud keeps its written order: the first form per cloud is that cloud's canonical resource.
      hosts: [...new Map(a.hosts.map((h) => [h[0].toLowerCase(), h])).values()].sort((x, y) =>
        byString(x[0], y[0]),
      ),
    }))
    .sort((a, b) => byString(a.appId, b.appId));
}

// ---------------------------------------------------------------- main
function generate() {
  const graph = buildGraph();
  const defenderSrc = JSON.parse(
    readFileSync(join(sourcesDir, 'defender/defender-api-permissions.json'), 'utf8'),
  );
  const defender = buildDefender();
  const roles = buildRoles();
  const apps = buildApps(new Set(roles.roles.map(([id]) => id)));
  const apis = buildApis(defenderSrc);

  const hashesOf = (prefix) =>
    Object.fromEntries(
      [...fileHashes.entries()].filter(([f]) => f.startsWith(prefix)).sort((a, b) => byString(a[0], b[0])),
    );
  const meta = {
    // The catalog's "as of" date comes from the sources (the directory-roles doc date), never the clock.
    generatedAt: roles.date ?? '1970-01-01',
    sources: [
      {
        name: 'Microsoft Graph permissions (microsoftgraph/msgraph-metadata)',
        commit: null,
        date: null,
        files: hashesOf('graph/'),
      },
      {
        name: 'Defender API permissions (MicrosoftDocs/defender-docs)',
        commit: defender.commit,
        date: null,
        files: hashesOf('defender/'),
      },
      {
        name: 'Entra built-in roles (MicrosoftDocs/entra-docs permissions-reference.md)',
        commit: roles.commit,
        date: roles.date,
        files: hashesOf('entra-roles/'),
      },
      {
        name: 'First-party Microsoft apps (merill/microsoft-info)',
        commit: null,
        date: null,
        files: hashesOf('first-party-apps/'),
      },
    ],
    counts: {
      apis: apis.length,
      apps: apps.ids.length / 22,
      defenderEndpoints: defender.data.endpoints.length,
      graphPaths: graph.paths.split('\n').length,
      graphPermissions: graph.perms.length,
      roles: roles.roles.length,
    },
  };
  // Each file carries a marker so scripts/check-build.mjs can find catalog data in built chunks.
  const mark = (name, data) => stableStringify({ $catalog: `tokenscope-catalog:${name}`, ...data });
  return {
    'graph.json': mark('graph', graph),
    'defender.json': mark('defender', defender.data),
    'directory.json': mark('directory', { apis, apps, roles: roles.roles }),
    'meta.json': mark('meta', meta),
  };
}

const files = { ...generate(), ...generateGates(sourcesDir, stableStringify) };
Object.assign(files, generateErrorData(sourcesDir));
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), `${text}\n`);
const { gzipSync } = await import('node:zlib');
for (const [name, text] of Object.entries(files)) {
  console.log(
    `${name}: ${(text.length / 1024).toFixed(1)} KB raw, ${(gzipSync(text).length / 1024).toFixed(1)} KB gz`,
  );
}
