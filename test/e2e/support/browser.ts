import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SPA_ORIGIN } from './constants.mjs';

export const isLoopback = (url: string): boolean => {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:' || protocol === 'file:')
      return true;
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
};

/** Launches Debian's Chromium (CHROMIUM_PATH, set by scripts/test.mjs) with no background networking. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Every request the page made, in order. */
  requests: string[];
  /** Requests to anything but loopback: blocked, and a failure of the privacy promise. */
  offLoopback: string[];
  /** Uncaught page errors and console errors. */
  pageErrors: string[];
  consoleErrors: string[];
  dialogs: string[];
  close: () => Promise<void>;
}

/**
 * Opens the built app (or `path` on it) in a fresh context that records every request and error.
 * Tests use it through setUpBrowser() (shared-browser.ts), which closes the context after the test.
 */
export async function openApp(
  browser: Browser,
  path = '/',
  options: { ignoreHTTPSErrors?: boolean } = {},
): Promise<AppPage> {
  const context = await browser.newContext({ ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false });
  const requests: string[] = [];
  const offLoopback: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  await context.route(
    (url) => !isLoopback(url.href),
    (route) => {
      offLoopback.push(route.request().url());
      return route.abort();
    },
  );
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await page.goto(new URL(path, SPA_ORIGIN).href);
    // The static first screen (index.html) is replaced by React's first render; a test that fills a field
    // before then can fill the static one in the very moment it is replaced. People type in events, which
    // never fall between React's commit and the carry-over (src/app/boot-carry-over.ts); a test tool can.
    await page.waitForFunction(() => !document.querySelector('[data-boot]'), undefined, { timeout: 30_000 });
  } catch (error) {
    await context.close();
    throw error;
  }
  return {
    page,
    context,
    requests,
    offLoopback,
    pageErrors,
    consoleErrors,
    dialogs,
    close: () => context.close(),
  };
}
