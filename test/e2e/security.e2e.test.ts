import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildCsp } from '../../scripts/vite-csp.ts';
import { setUpBrowser } from './support/shared-browser';
import { OP_ORIGIN, SPA_ORIGIN } from './support/constants.mjs';

const tokens = JSON.parse(
  readFileSync(new URL('../fixtures/tokens.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const BOX = 'Token or text containing a token';

const browser = setUpBrowser();

/** Records CSP violations and script execution markers from before the page's own code runs. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);

describe('the Content-Security-Policy', () => {
  it('is the expected policy, in the page and in the served headers', async () => {
    const app = await browser.open();
    const response = await app.page.reload();
    const meta = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const expected = buildCsp({ extraOrigins: [OP_ORIGIN], forHeader: false });
    expect(meta).toBe(expected);
    for (const part of ["script-src 'self';", "object-src 'none'", "base-uri 'none'", "default-src 'self'"])
      expect(meta).toContain(part);
    expect(meta).not.toContain('unsafe-');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toBe(`${expected}; frame-ancestors 'none'`);
    expect(headers['referrer-policy']).toBe('no-referrer');
    // Not same-origin: MSAL's popup sign-in needs its opener (test/e2e/sign-in.e2e.test.ts).
    expect(headers['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
    expect(await app.page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
    await app.close();
  });

  it('is not violated while a token is inspected and its signature checked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await watchViolations(page);
    await page.goto(`${SPA_ORIGIN}/#token=${tokens.rs256}`);
    await page.getByRole('region', { name: 'Signature' }).waitFor();
    await page
      .getByLabel('Signing key')
      .fill(readFileSync(new URL('../fixtures/keys/jwks.json', import.meta.url), 'utf8'));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Signature verified').waitFor();
    await page.goto(`${SPA_ORIGIN}/#catalog`);
    await page.waitForTimeout(300);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('blocks an inline script injected into the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await watchViolations(page);
    await page.goto(SPA_ORIGIN);
    await page.getByRole('heading', { name: 'Tokenscope' }).waitFor();
    // What an HTML-injection bug would do: the policy, not just our rendering, must stop it.
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { __ran?: boolean };
      const s = document.createElement('script');
      // Trusted Types refuses the string (a TypeError); the text node path reaches the policy's script-src.
      try {
        s.textContent = 'window.__ran = true';
      } catch {
        s.append(document.createTextNode('window.__ran = true'));
      }
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 50));
      return w.__ran === true;
    });
    expect(ran).toBe(false);
    expect(
      (await violations(page)).some(
        (v) => v.startsWith('script-src') || v.startsWith('require-trusted-types'),
      ),
    ).toBe(true);
    await context.close();
  });

  it('enforces Trusted Types: a string reaches no HTML sink, and only the "tokenscope" policy exists', async () => {
    const app = await browser.open();
    await app.page.getByRole('heading', { name: 'Tokenscope' }).waitFor();
    const outcome = await app.page.evaluate(() => {
      const tries = {
        innerHTML: () => {
          // eslint-disable-next-line no-restricted-syntax -- the write Trusted Types must refuse
          document.createElement('div').innerHTML = '<img src=x onerror=alert(1)>';
        },
        otherPolicy: () => {
          (
            window as unknown as { trustedTypes: { createPolicy: (n: string, r: object) => unknown } }
          ).trustedTypes.createPolicy('attacker', {});
        },
      };
      return Object.fromEntries(
        Object.entries(tries).map(([name, run]) => {
          try {
            run();
            return [name, 'allowed'];
          } catch (e) {
            return [name, e instanceof Error ? e.name : 'thrown'];
          }
        }),
      );
    });
    expect(outcome).toEqual({ innerHTML: 'TypeError', otherPolicy: 'TypeError' });
    // The service worker's URL passed the app's own policy (test/e2e/offline.e2e.test.ts relies on it).
    await expect
      .poll(() => app.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length))
      .toBe(1);
    await app.close();
  });
});

describe('hostile input', () => {
  it('renders markup in claims as text: no script runs, no dialog, no pollution', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await watchViolations(page);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${SPA_ORIGIN}/#token=${tokens['hostile-claims']}`);
    const claims = page.getByRole('region', { name: 'Claims' });
    await expect
      .poll(() => claims.textContent(), { timeout: 15_000 })
      .toContain('<img src=x onerror=alert(1)>');
    expect(await claims.textContent()).toContain('<script>alert("given")</script>');
    // The markup is text: no element was made from it anywhere on the page.
    expect(await page.locator('main img, main script, main b').count()).toBe(0);
    expect(
      await page.evaluate(() => ({
        proto: ({} as Record<string, unknown>).polluted ?? null,
        ctor: typeof {}.constructor,
      })),
    ).toEqual({ proto: null, ctor: 'function' });
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('inspects a crafted token with __proto__, constructor and javascript: claims safely', async () => {
    const enc = (v: unknown) =>
      Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
    const payload =
      '{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"toString":"x",' +
      '"hasOwnProperty":1,"aud":"javascript:alert(1)","iss":"https://sts.windows.net/<svg onload=alert(2)>/","<img src=x onerror=alert(3)>":"\\"><script>alert(4)</script>",' +
      '"link":"javascript:alert(5)","exp":"<b>soon</b>","scp":"<iframe src=javascript:alert(6)>","roles":["<a href=javascript:alert(7)>x</a>"]}';
    const token = `${enc({ alg: 'RS256', kid: '<script>alert(8)</script>', typ: '"><img src=x onerror=alert(9)>' })}.${enc(payload)}.c2ln`;
    const app = await browser.open(`/#token=${token}`);
    const { page } = app;
    await expect
      .poll(() => page.getByRole('region', { name: 'Claims' }).textContent(), { timeout: 15_000 })
      .toContain('javascript:alert(1)');
    await page.getByLabel('Signing key').fill('<script>alert(10)</script>');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Signature not verified').waitFor();
    expect(
      await page.locator('main a[href^="javascript:"], main iframe, main img, main svg[onload]').count(),
    ).toBe(0);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted ?? null)).toBeNull();
    await page.waitForTimeout(300);
    expect(app.dialogs).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('answers 50 malformed inputs without a page error', async () => {
    const app = await browser.open();
    const { page } = app;
    const box = page.getByLabel(BOX);
    const good = tokens.rs256!;
    const [h, p, s] = good.split('.') as [string, string, string];
    const b64 = (t: string) => Buffer.from(t).toString('base64url');
    const inputs = [
      '',
      ' ',
      '.',
      '..',
      '...',
      '....',
      'eyJ',
      'eyJ.eyJ',
      'eyJ.eyJ.',
      `${h}.`,
      `${h}.${p}`,
      `${h}..${s}`,
      `.${p}.${s}`,
      `${h}.${p}.${s}.x`,
      `${h}.${p}.${s}.x.y`,
      `${h}!.${p}.${s}`,
      `${h}.${p}%.${s}`,
      `${b64('{')}.${b64('{}')}.x`,
      `${b64('[]')}.${b64('{}')}.x`,
      `${b64('null')}.${b64('null')}.x`,
      `${b64('1')}.${b64('"s"')}.x`,
      `${b64('{}')}.${b64('[1,2]')}.x`,
      `${b64('{"alg":"none"}')}.${b64('{}')}.`,
      `${b64('{"alg":1}')}.${b64('{"exp":"x","iat":{},"aud":[1,{}]}')}.x`,
      `${b64('{"alg":"RS256"}')}.${b64('{"exp":1e400,"nbf":-1e400,"iat":NaN}')}.x`,
      `${b64('{"alg":"RS256"}')}.${b64('{"wids":"notarray","roles":5,"scp":[]}')}.x`,
      `${b64('{"alg":"RS256"}')}.${b64('{"a":' + '['.repeat(500) + ']'.repeat(500) + '}')}.x`,
      `${b64('{"alg":"RS256"}')}.${b64('\u0000\u0001')}.x`,
      `${b64('\uFFFD\uD800')}.${b64('{}')}.x`,
      'Bearer',
      'Bearer ',
      'Authorization: Bearer',
      'Authorization: Bearer eyJ.',
      `curl -H "Authorization: Bearer ${h}.${p}"`,
      '#access_token=',
      'https://x/#id_token=&access_token=.',
      'https://x/?code=abc&state=',
      '{"access_token":',
      '{"access_token":null}',
      '{"access_token":{"a":1}}',
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '\u202E\u200B\uFEFF',
      '🙂'.repeat(1000),
      'eyJ'.repeat(3000),
      `${h}.${p}.${s}`.split('').reverse().join(''),
      `${h}.${p}.${s}\n${h}.${p}`,
      `${b64('{"alg":"dir","enc":"A256GCM"}')}..iv.ct.tag`,
      '%%%E0%A4%A',
    ];
    expect(inputs).toHaveLength(50);
    for (const input of inputs) await box.fill(input);
    await box.fill(good);
    await expect
      .poll(() => page.getByRole('region', { name: 'Token summary' }).textContent())
      .toContain('api://tokenscope-test');
    expect(app.pageErrors).toEqual([]);
    expect(app.dialogs).toEqual([]);
    await app.close();
  });

  it('answers a 1 MB paste promptly with a clear "too large" message', async () => {
    const app = await browser.open();
    const { page } = app;
    await page.getByRole('heading', { name: 'Tokenscope' }).waitFor();
    // Timed inside the page, from the paste (an input event) to the message on screen.
    const elapsed = await page.getByLabel(BOX).evaluate(async (box) => {
      const area = box as HTMLTextAreaElement;
      const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      const started = performance.now();
      setValue.call(area, `Bearer ${'A'.repeat(1024 * 1024)}`);
      area.dispatchEvent(new Event('input', { bubbles: true }));
      while (!/the limit is \d+ KB/.test(document.body.innerText)) {
        if (performance.now() - started > 10_000) return -1;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return Math.round(performance.now() - started);
    });
    console.log(`1 MB paste answered in ${elapsed} ms (in the page, paste to message)`);
    expect(elapsed).toBeGreaterThanOrEqual(0);
    expect(await page.getByText(/The paste is 1024 KB/).count()).toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});

describe('nothing stored', () => {
  it('leaves localStorage, sessionStorage, cookies, IndexedDB and the caches free of the token', async () => {
    const app = await browser.open(`/#token=${tokens.rs256}`);
    const { page } = app;
    await page.getByRole('region', { name: 'Signature' }).waitFor();
    await page.getByLabel(BOX).fill(`Authorization: Bearer ${tokens['graph-with-nonce']}`);
    await page
      .getByLabel('Signing key')
      .fill(readFileSync(new URL('../fixtures/keys/hs256.secret.txt', import.meta.url), 'utf8'));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Signature not verified').waitFor();
    await page.waitForTimeout(300);
    const stored = await page.evaluate(async () => {
      const cached: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) cached.push(request.url);
      }
      return {
        local: localStorage.length,
        session: sessionStorage.length,
        cookie: document.cookie,
        databases: (await indexedDB.databases()).length,
        url: location.href,
        cached,
      };
    });
    expect(stored).toMatchObject({ local: 0, session: 0, cookie: '', databases: 0 });
    expect(stored.url).not.toContain('eyJ');
    expect(stored.cached.filter((u) => u.includes('eyJ'))).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    await app.close();
  });

  it('Clear wipes the token and the pasted key', async () => {
    const app = await browser.open();
    const { page } = app;
    await page.getByLabel(BOX).fill(tokens.hs256!);
    await page.getByLabel('Signing key').fill('a secret that must not survive Clear');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => page.getByLabel(BOX).inputValue()).toBe('');
    expect(await page.getByLabel('Signing key').count()).toBe(0);
    await page.getByLabel(BOX).fill(tokens.hs256!);
    expect(await page.getByLabel('Signing key').inputValue()).toBe('');
    expect(await page.evaluate(() => document.body.innerText.includes('must not survive'))).toBe(false);
    await app.close();
  });
});
