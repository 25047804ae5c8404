// The one fixture every browser test shares: one Chromium per test file, a fresh context per page, every
// context closed after its test, and the axe check. The server side (the built app under `vite preview`
// and the local OpenID provider) is started once for the whole run by global-setup.ts.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { runAxe } from './axe';
import { launchBrowser, openApp, type AppPage } from './browser';
import { SPA_ORIGIN } from './constants.mjs';

export type { AppPage } from './browser';
export { isLoopback } from './browser';
export { runAxe, type AxeViolation } from './axe';
export { OP_ORIGIN, SPA_ORIGIN } from './constants.mjs';

export interface SharedBrowser {
  /**
   * Opens the built app at `path` (default `/`) in a fresh context that records every request and error
   * and blocks anything off loopback (see browser.ts). The context is closed after the test.
   */
  open(path?: string, options?: { ignoreHTTPSErrors?: boolean }): Promise<AppPage>;
  /** A bare context with no recording or blocking (file:// pages, custom routes); closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Fails the test, listing each violation, when axe (no rule switched off) finds any on the page. */
  expectAccessible(page: Page, include?: readonly string[]): Promise<void>;
  /** The app's URL for `path`. */
  url(path?: string): string;
}

/**
 * Registers the hooks for a test file (call it once, at the top level): launches Debian's Chromium before
 * the first test, closes the contexts a test opened after it, and closes the browser after the last.
 * Does not start any server: global-setup.ts does, once per run.
 */
export function setUpBrowser(): SharedBrowser {
  let browser: Browser | null = null;
  let opened: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    const contexts = opened;
    opened = [];
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
    browser = null;
  });
  const current = (): Browser => {
    if (!browser)
      throw new Error('setUpBrowser(): the browser is not running (call it at the top level of the file).');
    return browser;
  };
  return {
    async open(path = '/', options = {}) {
      const app = await openApp(current(), path, options);
      opened.push(app.context);
      return app;
    },
    async newContext(options) {
      const context = await current().newContext(options);
      opened.push(context);
      return context;
    },
    async expectAccessible(page, include) {
      expect(await runAxe(page, include)).toEqual([]);
    },
    url: (path = '/') => new URL(path, SPA_ORIGIN).href,
  };
}
