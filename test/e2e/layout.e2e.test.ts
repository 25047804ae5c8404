// Every view as a person sees it at 1280 and 390 px, light and dark: nothing wider than the window, tables
// stacked into rows on a phone, code blocks scrolling inside themselves, axe with no rule off; and the
// inspector's first screen after one paste holds the verdict and the permission to add.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  defenderManagedIdentity,
  graphAppOnlyV2,
  graphDelegatedV1,
  makeToken,
  SP_OID,
  TENANT_ID,
  CLIENT_APP_ID,
} from '../fixtures/make-token';
import { setUpBrowser } from './support/shared-browser';

const browser = setUpBrowser();
const POLL = { timeout: 15_000 };
const BOX = 'Token or text containing a token';

const SECURITY_READER = '5d6b6bb7-de71-4623-b4af-96380a352509';
const GLOBAL_ADMIN = '62e90394-69f5-4237-9190-012177145e10';
// A delegated Graph token at its widest: a long scp list, several role template IDs, long group GUIDs and
// a claim with a long unbroken value.
const LONG_SCP = [
  ...Array.from({ length: 24 }, (_, i) => `Orders.ReadWrite.Everything.In.The.Whole.Tenant${i}`),
  'SecurityAlert.Read.All',
  'User.Read',
].join(' ');
const wideToken = makeToken({
  ...graphDelegatedV1(),
  scp: LONG_SCP,
  wids: [SECURITY_READER, GLOBAL_ADMIN],
  groups: Array.from({ length: 8 }, (_, i) => `aaaaaaaa-bbbb-cccc-dddd-${String(i).padStart(12, '0')}`),
  xms_unbroken: 'x'.repeat(300),
});
const GRAPH_REQUEST =
  'GET https://graph.microsoft.com/v1.0/security/alerts_v2/da637578995287051192_756343937?$select=id,title,severity,status';
const GRAPH_ERROR =
  '{"error":{"code":"Forbidden","message":"Auth token does not contain valid permissions or user does not have valid roles.","innerError":{"request-id":"66666666-0000-0000-0000-000000000002","client-request-id":"66666666-0000-0000-0000-000000000003"}}}';

const LONG_PERMISSIONS = Array.from(
  { length: 12 },
  (_, i) => `Orders.ReadWrite.Everything.In.The.Tenant${i}`,
).join(',');
const LONG_SCOPE = Array.from(
  { length: 20 },
  (_, i) => `api://contoso-api/Orders.ReadWrite.Everything.In.The.Tenant${i}`,
).join(' ');

const q = encodeURIComponent;

interface View {
  readonly name: string;
  readonly path: string;
  /** Resolves once the view shows what it is for. */
  readonly ready: (page: Page) => Promise<void>;
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

const VIEWS: readonly View[] = [
  {
    name: 'inspector (long scp, GUIDs, request and error) with its report',
    path: `/#token=${wideToken}&request=${q(GRAPH_REQUEST)}&error=${q(GRAPH_ERROR)}`,
    ready: async (page) => {
      await region(page, 'Answer').getByText('Denied', { exact: true }).waitFor(POLL);
      await region(page, 'Permissions').getByRole('table').waitFor(POLL);
      await expect.poll(() => region(page, 'Claims').getByRole('row').count(), POLL).toBeGreaterThan(5);
      await region(page, 'Report')
        .getByLabel('Report preview')
        .waitFor({ ...POLL, state: 'attached' });
    },
  },
  {
    name: 'consent with twenty long scopes',
    path: `/#consent&tenant=${TENANT_ID}&client_id=${CLIENT_APP_ID}&scope=${q(LONG_SCOPE)}&redirect_uri=${q('https://app.contoso.com/cb')}`,
    ready: (page) => page.getByLabel('Admin consent URL', { exact: true }).waitFor(POLL),
  },
  {
    name: 'grant with scripts for twelve long app roles',
    path: `/#grant&principal_id=${SP_OID}&api=11112222-aaaa-bbbb-cccc-333344445555&permission=${LONG_PERMISSIONS}`,
    ready: (page) => page.getByLabel('Microsoft Graph PowerShell script').waitFor(POLL),
  },
  {
    name: 'sign-in',
    path: '/#signin',
    ready: (page) => page.getByRole('button', { name: 'Sign in with a popup' }).waitFor(POLL),
  },
  {
    name: 'catalog entry with its GUIDs and paths',
    path: '/#catalog&q=SecurityEvents.Read.All',
    ready: async (page) => {
      await expect
        .poll(() => region(page, 'Catalog entry').textContent(), POLL)
        .toContain('bf394140-e372-4bf9-a898-299cfc7564e5');
    },
  },
  {
    name: 'catalog browsed by API',
    path: '/#catalog',
    ready: (page) => page.getByRole('navigation', { name: 'Browse by API' }).waitFor(POLL),
  },
  {
    name: 'compare, claim by claim',
    path: `/#compare&token=${wideToken}&compare=${makeToken(graphAppOnlyV2())}`,
    ready: async (page) => {
      await region(page, 'Differences').getByRole('table').waitFor(POLL);
    },
  },
];

const fitsWindow = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, window: window.innerWidth }));

