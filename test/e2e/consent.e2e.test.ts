import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_APP_ID,
  MI_OID,
  TENANT_ID,
  defenderManagedIdentity,
  graphAppOnlyV2,
  makeToken,
} from '../fixtures/make-token';
import { setUpBrowser, type AppPage } from './support/shared-browser';
import { SPA_ORIGIN } from './support/constants.mjs';

const CLIENT = '00001111-aaaa-2222-bbbb-3333cccc4444';
const PRINCIPAL = 'aaaaaaaa-0000-0000-0000-000000000042';
const REDIRECT = 'https://app.contoso.com/cb?a=1&b=2';
const consentLink = (over: Record<string, string> = {}) =>
  '/#consent&' +
  new URLSearchParams({
    tenant: 'contoso.onmicrosoft.com',
    client_id: CLIENT,
    scope: 'https://graph.microsoft.com/.default',
    redirect_uri: REDIRECT,
    cloud: 'public',
    ...over,
  }).toString();

const browser = setUpBrowser();

const urlBox = (page: Page) => page.getByLabel('Admin consent URL', { exact: true });

async function expectQuiet(app: AppPage) {
  expect(app.offLoopback).toEqual([]);
  expect(app.requests.filter((url) => !url.startsWith(`${SPA_ORIGIN}/`))).toEqual([]);
  expect(app.pageErrors).toEqual([]);
}

describe('admin consent builder', () => {
  it('builds the URL from a deep link, with who can grant it and what comes back', async () => {
    const app = await browser.open(consentLink());
    await urlBox(app.page).waitFor();
    const url = new URL(await urlBox(app.page).inputValue());
    expect(url.origin + url.pathname).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent',
    );
    expect(url.searchParams.get('client_id')).toBe(CLIENT);
    expect(url.searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const open = app.page.getByRole('link', { name: 'Open', exact: true });
    expect(await open.getAttribute('href')).toBe(url.href);
    expect(await open.getAttribute('rel')).toBe('noreferrer noopener');
    await app.page
      .getByRole('region', { name: 'Who can grant it' })
      .getByText('Privileged Role Administrator')
      .first()
      .waitFor();
    await app.page
      .getByRole('region', { name: 'What the redirect carries back' })
      .getByText('admin_consent', { exact: true })
      .waitFor();
    await browser.expectAccessible(app.page);
    await expectQuiet(app);
    await app.close();
  });

  it('shows no URL for "common", and says why', async () => {
    const app = await browser.open(consentLink({ tenant: 'common' }));
    await app.page.getByText('The link appears once these are fixed:').waitFor();
    await app.page
      .getByText(/Admin consent needs a tenant/)
      .first()
      .waitFor();
    expect(await urlBox(app.page).count()).toBe(0);
    await expectQuiet(app);
    await app.close();
  });

  it('takes the missing permission from a diagnosis link and switches cloud', async () => {
    const app = await browser.open(
      consentLink({
        scope: 'https://graph.microsoft.com/.default api://contoso-api/Orders.Read',
        cloud: 'usgov',
      }),
    );
    await urlBox(app.page).waitFor();
    const url = new URL(await urlBox(app.page).inputValue());
    expect(url.host).toBe('login.microsoftonline.us');
    expect(url.searchParams.get('scope')).toBe(
      'https://graph.microsoft.us/.default api://contoso-api/Orders.Read',
    );
    await expectQuiet(app);
    await app.close();
  });

  it('prefills from a token pasted on the inspector', async () => {
    const app = await browser.open('/');
    await app.page.getByLabel('Token or text containing a token').fill(makeToken(graphAppOnlyV2()));
    await app.page.getByRole('region', { name: 'Token summary' }).waitFor();
    await app.page.getByRole('link', { name: 'Consent' }).click();
    await app.page.getByRole('button', { name: 'Prefill from the inspected token' }).click();
    expect(await app.page.getByLabel('Tenant', { exact: true }).inputValue()).toBe(TENANT_ID);
    expect(await app.page.getByLabel('Client ID', { exact: true }).inputValue()).toBe(CLIENT_APP_ID);
    // Still invalid without a redirect URI and permissions: no URL yet, with the reasons.
    expect(await urlBox(app.page).count()).toBe(0);
    await app.page.getByLabel('Redirect URI', { exact: true }).fill('https://app.contoso.com/cb');
    await app.page.getByLabel('Permissions', { exact: true }).fill('https://graph.microsoft.com/.default');
    const url = new URL(await urlBox(app.page).inputValue());
    expect(url.pathname).toBe(`/${TENANT_ID}/v2.0/adminconsent`);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_APP_ID);
    await expectQuiet(app);
    await app.close();
  });

  it('copies the URL to the clipboard', async () => {
    const app = await browser.open(consentLink());
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SPA_ORIGIN });
    await urlBox(app.page).waitFor();
    const value = await urlBox(app.page).inputValue();
    await app.page.getByRole('button', { name: 'Copy', exact: true }).click();
    await app.page.getByText('Copied', { exact: true }).waitFor();
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(value);
    await expectQuiet(app);
    await app.close();
  });
});

