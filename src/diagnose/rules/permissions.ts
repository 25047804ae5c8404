import { fixOf } from '../../token';
import type { Rule } from '../context';
import type { DiagnoseFinding } from '../types';
import { actionsForChoice, permissionChoiceOf } from './choice';
import { factsOf, has, listValues } from './derive';
import { finding } from './finding';
import { usersFormOf } from './gates/delegated-only';
import { resourceOfRequest } from './resources';

/** An app-only token without `roles`: nothing was granted, or it was never consented. */
export const appOnlyNoRolesRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!f || !f.checkPermissions || !f.appOnly || f.c.roles.length > 0) return [];
  // Azure RBAC resources (ARM, Key Vault…) use no app roles: their app-only tokens carry none.
  if (resourceOfRequest(ctx)?.resource.azureRbac) return [];
  const mi = f.caller === 'managed-identity';
  return [
    finding(
      'app-only-no-roles',
      'error',
      { roles: null, idtyp: f.payload['idtyp'] ?? null },
      mi
        ? 'This managed identity token has no roles claim: no application permission has been assigned to the identity on this API.'
        : 'This app-only token has no roles claim: either no application permission was added for this API, or it was added but admin consent was never granted.',
      mi
        ? `Assign an app role to the managed identity (see below); managed identities cannot be given consent.`
        : 'Add an application permission (not delegated) for this API and grant admin consent, then get a new token.',
    ),
  ];
};

/**
 * The permission check proper: the token holds one the request accepts (of the right type), holds
 * only the other type, or holds none; the missing one is the one chosen by `permissionChoiceOf`.
 */
