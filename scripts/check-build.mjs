// Prints what the built app weighs on first load and fails when a budget is broken.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const single = process.argv.includes('--single');
const dist = process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? (single ? 'dist-single' : 'dist');
// First load: the first module (src/app/boot.ts with the token core) and the chunks it preloads for the React
// app (React and React DOM alone are 66 KB). Issue 16's goal; the full paste scanner is a lazy chunk.
const BUDGET_FIRST_LOAD_JS_KB = 80;
const BUDGET_FIRST_LOAD_CSS_KB = 10;

// Content-Security-Policy (docs/security.md): every built page carries the policy as its first <head> element,
// holds no inline script (single-file: only scripts whose sha256 the policy lists), no inline event handler,
// no style attribute, and loads nothing from another origin. The header files carry the same policy.
function checkCsp() {
  const problems = [];
  const pages = readdirSync(dist).filter((f) => f.endsWith('.html'));
  if (!pages.includes('index.html')) problems.push('index.html is missing');
  let indexPolicy = null;
  for (const page of pages) {
    const html = readFileSync(join(dist, page), 'utf8');
    const policy = /<head>\s*<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1];
    if (!policy) {
      problems.push(`${page}: no Content-Security-Policy <meta> as the first element of <head>`);
      continue;
    }
    if (page === 'index.html') indexPolicy = policy;
    const directive = (name) =>
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find((d) => d[0] === name)
        ?.slice(1) ?? null;
    const required = {
      'default-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    };
    for (const [name, value] of Object.entries(required)) {
      if (JSON.stringify(directive(name)) !== JSON.stringify(value))
        problems.push(`${page}: ${name} is not ${value.join(' ')}`);
    }
    for (const name of ['script-src', 'style-src', 'connect-src', 'img-src', 'frame-src', 'worker-src']) {
      const sources = directive(name);
      if (!sources) problems.push(`${page}: ${name} is missing`);
      else if (sources.some((s) => /unsafe-|^\*$|^https?:$|^http:/.test(s)))
        problems.push(`${page}: ${name} allows ${sources.join(' ')}`);
      else if (name !== 'connect-src' && name !== 'frame-src' && sources.some((s) => /^https:\/\//.test(s))) {
        problems.push(`${page}: ${name} names another origin`);
      }
    }
    const hashes = new Set(
      (directive('script-src') ?? []).filter((s) => s.startsWith("'sha256-")).map((s) => s.slice(1, -1)),
    );
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (/\ssrc=/i.test(m[1])) continue;
      const hash = `sha256-${createHash('sha256').update(m[2]).digest('base64')}`;
      if (!single || !hashes.has(hash))
        problems.push(`${page}: inline <script> not allowed by the policy (${hash})`);
    }
    const styleHashes = new Set(
      (directive('style-src') ?? []).filter((s) => s.startsWith("'sha256-")).map((s) => s.slice(1, -1)),
    );
    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
      const hash = `sha256-${createHash('sha256').update(m[1]).digest('base64')}`;
      if (!single || !styleHashes.has(hash))
        problems.push(`${page}: inline <style> not allowed by the policy (${hash})`);
    }
    const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
    if (/<[^<>]+\son[a-z]+\s*=/i.test(markup)) problems.push(`${page}: inline event handler attribute`);
    if (/<[^<>]+\sstyle\s*=/i.test(markup))
      problems.push(`${page}: style attribute (style-src has no 'unsafe-inline')`);
    for (const m of markup.matchAll(/\s(?:src|href)\s*=\s*"((?:https?:)?\/\/[^"]*)"/gi))
      problems.push(`${page}: loads ${m[1]} from another origin`);
  }
  if (!single && indexPolicy) {
    const headerPolicy = `${indexPolicy}; frame-ancestors 'none'`;
    const headers = existsSync(join(dist, '_headers')) ? readFileSync(join(dist, '_headers'), 'utf8') : '';
    if (!headers.includes(`Content-Security-Policy: ${headerPolicy}\n`))
      problems.push('_headers does not carry the page policy plus frame-ancestors');
    if (!/Referrer-Policy: no-referrer/.test(headers))
      problems.push('_headers has no Referrer-Policy: no-referrer');
    const swa = existsSync(join(dist, 'staticwebapp.config.json'))
      ? JSON.parse(readFileSync(join(dist, 'staticwebapp.config.json'), 'utf8'))
      : {};
    if (swa.globalHeaders?.['Content-Security-Policy'] !== headerPolicy)
      problems.push('staticwebapp.config.json globalHeaders lacks the page policy plus frame-ancestors');
    if (swa.globalHeaders?.['Referrer-Policy'] !== 'no-referrer')
      problems.push('staticwebapp.config.json has no Referrer-Policy: no-referrer');
    if (!existsSync(join(dist, 'sw.js'))) problems.push('sw.js (the offline service worker) is missing');
  }
  return problems;
}
const cspProblems = checkCsp();
for (const p of cspProblems) console.error(`CSP check failed: ${p}`);
if (cspProblems.length) process.exit(1);
console.log(
  `CSP check: ${single ? 'single-file page' : 'pages and header files'} in ${dist} keep the policy`,
);
if (single) {
  const size = statSync(join(dist, 'index.html')).size;
  console.log(
    `single file: ${dist}/index.html ${(size / 1024).toFixed(1)} KB (${(gzipSync(readFileSync(join(dist, 'index.html'))).length / 1024).toFixed(1)} KB gz)`,
  );
  process.exit(0);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
// First load: the entry script and the app's chunks, which the first module preloads from the list index.html
// names (vite.config.ts, firstScreen).
const appFiles = /<meta name="tokenscope:app-files" content="([^"]*)"/.exec(html)?.[1];
if (appFiles === undefined) {
  console.error('budget check failed: index.html has no <meta name="tokenscope:app-files"> (vite.config.ts)');
  process.exit(1);
}
const firstLoad = [
  ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]),
  ...appFiles.split(' ').map((f) => f.replace(/^\//, '')),
];
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const kb = (n) => (n / 1024).toFixed(1);

const firstLoadBytes = firstLoad.reduce((sum, f) => sum + gz(f), 0);
const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
console.log(
  `first-load JS: ${kb(firstLoadBytes)} KB gzipped (${firstLoad.length} files; budget ${BUDGET_FIRST_LOAD_JS_KB} KB)`,
);
for (const f of all) {
  const size = statSync(join(dist, 'assets', f)).size;
  console.log(
    `  ${firstLoad.includes(`assets/${f}`) ? 'first' : 'lazy '} ${f} ${kb(gz(`assets/${f}`))} KB gz (${kb(size)} KB raw)`,
  );
}
const failures = [];
if (firstLoadBytes > BUDGET_FIRST_LOAD_JS_KB * 1024)
  failures.push(`first-load JS ${kb(firstLoadBytes)} KB > ${BUDGET_FIRST_LOAD_JS_KB} KB`);

// First-load CSS: the stylesheets index.html links (lazy panels bring their own CSS with their chunks).
const firstLoadCss = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"/g)].map(
  (m) => m[1],
);
const firstLoadCssBytes = firstLoadCss.reduce((sum, f) => sum + gz(f), 0);
console.log(
  `first-load CSS: ${kb(firstLoadCssBytes)} KB gzipped (${firstLoadCss.join(', ') || 'none'}; budget ${BUDGET_FIRST_LOAD_CSS_KB} KB)`,
);
if (firstLoadCss.length === 0)
  failures.push('no first-load stylesheet found in index.html (has its link changed?)');
