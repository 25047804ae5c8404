// `npm test`: unit, component and browser tests in one run, then one closing line
// "tests: N passed, N failed". Browser tests run the built app in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';
import { E2E_BUILD_ENV, E2E_DIST } from '../test/e2e/support/constants.mjs';

const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const passThrough = args.filter((a) => !a.startsWith('--e2e-only'));

const chromium = findChromium();
if (!chromium) process.exit(1);

const run = (cmd, cmdArgs, env = {}) =>
  spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

// The browser tests run against a production build made with the test provider's origin allowed.
if (run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', E2E_DIST], E2E_BUILD_ENV) !== 0) {
  console.error('Build for the browser tests failed (production).');
  process.exit(1);
}
// The single-file build (dist-single/index.html) for the file:// browser test.
if (run('npx', ['vite', 'build', '--logLevel', 'warn', '--mode', 'single'], E2E_BUILD_ENV) !== 0) {
  console.error('Build for the browser tests failed (single file).');
  process.exit(1);
}

mkdirSync('.cache', { recursive: true });
const report = '.cache/vitest-report.json';
rmSync(report, { force: true });
const status = run(
  'npx',
  [
    'vitest',
    'run',
    ...(e2eOnly ? ['--project', 'e2e'] : []),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...passThrough,
  ],
  { CHROMIUM_PATH: chromium },
);

let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
} catch {
  failed = Math.max(failed, 1);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 && passed > 0 ? 0 : 1);
