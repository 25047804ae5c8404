import type { Classification, DecodedJwt } from '../../token';
import type { DiagnosisContext } from '../context';
import { describeAudience, MDE_APP_ID, XDR_APP_ID } from '../hosts';
import { findRequiredPermissions } from '../required-permissions';
import type { AcceptedPermission, ParsedRequest, RequiredPermissions, TargetApi } from '../types';

/** Who the token acts for: `classifyToken`'s answer, the one the summary shows too. */
export type Caller = Classification['caller'];

/** What every rule needs from a token and a request together, computed once per context. */
export interface TokenRequestFacts {
  readonly token: DecodedJwt;
  readonly c: Classification;
  readonly payload: DecodedJwt['payload'];
  readonly request: ParsedRequest;
  readonly required: RequiredPermissions;
  readonly api: TargetApi | null;
  readonly caller: Caller;
  readonly appOnly: boolean;
  readonly oid: string | null;
  readonly isIdToken: boolean;
  /** The token is an access token for the API the request goes to (or no API to compare with). */
  readonly audienceOk: boolean;
  /** Permission checks make sense: an access token for this API. */
  readonly checkPermissions: boolean;
  /** The permissions the token holds that the request accepts, of the token's own scheme. */
  readonly present: readonly AcceptedPermission[];
  /** The permissions the token holds in its own scheme (`roles` app-only, `scp` delegated). */
  readonly held: readonly string[];
}

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export const has = (held: readonly string[], value: string): boolean =>
  held.some((h) => h.toLowerCase() === value.toLowerCase());

/** Which kind of resource the audience must name for this request. */
function audienceFits(
  aud: string | null,
  api: TargetApi,
  request: ParsedRequest,
  required: RequiredPermissions,
): boolean {
  const info = describeAudience(aud);
  if (!info) return false;
  if (request.api === 'graph') return info.appId === api.appId;
  if (request.api === 'defender') {
    if (required.known) return info.appId === required.api.appId;
    // Endpoint unknown: api.security hosts serve both Defender APIs, api.securitycenter only MDE.
    return info.appId === MDE_APP_ID || (request.defenderHost === 'security' && info.appId === XDR_APP_ID);
  }
  return false;
}

const requiredCache = new WeakMap<DiagnosisContext, RequiredPermissions | null>();
const factsCache = new WeakMap<DiagnosisContext, TokenRequestFacts | null>();

/** What the request accepts, from the catalog; null without a request. Computed once per context. */
export function requiredOf(ctx: DiagnosisContext): RequiredPermissions | null {
  if (requiredCache.has(ctx)) return requiredCache.get(ctx) ?? null;
  const required = ctx.request ? findRequiredPermissions(ctx.catalog, ctx.request) : null;
  requiredCache.set(ctx, required);
  return required;
}

/**
 * The facts the token-and-request rules share, or null when either is missing. Computed once per
 * context (the context object is the cache key), so rules may call it freely.
 */
export function factsOf(ctx: DiagnosisContext): TokenRequestFacts | null {
  if (factsCache.has(ctx)) return factsCache.get(ctx) ?? null;
  const facts = computeFacts(ctx);
  factsCache.set(ctx, facts);
  return facts;
}

function computeFacts(ctx: DiagnosisContext): TokenRequestFacts | null {
  const { token: evidence, request } = ctx;
  const required = requiredOf(ctx);
  if (!evidence || !request || !required) return null;
  const c = evidence.facts;
  const payload = evidence.decoded.payload;
  const caller = c.caller;
  const appOnly = caller === 'app-only' || caller === 'managed-identity';
  const api = required.api;
  const isIdToken = c.kind === 'id';
  const audienceOk =
    isIdToken || !api || request.api === 'other' ? true : audienceFits(c.audience, api, request, required);
  const checkPermissions = !isIdToken && audienceOk;
  const held = appOnly ? c.roles : c.scopes;
  const present =
    checkPermissions && required.known
      ? (appOnly ? required.application : required.delegated).filter((p) => has(held, p.value))
      : [];
  return {
    token: evidence.decoded,
    c,
    payload,
    request,
    required,
    api,
    caller,
    appOnly,
    oid: str(payload['oid']),
    isIdToken,
    audienceOk,
    checkPermissions,
    present,
    held,
  };
}

/** The scope to request for this API: `/.default` app-only, the least delegated permission otherwise. */
export function scopeFor(f: TokenRequestFacts, target: TargetApi): string {
  if (f.appOnly) return `${target.resource}/.default`;
  const least = f.required.known ? f.required.delegated[0]?.value : undefined;
  return `${target.resource}/${least ?? '.default'}`;
}

/** Comma-separated permission values. */
export function listValues(values: readonly AcceptedPermission[]): string {
  return values.map((p) => p.value).join(', ');
}