if (firstLoadCssBytes > BUDGET_FIRST_LOAD_CSS_KB * 1024)
  failures.push(`first-load CSS ${kb(firstLoadCssBytes)} KB > ${BUDGET_FIRST_LOAD_CSS_KB} KB`);

// Catalog data (src/catalog/data/*.json, each marked "tokenscope-catalog:<name>" by the generator) must be
// lazy chunks only, within its own budget.
const BUDGET_CATALOG_KB = 250;
const CATALOG_FILES = ['graph', 'defender', 'directory', 'meta', 'gates'];
const catalogChunks = all.filter((f) =>
  readFileSync(join(dist, 'assets', f), 'utf8').includes('tokenscope-catalog:'),
);
const catalogBytes = catalogChunks.reduce((sum, f) => sum + gz(`assets/${f}`), 0);
console.log(
  `catalog data: ${kb(catalogBytes)} KB gzipped in ${catalogChunks.length} lazy chunks (budget ${BUDGET_CATALOG_KB} KB): ${catalogChunks.join(', ')}`,
);
for (const f of catalogChunks)
  if (firstLoad.includes(`assets/${f}`)) failures.push(`catalog data in first-load chunk ${f}`);
for (const name of CATALOG_FILES) {
  if (
    !catalogChunks.some((f) =>
      readFileSync(join(dist, 'assets', f), 'utf8').includes(`tokenscope-catalog:${name}`),
    )
  ) {
    failures.push(`catalog data "${name}" not found in any chunk`);
  }
}
if (catalogBytes > BUDGET_CATALOG_KB * 1024)
  failures.push(`catalog data ${kb(catalogBytes)} KB > ${BUDGET_CATALOG_KB} KB`);
