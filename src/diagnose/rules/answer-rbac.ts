import { findRolesGranting, type AzureRoleData } from '../../catalog/azure-roles';
import type { FixAction } from '../../token';
import type { ApiAnswer } from '../api-answer';
import type { Rule } from '../context';
import { explainServiceCode } from '../error-codes';
import type { ErrorFinding } from '../types';
import { answerFinding, answerView, type AnswerView } from './answer-view';

const RBAC_DOC = 'https://learn.microsoft.com/en-us/azure/role-based-access-control/role-assignments-cli';

/** Key Vault access-policy permission → the data action Azure RBAC uses for it. */
const KEY_VAULT_DATA_ACTIONS: ReadonlyMap<string, string> = new Map([
  ['secrets get', 'Microsoft.KeyVault/vaults/secrets/getSecret/action'],
  ['secrets list', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
  ['secrets set', 'Microsoft.KeyVault/vaults/secrets/setSecret/action'],
  ['secrets delete', 'Microsoft.KeyVault/vaults/secrets/delete'],
  ['keys get', 'Microsoft.KeyVault/vaults/keys/read'],
  ['keys list', 'Microsoft.KeyVault/vaults/keys/read'],
  ['keys sign', 'Microsoft.KeyVault/vaults/keys/sign/action'],
  ['keys verify', 'Microsoft.KeyVault/vaults/keys/verify/action'],
  ['keys encrypt', 'Microsoft.KeyVault/vaults/keys/encrypt/action'],
  ['keys decrypt', 'Microsoft.KeyVault/vaults/keys/decrypt/action'],
  ['keys wrapkey', 'Microsoft.KeyVault/vaults/keys/wrap/action'],
  ['keys unwrapkey', 'Microsoft.KeyVault/vaults/keys/unwrap/action'],
  ['certificates get', 'Microsoft.KeyVault/vaults/certificates/read'],
  ['certificates list', 'Microsoft.KeyVault/vaults/certificates/read'],
]);

/** The Storage data action a request needs, from its host and method (the 403 does not name it). */
export function storageDataAction(
  method: string | null,
  url: string | null,
): { action: string; scope: string } | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase();
  const account = host.split('.')[0] ?? '<account>';
  const service = host.split('.')[1] ?? '';
  const m = (method ?? 'GET').toUpperCase();
  const segments = u.pathname.split('/').filter((s) => s !== '');
  const base = `/subscriptions/<subscription-id>/resourceGroups/<resource-group>/providers/Microsoft.Storage/storageAccounts/${account}`;
  const verb = m === 'GET' || m === 'HEAD' ? 'read' : m === 'DELETE' ? 'delete' : 'write';
  const container = segments[0];
  if (service === 'blob' || service === 'dfs')
    return {
      action: `Microsoft.Storage/storageAccounts/blobServices/containers/blobs/${verb}`,
      scope: container ? `${base}/blobServices/default/containers/${container}` : base,
    };
  if (service === 'queue')
    return {
      action:
        m === 'POST'
          ? 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/add/action'
          : m === 'DELETE'
            ? 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/delete'
            : 'Microsoft.Storage/storageAccounts/queueServices/queues/messages/read',
      scope: container ? `${base}/queueServices/default/queues/${container}` : base,
    };
  if (service === 'table')
    return { action: `Microsoft.Storage/storageAccounts/tableServices/tables/entities/${verb}`, scope: base };
  if (service === 'file')
    return {
      action: `Microsoft.Storage/storageAccounts/fileServices/fileshares/files/${verb}`,
      scope: container ? `${base}/fileServices/default/fileshares/${container}` : base,
    };
  return null;
}

interface Operation {
  readonly action: string;
  readonly dataAction: boolean;
  readonly scope: string | null;
  /** True when the action was inferred from the request rather than read from the error. */
  readonly inferred: boolean;
}

const lower = (s: string | null | undefined): string => (s ?? '').toLowerCase();

