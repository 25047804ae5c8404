import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphAppOnlyV2, graphDelegatedV1, idTokenV2, makeToken, TENANT_ID } from '../fixtures/make-token';
import { setUpBrowser, type AppPage } from './support/shared-browser';
import { runAxe } from './support/axe';
import { SPA_ORIGIN } from './support/constants.mjs';

const delegated = makeToken(graphDelegatedV1());
const appOnly = makeToken(graphAppOnlyV2());
const idToken = makeToken(idTokenV2());
const BOX = 'Token or text containing a token';
// The first render after launch can be slow on a loaded machine; the default poll gives up after 1 s.
const POLL = { timeout: 15_000 };

const browser = setUpBrowser();

const summary = (page: Page) => page.getByRole('region', { name: 'Token summary' });

async function expectPrivate(app: AppPage) {
  expect(app.offLoopback).toEqual([]);
  expect(app.requests.filter((url) => !url.startsWith(`${SPA_ORIGIN}/`))).toEqual([]);
  const storage = await app.page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
  }));
  expect(storage).toEqual({ local: 0, session: 0 });
  expect(app.pageErrors).toEqual([]);
}

describe('inspecting a pasted token', () => {
  it('renders the summary and the claims, with nothing leaving the page and nothing stored', async () => {
    const app = await browser.open();
    const { page } = app;
    await page.getByLabel(BOX).fill(`Authorization: Bearer ${delegated}`);
    await expect.poll(() => summary(page).textContent(), POLL).toContain('Access token');
    const text = (await summary(page).textContent()) ?? '';
    for (const part of ['v1.0', 'Delegated', 'https://graph.microsoft.com', TENANT_ID])
      expect(text).toContain(part);
    const claims = page.getByRole('region', { name: 'Claims' });
    // The Claims table is a lazy chunk: wait for its rows rather than count them at once.
    await expect
      .poll(() => claims.getByRole('row').count(), POLL)
      .toBe(Object.keys(graphDelegatedV1()).length + 1);
    await page.waitForTimeout(300);
    await expectPrivate(app);
    await app.close();
  });

  it('names the API in the summary once the catalog has loaded', async () => {
    const app = await browser.open();
    const { page } = app;
    await page.getByLabel(BOX).fill(delegated);
    await expect
      .poll(() => summary(page).textContent(), POLL)
      .toContain('Microsoft Graph (https://graph.microsoft.com)');
    await expectPrivate(app);
    await app.close();
  });

  it('shows a typed error for text that holds no readable token, without a page error', async () => {
    const app = await browser.open();
    await app.page.getByLabel(BOX).fill('eyJhbGciOi.eyJub3QganNvbg');
    await app.page.getByRole('region', { name: 'Paste a token' }).locator('.input-error').waitFor();
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});

describe('deep links', () => {
  it.each([
    ['token', delegated, 'Access token'],
    ['access_token', delegated, 'Access token'],
    ['id_token', idToken, 'ID token'],
  ])('#%s= is inspected and removed from the address bar', async (param, token, kind) => {
    const app = await browser.open(`/#${param}=${token}&token_type=Bearer&state=s1`);
    const { page } = app;
    await expect.poll(() => summary(page).textContent(), POLL).toContain(kind);
    expect(page.url()).not.toContain(token);
    // The redirect's state goes with the token: it only describes the credential.
    expect(await page.evaluate(() => location.hash)).toBe('');
    await expectPrivate(app);
    await app.close();
  });

  it('a token put in the hash after load leaves no history entry holding it', async () => {
    const app = await browser.open();
    const { page } = app;
    await page.getByLabel(BOX).waitFor();
    await page.evaluate((t) => {
      location.hash = `#token=${t}`;
    }, delegated);
    await expect.poll(() => summary(page).textContent(), POLL).toContain('Access token');
    expect(page.url()).not.toContain(delegated);
    await page.goBack();
    expect(page.url()).not.toContain(delegated);
    await page.goForward();
    expect(page.url()).not.toContain(delegated);
    await expectPrivate(app);
    await app.close();
  });
});

describe('keyboard only', () => {
  // The choice of tokens is a lazy chunk: a person sees it before tabbing to it (the page fetches it when the
  // box gets focus, so it arrives with the summary). After Clear the summary is gone, not emptied.
  it('reaches the box, pastes, picks the second token and clears', async () => {
    const app = await browser.open();
    const { page } = app;
    const active = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el
          ? `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `:${el.getAttribute('type')}` : ''}`
          : '';
      });
    for (let i = 0; i < 20 && (await active()) !== 'textarea'; i++) await page.keyboard.press('Tab');
    expect(await active()).toBe('textarea');
    await page.keyboard.insertText(
      // Two tokens in one paste (a command would be split into token, request and answer instead).
      `${delegated}\nhttps://app.example/#access_token=${appOnly}&token_type=Bearer`,
    );
    await expect.poll(() => summary(page).textContent(), POLL).toContain('Delegated');
    const choice = page.getByRole('group', { name: '2 tokens found: choose one to inspect' });
    await choice.waitFor(POLL);

    // The choice comes right after the box and its Clear button.
    for (let i = 0; i < 3 && (await active()) !== 'input:radio'; i++) await page.keyboard.press('Tab');
    expect(await active()).toBe('input:radio');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await choice.getByRole('radio', { name: /^Token 2 /, checked: true }).count()).toBe(1);
    await expect.poll(() => summary(page).textContent(), POLL).toContain('App-only');

    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Clear');
    await page.keyboard.press('Enter');
    expect(await page.getByLabel(BOX).inputValue()).toBe('');
    await expect.poll(() => summary(page).count(), POLL).toBe(0);
    expect(await choice.count()).toBe(0);
    // Clear starts the page afresh, and the keyboard user goes on in the box.
    expect(await active()).toBe('textarea');
    await expectPrivate(app);
    await app.close();
  });
});

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)(
    'has no axe violations in %s mode, empty and with a token',
    async (scheme) => {
      const app = await browser.open();
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByLabel(BOX).waitFor();
      expect(await runAxe(page)).toEqual([]);
      await page.getByLabel(BOX).fill(`${delegated}\n${appOnly}`);
      await expect.poll(() => summary(page).textContent(), POLL).toContain('Access token');
      await page.getByRole('button', { name: 'Copy payload' }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      expect(app.pageErrors).toEqual([]);
      await app.close();
    },
  );
});
