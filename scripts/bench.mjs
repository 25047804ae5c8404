// `npm run bench`: times the pure core in Node (built with Vite's SSR build, as the app ships it) and prints
// one line per measurement: `name median_us=… p95_us=… runs=…`, then `catalog-load ms=… heap_kb=…`.
// Figures, not a pass/fail test. With --check (used by .ci/run) it enforces the `inspect` budget as a ratio,
// never as an absolute time (the machine is shared and noisy: the same commit measured 66 µs and 117 µs):
// `inspect` of a typical token against a baseline measured in the same process, interleaved with it,
// on the same token: find it with indexOf and decode header and payload with JSON.parse(atob(…)).
import { build } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism, cpus } from 'node:os';

const check = process.argv.includes('--check');
// inspect/baseline measured 1.27–1.31 on this machine (2 cores, shared); the budget leaves a margin for
// noise and still fails when inspect gets about half again as slow as it is.
const INSPECT_BUDGET_RATIO = 2;
const BASELINE_REPEATS = 16;
const out = mkdtempSync(join(tmpdir(), 'tokenscope-bench-'));

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: out,
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: {
      input: {
        token: resolve('src/token/index.ts'),
        // The full paste scanner is not in the token barrel (the app loads it lazily).
        find: resolve('src/token/find.ts'),
        catalog: resolve('src/catalog/index.ts'),
        diagnose: resolve('src/diagnose/index.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
const load = (name) => import(pathToFileURL(join(out, `${name}.mjs`)).href);
const token = await load('token');
const { findTokens } = await load('find');
const catalogLayer = await load('catalog');
const diagnoseLayer = await load('diagnose');

// Synthetic tokens (never a real tenant's): shapes people paste most, and the heavy ones.
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload, header = { typ: 'JWT', alg: 'RS256', kid: 'bench' }) =>
  `${b64(header)}.${b64(payload)}.${Buffer.alloc(256, 7).toString('base64url')}`;
const now = new Date('2030-01-01T00:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const tid = '00000000-0000-4000-8000-0000000000aa';
const base = { iat: t - 60, nbf: t - 60, exp: t + 3600, tid, oid: '00000000-0000-4000-8000-0000000000bb' };
const fixtures = {
  'v1-delegated': jwt(
    {
      ...base,
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${tid}/`,
      ver: '1.0',
      appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      appidacr: '0',
      scp: 'User.Read SecurityEvents.Read.All Mail.Read',
      wids: ['5d6b6bb7-de71-4623-b4af-96380a352509', 'b79fbf4d-3ef9-4689-8143-76b194e85509'],
      name: 'Bench User',
      upn: 'bench@contoso.test',
      amr: ['pwd', 'mfa'],
      idtyp: 'user',
    },
    { typ: 'JWT', alg: 'RS256', kid: 'bench', nonce: 'abc' },
  ),
  'v2-app-only': jwt({
    ...base,
    aud: 'https://api.securitycenter.microsoft.com',
    iss: `https://login.microsoftonline.com/${tid}/v2.0`,
    ver: '2.0',
    azp: '11111111-2222-4333-8444-555555555555',
    azpacr: '1',
    roles: ['Machine.Read.All', 'Ti.ReadWrite.All'],
    sub: '00000000-0000-4000-8000-0000000000bb',
    idtyp: 'app',
  }),
  'group-overage': jwt({
    ...base,
    aud: '00000003-0000-0000-c000-000000000000',
    iss: `https://login.microsoftonline.com/${tid}/v2.0`,
    ver: '2.0',
    azp: '14d82eec-204b-4c2f-b7e8-296a70dab67e',
    scp: 'User.Read Group.Read.All',
    _claim_names: { groups: 'src1' },
    _claim_sources: { src1: { endpoint: `https://graph.microsoft.com/v1.0/users/x/getMemberObjects` } },
  }),
  'forty-roles': jwt({
    ...base,
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${tid}/`,
    ver: '1.0',
    appid: '11111111-2222-4333-8444-555555555555',
    sub: '00000000-0000-4000-8000-0000000000bb',
    roles: Array.from(
      { length: 40 },
      (_, i) =>
        ['User.Read.All', 'Mail.Read', 'Group.Read.All', 'Directory.Read.All'][i % 4] +
        (i < 4 ? '' : `.${i}`),
    ),
  }),
};

function measure(name, fn, runs = 3000) {
  for (let i = 0; i < 300; i++) fn();
  const samples = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    samples[i] = Number(process.hrtime.bigint() - s) / 1000;
  }
  samples.sort();
  const median = samples[Math.floor(runs / 2)];
  const p95 = samples[Math.floor(runs * 0.95)];
  console.log(`${name} median_us=${median.toFixed(2)} p95_us=${p95.toFixed(2)} runs=${runs}`);
  return median;
}

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const loadStart = process.hrtime.bigint();
const catalog = await catalogLayer.loadCatalog();
const gates = await catalogLayer.loadGates();
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
globalThis.gc?.();
const heapKb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1024);
console.log(
  `catalog-load ms=${loadMs.toFixed(1)} heap_kb=${heapKb}${globalThis.gc ? '' : ' (approximate: run node with --expose-gc)'}`,
);

const requests = {
  'v1-delegated': 'GET https://graph.microsoft.com/v1.0/security/alerts_v2',
  'v2-app-only': 'POST https://api.securitycenter.microsoft.com/api/indicators/import',
  'group-overage': 'GET https://graph.microsoft.com/v1.0/groups/0f0e0d0c-0000-4000-8000-000000000001/members',
  'forty-roles': 'GET https://graph.microsoft.com/v1.0/users',
};
const errorBody =
  '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite. application roles: Machine.Read.All","target":"4f3c7b0e-0000-4000-8000-000000000001"}}';

/** The inspector's pipeline on one paste, as the app runs it: find, decode, classify, expiry, explain claims. */
function inspectText(text) {
  const found = findTokens(text);
  const first = found.ok ? found.tokens[0] : undefined;
  if (!first) return;
  const decoded = token.decodeToken(first.value);
  if (!decoded.ok) return;
  token.classifyToken(decoded.token);
  token.describeExpiry(decoded.token.payload, now);
  token.explainClaims(decoded.token, now);
}

for (const [name, raw] of Object.entries(fixtures)) {
  const text = `Authorization: Bearer ${raw}`;
  measure(`find-and-decode/${name}`, () => {
    const found = findTokens(text);
    if (found.ok) token.decodeToken(found.tokens[0].value);
  });
  const decoded = token.decodeToken(raw);
  if (!decoded.ok) throw new Error(`bench fixture ${name} does not decode: ${decoded.error.message}`);
  measure(`classify/${name}`, () => token.classifyToken(decoded.token));
  const c = token.classifyToken(decoded.token);
  measure(`annotate/${name}`, () =>
    catalogLayer.annotateToken(catalog, {
      audience: c.audience,
      scopes: c.scopes,
      roles: c.roles,
      wids: c.wids,
      caller: c.caller,
      kind: c.kind,
      clientId: c.clientId,
    }),
  );
  const parsed = diagnoseLayer.parseRequest(requests[name]);
  if (parsed.ok) {
    measure(`diagnose/${name}`, () =>
      diagnoseLayer.diagnose({
        token: { decoded: decoded.token, facts: c },
        request: parsed.request,
        answer: null,
        catalog,
        gates,
        now,
      }),
    );
  }
  measure(`inspect/${name}`, () => inspectText(text));
}
measure('explain-error/defender-forbidden', () => diagnoseLayer.explainError(errorBody, { catalog }));

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`machine: ${availableParallelism()} cores, ${cpu}, Node ${process.version}`);
rmSync(out, { recursive: true, force: true });
if (check) {
  const text = `Authorization: Bearer ${fixtures['v1-delegated']}`;
  const inspect = () => inspectText(text);
  // The least a decoder does with the same input, repeated so one call lasts about as long as inspect
  // (calls of similar length see the same interruptions): no validation, classification or explanations.
  const fromB64 = (part) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
  const baseline = () => {
    let out;
    for (let i = 0; i < BASELINE_REPEATS; i++) {
      const raw = text.slice(text.indexOf('Bearer ') + 7);
      const dot = raw.indexOf('.');
      out = [fromB64(raw.slice(0, dot)), fromB64(raw.slice(dot + 1, raw.indexOf('.', dot + 1)))];
    }
    return out;
  };
  const time = (fn) => {
    const s = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - s) / 1000;
  };
  const mid = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  // Alternating calls, so a burst of load elsewhere on the machine slows both sides alike. One noisy round
  // should not fail CI: the budget holds if any of up to four rounds meets it.
  let best = null;
  for (let round = 0; round < 4 && (best === null || best.ratio > INSPECT_BUDGET_RATIO); round++) {
    for (let i = 0; i < 300; i++) {
      inspect();
      baseline();
    }
    const a = [];
    const b = [];
    for (let i = 0; i < 3000; i++) {
      a.push(time(inspect));
      b.push(time(baseline));
    }
    const result = { inspectUs: mid(a), baselineUs: mid(b) };
    result.ratio = result.inspectUs / result.baselineUs;
    console.log(
      `inspect-vs-baseline round=${round + 1} inspect_median_us=${result.inspectUs.toFixed(1)} baseline_median_us=${result.baselineUs.toFixed(1)} ratio=${result.ratio.toFixed(2)}`,
    );
    if (best === null || result.ratio < best.ratio) best = result;
  }
  const line = `inspect/v1-delegated ${best.inspectUs.toFixed(1)} µs = ${best.ratio.toFixed(2)} × the baseline (JSON.parse(atob(…)) ×${BASELINE_REPEATS}, ${best.baselineUs.toFixed(1)} µs)`;
  if (best.ratio > INSPECT_BUDGET_RATIO) {
    console.error(`budget broken: ${line}; budget ${INSPECT_BUDGET_RATIO}×`);
    process.exit(1);
  }
  console.log(`budget ok: ${line}; budget ${INSPECT_BUDGET_RATIO}×`);
}
