import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import InspectorResults from '../../src/app/inspector-results';
import { loadCatalog, type Catalog } from '../../src/catalog';
import {
  ARM_DENIED,
  CAE_CHALLENGE,
  DEFENDER_MISSING,
  KEY_VAULT_RBAC,
  PASTED_ANSWERS,
  STORAGE_MISMATCH,
  UNCOMMON_AADSTS,
} from '../diagnose/answer-texts';
import { inspectedToken } from '../fixtures/inspected';
import {
  DEFAULT_MEMBER_ROLE,
  defenderManagedIdentity,
  graphAppOnlyV2,
  graphDelegatedV1,
  makeToken,
  MI_OID,
  type Payload,
} from '../fixtures/make-token';

// The sections, the gates and the error data are lazy chunks: their first import in a run can take a while.
vi.setConfig({ testTimeout: 30_000 });
const LAZY = { timeout: 15_000 };

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

function show(payload: Payload | null, requestText = '', answerText = '') {
  return render(
    <InspectorResults
      token={inspectedToken(payload ? makeToken(payload) : null)}
      requestText={requestText}
      answerText={answerText}
      catalog={catalog}
      summary={null}
      emptyText="—"
    />,
  );
}

const region = (name: string) => screen.findByRole('region', { name }, LAZY);
/** Waits until the region's text matches: the lazy data (gates, roles, names) arrive after the first render. */
async function expectIn(name: string, text: RegExp | string) {
  const r = await region(name);
  await vi.waitFor(() => expect(r).toHaveTextContent(text), LAZY);
  return r;
}

const app = (roles: string[], extra: Payload = {}): Payload => ({ ...graphAppOnlyV2(), roles, ...extra });
const user = (scp: string, extra: Payload = {}): Payload => ({ ...graphDelegatedV1(), scp, ...extra });
const armMi: Payload = {
  ...defenderManagedIdentity(),
  aud: 'https://management.azure.com/',
  roles: undefined,
};

describe('the lazy error data loads when the pasted answer needs it', () => {
  it('an ARM AuthorizationFailed body shows the least privileged role and the az and PowerShell commands', async () => {
    show(armMi, '', ARM_DENIED);
    const answer = await expectIn('Answer', /Built-in roles that grant it, least privileged first: /);
    const role = /Assign "([^"]+)"/.exec(answer.textContent ?? '')?.[1] ?? '';
    expect(role).not.toBe('');
    expect(role).not.toBe('Owner');
    expect(within(answer).getByLabelText('Azure CLI')).toHaveTextContent(
      `az role assignment create --assignee ${MI_OID} --role "${role}" --scope "/subscriptions/33333333-3333-4333-8333-333333333333/resourcegroups/rg1"`,
    );
    expect(within(answer).getByLabelText('Azure PowerShell')).toHaveTextContent(
      `New-AzRoleAssignment -ObjectId ${MI_OID} -RoleDefinitionName "${role}"`,
    );
    // The error panel shows the same finding.
    await expectIn('Error explanation', `Assign "${role}"`);
  });

  it('a Key Vault ForbiddenByRbac body names a data role and says why Owner does not help', async () => {
    show(null, '', KEY_VAULT_RBAC);
    await expectIn('Error explanation', /Built-in roles that grant it, least privileged first: Key Vault/);
    await expectIn('Error explanation', /Owner and Contributor do not grant it/);
  });

  it('an uncommon AADSTS code shows its short name from the complete list', async () => {
    show(null, '', UNCOMMON_AADSTS);
    await expectIn('Error explanation', 'AADSTS17003 (CredentialKeyProvisioningFailed)');
    await expectIn('Answer', 'AADSTS17003 (CredentialKeyProvisioningFailed)');
  });
});

describe('"I changed it at"', () => {
  const IMPORT = 'POST https://api.securitycenter.microsoft.com/api/indicators/import';
  const field = () => screen.findByRole('textbox', { name: 'I changed it at (optional)' }, LAZY);

  it.each([
    ['2023-11-15 10:00', /issued at 2023-11-14T22:13:20Z, before your change at 2023-11-15T10:00:00Z/],
    ['2023-11-15T11:00+01:00', /before your change at 2023-11-15T10:00:00Z/],
    ['2023-11-01 10:00', /after your change at 2023-11-01T10:00:00Z, and still lacks Ti\.ReadWrite/],
  ])('%s: the verdict compares it with the token issue time', async (typed, said) => {
    const u = userEvent.setup();
    show(defenderManagedIdentity(), IMPORT);
    const verdict = await region('Verdict');
    expect(verdict).not.toHaveTextContent(/your change/);
    await u.type(await field(), typed);
    await vi.waitFor(() => expect(verdict).toHaveTextContent(said), LAZY);
  });

  it('says what it expects for a time it cannot read, and the diagnosis ignores it', async () => {
    const u = userEvent.setup();
    show(defenderManagedIdentity(), IMPORT);
    const input = await field();
    await u.type(input, 'yesterday');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Enter a date and time such as 2026-12-01 14:30/);
    expect(await region('Verdict')).not.toHaveTextContent(/your change/);
  });

  it('is not offered without a token', async () => {
    show(null, '', DEFENDER_MISSING);
    await region('Error explanation');
    expect(screen.queryByRole('textbox', { name: 'I changed it at (optional)' })).toBeNull();
  });
});