// The gates outside the token and the Microsoft resources (gates.json): their own small lazy chunk.
const BUDGET_GATES_KB = 12;
const gatesChunks = catalogChunks.filter((f) =>
  readFileSync(join(dist, 'assets', f), 'utf8').includes('tokenscope-catalog:gates'),
);
const gatesBytes = gatesChunks.reduce((sum, f) => sum + gz(`assets/${f}`), 0);
console.log(
  `gates data: ${kb(gatesBytes)} KB gzipped (budget ${BUDGET_GATES_KB} KB): ${gatesChunks.join(', ')}`,
);
if (gatesBytes > BUDGET_GATES_KB * 1024)
  failures.push(`gates data ${kb(gatesBytes)} KB > ${BUDGET_GATES_KB} KB`);

// Error data (aadsts.json, azure-rbac.json, marked "tokenscope-errors:<name>"): lazy chunks loaded only when
// such an error is pasted, outside the catalog budget, each within its own.
const ERROR_DATA_BUDGETS_KB = { aadsts: 6, 'azure-rbac': 90 };
for (const [name, budget] of Object.entries(ERROR_DATA_BUDGETS_KB)) {
  const chunks = all.filter((f) =>
    readFileSync(join(dist, 'assets', f), 'utf8').includes(`tokenscope-errors:${name}`),
  );
  const bytes = chunks.reduce((sum, f) => sum + gz(`assets/${f}`), 0);
  console.log(
    chunks.length === 0
      ? `${name} data: not in the build (nothing loads it yet)`
      : `${name} data: ${kb(bytes)} KB gzipped (budget ${budget} KB): ${chunks.join(', ')}`,
  );
  for (const f of chunks)
    if (firstLoad.includes(`assets/${f}`)) failures.push(`${name} data in first-load chunk ${f}`);
  if (bytes > budget * 1024) failures.push(`${name} data ${kb(bytes)} KB > ${budget} KB`);
}

// MSAL (marked by its library SKU "msal.js.browser") loads only with the sign-in page, never on first load.
if (!single) {
  const msalChunks = all.filter((f) =>
    readFileSync(join(dist, 'assets', f), 'utf8').includes('msal.js.browser'),
  );
  if (msalChunks.length === 0) failures.push('MSAL not found in any chunk (has its marker changed?)');
  for (const f of msalChunks)
    if (firstLoad.includes(`assets/${f}`)) failures.push(`MSAL in first-load chunk ${f}`);
}
if (failures.length) {
  for (const f of failures) console.error(`budget broken: ${f}`);
  process.exit(1);
}
