import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpBrowser } from './support/shared-browser';
import { runAxe } from './support/axe';
import { DEFENDER_AUD, graphAppOnlyV2, graphDelegatedV1, makeToken } from '../fixtures/make-token';

const SECURITY_READER = '5d6b6bb7-de71-4623-b4af-96380a352509';

const browser = setUpBrowser();

const scp = 'openid profile User.Read SecurityAlert.Read.All';
const tokenA = makeToken({ ...graphDelegatedV1(), scp, wids: undefined });
const tokenB = makeToken({ ...graphDelegatedV1(), scp, wids: [SECURITY_READER] });

describe('compare view', () => {
  it('reads both tokens from a deep link, drops them from the URL and leads with what decides the verdict', async () => {
    const request = encodeURIComponent('GET https://graph.microsoft.com/v1.0/security/alerts_v2');
    const app = await browser.open(`/#compare&token=${tokenA}&compare=${tokenB}&request=${request}`);
    const { page } = app;
    await expect.poll(() => page.getByLabel('Token A').inputValue()).toBe(tokenA);
    expect(await page.getByLabel('Token B').inputValue()).toBe(tokenB);
    expect(await page.getByLabel('Request (optional)').inputValue()).toBe(
      'GET https://graph.microsoft.com/v1.0/security/alerts_v2',
    );

    const differences = page.getByRole('region', { name: 'Differences' });
    await expect
      .poll(() => differences.textContent())
      .toContain(`Token B has Security Reader (${SECURITY_READER}) in wids; token A has no wids at all.`);
    // Once the catalog has loaded, the verdicts differ and the wids difference is marked as deciding.
    await expect.poll(() => differences.textContent(), { timeout: 10_000 }).toContain('token B Allowed');
    const first = differences.getByRole('listitem').first();
    expect(await first.textContent()).toContain('token A gets');
    expect(await differences.getByText('Decides the verdict').count()).toBeGreaterThan(0);

    // Neither token stays in the address bar or the history entry.
    const url = page.url();
    expect(url).not.toContain(tokenA);
    expect(url).not.toContain(tokenB);
    expect(url).not.toContain('compare=');
    expect(url).toContain('#compare');
    expect(app.pageErrors).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    await app.close();
  });

  it('opens the comparison from #token=…&compare=… and leaves neither token in the URL', async () => {
    const app = await browser.open(`/#token=${tokenA}&compare=${tokenB}`);
    const { page } = app;
    await expect.poll(() => page.getByLabel('Token B').inputValue()).toBe(tokenB);
    expect(await page.getByLabel('Token A').inputValue()).toBe(tokenA);
    await expect.poll(() => page.url()).not.toContain('compare=');
    expect(page.url()).not.toContain(tokenA);
    expect(page.url()).not.toContain(tokenB);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('compares two pasted tokens by meaning and claim by claim', async () => {
    const app = await browser.open('/#compare');
    const { page } = app;
    await page.getByLabel('Token A').fill(makeToken(graphDelegatedV1()));
    await page
      .getByLabel('Token B')
      .fill(`Authorization: Bearer ${makeToken({ ...graphDelegatedV1(), aud: DEFENDER_AUD })}`);
    const differences = page.getByRole('region', { name: 'Differences' });
    await expect
      .poll(() => differences.textContent())
      .toContain('token B is for Microsoft Defender for Endpoint (https://api.securitycenter.microsoft.com)');
    const audRow = differences.getByRole('row', { name: /aud/ });
    expect(await audRow.textContent()).toContain('changed');
    expect(app.pageErrors).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    await app.close();
  });

  it('says what is wrong with a box that holds no token', async () => {
    const app = await browser.open('/#compare');
    const { page } = app;
    await page.getByLabel('Token A').fill('not a token');
    await expect.poll(() => page.getByLabel('Token A').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('region', { name: 'Differences' }).textContent()).toContain(
      'Paste two tokens',
    );
    await app.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no axe violations in %s mode, empty and with differences',
    async (scheme) => {
      const app = await browser.open('/#compare');
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByLabel('Token A').waitFor();
      expect(await runAxe(page)).toEqual([]);
      await page.getByLabel('Token A').fill(tokenA);
      await page.getByLabel('Token B').fill(tokenB);
      await page
        .getByLabel('Request (optional)')
        .fill('GET https://graph.microsoft.com/v1.0/security/alerts_v2');
      await expect
        .poll(() => page.getByRole('region', { name: 'Differences' }).textContent(), { timeout: 10_000 })
        .toContain('Allowed');
      expect(await runAxe(page)).toEqual([]);
      await app.close();
    },
  );
});

describe('compare view as a person reads it', () => {
  const noOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('shows iat, nbf and exp as dates with relative times and calls an app-only token app-only', async () => {
    const app = await browser.open('/#compare');
    const { page } = app;
    const now = Math.floor(Date.now() / 1000);
    await page
      .getByLabel('Token A')
      .fill(makeToken({ ...graphDelegatedV1(), iat: now - 600, exp: now + 3000 }));
    await page
      .getByLabel('Token B')
      .fill(makeToken({ ...graphAppOnlyV2(), iat: now - 7200, exp: now + 600 }));
    const boxB = page.getByLabel('Token B');
    const statusB = await boxB.getAttribute('aria-describedby');
    await expect
      .poll(() => page.locator(`[id="${statusB}"]`).textContent())
      .toContain('app-only access token');
    const differences = page.getByRole('region', { name: 'Differences' });
    const expRow = differences.getByRole('row', { name: /^exp/ });
    await expect.poll(() => expRow.textContent()).toMatch(/UTC \(in \d+ minutes\)/);
    expect(await differences.getByRole('row', { name: /^iat/ }).textContent()).toMatch(
      /UTC \(\d+ (minutes|hours) ago\)/,
    );
    expect(await differences.textContent()).toContain('app-only');
    expect(await differences.textContent()).not.toContain("token B's user");
    expect(app.pageErrors).toEqual([]);
  });

  it.each([
    [1280, 800, 'light'],
    [390, 844, 'light'],
    [390, 844, 'dark'],
  ] as const)('does not overflow at %i×%i px (%s) and passes axe', async (width, height, scheme) => {
    const app = await browser.open('/#compare');
    const { page } = app;
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByLabel('Token A').fill(tokenA);
    await page.getByLabel('Token B').fill(
      makeToken({
        ...graphDelegatedV1(),
        scp: `${scp} ${'Mail.ReadWrite '.repeat(30)}`,
        wids: [SECURITY_READER, '62e90394-69f5-4237-9190-012177145e10'],
      }),
    );
    await page
      .getByLabel('Request (optional)')
      .fill('GET https://graph.microsoft.com/v1.0/security/alerts_v2');
    await expect
      .poll(() => page.getByRole('region', { name: 'Differences' }).textContent(), { timeout: 10_000 })
      .toContain('Allowed');
    expect(await noOverflow(page)).toBe(true);
    await browser.expectAccessible(page);
  });
});
