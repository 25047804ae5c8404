import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowser } from './support/shared-browser';

const tokens = JSON.parse(
  readFileSync(new URL('../fixtures/tokens.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const FILE = resolve('dist-single/index.html');

const browser = setUpBrowser();
beforeAll(() => {
  if (!existsSync(FILE))
    throw new Error('dist-single/index.html is missing: run the browser tests through "npm test".');
});

describe('the single-file build', () => {
  it('inspects a deep-linked token opened from file://, with its CSP intact and no request anywhere', async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.route(
      (url) => url.protocol !== 'file:' && url.protocol !== 'data:',
      (route) => route.abort(),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${pathToFileURL(FILE).href}#token=${tokens.rs256}`);
    await expect
      .poll(() => page.getByRole('region', { name: 'Token summary' }).textContent(), { timeout: 15_000 })
      .toContain('api://tokenscope-test');
    // Lazy panels are inlined too.
    await page.getByRole('region', { name: 'Signature' }).waitFor();
    await page
      .getByLabel('Signing key')
      .fill(readFileSync(new URL('../fixtures/keys/jwks.json', import.meta.url), 'utf8'));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Signature verified').waitFor();

    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/);
    expect(csp).not.toContain('unsafe-');
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual(
      [],
    );
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
