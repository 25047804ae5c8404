import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setUpBrowser } from './support/shared-browser';

const tokens = JSON.parse(
  readFileSync(new URL('../fixtures/tokens.json', import.meta.url), 'utf8'),
) as Record<string, string>;

const browser = setUpBrowser();

describe('offline after the first visit', () => {
  it('reloads and inspects with the network off, served by the service worker', async () => {
    const app = await browser.open();
    const { page, context } = app;
    await page.getByRole('heading', { name: 'Tokenscope' }).waitFor();
    // The worker precaches every file of the build, lazy chunks included, then takes control.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    const precached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]!);
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(precached.some((p) => /\/assets\/.*catalog.*\.js$/.test(p))).toBe(true);
    expect(precached.some((p) => /\/assets\/signature-section.*\.js$/.test(p))).toBe(true);

    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { name: 'Tokenscope' }).waitFor();
    await page.getByLabel('Token or text containing a token').fill(tokens.rs256!);
    await expect
      .poll(() => page.getByRole('region', { name: 'Token summary' }).textContent())
      .toContain('api://tokenscope-test');
    // Lazy panels and the catalog come from the cache too.
    await page.getByRole('region', { name: 'Signature' }).waitFor();
    await page.goto(`${new URL(page.url()).origin}/#catalog`);
    await page.getByRole('heading', { name: 'Tokenscope' }).waitFor();
    expect(app.pageErrors).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    await context.setOffline(false);
    await app.close();
  });

  it('never handles cross-origin requests: the worker only lists same-origin files', async () => {
    const app = await browser.open();
    const sw = await (await fetch(new URL('/sw.js', app.page.url()))).text();
    // The precache list Workbox wrote into the worker: paths relative to the app, no other origin.
    const listed = [...sw.matchAll(/"url":"([^"]*)"/g)].map((m) => m[1]!);
    expect(listed).toContain('index.html');
    expect(listed.filter((u) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(u))).toEqual([]);
    // Which requests the worker answers (same-origin GETs of listed files only): test/app/sw.test.ts.
    await app.close();
  });
});
