import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { setUpBrowser, type AppPage } from './support/shared-browser';
import { runAxe } from './support/axe';
import { SPA_ORIGIN } from './support/constants.mjs';
import {
  API_SCOPES,
  AUTHORITY,
  CONSENT_REQUIRED_SCOPE,
  ISSUER,
  SPA_CLIENT_ID,
  USERS,
} from './support/op-server';

// The real MSAL in the built app against the local OpenID provider (test/e2e/support/op-server.ts).

const browser = setUpBrowser();

async function openSignIn(scopes = API_SCOPES.join(' ')): Promise<AppPage> {
  const app = await browser.open('/#signin', { ignoreHTTPSErrors: true });
  app.page.setDefaultTimeout(10_000);
  await app.page.getByLabel('Client ID').fill(SPA_CLIENT_ID);
  await app.page.getByLabel('Authority').fill(AUTHORITY);
  await app.page.getByLabel('Scopes').fill(scopes);
  return app;
}

/** The provider's development login and consent forms (any password works). */
async function loginAtProvider(page: Page, login: string): Promise<void> {
  await page.waitForURL(`${ISSUER}/interaction/**`, { waitUntil: 'domcontentloaded' });
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('any password');
  await page.locator('button[type=submit]').click();
  await page.locator('input[name=prompt][value=consent]').waitFor({ state: 'attached' });
  await page.locator('button[type=submit]').click();
}

async function signInWithPopup(app: AppPage, login: string): Promise<void> {
  const [popup] = await Promise.all([
    app.page.waitForEvent('popup'),
    app.page.getByRole('button', { name: 'Sign in with a popup' }).click(),
  ]);
  await loginAtProvider(popup, login);
}

const roles = (page: Page) => page.getByRole('region', { name: 'Your directory roles' });
const answer = (page: Page, text: string) =>
  roles(page).getByRole('listitem').filter({ hasText: text }).waitFor();