export const permissionRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!f || !f.checkPermissions || !f.required.known) return [];
  const { required, request, appOnly, caller, c } = f;
  const scheme = appOnly ? 'application' : 'delegated';
  const own = appOnly ? required.application : required.delegated;
  const other = appOnly ? required.delegated : required.application;
  const held = f.held;
  const heldOther = appOnly ? c.scopes : c.roles;
  const claim = appOnly ? 'roles' : 'scp';
  // App-only calls to /me fail whatever the token holds: there is no signed-in user for /me to name.
  const usersForm = appOnly ? usersFormOf(ctx) : null;
  if (usersForm) {
    const use =
      usersForm.application.find((p) => has(held, p.value))?.value ?? usersForm.application[0]?.value ?? null;
    const only =
      own.length === 0
        ? `${request.method} ${required.matchedPath} accepts only delegated permissions (${listValues(other)}), but this token is app-only: `
        : '';
    const instead = `${request.method} ${usersForm.path.replace('{id}', '{id | userPrincipalName}')}`;
    return [
      finding(
        'wrong-permission-type',
        'error',
        { caller, accepted: other.map((p) => p.value), instead: usersForm.path },
        `${only}/me stands for the signed-in user, and an app-only token has none. Call ${instead} instead${use ? `, which accepts the application permission ${use}` : ''}.`,
        {
          text: `Call ${instead}${use ? ` with the application permission ${use} (admin consent)` : ''}; or call /me with a signed-in user (delegated).`,
          actions: [
            ...(use && f.api?.appId
              ? [
                  caller === 'managed-identity'
                    ? {
                        kind: 'grant' as const,
                        principalId: f.oid,
                        resourceAppId: f.api.appId,
                        permission: use,
                      }
                    : {
                        kind: 'consent' as const,
                        tenantId: c.tenantId,
                        clientId: c.clientId,
                        scope: `${f.api.resource}/${use}`,
                        cloud: c.issuer.cloud,
                      },
                ]
              : []),
            {
              kind: 'doc',
              label: 'Use /users/{id} for app-only calls',
              url: 'https://learn.microsoft.com/graph/api/user-get',
            },
          ],
        },
      ),
    ];
  }
  if (f.present.length > 0)
    return [
      finding(
        'permission-present',
        'info',
        { [claim]: f.present.map((p) => p.value), path: required.matchedPath },
        `The token has ${listValues(f.present)} (${scheme}), which ${request.method} ${required.matchedPath} accepts.`,
        null,
      ),
    ];
  if (caller === null) return [];
  const out: DiagnoseFinding[] = [];
  if (own.length === 0) {
    out.push(
      finding(
        'wrong-permission-type',
        'error',
        { caller, accepted: other.map((p) => p.value) },
        `${request.method} ${required.matchedPath} accepts only ${appOnly ? 'delegated' : 'application'} permissions (${listValues(other)}), but this token is ${appOnly ? 'app-only' : 'delegated (a user signed in)'}.`,
        appOnly
          ? `Call it with a signed-in user (auth code flow) and the delegated permission ${other[0]?.value ?? ''}.`
          : `Call it app-only (client credentials) with the application permission ${other[0]?.value ?? ''} and admin consent.`,
      ),
    );
    return out;
  }
  const wrongType = other.filter((p) => has(held, p.value) || has(heldOther, p.value));
  if (wrongType.length > 0)
    out.push(
      finding(
        'wrong-permission-type',
        'error',
        { [claim]: held, accepted: own.map((p) => p.value) },
        `${listValues(wrongType)} is accepted here only as a${appOnly ? ' delegated' : 'n application'} permission, and this token is ${appOnly ? 'app-only' : 'delegated'}.`,
        `Add ${own[0]?.value ?? ''} as a${appOnly ? 'n application' : ' delegated'} permission: the type must match how the token is obtained.`,
      ),
    );
  const choice = permissionChoiceOf(ctx);
  if (!choice) return out;
  const least = choice.permission;
  const api = choice.api;
  const consentText =
    scheme === 'application'
      ? 'admin consent'
      : least.adminConsent === true
        ? 'needs admin consent'
        : least.adminConsent === false
          ? 'users can consent themselves'
          : 'needs consent';
  const alternatives =
    choice.alternatives.length > 0 ? ` It also accepts: ${listValues(choice.alternatives)}.` : '';
  const fromAnswer =
    choice.source === 'answer'
      ? choice.docsLeast
        ? ` The API's own error names ${least.value}, where the docs list ${choice.docsLeast} first: the API's list wins.`
        : ` The API's own error names ${least.value}.`
      : '';
  let text: string;
  if (choice.principal === 'managed-identity') {
    text = `Assign the application role ${least.value} on ${api.name} to this managed identity (an app-role assignment: New-MgServicePrincipalAppRoleAssignment, or POST /servicePrincipals/${f.oid ?? '{id}'}/appRoleAssignments)${
      choice.alternatives.length > 0 ? ` (or ${listValues(choice.alternatives)})` : ''
    }. Then get a new token.`;
  } else if (choice.principal === 'service-principal') {
    text = `Add the application permission ${least.value} on ${api.name} to the app registration and grant admin consent, or assign it directly to the service principal. Then get a new token.`;
  } else {
    text = `Add the delegated permission ${least.value} on ${api.name} (${consentText}) and request scope "${api.resource}/${least.value}" at sign-in. Then get a new token.`;
  }
  out.push(
    finding(
      'missing-permission',
      'error',
      { [claim]: held, accepted: own.map((p) => p.value), path: required.matchedPath, choice: least.value },
      `The token has none of the ${scheme} permissions ${request.method} ${required.matchedPath} accepts. The least privileged one that would work is ${least.value}.${alternatives}${fromAnswer}`,
      fixOf(text, ...actionsForChoice(ctx, choice)),
    ),
  );
  return out;
};

/** Managed identities get application permissions by app-role assignment, never by consent. */
export const managedIdentityRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!f || f.caller !== 'managed-identity' || !f.checkPermissions || f.present.length > 0) return [];
  return [
    finding(
      'managed-identity-assignment',
      'info',
      { xms_mirid: f.payload['xms_mirid'] ?? null, oid: f.oid },
      'A managed identity has no app registration to consent for: it gets application permissions only by app-role assignment (PowerShell, CLI or Graph), never from a consent link.',
      'After assigning, the identity may keep its cached token for up to 24 hours; restart the resource or wait before retrying.',
    ),
  ];
};
