import type { FixAction } from '../../token';
import type { Rule } from '../context';
import { describeAudience, MDE_APP_ID, XDR_APP_ID } from '../hosts';
import type { ErrorFinding } from '../types';
import { permissionChoiceOf } from './choice';
import { factsOf } from './derive';
import { answerFinding, answerView, notSent, type AnswerView } from './answer-view';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** Lower case without a trailing `.All`: `Ti.ReadWrite.All` and `ti.readwrite` are near misses. */
const stem = (p: string): string => {
  const l = p.toLowerCase();
  return l.endsWith('.all') ? l.slice(0, -4) : l;
};

/** The API the named permissions belong to: Defender (by host or audience) or Microsoft Graph. */
function resourceOf(v: AnswerView, defender: boolean): { appId: string; resource: string; name: string } {
  const aud = describeAudience(v.c?.audience ?? null);
  if (defender) {
    if (aud?.appId === XDR_APP_ID || v.answer.host === 'api.security.microsoft.com')
      return aud?.appId === MDE_APP_ID
        ? {
            appId: MDE_APP_ID,
            resource: 'https://api.securitycenter.microsoft.com',
            name: 'the Defender for Endpoint API',
          }
        : { appId: XDR_APP_ID, resource: 'https://api.security.microsoft.com', name: 'the Defender XDR API' };
    return {
      appId: MDE_APP_ID,
      resource: 'https://api.securitycenter.microsoft.com',
      name: 'the Defender for Endpoint API',
    };
  }
  return { appId: GRAPH_APP_ID, resource: 'https://graph.microsoft.com', name: 'Microsoft Graph' };
}

/**
 * The permissions an error body names (Defender's "API required roles", Graph's "API requires one of"),
 * diffed against the token: none held (what to add, unless the request-side permission rule already
 * chose it), held anyway (the token sent was another one), near-miss spellings, all-of sets, and what the
 * API says it saw. Without a token it still says what to change.
 */
export const answerPermissionsRule: Rule = (ctx) => {
  const v = answerView(ctx);
  const named = v?.answer.permissions;
  if (!v || !named || named.required.length === 0) return [];
  const aud = describeAudience(v.c?.audience ?? null);
  const host = v.answer.host ?? '';
  const defender =
    v.answer.family === 'defender-forbidden' ||
    host.startsWith('api.security') ||
    host.includes('.securitycenter.') ||
    aud?.appId === MDE_APP_ID ||
    aud?.appId === XDR_APP_ID;
  const api = resourceOf(v, defender);
  const required = named.required;
  // An error that names another API's permissions (Defender's roles, pasted with a Graph call) is not this
  // request's answer: recommending its permissions would contradict what the request needs.
  const requestApi = ctx.request?.api ?? null;
  if (requestApi !== null && requestApi !== 'other' && requestApi !== (defender ? 'defender' : 'graph'))
    return [
      answerFinding(
        'answer-other-api',
        'warning',
        { answerApi: api.name, request: `${ctx.request?.method ?? ''} ${ctx.request?.host ?? ''}`.trim() },
        `The pasted error names permissions of ${api.name} (${required.join(', ')}), but the request goes to ${ctx.request?.host ?? 'another API'}: they do not come from the same call, so the error's list is not used here.`,
        {
          text: 'Paste the error the API of this request answered, or the request that got this error.',
          actions: [],
        },
      ),
    ];
  const out: ErrorFinding[] = [];
  const has = required.filter((r) => v.held.has(r.toLowerCase()));
  const heldList = v.c ? [...v.c.roles, ...v.c.scopes] : [];
  const near = required
    .filter((r) => !v.held.has(r.toLowerCase()))
    .map((r) => ({
      asked: r,
      held: heldList.find((h) => h.toLowerCase() !== r.toLowerCase() && stem(h) === stem(r)),
    }))
    .filter((x): x is { asked: string; held: string } => x.held !== undefined);
  const missingAll = named.mode === 'all-of' ? required.filter((r) => !v.held.has(r.toLowerCase())) : [];
  const satisfied = named.mode === 'all-of' ? v.c !== null && missingAll.length === 0 : has.length > 0;

  if (v.c && satisfied) {
    out.push(
      answerFinding(
        'roles-present-but-refused',
        'warning',
        { required, present: has },
        `The error says ${named.mode === 'all-of' ? 'these are' : 'one of these is'} missing (${required.join(', ')}), but the token loaded here has ${has.join(', ')}.`,
        null,
      ),
      notSent(v, `it has ${has.join(', ')}`),
    );
  } else {
    if (near.length > 0)
      out.push(
        answerFinding(
          'answer-permission-near-miss',
          'warning',
          { asked: near.map((n) => n.asked), held: near.map((n) => n.held) },
          `The token has ${near.map((n) => `${n.held} where the API asks for ${n.asked}`).join('; ')}: the names differ, and the API compares them exactly. The service's own list can differ from the docs.`,
          {
            text: `Add the permission exactly as the API spells it (${near.map((n) => n.asked).join(', ')}), of the type this token needs.`,
            actions: [],
          },
        ),
      );
    if (named.mode === 'all-of' && missingAll.length > 0 && v.c)
      out.push(
        answerFinding(
          'answer-permissions-all-of',
          'error',
          { required, missing: missingAll },
          `The API needs all of ${required.join(', ')}; the token lacks ${missingAll.join(', ')}.`,
          {
            text: `Add ${missingAll.join(', ')} as well: one of them is not enough here.`,
            actions: [],
          },
        ),
      );
    // The request-side rule already chose what to add (the API's list wins there too): say it once.
    const chosen = factsOf(ctx) ? permissionChoiceOf(ctx) : null;
    if (!chosen && (named.mode === 'any-of' || !v.c)) out.push(missingFinding(v, required, named.mode, api));
  }

  if (v.c && named.granted && named.granted.length > 0) {
    const differs = named.granted.filter((g) => !v.held.has(g.toLowerCase()));
    if (differs.length > 0)
      out.push(
        answerFinding(
          'answer-granted-differs',
          'warning',
          { apiSaw: named.granted, roles: v.c.roles, scp: v.c.scopes },
          `The API says the token it got carried ${named.granted.join(', ')}, which the token loaded here does not.`,
          null,
        ),
        notSent(v, `the API saw ${named.granted.join(', ')}`),
      );
  }
  return out;
};

