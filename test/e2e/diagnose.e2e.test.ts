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

  it('an ARM AuthorizationFailed body shows a built-in role and the az command (lazy role data)', async () => {
    const oid = '22222222-2222-4222-8222-222222222222';
    const arm = `{"error":{"code":"AuthorizationFailed","message":"The client '11111111-1111-4111-8111-111111111111' with object id '${oid}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1' or the scope is invalid."}}`;
    const app = await browser.open(`/#error=${encodeURIComponent(arm)}`);
    const region = app.page.getByRole('region', { name: 'Error explanation' });
    await region
      .getByText(/Built-in roles that grant it, least privileged first/)
      .first()
      .waitFor();
    const text = (await region.textContent()) ?? '';
    const role = /Assign "([^"]+)"/.exec(text)?.[1] ?? '';
    expect(role).not.toBe('');
    const cli = region.getByLabel('Azure CLI', { exact: true }).first();
    expect(await cli.textContent()).toContain(`az role assignment create --assignee ${oid} --role "${role}"`);
    expect(app.offLoopback).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('an uncommon AADSTS code shows its short name (lazy AADSTS list)', async () => {
    const app = await browser.open(
      `/#error=${encodeURIComponent('AADSTS17003: Credential key provisioning failed.')}`,
    );
    const region = app.page.getByRole('region', { name: 'Error explanation' });
    await region
      .getByText(/AADSTS17003 \(CredentialKeyProvisioningFailed\)/)
      .first()
      .waitFor();
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
