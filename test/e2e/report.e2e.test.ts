import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { setUpBrowser, type AppPage } from './support/shared-browser';
import { runAxe } from './support/axe';
import { SPA_ORIGIN } from './support/constants.mjs';
import {
  MI_OID,
  USER_OID,
  defenderManagedIdentity,
  graphDelegatedV1,
  makeToken,
} from '../fixtures/make-token';

const browser = setUpBrowser();

const token = makeToken({
  ...graphDelegatedV1(),
  scp: 'openid User.Read',
  wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509'],
});
const request = 'GET https://graph.microsoft.com/v1.0/security/alerts_v2';
const error = JSON.stringify({
  error: {
    code: 'Forbidden',
    message: 'Auth token does not contain valid permissions or user does not have valid roles.',
    innerError: {
      date: '2026-11-23T10:00:00',
      'request-id': '11111111-2222-3333-4444-555555555555',
      'client-request-id': '66666666-7777-8888-9999-000000000000',
    },
  },
});
const path = `/#token=${token}&request=${encodeURIComponent(request)}&error=${encodeURIComponent(error)}`;

/** What must never leave the page in a report: the token and the personal values of the fixture. */
function expectNothingSecret(text: string): void {
  expect(text).not.toContain(token);
  expect(text).not.toContain(token.split('.')[2]);
  for (const secret of ['tess@contoso.example', 'Tess Tester', '192.0.2.10', USER_OID, '10030000FAKE0001']) {
    expect(text).not.toContain(secret);
  }
}

async function openReport(): Promise<AppPage> {
  const app = await browser.open(path);
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SPA_ORIGIN });
  await app.page.getByRole('region', { name: 'Report' }).waitFor();
  return app;
}

describe('report section', () => {
  it('copies a Markdown report with the verdict, findings, correlation IDs and redacted claims', async () => {
    const app = await openReport();
    const { page } = app;
    const region = page.getByRole('region', { name: 'Report' });
    await region.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => region.getByText('Copied').count()).toBe(1);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('# Tokenscope report');
    expect(text).toContain(request);
    expect(text).toMatch(/## Verdict: (Denied|Can't tell)/);
    expect(text).toContain('request-id: `11111111-2222-3333-4444-555555555555`');
    expect(text).toContain('client-request-id: `66666666-7777-8888-9999-000000000000`');
    expect(text).toContain('"scp": "openid User.Read"');
    expect(text).toContain('"upn": "[redacted]"');
    expectNothingSecret(text);
    expect(app.pageErrors).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    await app.close();
  });

  it('copies the redacted claims as JSON', async () => {
    const app = await openReport();
    const { page } = app;
    await page.getByRole('button', { name: 'Copy redacted claims' }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const claims = JSON.parse(text) as Record<string, unknown>;
    expect(claims.upn).toBe('[redacted]');
    expect(claims.oid).toBe('[redacted]');
    expect(claims.scp).toBe('openid User.Read');
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expectNothingSecret(text);
    await app.close();
  });

  it('downloads the same report as a .md file, holding no raw token', async () => {
    const app = await openReport();
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report (.md)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tokenscope-report-.*\.md$/);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# Tokenscope report');
    expect(text).toContain('11111111-2222-3333-4444-555555555555');
    expect(text).toContain('## Claims (redacted)');
    expectNothingSecret(text);
    expect(app.offLoopback).toEqual([]);
    await app.close();
  });

  it('includes a request typed into the verdict field, for a token opened without one', async () => {
    const app = await browser.open(`/#token=${token}`);
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SPA_ORIGIN });
    const region = app.page.getByRole('region', { name: 'Report' });
    await app.page
      .getByRole('region', { name: 'Paste a token' })
      .getByLabel('Request (METHOD URL, curl or PowerShell)')
      .fill(request);
    await expect.poll(() => region.textContent()).toContain('the verdict with its findings and fixes');
    await region.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => region.getByText('Copied').count()).toBe(1);
    const text = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(`\`${request}\``);
    expect(text).toMatch(/## Verdict: /);
    expectNothingSecret(text);
    await app.close();
  });

  it('masks credentials quoted in the request, the pasted error and a kept claim', async () => {
    const other = makeToken({ sub: 'zqOtherTokenSubject', aud: 'api://other' });
    const hostile = makeToken({ ...graphDelegatedV1(), app_displayname: `Tool ${other}` });
    const req = 'GET https://graph.microsoft.com/v1.0/me?code=zqAuthCode0123&sig=zqSasSig0123';
    const err = JSON.stringify({
      error: {
        code: 'Forbidden',
        message:
          'denied; client_secret=zqClientSecret0123 refresh_token=0.AXoAzqRefreshToken0123456789abcdefghij',
        innerError: { 'request-id': other },
      },
    });
    const app = await browser.open(
      `/#token=${hostile}&request=${encodeURIComponent(req)}&error=${encodeURIComponent(err)}`,
    );
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SPA_ORIGIN });
    const region = app.page.getByRole('region', { name: 'Report' });
    await region.waitFor();
    await region.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => region.getByText('Copied').count()).toBe(1);
    const report = await app.page.evaluate(() => navigator.clipboard.readText());
    await app.page.getByRole('button', { name: 'Copy redacted claims' }).click();
    const claims = await app.page.evaluate(() => navigator.clipboard.readText());
    for (const text of [report, claims]) {
      for (const secret of [
        other,
        other.split('.')[1]!,
        hostile,
        'zqAuthCode0123',
        'zqSasSig0123',
        'zqClientSecret0123',
        'zqRefreshToken0123',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(report).toContain('code=[redacted]');
    expect(report).toContain('client\\_secret=\\[redacted\\]');
    expect(JSON.parse(claims)).toMatchObject({ app_displayname: 'Tool [redacted]' });
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it("keeps a managed identity's object ID, words the findings and links only to https pages", async () => {
    const mi = makeToken(defenderManagedIdentity());
    const req = 'POST https://api.securitycenter.microsoft.com/api/machines/m1/isolate';
    const app = await browser.open(`/#token=${mi}&request=${encodeURIComponent(req)}`);
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SPA_ORIGIN });
    const region = app.page.getByRole('region', { name: 'Report' });
    await expect.poll(() => region.textContent()).toContain('the verdict with its findings and fixes');
    await region.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => region.getByText('Copied').count()).toBe(1);
    const text = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(`"oid": "${MI_OID}"`);
    expect(text).toMatch(/\*\*(Problem|Warning|Note):\*\*/);
    expect(text).not.toMatch(/\*\*(error|warning|info)\*\*/);
    expect(text).not.toMatch(/\]\((?!https:\/\/)/);
    expect(text).not.toContain('#grant');
    expect(text).not.toContain('#consent');
    await app.close();
  });

  it.each(['light', 'dark'] as const)('has no axe violations in %s mode, preview open', async (scheme) => {
    const app = await openReport();
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await page.getByText('Preview the report').click();
    await page.getByLabel('Report preview').waitFor();
    expect(await runAxe(page, ['section[aria-label="Report"]'])).toEqual([]);
    await app.close();
  });
});
