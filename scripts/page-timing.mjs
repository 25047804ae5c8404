// Page timing: loads `#token=<fixture>` in Chromium twenty times (a fresh context each) and prints the median
// time from navigation start until the "Token summary" region shows the token, next to the same for a floor
// page that only base64-decodes and prints the payload, and their ratio (target: within 3×). Loopback only.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

const RUNS = 20;
const APP_PORT = 4329;
const FLOOR_PORT = 4330;

const executablePath = findChromium();
if (!executablePath) process.exit(1);
if (!existsSync('dist/index.html')) {
  const status = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' }).status;
  if (status !== 0) process.exit(status ?? 1);
}

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const tid = '00000000-0000-4000-8000-0000000000aa';
const exp = Math.floor(Date.now() / 1000) + 3600;
const token = [
  b64({ typ: 'JWT', alg: 'RS256', kid: 'timing' }),
  b64({
    aud: 'https://graph.microsoft.com',
    iss: `https://sts.windows.net/${tid}/`,
    ver: '1.0',
    tid,
    exp,
    iat: exp - 3700,
    nbf: exp - 3700,
    appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    scp: 'User.Read SecurityEvents.Read.All',
    oid: '00000000-0000-4000-8000-0000000000bb',
    wids: ['5d6b6bb7-de71-4623-b4af-96380a352509'],
    name: 'Timing User',
  }),
  Buffer.alloc(256, 7).toString('base64url'),
].join('.');

// The floor: the least a page can do with the same input.
const floorHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body>
<section aria-label="Token summary"></section><script src="/floor.js"></script></body></html>`;
const floorJs = `const t = new URLSearchParams(location.hash.slice(1)).get('token');
const p = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
document.querySelector('section').textContent = 'Access token ' + atob(p);`;
const floor = createServer((req, res) => {
  const js = req.url === '/floor.js';
  res.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' }).end(js ? floorJs : floorHtml);
});
await new Promise((r) => floor.listen(FLOOR_PORT, '127.0.0.1', r));
const app = await preview({
  logLevel: 'warn',
  preview: { host: '127.0.0.1', port: APP_PORT, strictPort: true },
});

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
});

async function timeOnce(origin) {
  const context = await browser.newContext();
  await context.route(
    (u) => !['127.0.0.1', 'localhost'].includes(u.hostname),
    (r) => r.abort(),
  );
  const page = await context.newPage();
  await page.goto(`${origin}/#token=${token}`, { waitUntil: 'commit' });
  const ms = await page.waitForFunction(
    () => {
      const el = document.querySelector('section[aria-label="Token summary"]');
      return el && /Access token/.test(el.textContent ?? '') && el.getBoundingClientRect().height > 0
        ? performance.now()
        : false;
    },
    undefined,
    { polling: 'raf', timeout: 15_000 },
  );
  const value = await ms.jsonValue();
  await context.close();
  return value;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const [name, origin] of [
  ['floor', `http://127.0.0.1:${FLOOR_PORT}`],
  ['app', `http://127.0.0.1:${APP_PORT}`],
]) {
  await timeOnce(origin); // warm the server and the disk cache
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await timeOnce(origin));
  results[name] = median(samples);
  console.log(`page-${name} median_ms=${results[name].toFixed(1)} runs=${RUNS}`);
}
console.log(`page-ratio app/floor=${(results.app / results.floor).toFixed(2)} (target <= 3)`);
await browser.close();
await app.close();
floor.close();