/**
 * Every family issue 13 lists, pasted as a user pastes it: the page shows what the rule found. The
 * families' own rule tests are in test/diagnose/rules.test.ts, rules/answer-rules.test.ts and
 * explain-error.test.ts; this table checks they reach the screen.
 */
describe('every family is recognised from the UI', () => {
  const PARTS: Readonly<Record<string, RegExp>> = {
    AADSTS65001: /AADSTS65001 \(Consent missing\)/,
    AADSTS50105: /AADSTS50105 \(User not assigned to the app\)/,
    AADSTS700016: /AADSTS700016 \(App not found in tenant\)/,
    AADSTS7000215: /AADSTS7000215 \(Invalid client secret\)/,
    AADSTS53003: /AADSTS53003 \(Blocked by Conditional Access\)/,
    'AADSTS uncommon': /AADSTS17003 \(CredentialKeyProvisioningFailed\)/,
    'Graph Authorization_RequestDenied': /Microsoft Graph error/,
    'Graph/Exchange ErrorAccessDenied': /application access policy or RBAC for Applications/,
    'Graph invalid audience': /Invalid audience/,
    'Graph "Either scp or roles"': /neither scp nor roles/,
    'Graph identity not established': /could not find the calling application/,
    'Graph expired token': /The token has expired/,
    'SharePoint accessDenied': /SharePoint refused the item/,
    IDX10511: /IDX10511 \(Signature validation failed/,
    IDX10214: /IDX10214 \(Audience validation failed\)/,
    IDX10205: /IDX10205 \(Issuer validation failed\)/,
    IDX10223: /IDX10223 \(Token expired\)/,
    'ARM AuthorizationFailed': /Built-in roles that grant it/,
    'Key Vault ForbiddenByRbac': /data action Microsoft\.KeyVault\/vaults\/secrets\/getSecret\/action/,
    'Storage AuthorizationPermissionMismatch': /Azure RBAC refused the call/,
    'CAE insufficient_claims': /claims challenge \(insufficient_claims\)[\s\S]*x-ms-diagnostics says 2000008/,
    'Defender missing roles': /Ti\.ReadWrite\.All, Ti\.ReadWrite/,
    'a bare 403': /403/,
  };

  it('has an expectation for every pasted answer of the shared table', () => {
    expect(PASTED_ANSWERS.map((a) => a.name).sort()).toEqual(Object.keys(PARTS).sort());
  });

  it.each(PASTED_ANSWERS.map((a) => [a.name, a.text] as const))(
    'error family %s, pasted alone',
    async (name, text) => {
      show(null, '', text);
      await expectIn('Error explanation', PARTS[name] ?? /never/);
    },
  );

  it.each<[string, Payload, string, string, RegExp]>([
    // Gates outside the token.
    [
      'Teams protected APIs',
      app(['ChannelMessage.Read.All']),
      'GET https://graph.microsoft.com/v1.0/teams/t1/channels/19:abc@thread.tacv2/messages',
      '',
      /Microsoft's approval/,
    ],
    [
      'Exchange application access policies / RBAC for Apps',
      app(['Mail.Read']),
      'GET https://graph.microsoft.com/v1.0/users/8a3c3f0e-1b2c-4d5e-8f90-123456789abc/messages',
      '',
      /may still limit this app to some mailboxes/,
    ],
    [
      'Sites.Selected',
      app(['Sites.Selected']),
      'GET https://graph.microsoft.com/v1.0/sites/contoso.sharepoint.com,1111,2222',
      '',
      /granted to this app one by one/,
    ],
    [
      'sensitive user properties',
      app(['User.ReadWrite.All']),
      'PATCH https://graph.microsoft.com/v1.0/users/8a3c3f0e-1b2c-4d5e-8f90-123456789abc',
      '',
      /mobilePhone/,
    ],
    [
      'delegated-role requirements',
      user('AuditLog.Read.All Directory.Read.All', { wids: [DEFAULT_MEMBER_ROLE] }),
      'GET https://graph.microsoft.com/v1.0/auditLogs/signIns',
      '',
      /Reports Reader/,
    ],
    [
      'Graph Security per-resource roles',
      user('SecurityIncident.ReadWrite.All', {
        wids: [DEFAULT_MEMBER_ROLE, '5d6b6bb7-de71-4623-b4af-96380a352509'],
      }),
      'PATCH https://graph.microsoft.com/v1.0/security/incidents/42',
      '',
      /Security Operator/,
    ],
    [
      'Defender delegated',
      user('Machine.Read', { aud: 'https://api.securitycenter.microsoft.com' }),
      'GET https://api.securitycenter.microsoft.com/api/machines',
      '',
      /Defender role/,
    ],
    [
      'app-only /me',
      app(['User.Read.All']),
      'GET https://graph.microsoft.com/v1.0/me/messages',
      '',
      /\/users\/\{id\}/,
    ],
    // Resources per cloud.
    [
      'a Graph token sent to ARM',
      app([], { roles: undefined }),
      'GET https://management.azure.com/subscriptions',
      '',
      /"https:\/\/management\.azure\.com\/\.default"/,
    ],
    [
      'a Graph token sent to US Gov ARM',
      app([], { roles: undefined }),
      'GET https://management.usgovcloudapi.net/subscriptions',
      '',
      /"https:\/\/management\.usgovcloudapi\.net\/\.default"/,
    ],
    [
      'Azure RBAC without a pasted error',
      app([], { aud: 'https://management.azure.com/', roles: undefined }),
      'GET https://management.azure.com/subscriptions/s1/resourceGroups/rg1?api-version=2021-04-01',
      '',
      /Can't tell from the token/,
    ],
    // Two answers no rival gives.
    [
      'stale token (a pasted 403, no time given)',
      defenderManagedIdentity(),
      'POST https://api.securitycenter.microsoft.com/api/indicators/import',
      DEFENDER_MISSING,
      /this token predates it/,
    ],
    [
      'least privilege',
      app(['Directory.ReadWrite.All']),
      'GET https://graph.microsoft.com/v1.0/users',
      '',
      /User\.ReadBasic\.All/,
    ],
    [
      'near misses',
      user('SecurityEvents.Read.All', {
        wids: [DEFAULT_MEMBER_ROLE, '5d6b6bb7-de71-4623-b4af-96380a352509'],
      }),
      'GET https://graph.microsoft.com/v1.0/security/alerts_v2',
      '',
      /legacy \/security\/alerts/,
    ],
    // Error families with their request: the answer is evidence.
    [
      'Storage AuthorizationPermissionMismatch with its request',
      { ...armMi, aud: 'https://storage.azure.com' },
      'GET https://acct.blob.core.windows.net/c1/b1',
      STORAGE_MISMATCH,
      /Storage Blob Data/,
    ],
    [
      'CAE claims challenge with its request',
      user('User.Read.All'),
      'GET https://graph.microsoft.com/v1.0/users',
      CAE_CHALLENGE,
      /claims challenge/,
    ],
    [
      'a pasted 403 over a token that passes',
      app(['Mail.Read']),
      'GET https://graph.microsoft.com/v1.0/users/u1@contoso.com/messages',
      'HTTP/1.1 403 Forbidden\n\n{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}',
      /passes every check it can carry/,
    ],
  ])('%s shows in the verdict', async (_name, payload, request, answer, said) => {
    show(payload, request, answer);
    await expectIn('Verdict', said);
  });
});

describe('the verdict panel and the error panel show the same findings', () => {
  /** The finding messages of a panel's list, badges and fixes left out. */
  function messages(panel: HTMLElement, listSelector: string): string[] {
    return [...panel.querySelectorAll(`${listSelector} > li`)].map(
      (li) => li.childNodes[2]?.textContent?.trim() ?? '',
    );
  }

  it.each<[string, Payload, string, string]>([
    [
      'Graph 403 on /users',
      app(['Mail.Read']),
      'GET https://graph.microsoft.com/v1.0/users',
      PASTED_ANSWERS[6]?.text ?? '',
    ],
    [
      'Defender missing roles',
      defenderManagedIdentity(),
      'POST https://api.securitycenter.microsoft.com/api/indicators/import',
      DEFENDER_MISSING,
    ],
    [
      'AADSTS65001 with a request',
      user('openid'),
      'GET https://graph.microsoft.com/v1.0/users',
      PASTED_ANSWERS[0]?.text ?? '',
    ],
    [
      'ARM AuthorizationFailed',
      armMi,
      'GET https://management.azure.com/subscriptions/s1/resourceGroups/rg1?api-version=2021-04-01',
      ARM_DENIED,
    ],
  ])('%s', async (_name, payload, request, answer) => {
    show(payload, request, answer);
    const verdict = await region('Verdict');
    const error = await region('Error explanation');
    await vi.waitFor(() => {
      const shown = messages(verdict, 'ol.verdict-findings');
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((m) => m.length > 10)).toBe(true);
    }, LAZY);
    await vi.waitFor(
      () => expect(messages(error, 'ul.verdict-findings')).toEqual(messages(verdict, 'ol.verdict-findings')),
      LAZY,
    );
  });
});
