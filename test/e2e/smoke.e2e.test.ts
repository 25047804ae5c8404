import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the built app', () => {
  it('loads with no page error and no request off loopback', async () => {
    const app = await openApp(browser);
    await app.page.getByRole('heading', { name: 'Tokenscope' }).waitFor();
    expect(app.pageErrors).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    await app.close();
  });
});