describe('grant scripts', () => {
  it('opens prefilled from a deep link and copies a script', async () => {
    const app = await browser.open(
      `/#grant&principal_id=${PRINCIPAL}&api=11112222-aaaa-bbbb-cccc-333344445555&permission=Orders.Read.All,Orders.Write.All`,
    );
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SPA_ORIGIN });
    const region = app.page.getByRole('region', { name: 'Grant script' });
    const ps = region.getByLabel('Microsoft Graph PowerShell script');
    await ps.waitFor();
    expect(await ps.textContent()).toContain(`$principalId = '${PRINCIPAL}'`);
    await region.getByRole('button', { name: 'Copy Azure CLI (bash)' }).click();
    await region.getByText('Copied', { exact: true }).waitFor();
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('set -euo pipefail');
    expect(copied).toContain(`principal_id='${PRINCIPAL}'`);
    await browser.expectAccessible(app.page);
    await expectQuiet(app);
    await app.close();
  });

  it('prefills the managed identity from a token pasted on the inspector', async () => {
    const app = await browser.open('/');
    await app.page.getByLabel('Token or text containing a token').fill(makeToken(defenderManagedIdentity()));
    await app.page.getByRole('region', { name: 'Token summary' }).waitFor();
    await app.page.getByRole('link', { name: 'Grant' }).click();
    await app.page.getByRole('button', { name: 'Prefill from the inspected token' }).click();
    expect(await app.page.getByLabel('Principal object ID', { exact: true }).inputValue()).toBe(MI_OID);
    await app.page.getByLabel('Permissions', { exact: true }).fill('Machine.Isolate');
    const ps = app.page
      .getByRole('region', { name: 'Grant script' })
      .getByLabel('Microsoft Graph PowerShell script');
    expect(await ps.textContent()).toContain("$resourceAppId = 'fc780465-2017-40d4-a0c5-307022471b92'");
    await expectQuiet(app);
    await app.close();
  });
});

const LINK_NOTICE = 'These values came from a link: check the app and permissions before you open it.';
const MI_CLIENT = 'eeeeeeee-0000-0000-0000-000000000005';