function operationOf(
  ctx: Parameters<Rule>[0],
  answer: ApiAnswer,
  data: AzureRoleData | null,
): Operation | null {
  const rbac = answer.rbac;
  const host = answer.host ?? ctx.request?.host ?? '';
  const dataPlaneCode =
    lower(answer.innerCode) === 'forbiddenbyrbac' ||
    lower(answer.code) === 'authorizationpermissionmismatch' ||
    lower(answer.errorCodeHeader) === 'authorizationpermissionmismatch' ||
    host.includes('.vault.') ||
    host.includes('.core.');
  if (rbac?.action) {
    let dataAction = dataPlaneCode;
    if (!dataAction && data) {
      // Data actions are their own list: an action no role grants except through `*`, but some role
      // grants as a data action, is a data action.
      const asData = findRolesGranting(data, rbac.action, true);
      const asAction = findRolesGranting(data, rbac.action, false).filter((m) => m.pattern !== '*');
      dataAction = asData.length > 0 && asAction.length === 0;
    }
    return { action: rbac.action, dataAction, scope: rbac.scope, inferred: false };
  }
  if (rbac?.accessPolicy) {
    const action = KEY_VAULT_DATA_ACTIONS.get(`${rbac.accessPolicy.object} ${rbac.accessPolicy.permission}`);
    return action ? { action, dataAction: true, scope: rbac.scope, inferred: true } : null;
  }
  if (
    lower(answer.code) === 'authorizationpermissionmismatch' ||
    lower(answer.errorCodeHeader) === 'authorizationpermissionmismatch'
  ) {
    const url = answer.url ?? ctx.request?.url ?? null;
    const method = answer.method ?? ctx.request?.method ?? null;
    const op = storageDataAction(method, url);
    return op ? { ...op, dataAction: true, inferred: true } : null;
  }
  return null;
}

function assignmentActions(assignee: string | null, role: string, scope: string | null): FixAction[] {
  const who = assignee ?? '<object-id>';
  const where = scope ?? '<scope>';
  return [
    { kind: 'role-assignment', assignee, role, scope },
    {
      kind: 'command',
      label: 'Azure CLI',
      shell: 'bash',
      text: `az role assignment create --assignee ${who} --role "${role}" --scope "${where}"`,
    },
    {
      kind: 'command',
      label: 'Azure PowerShell',
      shell: 'powershell',
      text: `New-AzRoleAssignment -ObjectId ${who} -RoleDefinitionName "${role}" -Scope "${where}"`,
    },
  ];
}

/** The principal to assign to: the token's oid, else the object ID the error names. */
function assigneeOf(v: AnswerView): string | null {
  return v.oid ?? v.answer.rbac?.principalId ?? null;
}

/**
 * Azure RBAC refusals (ARM AuthorizationFailed and LinkedAuthorizationFailed, Key Vault ForbiddenByRbac
 * and access policies, Storage AuthorizationPermissionMismatch): the action and scope, the built-in roles
 * that grant it (least privileged first, actions vs data actions), why Owner does not give data access,
 * and the role assignment to create, as CLI and PowerShell commands. Network and shared-key refusals
 * are named as such: no role helps there.
 */
