import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog';
import { catalogInfo, findPermission, findRole, loadCatalog } from '../../src/catalog';

const repo = resolve(__dirname, '../..');
const dataDir = join(repo, 'src/catalog/data');
const sources = resolve(repo, process.env.CATALOG_SOURCES ?? '../shared/catalog-sources');
const haveSources = existsSync(join(sources, 'graph/permissions.json'));
const GRAPH = '00000003-0000-0000-c000-000000000000';
const MDE = 'fc780465-2017-40d4-a0c5-307022471b92';
const MTP = '8ee8fdad-f234-4243-8f3b-15c294843740';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});
const graphPermissions = () => catalog.internal.permissionLists.get(GRAPH) ?? [];

describe('catalog data', () => {
  it.each([
    ['graphPermissions', 900],
    ['graphPaths', 7000],
    ['roles', 130],
    ['apps', 4000],
    ['defenderEndpoints', 110],
    ['apis', 12],
  ])('has more than the floor of %s (%i)', (name, floor) => {
    expect(catalogInfo(catalog).counts[name]).toBeGreaterThanOrEqual(floor);
  });

  it('counts in meta match what loads', () => {
    const { counts } = catalogInfo(catalog);
    expect(catalog.internal.roles.size).toBe(counts.roles);
    expect(catalog.internal.graph().paths.length).toBe(counts.graphPaths);
    expect(graphPermissions().length).toBe(counts.graphPermissions);
    expect(catalog.internal.apps().size).toBeGreaterThanOrEqual(counts.apps ?? 0);
  });

  it('gives every Graph permission a unique value and unique IDs per form', () => {
    const perms = graphPermissions();
    const values = perms.map((p) => p.value.toLowerCase());
    expect(new Set(values).size).toBe(values.length);
    const delegatedIds = perms.map((p) => p.delegatedId).filter((id): id is string => id !== null);
    const applicationIds = perms.map((p) => p.applicationId).filter((id): id is string => id !== null);
    // The one ID pair the Graph source itself gives two names (a renamed permission): known, tolerated.
    const shared = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    const sharedNames = (ids: string[], form: 'delegatedId' | 'applicationId') =>
      shared(ids).flatMap((id) => perms.filter((p) => p[form] === id).map((p) => p.value));
    expect(sharedNames(delegatedIds, 'delegatedId')).toEqual([
      'CloudApp-Disc.Read.All',
      'CloudApp-Discovery.Read.All',
    ]);
    expect(sharedNames(applicationIds, 'applicationId')).toEqual([
      'CloudApp-Disc.Read.All',
      'CloudApp-Discovery.Read.All',
    ]);
    expect(delegatedIds.length).toBeGreaterThan(500);
    expect(applicationIds.length).toBeGreaterThan(450);
    for (const id of [...delegatedIds, ...applicationIds])
      expect(id).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
  });

  it('gives every directory role a unique template ID', () => {
    const raw = JSON.parse(readFileSync(join(dataDir, 'directory.json'), 'utf8')) as {
      roles: [string, string, number | null][];
      apps: { ids: string; names: string };
    };
    const ids = raw.roles.map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
    const appIds = raw.apps.ids.match(/.{22}/g) ?? [];
    expect(new Set(appIds).size).toBe(appIds.length);
    expect(appIds.length).toBe(raw.apps.names.split('\n').length);
  });

  it('lists no directory role template ID among the apps', () => {
    const roleIds = [...catalog.internal.roles.keys()];
    const apps = catalog.internal.apps();
    expect(roleIds.filter((id) => apps.has(id))).toEqual([]);
  });

  it('names at least one permission for every Defender endpoint', () => {
    expect(catalog.internal.defenderEndpoints.length).toBeGreaterThanOrEqual(110);
    for (const e of catalog.internal.defenderEndpoints) {
      expect(e.application.length + e.delegated.length, `${e.method} ${e.matchedPath}`).toBeGreaterThan(0);
    }
  });

  it('keeps the SecurityEvents.Read.All IDs the Graph source gives', () => {
    const p = findPermission(catalog, GRAPH, 'SecurityEvents.Read.All');
    expect(p?.applicationId).toBe('bf394140-e372-4bf9-a898-299cfc7564e5');
    expect(p?.delegatedId).toBe('64733abd-851e-478a-bffb-e47a14b18235');
  });

  it.skipIf(!haveSources)('matches the source for the SecurityEvents.Read.All application ID', () => {
    const src = JSON.parse(readFileSync(join(sources, 'graph/permissions-descriptions.json'), 'utf8')) as {
      applicationScopesList: { value: string; id: string }[];
    };
    const entry = src.applicationScopesList.find((s) => s.value === 'SecurityEvents.Read.All');
    expect(findPermission(catalog, GRAPH, 'SecurityEvents.Read.All')?.applicationId).toBe(entry?.id);
  });

  it.each([
    ['5d6b6bb7-de71-4623-b4af-96380a352509', 'Security Reader'],
    ['194ae4cb-b126-40b2-bd5b-6091b380977d', 'Security Administrator'],
    ['62e90394-69f5-4237-9190-012177145e10', 'Global Administrator'],
  ])('knows directory role %s as %s', (id, name) => {
    expect(findRole(catalog, id)?.name).toBe(name);
  });

  it('keeps Defender permissions per Defender API, without IDs (the source has none)', () => {
    expect(findPermission(catalog, MDE, 'Machine.Isolate')).toMatchObject({
      delegatedId: null,
      applicationId: null,
    });
    expect(findPermission(catalog, MTP, 'Incident.Read.All')?.application).toBe(true);
    expect(findPermission(catalog, MTP, 'Machine.Isolate')).toBeNull();
  });

  it('records provenance: the source date, commits and a sha256 per source file', () => {
    const info = catalogInfo(catalog);
    expect(info.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const roles = info.sources.find((s) => s.name.includes('Entra'));
    expect(roles?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(info.sources.find((s) => s.name.includes('Defender'))?.commit).toMatch(/^[0-9a-f]{40}$/);
    const files = info.sources.flatMap((s) => Object.values(s.files));
    expect(files.length).toBe(7);
    for (const hash of files) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(['Allows the app', 'Allows the application', 'Allows users to', 'Allows an app'])(
    'copies no description sentence ("%s") into src/catalog/data',
    (phrase) => {
      for (const file of readdirSync(dataDir)) {
        const text = readFileSync(join(dataDir, file), 'utf8').toLowerCase();
        expect(text.includes(phrase.toLowerCase()), `${file} contains "${phrase}"`).toBe(false);
      }
    },
  );

  it.skipIf(!haveSources)('contains none of the Graph source descriptions', () => {
    const src = JSON.parse(readFileSync(join(sources, 'graph/permissions.json'), 'utf8')) as {
      permissions: Record<
        string,
        { schemes: Record<string, { adminDescription?: string; userDescription?: string }> }
      >;
    };
    const data = readdirSync(dataDir)
      .map((f) => readFileSync(join(dataDir, f), 'utf8'))
      .join('\n');
    const found: string[] = [];
    for (const p of Object.values(src.permissions)) {
      for (const scheme of Object.values(p.schemes)) {
        for (const d of [scheme.adminDescription, scheme.userDescription]) {
          if (d && d.length > 40 && data.includes(JSON.stringify(d).slice(1, -1))) found.push(d);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps labels short names, not sentences', () => {
    for (const p of graphPermissions()) {
      for (const label of [p.delegatedLabel, p.applicationLabel]) {
        if (label === null) continue;
        expect(label.endsWith('.'), label).toBe(false);
        expect(label.length, label).toBeLessThanOrEqual(130);
      }
    }
  });
});

describe('catalog generator', () => {
  const reason = haveSources ? '' : ` (skipped: ${sources} not found)`;
  it.skipIf(!haveSources)(`regenerates byte-identical files from the sources${reason}`, () => {
    const out = mkdtempSync(join(tmpdir(), 'catalog-'));
    try {
      execFileSync(process.execPath, [join(repo, 'scripts/generate-catalog.mjs'), `--out=${out}`], {
        env: { ...process.env, CATALOG_SOURCES: sources },
        stdio: 'pipe',
      });
      const committed = readdirSync(dataDir).sort();
      expect(readdirSync(out).sort()).toEqual(committed);
      for (const file of committed) {
        const same = readFileSync(join(out, file)).equals(readFileSync(join(dataDir, file)));
        expect(same, `${file} differs from a fresh run of npm run catalog`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