/** What to add when the token holds none of the named permissions, for the principal the token shows. */
function missingFinding(
  v: AnswerView,
  required: readonly string[],
  mode: 'any-of' | 'all-of',
  api: { appId: string; resource: string; name: string },
): ErrorFinding {
  const appOnly = v.c ? v.appOnly : null;
  // App-only calls take the application permission (the `.All` form in Defender's lists); delegated the other.
  const pick =
    (appOnly === true
      ? required.find((r) => r.endsWith('.All'))
      : appOnly === false
        ? required.find((r) => !r.endsWith('.All'))
        : undefined) ??
    required[0] ??
    '';
  const picks = mode === 'all-of' ? required : [pick];
  const consent = (p: string): FixAction => ({
    kind: 'consent',
    tenantId: v.c?.tenantId ?? null,
    clientId: v.c?.clientId ?? null,
    scope: `${api.resource}/${p}`,
    cloud: v.c?.issuer.cloud ?? null,
  });
  const grant = (p: string): FixAction => ({
    kind: 'grant',
    principalId: v.oid,
    resourceAppId: api.appId,
    permission: p,
  });
  const list = required.join(', ');
  const message = v.c
    ? `The token carries none of the ${mode === 'all-of' ? 'permissions' : 'roles'} the API asked for (${list}); it needs ${mode === 'all-of' ? 'all of them' : 'one of them'}.`
    : `The API asked for ${mode === 'all-of' ? 'all of' : 'one of'} ${list}, and the token it got had ${mode === 'all-of' ? 'not all of them' : 'none of them'}.`;
  let text: string;
  let actions: FixAction[];
  if (v.caller === 'managed-identity') {
    text = `Assign the application role ${picks.join(', ')} on ${api.name} to this managed identity (an app-role assignment, not consent: managed identities cannot be given consent).`;
    actions = picks.map(grant);
  } else if (appOnly === true) {
    text = `Add ${picks.join(', ')} (application) on ${api.name} to the app registration and grant admin consent, or assign it to the service principal directly.`;
    actions = [...picks.map(consent), ...(v.oid ? picks.map(grant) : [])];
  } else if (appOnly === false) {
    text = `Add ${picks.join(', ')} (delegated) on ${api.name} to the app, consent to it, and request it at sign-in (scope "${api.resource}/${pick}").`;
    actions = picks.map(consent);
  } else {
    text = `App-only caller: add the application permission ${required.find((r) => r.endsWith('.All')) ?? pick} on ${api.name} and grant admin consent, or for a managed identity assign that app role to its service principal. Signed-in user: add the delegated permission ${required.find((r) => !r.endsWith('.All')) ?? pick} and consent. Load the token here to know which applies.`;
    actions = [];
  }
  return answerFinding(
    'missing-roles',
    'error',
    { required, roles: v.c?.roles ?? null, scp: v.c?.scopes ?? null },
    message,
    { text: `${text} Then get a new token: the old one keeps its old roles until it expires.`, actions },
  );
}
