// Prints what the built app weighs on first load and fails when a budget is broken.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist';
const BUDGET_FIRST_LOAD_JS_KB = 100;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
// First load: the entry script and every module it preloads, as index.html names them.
const firstLoad = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const kb = (n) => (n / 1024).toFixed(1);

const firstLoadBytes = firstLoad.reduce((sum, f) => sum + gz(f), 0);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
console.log(`first-load JS: ${kb(firstLoadBytes)} KB gzipped (${firstLoad.length} files; budget ${BUDGET_FIRST_LOAD_JS_KB} KB)`);
for (const f of all) {
  const size = statSync(join(dist, 'assets', f)).size;
  console.log(`  ${firstLoad.includes(`assets/${f}`) ? 'first' : 'lazy '} ${f} ${kb(gz(`assets/${f}`))} KB gz (${kb(size)} KB raw)`);
}
const failures = [];
if (firstLoadBytes > BUDGET_FIRST_LOAD_JS_KB * 1024) failures.push(`first-load JS ${kb(firstLoadBytes)} KB > ${BUDGET_FIRST_LOAD_JS_KB} KB`);

// Catalog data (src/catalog/data/*.json, each marked "tokenscope-catalog:<name>" by the generator) must be
// lazy chunks only, within its own budget.
const BUDGET_CATALOG_KB = 250;
const CATALOG_FILES = ['graph', 'defender', 'directory', 'meta'];
const catalogChunks = all.filter((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes('tokenscope-catalog:'));
const catalogBytes = catalogChunks.reduce((sum, f) => sum + gz(`assets/${f}`), 0);
console.log(`catalog data: ${kb(catalogBytes)} KB gzipped in ${catalogChunks.length} lazy chunks (budget ${BUDGET_CATALOG_KB} KB): ${catalogChunks.join(', ')}`);
for (const f of catalogChunks) if (firstLoad.includes(`assets/${f}`)) failures.push(`catalog data in first-load chunk ${f}`);
for (const name of CATALOG_FILES) {
  if (!catalogChunks.some((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes(`tokenscope-catalog:${name}`))) {
    failures.push(`catalog data "${name}" not found in any chunk`);
  }
}
if (catalogBytes > BUDGET_CATALOG_KB * 1024) failures.push(`catalog data ${kb(catalogBytes)} KB > ${BUDGET_CATALOG_KB} KB`);
if (failures.length) {
  for (const f of failures) console.error(`budget broken: ${f}`);
  process.exit(1);
}