export const answerRbacRule: Rule = (ctx) => {
  const v = answerView(ctx);
  if (!v) return [];
  const a = v.answer;
  const family = a.family;
  const code = lower(a.innerCode) || lower(a.code);
  const out: ErrorFinding[] = [];

  if (
    ['forbiddenbyfirewall', 'forbiddenbyconnection'].includes(code) ||
    (family === 'storage' && code === 'authorizationfailure')
  ) {
    const e = explainServiceCode(code);
    out.push(
      answerFinding('network-rule-blocked', 'error', { code: a.innerCode ?? a.code }, e?.meaning ?? '', {
        text: e?.fix ?? '',
        actions: e ? [{ kind: 'doc', label: e.title, url: e.link }] : [],
      }),
    );
    return out;
  }
  if (code === 'keybasedauthenticationnotpermitted') {
    const e = explainServiceCode(code);
    out.push(
      answerFinding('shared-key-disabled', 'error', { code: a.code }, e?.meaning ?? '', {
        text: e?.fix ?? '',
        actions: [],
      }),
    );
    return out;
  }
  if (family !== 'azure-rbac' && family !== 'key-vault' && !a.rbac) return [];

  const data = ctx.azureRoles ?? null;
  const op = operationOf(ctx, a, data);
  const assignee = assigneeOf(v);

  if (v.oid && a.rbac?.principalId && v.oid.toLowerCase() !== a.rbac.principalId.toLowerCase())
    out.push(
      answerFinding(
        'token-not-sent',
        'warning',
        { oid: v.oid, errorObjectId: a.rbac.principalId },
        `The error names object ID ${a.rbac.principalId}, but the token loaded here is for ${v.oid}: the token that was sent was a different one.`,
        {
          text: 'Assign the role to the principal the client really uses (the object ID in the error), or decode the token it sends.',
          actions: [],
        },
      ),
    );

  if (a.rbac?.accessPolicy) {
    const p = a.rbac.accessPolicy;
    const vault = /\/vaults\/([^/]+)/i.exec(a.rbac.scope ?? '')?.[1] ?? '<vault>';
    out.push(
      answerFinding(
        'key-vault-access-policy',
        'error',
        { object: p.object, permission: p.permission, objectId: assignee },
        `The vault uses access policies, and none gives ${assignee ?? 'the caller'} the ${p.object} ${p.permission} permission.`,
        {
          text: `Add an access policy with ${p.object} permission "${p.permission}" for the caller's object ID, or switch the vault to Azure RBAC and assign a data role${op ? ' (below)' : ''}.`,
          actions: [
            {
              kind: 'command',
              label: 'Azure CLI: add the access policy',
              shell: 'bash',
              text: `az keyvault set-policy --name ${vault} --object-id ${assignee ?? '<object-id>'} --${p.object.replace(/s$/, '')}-permissions ${p.permission}`,
            },
          ],
        },
      ),
    );
  }

  if (!op) {
    if (family === 'azure-rbac' || family === 'key-vault')
      out.push(
        answerFinding(
          'azure-role-needed',
          'error',
          { code: a.code },
          'Azure RBAC refused the call, and the error does not name the action.',
          {
            text: 'Find the action in the resource provider operations list, then assign a role that grants it at the resource scope to the caller (the oid in the token).',
            actions: [{ kind: 'doc', label: 'Assign Azure roles with the CLI', url: RBAC_DOC }],
          },
        ),
      );
    return out;
  }

  const matches = data ? findRolesGranting(data, op.action, op.dataAction) : [];
  const narrow = matches.filter((m) => m.pattern !== '*' && m.pattern !== '*/read').slice(0, 3);
  const best = narrow[0] ?? matches[0] ?? null;
  const plane = op.dataAction ? 'data action' : 'action';
  const rolesText =
    data === null
      ? ''
      : matches.length === 0
        ? ` No built-in role grants it: use a custom role with this ${plane}.`
        : ` Built-in roles that grant it, least privileged first: ${narrow.map((m) => `${m.role.name}${m.role.conditional ? ' (has a condition)' : ''}`).join(', ') || best?.role.name}.`;
  const scopeText = op.scope ? ` at scope ${op.scope}` : '';
  out.push(
    answerFinding(
      'azure-role-needed',
      'error',
      {
        action: op.action,
        dataAction: op.dataAction,
        scope: op.scope,
        roles: narrow.map((m) => m.role.name),
        inferred: op.inferred,
      },
      `No role assignment gives ${assignee ?? 'the caller'} the ${plane} ${op.action}${scopeText}${op.inferred ? ' (inferred from the request; the error does not name it)' : ''}. The token cannot carry this: Azure looks up role assignments for the caller.${rolesText}`,
      {
        text: `${best ? `Assign "${best.role.name}"` : 'Assign a role that grants it'} to ${assignee ?? 'the caller'}${op.scope ? ' at that scope' : ' at the resource'}. Role assignments take effect within about 10 minutes; get a new token afterwards (az account clear && az login, or restart the app) so cached group memberships do not hide it.`,
        actions: best
          ? [
              ...assignmentActions(assignee, best.role.name, op.scope),
              { kind: 'doc', label: 'Assign Azure roles with the CLI', url: RBAC_DOC },
            ]
          : [{ kind: 'doc', label: 'Assign Azure roles with the CLI', url: RBAC_DOC }],
      },
    ),
  );
  if (op.dataAction) {
    const owner = data?.roles.find((r) => r.name === 'Owner');
    out.push(
      answerFinding(
        'owner-no-data-access',
        'info',
        { ownerActions: owner?.actions ?? ['*'], ownerDataActions: owner?.dataActions ?? [] },
        `${op.action} is a data action. Owner and Contributor do not grant it: their "*" covers management actions only, and data actions are a separate list (Owner's is empty). Being Owner of the ${op.action.toLowerCase().includes('keyvault') ? 'vault' : 'account'} is not enough.`,
        null,
      ),
    );
  }
  return out;
};

/** True when the answer is one the Azure role data helps with: load `loadAzureRoles()` before diagnosing. */
export function answerNeedsAzureRoles(answer: ApiAnswer | null): boolean {
  return (
    answer !== null &&
    (answer.family === 'azure-rbac' || answer.family === 'key-vault' || answer.rbac !== null)
  );
}