describe('sign-in against a local OpenID provider', () => {
  it('signs in by redirect, shows the Security Reader role, renews silently and signs out', async () => {
    const app = await openSignIn();
    const { page } = app;
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await loginAtProvider(page, USERS.reader.login);
    await page.waitForURL(`${SPA_ORIGIN}/#signin`);

    await answer(page, 'Security Reader: yes');
    expect(await roles(page).getByText('Global Administrator:').textContent()).toBe(
      'Global Administrator: no',
    );
    await page.getByRole('heading', { name: `Signed in as ${USERS.reader.name}` }).waitFor();

    const before = await page.getByRole('textbox', { name: 'Access token' }).inputValue();
    await page.getByRole('button', { name: 'Renew the access token' }).click();
    await page.getByText(/renewed silently .*a new token from the provider/).waitFor();
    const after = await page.getByRole('textbox', { name: 'Access token' }).inputValue();
    expect(after).not.toBe(before);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    // The provider sends the browser back to the post-logout redirect URI (with MSAL's state).
    await page.waitForURL((url) => url.origin === SPA_ORIGIN && url.pathname === '/');
    await page.goto(`${SPA_ORIGIN}/#signin`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Your tokens' }).count()).toBe(0);

    expect(app.pageErrors).toEqual([]);
    expect(app.offLoopback.filter((u) => !u.startsWith('https://fonts.'))).toEqual([]);
    await app.close();
  });

  it('signs in with a popup and opens the access token in the inspector', async () => {
    const app = await openSignIn();
    const { page } = app;
    await signInWithPopup(app, USERS.reader.login);
    await answer(page, 'Security Reader: yes');

    await page.getByRole('button', { name: 'Inspect the access token' }).click();
    for (const name of ['Token summary', 'Directory roles', 'Permissions']) {
      await page.getByRole('region', { name, exact: true }).waitFor();
    }
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('answers "no" for a user without security roles', async () => {
    const app = await openSignIn();
    const { page } = app;
    expect(await runAxe(page)).toEqual([]);
    await signInWithPopup(app, USERS.member.login);
    await answer(page, 'Security Reader: no');
    expect(await roles(page).getByText('Security Administrator:').textContent()).toBe(
      'Security Administrator: no',
    );
    expect(await runAxe(page)).toEqual([]);
    // Only the non-secret settings are remembered; tokens stay in this tab's session storage.
    const local = await page.evaluate(() => Object.entries(localStorage));
    expect(local.map(([key]) => key)).toEqual(['tokenscope.signin-settings']);
    expect(JSON.stringify(local)).not.toContain('eyJ');
    await app.close();
  });

  it('switches between two signed-in accounts', async () => {
    const app = await openSignIn();
    const { page } = app;
    await signInWithPopup(app, USERS.reader.login);
    await answer(page, 'Security Reader: yes');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Use another account' }).click(),
    ]);
    await loginAtProvider(popup, USERS.member.login);
    await answer(page, 'Security Reader: no');
    const account = page.getByRole('combobox', { name: 'Account' });
    expect(await account.locator('option').allTextContents()).toHaveLength(2);
    await account.selectOption({ label: `${USERS.reader.name} (${USERS.reader.login})` });
    await answer(page, 'Security Reader: yes');
    await page.getByRole('heading', { name: `Signed in as ${USERS.reader.name}` }).waitFor();
    await app.close();
  });

  it('explains a consent-required answer and links to the consent builder', async () => {
    const app = await openSignIn(`${API_SCOPES[0]} ${CONSENT_REQUIRED_SCOPE}`);
    const { page } = app;
    await page.getByRole('button', { name: 'Sign in with a popup' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Consent is needed' });
    await alert.waitFor();
    await alert.getByText('AADSTS65001', { exact: false }).first().waitFor({ state: 'attached' });
    const href = await alert.getByRole('link', { name: /consent link/ }).getAttribute('href');
    // hrefFor writes the tenant first; what matters is the consent route and this app's client ID.
    expect(href?.startsWith('#consent&')).toBe(true);
    expect(new URLSearchParams(href?.slice('#consent&'.length)).get('client_id')).toBe(SPA_CLIENT_ID);
    await app.close();
  });
});

/** The sign-in error as a person reads it, and the two sign-in buttons usable again. */
async function expectFailureWithButtonsBack(page: Page, title: string): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: title });
  // "Within seconds": MSAL alone waits a minute for a closed popup.
  await alert.waitFor({ timeout: 6_000 });
  // MSAL's raw text stays in the collapsed details; what a person reads first is plain words.
  const words = await alert.locator(':scope > h2, :scope > p').allTextContents();
  expect(words.join(' ')).not.toMatch(/popup_window_error|user_cancelled|endpoints_resolution_error|msal/i);
  expect(await page.getByRole('button', { name: 'Sign in', exact: true }).isEnabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Sign in with a popup' }).isEnabled()).toBe(true);
}

describe('sign-in that cannot finish says why within seconds', () => {
  it('a blocked popup', async () => {
    const app = await openSignIn();
    const { page } = app;
    // What a popup blocker does: window.open returns null.
    await page.addInitScript(() => {
      window.open = () => null;
    });
    await page.reload();
    await page.getByLabel('Client ID').fill(SPA_CLIENT_ID);
    await page.getByLabel('Authority').fill(AUTHORITY);
    await page.getByRole('button', { name: 'Sign in with a popup' }).click();
    await expectFailureWithButtonsBack(page, 'The browser blocked the sign-in window');
    await page.getByText('Allow popups for this site').waitFor();
    expect(await runAxe(page)).toEqual([]);
  });

  it('a popup closed before sign-in finished, and the next popup still opens', async () => {
    const app = await openSignIn();
    const { page } = app;
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Sign in with a popup' }).click(),
    ]);
    await popup.waitForURL(`${ISSUER}/interaction/**`, { waitUntil: 'domcontentloaded' });
    const closedAt = Date.now();
    await popup.close();
    await expectFailureWithButtonsBack(page, 'The sign-in window was closed');
    expect(Date.now() - closedAt).toBeLessThan(6_000);
    const [again] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Sign in with a popup' }).click(),
    ]);
    await loginAtProvider(again, USERS.reader.login);
    await answer(page, 'Security Reader: yes');
    expect(app.pageErrors).toEqual([]);
  });

  // A loopback port nothing listens on: the browser gets "connection refused" at once.
  const DEAD_AUTHORITY = 'https://127.0.0.1:9/tenant';

  it('a popup whose authority does not answer', async () => {
    const app = await openSignIn();
    const { page } = app;
    await page.getByLabel('Authority').fill(DEAD_AUTHORITY);
    await page.getByRole('button', { name: 'Sign in with a popup' }).click();
    await expectFailureWithButtonsBack(page, 'The sign-in provider could not be reached');
    expect(app.offLoopback).toEqual([]);
  });

  // Offline the sign-in says so at once, before loading MSAL or leaving the page.
  it.each(['Sign in with a popup', 'Sign in'])(
    'offline, "%s" says so and stays on the page',
    async (button) => {
      const app = await openSignIn();
      const { page } = app;
      await page.context().setOffline(true);
      await page.getByRole('button', { name: button, exact: true }).click();
      await expectFailureWithButtonsBack(page, 'You are offline');
      expect(page.url()).toBe(`${SPA_ORIGIN}/#signin`);
      await page.context().setOffline(false);
    },
  );

  it('a redirect whose authority does not answer stays on the page', async () => {
    const app = await openSignIn();
    const { page } = app;
    await page.getByLabel('Authority').fill(DEAD_AUTHORITY);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectFailureWithButtonsBack(page, 'The sign-in provider could not be reached');
    expect(page.url()).toBe(`${SPA_ORIGIN}/#signin`);
    await page
      .getByText('127.0.0.1:9/tenant/v2.0/.well-known/openid-configuration')
      .waitFor({ state: 'attached' });
  });
});

describe('sign-in page layout', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`fits ${width} px wide in ${colorScheme} mode, with no axe violation`, async () => {
        const app = await openSignIn();
        const { page } = app;
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 800 });
        await page.getByRole('button', { name: 'Sign in with a popup' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
          true,
        );
        expect(await runAxe(page)).toEqual([]);
      });
    }
  }
});
