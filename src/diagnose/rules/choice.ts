import type { FixAction } from '../../token';
import type { DiagnosisContext } from '../context';
import type { AcceptedPermission, PermissionChoice } from '../types';
import { factsOf, has } from './derive';
import { usersFormOf } from './gates/delegated-only';

const choiceCache = new WeakMap<DiagnosisContext, PermissionChoice | null>();

/**
 * The one permission to add for this request, chosen once for every rule and panel: the least
 * privileged one the docs accept for the token's scheme, unless the pasted error body names its own
 * list, which wins (the service's list can differ from the docs; `docsLeast` then says what the docs
 * had). Null when the token already holds an accepted permission, or nothing is known to choose from.
 */
export function permissionChoiceOf(ctx: DiagnosisContext): PermissionChoice | null {
  if (choiceCache.has(ctx)) return choiceCache.get(ctx) ?? null;
  const choice = computeChoice(ctx);
  choiceCache.set(ctx, choice);
  return choice;
}

function computeChoice(ctx: DiagnosisContext): PermissionChoice | null {
  const f = factsOf(ctx);
  if (!f || !f.checkPermissions || f.caller === null || !f.api) return null;
  const { required } = f;
  if (!required.known || f.present.length > 0) return null;
  // App-only /me: the permission rule names the /users/{id} form's permission instead.
  if (f.appOnly && usersFormOf(ctx)) return null;
  const scheme = f.appOnly ? 'application' : 'delegated';
  const own = f.appOnly ? required.application : required.delegated;
  const docsLeast = own[0] ?? null;
  const named = (ctx.answer?.permissions?.required ?? []).filter((p) => p.trim() !== '' && !has(f.held, p));
  let pick: AcceptedPermission | null = docsLeast;
  let source: PermissionChoice['source'] = 'docs';
  if (named.length > 0) {
    const inDocs = named.map((n) => own.find((p) => p.value.toLowerCase() === n.toLowerCase())).find(Boolean);
    pick = inDocs ?? {
      value: named[0] ?? '',
      type: scheme,
      adminConsent: scheme === 'application' ? true : null,
      id: null,
    };
    source = 'answer';
  }
  if (!pick) return null;
  const differs =
    source === 'answer' && docsLeast !== null && docsLeast.value.toLowerCase() !== pick.value.toLowerCase();
  return {
    permission: pick,
    scheme,
    api: f.api,
    source,
    docsLeast: differs ? docsLeast.value : null,
    alternatives: own.filter((p) => p.value.toLowerCase() !== pick.value.toLowerCase()),
    principal:
      f.caller === 'managed-identity' ? 'managed-identity' : f.appOnly ? 'service-principal' : 'user',
  };
}

/** The actions that put the chosen permission in place for this token's principal. */
export function actionsForChoice(ctx: DiagnosisContext, choice: PermissionChoice): FixAction[] {
  const t = ctx.token?.facts;
  const oid = factsOf(ctx)?.oid ?? null;
  const grant = (permission: string): FixAction => ({
    kind: 'grant',
    principalId: oid,
    resourceAppId: choice.api.appId ?? '',
    permission,
  });
  const consent: FixAction = {
    kind: 'consent',
    tenantId: t?.tenantId ?? null,
    clientId: t?.clientId ?? null,
    scope: `${choice.api.resource}/${choice.permission.value}`,
    cloud: t?.issuer.cloud ?? null,
  };
  if (choice.principal === 'managed-identity')
    return choice.api.appId
      ? [grant(choice.permission.value), ...choice.alternatives.map((p) => grant(p.value))]
      : [];
  if (choice.principal === 'service-principal')
    return choice.api.appId ? [consent, grant(choice.permission.value)] : [consent];
  return [consent];
}