/** Puts a token on the inspector, then goes to `hash` in the same page (the token stays in memory). */
async function inspectThenGo(app: AppPage, token: string, hash: string): Promise<void> {
  await app.page.getByLabel('Token or text containing a token').fill(token);
  await app.page.getByRole('region', { name: 'Token summary' }).waitFor();
  await app.page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('consent for a managed identity', () => {
  it('builds no link, says why, and the Grant link opens the script prefilled', async () => {
    const app = await browser.open('/');
    await inspectThenGo(
      app,
      makeToken(defenderManagedIdentity()),
      consentLink({
        tenant: TENANT_ID,
        client_id: MI_CLIENT,
        scope: 'https://api.securitycenter.microsoft.com/Machine.Isolate',
      }).slice(1),
    );
    const result = app.page.getByRole('region', { name: 'Admin consent link' });
    await result.getByRole('heading', { name: 'No consent link for a managed identity' }).waitFor();
    await result.getByText(/cannot be granted permissions through a consent link/).waitFor();
    await result.getByText(/An app role is assigned to their service principal/).waitFor();
    expect(await urlBox(app.page).count()).toBe(0);
    await browser.expectAccessible(app.page);
    await result.getByRole('link', { name: 'Assign the app role on the Grant page' }).click();
    await app.page.getByRole('heading', { name: /Grant app roles/ }).waitFor();
    expect(await app.page.getByLabel('Principal object ID', { exact: true }).inputValue()).toBe(MI_OID);
    const ps = app.page
      .getByRole('region', { name: 'Grant script' })
      .getByLabel('Microsoft Graph PowerShell script');
    expect(await ps.textContent()).toContain("$roleValues = @('Machine.Isolate')");
    await expectQuiet(app);
  });
});

describe('consent prefilled from a managed identity token', () => {
  it('builds no link, and the Prefill note is a real link to the Grant page, prefilled', async () => {
    const app = await browser.open('/');
    await inspectThenGo(app, makeToken(defenderManagedIdentity()), 'consent');
    await app.page.getByRole('button', { name: 'Prefill from the inspected token' }).click();
    expect(await app.page.getByLabel('Client ID', { exact: true }).inputValue()).toBe(MI_CLIENT);
    await app.page
      .getByLabel('Permissions', { exact: true })
      .fill('https://api.securitycenter.microsoft.com/Machine.Isolate');
    const result = app.page.getByRole('region', { name: 'Admin consent link' });
    await result.getByRole('heading', { name: 'No consent link for a managed identity' }).waitFor();
    expect(await urlBox(app.page).count()).toBe(0);
    const note = app.page.getByRole('status').filter({ hasText: 'from a managed identity' });
    const link = note.getByRole('link', { name: 'Assign them on the Grant page' });
    expect(await link.getAttribute('href')).toMatch(
      /^#grant&principal_id=dddddddd-0000-0000-0000-000000000004&/,
    );
    await browser.expectAccessible(app.page);
    await link.click();
    await app.page.getByRole('heading', { name: /Grant app roles/ }).waitFor();
    expect(await app.page.getByLabel('Principal object ID', { exact: true }).inputValue()).toBe(MI_OID);
    expect(
      await app.page
        .getByRole('region', { name: 'Grant script' })
        .getByLabel('Microsoft Graph PowerShell script')
        .textContent(),
    ).toContain("$roleValues = @('Machine.Isolate')");
    await expectQuiet(app);
  });
});

describe('forms filled from a link', () => {
  it('the consent page says so above the link', async () => {
    const app = await browser.open(consentLink());
    const notice = app.page.getByText(LINK_NOTICE);
    await notice.waitFor();
    const noticeBox = await notice.boundingBox();
    const urlBoxBox = await urlBox(app.page).boundingBox();
    expect(noticeBox!.y).toBeLessThan(urlBoxBox!.y);
  });

  it('the grant page says so above the scripts', async () => {
    const app = await browser.open(`/#grant&principal_id=${PRINCIPAL}&api=graph&permission=User.Read.All`);
    const notice = app.page.getByText(LINK_NOTICE);
    await notice.waitFor();
    const ps = app.page.getByLabel('Microsoft Graph PowerShell script');
    expect((await notice.boundingBox())!.y).toBeLessThan((await ps.boundingBox())!.y);
  });

  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    it(`#grant&api=${name} says the API is unknown instead of failing`, async () => {
      const app = await browser.open(`/#grant&principal_id=${PRINCIPAL}&api=${name}&permission=${name}`);
      await app.page.getByText(`"${name}" is not an API the catalog knows`).first().waitFor();
      expect(await app.page.getByText('This panel failed').count()).toBe(0);
      expect(app.pageErrors).toEqual([]);
    });

    it(`#consent with every value "${name}" says what to fix instead of failing`, async () => {
      const app = await browser.open(
        `/#consent&tenant=${name}&client_id=${name}&scope=${name}&redirect_uri=${name}&cloud=${name}`,
      );
      await app.page.getByText('The link appears once these are fixed:').waitFor();
      expect(await app.page.getByText('This panel failed').count()).toBe(0);
      expect(app.pageErrors).toEqual([]);
    });
  }
});

const LONG_GRANT =
  `/#grant&principal_id=${PRINCIPAL}&api=11112222-aaaa-bbbb-cccc-333344445555` +
  `&permission=${Array.from({ length: 12 }, (_, i) => `Orders.ReadWrite.Everything.In.The.Tenant${i}`).join(',')}`;
const LONG_CONSENT = consentLink({
  scope: Array.from(
    { length: 20 },
    (_, i) => `api://contoso-api/Orders.ReadWrite.Everything.In.The.Tenant${i}`,
  ).join(' '),
});

describe('consent and grant pages fit the window', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`grant scripts at ${width} px in ${colorScheme} mode scroll inside their code blocks`, async () => {
        const app = await browser.open(LONG_GRANT);
        await app.page.emulateMedia({ colorScheme });
        await app.page.setViewportSize({ width, height: 800 });
        const ps = app.page.getByLabel('Microsoft Graph PowerShell script');
        await ps.waitFor();
        expect(await fitsWidth(app.page)).toBe(true);
        // The script keeps its lines and scrolls sideways inside its own block, which takes the focus.
        expect(await ps.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        await ps.focus();
        expect(await app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
          'Microsoft Graph PowerShell script',
        );
        await browser.expectAccessible(app.page);
      });

      it(`the consent page at ${width} px in ${colorScheme} mode fits the window`, async () => {
        const app = await browser.open(LONG_CONSENT);
        await app.page.emulateMedia({ colorScheme });
        await app.page.setViewportSize({ width, height: 800 });
        await urlBox(app.page).waitFor();
        expect(await fitsWidth(app.page)).toBe(true);
        await browser.expectAccessible(app.page);
      });
    }
  }

  it('the managed-identity answer fits 390 px', async () => {
    const app = await browser.open('/');
    await app.page.setViewportSize({ width: 390, height: 800 });
    await inspectThenGo(
      app,
      makeToken(defenderManagedIdentity()),
      consentLink({
        client_id: MI_CLIENT,
        scope: 'https://api.securitycenter.microsoft.com/Machine.Isolate',
      }).slice(1),
    );
    await app.page.getByRole('heading', { name: 'No consent link for a managed identity' }).waitFor();
    expect(await fitsWidth(app.page)).toBe(true);
  });
});