/** True when the second cell of the table's first body row sits below the first (stacked), not beside it. */
async function stacked(table: Locator): Promise<boolean> {
  const cells = table.locator('tbody tr').first().locator('th, td');
  const first = await cells.nth(0).boundingBox();
  const second = await cells.nth(1).boundingBox();
  if (!first || !second) throw new Error('the table has no cells to measure');
  return second.y >= first.y + first.height - 1;
}

describe('every view fits the window', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`at ${width} px in ${colorScheme} mode: no view is wider than the window, and axe finds nothing`, async () => {
        const app = await browser.open('/');
        const { page } = app;
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 800 });
        for (const view of VIEWS) {
          await page.goto(browser.url(view.path));
          await view.ready(page);
          const fit = await fitsWindow(page);
          expect(
            fit.scroll,
            `${view.name}: ${fit.scroll} px wide in a ${fit.window} px window`,
          ).toBeLessThanOrEqual(fit.window);
          // Code blocks keep their lines and scroll inside themselves.
          const overflowing = await page.evaluate(() =>
            [...document.querySelectorAll('pre')]
              .filter((pre) => pre.getBoundingClientRect().right > window.innerWidth)
              .map((pre) => pre.getAttribute('aria-label') ?? pre.className),
          );
          expect(overflowing, view.name).toEqual([]);
          await browser.expectAccessible(page);
        }
        expect(app.pageErrors).toEqual([]);
        expect(app.offLoopback).toEqual([]);
      });
    }
  }

  it('the inspector tables stack into rows at 390 px and stay tables at 1280 px', async () => {
    const app = await browser.open(`/#token=${wideToken}&request=${q(GRAPH_REQUEST)}`);
    const { page } = app;
    const permissions = region(page, 'Permissions').getByRole('table');
    const claims = region(page, 'Claims').getByRole('table');
    await permissions.waitFor(POLL);
    await claims.waitFor(POLL);
    expect(await stacked(permissions)).toBe(false);
    expect(await stacked(claims)).toBe(false);
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await stacked(permissions)).toBe(true);
    expect(await stacked(claims)).toBe(true);
    // Stacked cells still say which column they are: the column name is shown with each value.
    const typeCell = permissions.locator('tbody tr').first().locator('td').first();
    expect(await typeCell.evaluate((td) => getComputedStyle(td, '::before').content)).toContain('"Type"');
    // The grant scripts scroll sideways inside their block at 390 px too.
    await page.goto(browser.url(`/#grant&principal_id=${SP_OID}&api=graph&permission=User.Read.All`));
    const ps = page.getByLabel('Microsoft Graph PowerShell script');
    await ps.waitFor(POLL);
    expect(await ps.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect((await fitsWindow(page)).scroll).toBeLessThanOrEqual(390);
  });
});

describe('the first screen after one paste', () => {
  // The whole failing exchange, as copied from a proxy: request line, headers, response status and body.
  const exchange = [
    'GET https://api.securitycenter.microsoft.com/api/alerts HTTP/1.1',
    'Host: api.securitycenter.microsoft.com',
    `Authorization: Bearer ${makeToken(defenderManagedIdentity())}`,
    '',
    'HTTP/1.1 403 Forbidden',
    'Content-Type: application/json',
    '',
    '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Alert.Read.All, Alert.ReadWrite.All. Application roles: Machine.Read.All.","target":"55555555-0000-0000-0000-000000000001"}}',
  ].join('\n');

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`at 1280×800 (${colorScheme}) shows the verdict and the permission to add without scrolling`, async () => {
      const app = await browser.open('/');
      const { page } = app;
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByLabel(BOX).focus();
      await page.keyboard.insertText(exchange);
      // One paste filled the three fields.
      await expect
        .poll(() => page.getByLabel('Request (METHOD URL, curl or PowerShell)').inputValue(), POLL)
        .toBe('GET https://api.securitycenter.microsoft.com/api/alerts');
      expect(await page.getByLabel('API error text').inputValue()).toContain('HTTP/1.1 403 Forbidden');
      expect(await page.getByLabel(BOX).inputValue()).not.toContain('HTTP/1.1');

      const answer = region(page, 'Answer');
      const verdict = answer.getByText('Denied', { exact: true });
      const permission = answer.getByText(/^Permission to add:/);
      await verdict.waitFor(POLL);
      await permission.waitFor(POLL);
      expect(await permission.textContent()).toContain('Alert.Read.All (application');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      for (const [what, box] of [
        ['verdict', await verdict.boundingBox()],
        ['permission to add', await permission.boundingBox()],
      ] as const) {
        expect(box, what).not.toBeNull();
        expect(box!.y, what).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, `${what} ends at ${box!.y + box!.height} px`).toBeLessThanOrEqual(800);
        expect(box!.x + box!.width, what).toBeLessThanOrEqual(1280);
      }
      // The summary and the details follow below the answer.
      const answerBox = await answer.boundingBox();
      const summaryBox = await region(page, 'Token summary').boundingBox();
      expect(summaryBox!.y).toBeGreaterThan(answerBox!.y);
      await browser.expectAccessible(page);
      expect(app.pageErrors).toEqual([]);
    });
  }
});
