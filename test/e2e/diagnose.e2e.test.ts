import { describe, expect, it } from 'vitest';
import { defenderManagedIdentity, makeToken } from '../fixtures/make-token';
import { setUpBrowser } from './support/shared-browser';
import { runAxe } from './support/axe';

const IMPORT = 'POST https://api.securitycenter.microsoft.com/api/indicators/import';
const ERROR =
  '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite.","target":"trk-e2e-1"}}';

const browser = setUpBrowser();

describe('verdict and error explainer', () => {
  it('#token=…&request=… shows the verdict and its fix', async () => {
    const token = makeToken(defenderManagedIdentity());
    const app = await browser.open(`/#token=${token}&request=${encodeURIComponent(IMPORT)}`);
    const verdict = app.page.getByRole('region', { name: 'Verdict' });
    await verdict.getByText('Denied', { exact: true }).waitFor();
    expect(await verdict.textContent()).toContain('Ti.ReadWrite.All');
    const link = verdict
      .getByRole('link', { name: 'Open the app-role grant builder for Ti.ReadWrite.All' })
      .first();
    expect(await link.getAttribute('href')).toMatch(/^#grant&principal_id=/);
    expect(await link.getAttribute('href')).not.toContain(token.slice(0, 30));
    expect(app.offLoopback).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('&error=… adds the explainer, checked against the token', async () => {
    const token = makeToken(defenderManagedIdentity());
    const app = await browser.open(
      `/#token=${token}&request=${encodeURIComponent(IMPORT)}&error=${encodeURIComponent(ERROR)}`,
    );
    const region = app.page.getByRole('region', { name: 'Error explanation' });
    await region.getByText('Defender: missing roles').waitFor();
    const text = (await region.textContent()) ?? '';
    expect(text).toContain('trk-e2e-1');
    expect(text).toContain('carries none of the roles');
    await app.page
      .getByRole('region', { name: 'Verdict' })
      .getByRole('listitem')
      .filter({ hasText: /^Blocks.*least privileged one/ })
      .waitFor();
    expect(
      await runAxe(app.page, ['section[aria-label="Verdict"]', 'section[aria-label="Error explanation"]']),
    ).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('#error=… alone explains the error without a token', async () => {
    const app = await browser.open(`/#error=${encodeURIComponent(ERROR)}`);
    const region = app.page.getByRole('region', { name: 'Error explanation' });
    await region.getByText('Defender: missing roles').waitFor();
    expect(await region.textContent()).toContain('Ti.ReadWrite.All');
    expect(app.offLoopback).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('a request typed into the field gets a verdict', async () => {
    const token = makeToken({ ...defenderManagedIdentity(), roles: ['Ti.ReadWrite.All'] });
    const app = await browser.open(`/#token=${token}`);
    const field = app.page.getByLabel('Request (METHOD URL, curl or PowerShell)');
    await field.fill(IMPORT);
    await app.page.getByRole('region', { name: 'Verdict' }).getByText('Allowed', { exact: true }).waitFor();
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
