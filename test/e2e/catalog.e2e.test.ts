import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { graphDelegatedV1, makeToken } from '../fixtures/make-token';
import { setUpBrowser } from './support/shared-browser';
import { runAxe } from './support/axe';
import { SPA_ORIGIN } from './support/constants.mjs';

const BOX = 'Token or text containing a token';
const POLL = { timeout: 15_000 };

const browser = setUpBrowser();

describe('catalog names in the inspector', () => {
  it('shows raw permission and role values, then their names once the catalog loads, all offline', async () => {
    const token = makeToken({
      ...graphDelegatedV1(),
      scp: 'User.Read SecurityEvents.Read.All Machine.Isolate',
      wids: [
        '5d6b6bb7-de71-4623-b4af-96380a352509',
        'b79fbf4d-3ef9-4689-8143-76b194e85509',
        '11111111-2222-3333-4444-555555555555',
      ],
    });
    const app = await browser.open();
    const { page } = app;
    await page.getByLabel(BOX).fill(token);

    const permissions = page.getByRole('region', { name: 'Permissions' });
    await expect.poll(() => permissions.textContent(), POLL).toContain('SecurityEvents.Read.All');
    expect(await permissions.textContent()).toContain('Delegated');
    await expect
      .poll(() => permissions.textContent(), POLL)
      .toContain("Read your organization's security events");
    expect(await permissions.textContent()).toContain('Sign in and read user profile');
    expect(await permissions.textContent()).toContain('not a permission of Microsoft Graph');

    const roles = page.getByRole('region', { name: 'Directory roles' });
    await expect.poll(() => roles.textContent(), POLL).toContain('Security Reader');
    const rolesText = (await roles.textContent()) ?? '';
    expect(rolesText).toContain('Default member');
    expect(rolesText).toContain('11111111-2222-3333-4444-555555555555');
    expect(rolesText).toContain('not in the catalog');

    await expect
      .poll(() => page.getByRole('region', { name: 'Token summary' }).textContent(), POLL)
      .toContain('Microsoft Graph');

    // The catalog came from the app's own lazy chunks.
    expect(app.offLoopback).toEqual([]);
    expect(app.requests.filter((url) => !url.startsWith(`${SPA_ORIGIN}/`))).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});

describe('catalog browser', () => {
  it('opens #catalog&q=SecurityEvents with the search and finds the permission', async () => {
    const app = await browser.open('/#catalog&q=SecurityEvents');
    const { page } = app;
    const box = page.getByLabel('Search the catalog');
    await expect.poll(() => box.inputValue(), POLL).toBe('SecurityEvents');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(() => results.textContent(), POLL).toContain('SecurityEvents.Read.All');
    await results
      .getByRole('button', { name: /SecurityEvents\.Read\.All/ })
      .first()
      .click();
    const detail = page.getByRole('region', { name: 'Catalog entry' });
    await expect.poll(() => detail.textContent(), POLL).toContain('bf394140-e372-4bf9-a898-299cfc7564e5');
    expect(await detail.textContent()).toContain('/security/alerts');
    expect(await runAxe(page)).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('searches by typing, keyboard only', async () => {
    const app = await browser.open('/#catalog');
    const { page } = app;
    const box = page.getByLabel('Search the catalog');
    await box.focus();
    await page.keyboard.type('Machine.Isolate');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect.poll(() => results.textContent(), POLL).toContain('Machine.Isolate');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: 'Catalog entry' });
    await expect.poll(() => detail.textContent(), POLL).toContain('/api/machines/{id}/isolate');
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});

const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('catalog browser as a person uses it', () => {
  it('finds SecurityAlert.Read.All from "securityalert read" and keeps the query in the address', async () => {
    const token = makeToken(graphDelegatedV1());
    const app = await browser.open(`/#token=${token}`);
    const { page } = app;
    await page.getByLabel(BOX).waitFor();
    await page.goto(`${SPA_ORIGIN}/#catalog`);
    const box = page.getByLabel('Search the catalog');
    await box.fill('securityalert read');
    const results = page.getByRole('list', { name: 'Search results' });
    await expect
      .poll(() => results.getByRole('button').first().textContent(), POLL)
      .toContain('SecurityAlert.Read.All');
    expect(await page.getByRole('status').textContent()).toMatch(/^\d+ matches\.$/);
    await expect.poll(() => new URL(page.url()).hash).toBe('#catalog&q=securityalert+read');
    expect(page.url()).not.toContain(token);

    // The address opens the same search again.
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Search the catalog').inputValue(), POLL)
      .toBe('securityalert read');
    expect(app.pageErrors).toEqual([]);
    expect(app.offLoopback).toEqual([]);
  });

  it('browses an API from its link and says "1 match" for a role template ID', async () => {
    const app = await browser.open('/#catalog');
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Browse by API' });
    await nav.getByRole('link', { name: 'Microsoft Defender XDR' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent(), POLL)
      .toBe('6 matches in Microsoft Defender XDR.');
    expect(new URL(page.url()).hash).toBe('#catalog&api=microsoft-defender-xdr');
    await page.getByLabel('API').selectOption('');
    await page.getByLabel('Search the catalog').fill('5d6b6bb7-de71-4623-b4af-96380a352509');
    await expect.poll(() => page.getByRole('status').textContent(), POLL).toBe('1 match.');
    const results = page.getByRole('list', { name: 'Search results' });
    expect(await results.textContent()).toContain('Directory role');
    expect(await results.textContent()).not.toContain('Application');
  });

  it.each([
    [1280, 800, 'light'],
    [390, 844, 'light'],
    [1280, 800, 'dark'],
    [390, 844, 'dark'],
  ] as const)(
    'does not overflow at %i×%i px (%s), with long GUIDs and paths, and passes axe',
    async (width, height, scheme) => {
      const app = await browser.open('/#catalog&q=SecurityEvents.Read.All');
      const { page } = app;
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      const detail = page.getByRole('region', { name: 'Catalog entry' });
      await expect.poll(() => detail.textContent(), POLL).toContain('bf394140-e372-4bf9-a898-299cfc7564e5');
      expect(await noOverflow(page)).toBe(true);
      await browser.expectAccessible(page);
      await page.getByLabel('Search the catalog').fill('/security/alerts_v2/{alertId}');
      await expect.poll(() => page.getByRole('status').textContent(), POLL).toMatch(/match/);
      expect(await noOverflow(page)).toBe(true);
      await page.getByLabel('Search the catalog').fill('');
      await page.getByRole('navigation', { name: 'Browse by API' }).waitFor();
      expect(await noOverflow(page)).toBe(true);
      await browser.expectAccessible(page);
    },
  );
});
