/**
 * Reads what a pasted API answer says: a JSON or XML error body alone, a whole HTTP response (status
 * line, headers, body), a full exchange with the request line, an OAuth error redirect, or the text of a
 * sign-in error page. Linear time by construction: line scans with indexOf, one-pass JSON repair,
 * anchored patterns on bounded fields only, and a length limit per field.
 */
import { decodeBase64Bytes, decodeUtf8 } from '../token/base64url';
import { impliedStatus, recogniseFamily, type ErrorFamily } from './error-family';
import type { CorrelationIds } from './types';

export type { ErrorFamily } from './error-family';

/** The most a paste may hold: one answer, not a log file. */
export const MAX_ANSWER_LENGTH = 256 * 1024;
/** Longest message kept; longer ones are cut and a notice says so. */
export const MAX_MESSAGE_LENGTH = 8 * 1024;
/** Longest header value kept. */
export const MAX_HEADER_LENGTH = 8 * 1024;
/** Most headers kept. */
const MAX_HEADERS = 200;
/** Longest permission or role name read from a body. */
const MAX_PERMISSION_LENGTH = 128;
/** Most permission names read from one list. */
const MAX_PERMISSIONS = 64;

/** Why a pasted answer could not be read at all. */
export type ApiAnswerErrorCode = 'empty' | 'too-large';

export interface ApiAnswerError {
  readonly code: ApiAnswerErrorCode;
  readonly message: string;
}

/** A `WWW-Authenticate` challenge, with the CAE claims challenge decoded. */
export interface AuthChallenge {
  /** e.g. "Bearer". */
  readonly scheme: string;
  /** Parameter names lower-cased; values unquoted. */
  readonly params: ReadonlyMap<string, string>;
  /** `error=`, e.g. "insufficient_claims" or "invalid_token". */
  readonly error: string | null;
  readonly errorDescription: string | null;
  /** `claims=`, decoded; null when the challenge has none. */
  readonly claims: ClaimsChallenge | null;
}

/** A claims challenge (Continuous Access Evaluation, Conditional Access auth context). */
export interface ClaimsChallenge {
  /** As sent (base64). */
  readonly raw: string;
  /** The decoded JSON text, or null when it did not decode. */
  readonly json: string | null;
  /** Each claim the challenge asks for in the access token, e.g. `{ claim: 'nbf', value: '1604106651' }`. */
  readonly requested: readonly {
    readonly claim: string;
    readonly value: string | null;
    readonly essential: boolean;
  }[];
  /** Why it did not decode, when it did not. */
  readonly problem: string | null;
}

/** `x-ms-diagnostics` (SharePoint, Exchange): `<code>;reason="…";error_category="…"`. */
export interface MsDiagnostics {
  readonly raw: string;
  readonly code: string | null;
  readonly reason: string | null;
  readonly category: string | null;
}

/** What an Azure RBAC or Key Vault denial names. */
export interface RbacDenial {
  /** e.g. "Microsoft.Resources/subscriptions/resourcegroups/read" or a Key Vault data action. */
  readonly action: string | null;
  /** e.g. "/subscriptions/…/resourcegroups/rg". */
  readonly scope: string | null;
  /** The object ID the service saw (`object id '…'`, `oid=…`). */
  readonly principalId: string | null;
  /** The client (app) ID the service saw. */
  readonly clientId: string | null;
  /** True for `LinkedAuthorizationFailed` ("on the linked scope(s)"). */
  readonly linked: boolean;
  /** Key Vault access-policy denial: "does not have secrets get permission". */
  readonly accessPolicy: { readonly object: string; readonly permission: string } | null;
}

/** The permissions or roles an error body names. */
export interface NamedPermissions {
  /** What the API says it requires, as the API spells it (its list can differ from the docs). */
  readonly required: readonly string[];
  /** Whether any one of `required` would do, or all of them are needed. */
  readonly mode: 'any-of' | 'all-of';
  /** What the API says the token carried; null when the body does not say. */
  readonly granted: readonly string[] | null;
  /** Whether the body talks about app roles (`roles`) or delegated scopes (`scp`). */
  readonly kind: 'roles' | 'scopes' | 'unknown';
}

/** Everything a pasted API answer says, read once, for every rule to use. */
export interface ApiAnswer {
  /** HTTP status, from a status line or the text, or implied by the code; null when unknown. */
  readonly status: number | null;
  readonly statusSource: 'status-line' | 'text' | 'body' | 'implied' | null;
  /** From a pasted request line or request URL. */
  readonly method: string | null;
  readonly url: string | null;
  /** Lower-cased host of the pasted request (or `Host:` header). */
  readonly host: string | null;
  /** Response (and request) headers, names lower-cased; the first value wins. */
  readonly headers: ReadonlyMap<string, string>;
  readonly format: 'json' | 'xml' | 'text';
  readonly family: ErrorFamily;
  /** The error code as written, e.g. "Authorization_RequestDenied", "AuthorizationFailed". */
  readonly code: string | null;
  /** A nested code, e.g. Key Vault's `innerError.code` "ForbiddenByRbac". */
  readonly innerCode: string | null;
  readonly message: string | null;
  /** OAuth `error`, e.g. "invalid_client". */
  readonly oauthError: string | null;
  /** e.g. "AADSTS65001". */
  readonly aadsts: string | null;
  /** Microsoft.IdentityModel code, e.g. "IDX10214". */
  readonly idx: string | null;
  readonly permissions: NamedPermissions | null;
  readonly correlation: CorrelationIds;
  readonly challenge: AuthChallenge | null;
  readonly diagnostics: MsDiagnostics | null;
  /** `x-ms-error-code` header (Storage, Key Vault). */
  readonly errorCodeHeader: string | null;
  readonly rbac: RbacDenial | null;
  /** Things the reader had to cut or could not read, in words. */
  readonly notices: readonly string[];
}

export type ApiAnswerResult =
  { readonly ok: true; readonly answer: ApiAnswer } | { readonly ok: false; readonly error: ApiAnswerError };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;

/** ASCII-only lower case, so indices stay valid in the original text. */
function asciiLower(text: string): string {
  // The native lower-casing is fast; only when it changes the length (a few non-ASCII letters) fall back.
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

/** Straightens curly quotes and drops zero-width characters a chat or document may have added. */
function straighten(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\u00A0/g, ' ')
    .replace(/\r\n?/g, '\n');
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const REDIRECT_KEYS = new Set([
  'error',
  'error_description',
  'error_uri',
  'error_codes',
  'state',
  'correlation_id',
  'trace_id',
  'timestamp',
]);

/**
 * A sign-in redirect pasted as a URL carries its error URL-encoded (`?error=…&error_description=AADSTS…`):
 * turn each parameter into a `key: value` line so the line reader sees it.
 */
function decodeRedirect(text: string): string {
  const lowerText = asciiLower(text);
  if (!lowerText.includes('error=') && !lowerText.includes('error_description=')) return text;
  const lines: string[] = [];
  let changed = false;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const q = Math.max(trimmed.indexOf('?'), trimmed.indexOf('#'));
    if (q < 0 || trimmed.includes(' ') || !asciiLower(trimmed).includes('error')) {
      lines.push(line);
      continue;
    }
    const parts = trimmed.slice(q + 1).split(/[&#?]/);
    const found: string[] = [];
    for (const part of parts) {
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      const key = asciiLower(part.slice(0, eq));
      if (REDIRECT_KEYS.has(key)) found.push(`${key}: ${decodeComponent(part.slice(eq + 1))}`);
    }
    if (found.length === 0) lines.push(line);
    else {
      changed = true;
      lines.push(trimmed.slice(0, q), ...found);
    }
  }
  return changed ? lines.join('\n') : text;
}

/**
 * Repairs common damage in one pass (single quotes, trailing or doubled commas, raw newlines in strings,
 * a cut-off end) and returns the first JSON value's text. Linear: each character is visited once, and the
 * look-ahead after a comma only crosses the whitespace up to the next token.
 */
function repairJson(text: string, start: number): string {
  const out: string[] = [];
  const stack: string[] = [];
  let quote: '"' | "'" | null = null;
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote) {
      if (ch === '\\') {
        const next = text[i + 1] ?? '';
        if (quote === "'" && next === "'") out.push("'");
        else out.push(ch, next);
        i++;
      } else if (ch === quote) {
        out.push('"');
        quote = null;
      } else if (ch === '"') out.push('\\"');
      else if (ch === '\n') out.push('\\n');
      else if (ch === '\t') out.push('\\t');
      else out.push(ch);
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      out.push('"');
    } else if (/[A-Za-z_$]/.test(ch) && stack[stack.length - 1] === '}' && expectKey(out)) {
      // A JavaScript object literal from a console (`{ error: { code: 'Forbidden' } }`): quote the key.
      let j = i;
      while (j < text.length && j - i < 64 && /[\w$-]/.test(text[j] ?? '')) j++;
      out.push('"', text.slice(i, j), '"');
      i = j - 1;
    } else if (ch === '{' || ch === '[') {
      stack.push(ch === '{' ? '}' : ']');
      out.push(ch);
    } else if (ch === '}' || ch === ']') {
      if (stack.length > 0) stack.pop();
      out.push(ch);
      if (stack.length === 0) return out.join('');
    } else if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] ?? '')) j++;
      const next = text[j];
      if (next !== '}' && next !== ']' && next !== ',' && j < text.length) out.push(ch);
    } else out.push(ch);
  }
  if (quote) out.push('"');
  // A value cut after a key or a colon cannot be closed into valid JSON; drop the dangling piece.
  let joined = out.join('').trimEnd();
  if (joined.endsWith(':')) joined += 'null';
  while (stack.length > 0) joined += stack.pop() ?? '';
  return joined;
}

/** True when the next token inside an object is a key: the last thing written is `{` or `,`. */
function expectKey(out: readonly string[]): boolean {
  for (let k = out.length - 1; k >= 0 && k >= out.length - 64; k--) {
    const piece = (out[k] ?? '').trim();
    if (piece === '') continue;
    return piece.endsWith('{') || piece.endsWith(',');
  }
  return false;
}

/** The JSON object in a paste: as is first, then repaired. Null when there is none. */
function parseJsonLoosely(text: string, notices: string[]): Json | null {
  // Candidates: braces that open a line (a body under headers), then the first brace anywhere.
  const starts: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length && starts.length < 4) {
    let k = lineStart;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
    if (text[k] === '{') starts.push(k);
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  const first = text.indexOf('{');
  if (first >= 0 && !starts.includes(first)) starts.push(first);
  let tried = false;
  for (const start of starts) {
    let k = start + 1;
    while (k < text.length && /\s/.test(text[k] ?? '')) k++;
    // A brace in prose ("/users/{id}") is not a body.
    if (!/["'}A-Za-z_]/.test(text[k] ?? '')) continue;
    tried = true;
    try {
      const value: unknown = JSON.parse(repairJson(text, start));
      if (isObject(value)) return value;
    } catch {
      // try the next candidate
    }
  }
  if (tried)
    notices.push('The JSON body did not parse, even repaired; fields were read from the text instead.');
  return null;
}

/** Looks keys up case-insensitively, breadth first through nested objects. Own properties only. */
function findKey(obj: Json | null, keys: readonly string[]): string | null {
  if (!obj) return null;
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  const queue: Json[] = [obj];
  let visited = 0;
  while (queue.length > 0 && visited < 500) {
    const cur = queue.shift();
    visited++;
    if (!cur) break;
    for (const [k, v] of Object.entries(cur)) {
      if (wanted.has(k.toLowerCase())) {
        const s = str(v);
        if (s !== null) return s;
      }
    }
    for (const v of Object.values(cur)) if (isObject(v)) queue.push(v);
  }
  return null;
}

/** Reads `"key": "value"` from text that would not parse; indexOf only, first good hit wins. */
function scrapeQuoted(text: string, lowerText: string, key: string): string | null {
  const needle = `"${key.toLowerCase()}"`;
  let from = 0;
  for (let tries = 0; tries < 20; tries++) {
    const at = lowerText.indexOf(needle, from);
    if (at < 0) return null;
    let i = at + needle.length;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === ':') {
      i++;
      while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
      if (text[i] === '"') {
        const value: string[] = [];
        for (let j = i + 1; j < text.length && value.length < MAX_MESSAGE_LENGTH; j++) {
          const ch = text[j];
          if (ch === '\\') {
            const next = text[j + 1] ?? '';
            value.push(next === 'n' ? '\n' : next);
            j++;
          } else if (ch === '"' || ch === '\n') break;
          else value.push(ch ?? '');
        }
        if (value.length > 0) return value.join('');
      } else {
        let end = i;
        while (end < text.length && /[\w.-]/.test(text[end] ?? '')) end++;
        if (end > i) return text.slice(i, end);
      }
    }
    from = at + needle.length;
  }
  return null;
}

/** `<Code>…</Code>` in an XML body (Storage), by indexOf. */
function xmlElement(text: string, lowerText: string, name: string): string | null {
  const open = `<${name.toLowerCase()}>`;
  const at = lowerText.indexOf(open);
  if (at < 0) return null;
  const end = lowerText.indexOf(`</${name.toLowerCase()}>`, at);
  const value = text.slice(at + open.length, end < 0 ? undefined : end).trim();
  return value === '' ? null : value;
}

const HEADER_NAME = /^[A-Za-z][\w-]{0,63}$/;
const LABEL_NAME = /^[A-Za-z][A-Za-z ]{0,30}$/;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

interface Lines {
  status: number | null;
  method: string | null;
  url: string | null;
  headers: Map<string, string>;
  /** `Trace ID: …`-style labelled lines, names lower-cased. */
  labels: Map<string, string>;
  /** Lines that are neither headers nor labels nor JSON: candidates for a plain-text message. */
  prose: string[];
}

function statusIn(text: string): number | null {
  const n = Number(text.slice(0, 3));
  return text.length >= 3 &&
    /^[1-5]\d\d$/.test(text.slice(0, 3)) &&
    (text.length === 3 || !/\d/.test(text[3] ?? ''))
    ? n
    : null;
}

/** Scans the lines outside the body: status and request lines, headers, labelled lines, prose. */
function scanLines(text: string, notices: string[]): Lines {
  const out: Lines = {
    status: null,
    method: null,
    url: null,
    headers: new Map(),
    labels: new Map(),
    prose: [],
  };
  let inBody = false;
  let cut = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const first = line[0];
    if (first === '{' || first === '[' || first === '<') inBody = true;
    if (
      inBody &&
      (first === '"' || first === '}' || first === ']' || first === '{' || first === '<' || first === '[')
    )
      continue;
    if (line.length > 5 && asciiLower(line.slice(0, 5)) === 'http/') {
      inBody = false;
      const sp = line.indexOf(' ');
      const status = sp > 0 ? statusIn(line.slice(sp + 1).trimStart()) : null;
      if (status !== null && out.status === null) out.status = status;
      continue;
    }
    const sp = line.indexOf(' ');
    const word = sp > 0 ? line.slice(0, sp) : line;
    if (METHODS.has(word.toUpperCase()) && sp > 0 && out.url === null) {
      const rest = line.slice(sp + 1).trim();
      const end = rest.indexOf(' ');
      out.method = word.toUpperCase();
      out.url = end < 0 ? rest : rest.slice(0, end);
      continue;
    }
    if ((word.startsWith('https://') || word.startsWith('http://')) && out.url === null && sp < 0) {
      out.url = word;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0 && !inBody) {
      const name = line.slice(0, colon).trim();
      let value = line.slice(colon + 1).trim();
      if (value.length > MAX_HEADER_LENGTH) {
        value = value.slice(0, MAX_HEADER_LENGTH);
        if (!cut)
          notices.push(`A header value was cut at ${MAX_HEADER_LENGTH.toLocaleString('en')} characters.`);
        cut = true;
      }
      const lowerName = name.toLowerCase();
      if (HEADER_NAME.test(name) && !/^(?:aadsts|idx)\d/.test(lowerName) && !lowerName.startsWith('http')) {
        if (out.headers.size < MAX_HEADERS && !out.headers.has(lowerName)) out.headers.set(lowerName, value);
        continue;
      }
      if (LABEL_NAME.test(name)) {
        if (!out.labels.has(lowerName)) out.labels.set(lowerName, value);
        continue;
      }
    }
    // Chrome's ":status: 403" pseudo-header and "Status Code: 403 Forbidden".
    if (line.startsWith(':status:')) {
      out.status ??= statusIn(line.slice(8).trim());
      continue;
    }
    if (!inBody) out.prose.push(line);
  }
  const statusLabel = out.headers.get('status') ?? out.labels.get('status code') ?? null;
  if (out.status === null && statusLabel) out.status = statusIn(statusLabel);
  const requestUrl = out.labels.get('request url') ?? null;
  if (out.url === null && requestUrl) out.url = requestUrl;
  const requestMethod = out.labels.get('request method') ?? null;
  if (out.method === null && requestMethod && METHODS.has(requestMethod.toUpperCase()))
    out.method = requestMethod.toUpperCase();
  return out;
}

/** Statuses written in prose: "(403) Forbidden", "status code 403", "403 Forbidden", `"statusCode": 403`. */
function statusInText(lowerText: string): number | null {
  const probes: readonly [string, number][] = [
    ['(401)', 1],
    ['(403)', 1],
    ['status code: ', 13],
    ['status code ', 12],
    ['"statuscode":', 13],
    ['"status":', 9],
    ['statuscode: ', 12],
    ['success: ', 9],
  ];
  for (const [needle, skip] of probes) {
    const at = lowerText.indexOf(needle);
    if (at < 0) continue;
    const status = statusIn(lowerText.slice(at + skip, at + skip + 8).trimStart());
    if (status !== null) return status;
  }
  for (const [phrase, status] of [
    ['401 unauthorized', 401],
    ['403 forbidden', 403],
  ] as const)
    if (lowerText.includes(phrase)) return status;
  return null;
}

/** Splits on separators and keeps only the words shaped like permission names (`Ti.ReadWrite.All`). */
function permissionNames(segment: string): string[] {
  const found: string[] = [];
  for (const raw of segment.split(/[\s,;'"()[\]]+/)) {
    let end = raw.length;
    while (end > 0 && raw[end - 1] === '.') end--;
    const word = raw.slice(0, end);
    if (word.length > MAX_PERMISSION_LENGTH || word.length === 0) continue;
    if (/^[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+$/.test(word) && !found.includes(word)) found.push(word);
    if (found.length >= MAX_PERMISSIONS) break;
  }
  return found;
}

/** The piece of `text` after `needle` (case-insensitive), up to the first of `stops` or the end of the line. */
function after(text: string, lowerText: string, needle: string, stops: readonly string[]): string | null {
  const at = lowerText.indexOf(needle);
  if (at < 0) return null;
  const from = at + needle.length;
  let end = lowerText.indexOf('\n', from);
  if (end < 0) end = text.length;
  for (const stop of stops) {
    const s = lowerText.indexOf(stop, from);
    if (s >= 0 && s < end) end = s;
  }
  return text.slice(from, end);
}

/** The permissions an error message names: Defender's and Graph's sentences, and "all of" lists. */
function readPermissions(message: string): NamedPermissions | null {
  const lowerMsg = asciiLower(message);
  const defender = after(message, lowerMsg, 'api required roles:', ['application roles:', 'user roles:']);
  if (defender !== null) {
    const granted = after(message, lowerMsg, 'application roles:', []);
    return {
      required: permissionNames(defender),
      mode: 'any-of',
      granted: granted === null ? null : permissionNames(granted),
      kind: 'roles',
    };
  }
  for (const [needle, mode] of [
    ['requires one of', 'any-of'],
    ['requires any of', 'any-of'],
    ['requires all of', 'all-of'],
    ['requires the following permissions', 'all-of'],
  ] as const) {
    const required = after(message, lowerMsg, needle, [
      '. roles on',
      '. scopes on',
      'roles on the request',
      'scopes on the request',
    ]);
    if (required === null) continue;
    const roles = after(message, lowerMsg, 'roles on the request', []);
    const scopes = after(message, lowerMsg, 'scopes on the request', []);
    const grantedText = roles ?? scopes;
    const kind =
      lowerMsg.includes('missing role permissions') || roles !== null
        ? 'roles'
        : lowerMsg.includes('missing scope permissions') || scopes !== null
          ? 'scopes'
          : 'unknown';
    return {
      required: permissionNames(required),
      mode,
      granted: grantedText === null ? null : permissionNames(grantedText),
      kind,
    };
  }
  if (lowerMsg.includes('either scp or roles claim need to be present'))
    return { required: [], mode: 'any-of', granted: [], kind: 'unknown' };
  return null;
}

/** A quoted value after a phrase: `perform action 'X'`, `over scope 'Y'`. */
function quotedAfter(text: string, lowerText: string, needle: string): string | null {
  const at = lowerText.indexOf(needle);
  if (at < 0) return null;
  let i = at + needle.length;
  while (i < text.length && text[i] === ' ') i++;
  const q = text[i];
  if (q !== "'" && q !== '"') return null;
  const end = text.indexOf(q, i + 1);
  if (end < 0 || end - i > 2048) return null;
  return text.slice(i + 1, end).trim() || null;
}

/** `key=value` inside a `;`-separated caller string (`appid=…;oid=…;iss=…`). */
function pairValue(text: string, lowerText: string, key: string): string | null {
  const at = lowerText.indexOf(`${key}=`);
  if (at < 0) return null;
  const from = at + key.length + 1;
  let end = from;
  while (end < text.length && end - from < 128 && /[\w-]/.test(text[end] ?? '')) end++;
  return end > from ? text.slice(from, end) : null;
}

/** An Azure RBAC or Key Vault denial's action, scope and principal. */
function readRbac(message: string): RbacDenial | null {
  const lowerMsg = asciiLower(message);
  const action =
    quotedAfter(message, lowerMsg, 'perform action') ?? quotedAfter(message, lowerMsg, 'action:');
  const linkedScope = quotedAfter(message, lowerMsg, 'on the linked scope(s)');
  const scope =
    quotedAfter(message, lowerMsg, 'over scope') ??
    linkedScope ??
    quotedAfter(message, lowerMsg, 'resource:');
  const principalId = quotedAfter(message, lowerMsg, 'with object id') ?? pairValue(message, lowerMsg, 'oid');
  const clientId = quotedAfter(message, lowerMsg, 'the client') ?? pairValue(message, lowerMsg, 'appid');
  let accessPolicy: RbacDenial['accessPolicy'] = null;
  const policy = after(message, lowerMsg, 'does not have ', [' permission on key vault']);
  if (policy !== null && lowerMsg.includes('permission on key vault')) {
    const [object, permission] = policy.trim().split(' ');
    if (object && permission)
      accessPolicy = { object: object.toLowerCase(), permission: permission.toLowerCase() };
  }
  if (!action && !scope && !accessPolicy) return null;
  return {
    action,
    scope,
    principalId,
    clientId: clientId && clientId !== principalId ? clientId : null,
    linked: linkedScope !== null,
    accessPolicy,
  };
}

/** Splits a `WWW-Authenticate` value into scheme and parameters, honouring quotes. Linear. */
export function parseChallenge(value: string): AuthChallenge | null {
  const text = value.trim();
  if (text === '') return null;
  const sp = text.indexOf(' ');
  const scheme = sp < 0 ? text : text.slice(0, sp);
  const params = new Map<string, string>();
  let i = sp < 0 ? text.length : sp + 1;
  while (i < text.length && params.size < 50) {
    while (i < text.length && (text[i] === ' ' || text[i] === ',')) i++;
    const eq = text.indexOf('=', i);
    if (eq < 0) break;
    const name = text.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    let v: string;
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      v = text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
    } else {
      const end = text.indexOf(',', i);
      v = text.slice(i, end < 0 ? text.length : end).trim();
      i = end < 0 ? text.length : end + 1;
    }
    if (name !== '' && !params.has(name)) params.set(name, v);
  }
  const claims = params.get('claims');
  return {
    scheme,
    params,
    error: params.get('error') ?? null,
    errorDescription: params.get('error_description') ?? null,
    claims: claims ? decodeClaimsChallenge(claims) : null,
  };
}

/** Decodes a `claims=` challenge (standard base64 or base64url, or plain JSON) and lists what it asks for. */
export function decodeClaimsChallenge(raw: string): ClaimsChallenge {
  const trimmed = raw.trim();
  let json: string | null = null;
  if (trimmed.startsWith('{')) json = trimmed;
  else {
    const bytes = decodeBase64Bytes(trimmed);
    json = bytes ? decodeUtf8(bytes) : null;
  }
  if (json === null)
    return {
      raw: trimmed,
      json: null,
      requested: [],
      problem: 'The claims value is not base64 of JSON text.',
    };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { raw: trimmed, json, requested: [], problem: 'The claims value decodes, but not to JSON.' };
  }
  const requested: { claim: string; value: string | null; essential: boolean }[] = [];
  const access = isObject(value) ? value['access_token'] : null;
  if (isObject(access)) {
    for (const [claim, spec] of Object.entries(access)) {
      if (!isObject(spec)) {
        requested.push({ claim, value: null, essential: false });
        continue;
      }
      const values = Array.isArray(spec['values'])
        ? spec['values']
            .map(str)
            .filter((v) => v !== null)
            .join(', ')
        : null;
      requested.push({
        claim,
        value: str(spec['value']) ?? (values || null),
        essential: spec['essential'] === true,
      });
    }
  }
  return {
    raw: trimmed,
    json,
    requested,
    problem: isObject(access) ? null : 'The claims challenge names no access_token claims.',
  };
}

/** Reads `x-ms-diagnostics: 2000008;reason="…";error_category="…"`. */
export function parseDiagnostics(raw: string): MsDiagnostics {
  const lowerRaw = asciiLower(raw);
  const semi = raw.indexOf(';');
  const head = (semi < 0 ? raw : raw.slice(0, semi)).trim();
  return {
    raw,
    code: /^\d{1,10}$/.test(head) ? head : null,
    reason: quotedAfter(raw, lowerRaw, 'reason='),
    category: quotedAfter(raw, lowerRaw, 'error_category=') ?? quotedAfter(raw, lowerRaw, 'category='),
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** The first `prefix` + digits in the text, e.g. "AADSTS65001" or "IDX10214"; indexOf scan. */
function codeWithDigits(
  text: string,
  lowerText: string,
  prefix: string,
  min: number,
  max: number,
): string | null {
  let from = 0;
  for (let tries = 0; tries < 50; tries++) {
    const at = lowerText.indexOf(prefix, from);
    if (at < 0) return null;
    let end = at + prefix.length;
    while (end < text.length && end - at - prefix.length < max + 1 && /\d/.test(text[end] ?? '')) end++;
    const digits = end - at - prefix.length;
    if (digits >= min && digits <= max)
      return `${prefix.toUpperCase()}${text.slice(at + prefix.length, end)}`;
    from = at + prefix.length;
  }
  return null;
}

/** The rest of the line after `label` (case-insensitive) in a short text. */
function labelIn(text: string, label: string): string | null {
  const value = after(text, asciiLower(text), label, [])?.trim();
  return value ? value.slice(0, 128) : null;
}

function clip(value: string | null, notices: string[], what: string): string | null {
  if (value === null || value.length <= MAX_MESSAGE_LENGTH) return value;
  notices.push(`The ${what} was cut at ${MAX_MESSAGE_LENGTH.toLocaleString('en')} characters.`);
  return value.slice(0, MAX_MESSAGE_LENGTH);
}

/** A 36-character GUID-ish value after a label in prose ("Trace ID: …"). */
function idAfter(text: string, lowerText: string, label: string): string | null {
  const at = lowerText.indexOf(label);
  if (at < 0) return null;
  const v = text
    .slice(at + label.length, at + label.length + 60)
    .trimStart()
    .slice(0, 36);
  return /^[0-9a-f-]{36}$/i.test(v) ? v : null;
}

/**
 * Reads a pasted API answer into its parts: status, request host, headers, error code and message, the
 * permissions and roles it names, correlation IDs, a CAE challenge, `x-ms-diagnostics`, an Azure RBAC
 * action and scope, AADSTS and IDX codes, and the error family. Does not look at any token, does not
 * judge (rules do), never throws; only empty or oversized input is refused.
 */
export function readApiAnswer(text: string): ApiAnswerResult {
  if (text.trim() === '')
    return { ok: false, error: { code: 'empty', message: 'Paste the error the API returned.' } };
  if (text.length > MAX_ANSWER_LENGTH)
    return {
      ok: false,
      error: { code: 'too-large', message: 'That is too long to be one error (over 256 KB).' },
    };
  const notices: string[] = [];
  const clean = straighten(decodeRedirect(text));
  const lowerClean = asciiLower(clean);
  const lines = scanLines(clean, notices);
  const json = parseJsonLoosely(clean, notices);
  const isXml = json === null && lowerClean.includes('<error>');
  const errorNode = json && isObject(json['error']) ? json['error'] : json;
  const oauthError =
    (json && typeof json['error'] === 'string' ? json['error'] : null) ?? lines.headers.get('error') ?? null;
  const header = (name: string): string | null => lines.headers.get(name) ?? null;
  const label = (name: string): string | null => lines.labels.get(name) ?? null;
  const scraped = (key: string): string | null => (json ? null : scrapeQuoted(clean, lowerClean, key));

  const code =
    findKey(errorNode, ['code']) ??
    (isXml ? xmlElement(clean, lowerClean, 'Code') : null) ??
    scraped('code') ??
    header('code') ??
    label('code') ??
    oauthError;
  const innerNode =
    errorNode && isObject(errorNode['innerError'])
      ? errorNode['innerError']
      : errorNode && isObject(errorNode['innererror'])
        ? errorNode['innererror']
        : null;
  const innerCode = findKey(innerNode, ['code']);
  const aadstsLine = lines.prose.find((l) => asciiLower(l).includes('aadsts')) ?? null;
  const message = clip(
    findKey(errorNode, ['message', 'error_description', 'Message']) ??
      (isXml ? xmlElement(clean, lowerClean, 'Message') : null) ??
      scraped('message') ??
      scraped('error_description') ??
      header('error_description') ??
      header('message') ??
      label('message') ??
      aadstsLine ??
      (json ? null : (lines.prose.find((l) => /\w/.test(l)) ?? null)),
    notices,
    'message',
  );
  const detail = isXml ? xmlElement(clean, lowerClean, 'AuthenticationErrorDetail') : null;
  const all = `${clean}\n${message ?? ''}`;
  const lowerAll = asciiLower(all);
  const errorCodes = json && Array.isArray(json['error_codes']) ? str(json['error_codes'][0]) : null;
  const aadsts =
    codeWithDigits(all, lowerAll, 'aadsts', 4, 8) ??
    (errorCodes && /^\d{4,8}$/.test(errorCodes) ? `AADSTS${errorCodes}` : null);
  const idx = codeWithDigits(all, lowerAll, 'idx', 5, 5);

  const wwwAuth = header('www-authenticate');
  const challenge = wwwAuth ? parseChallenge(wwwAuth) : null;
  const diagnosticsRaw = header('x-ms-diagnostics');
  const errorCodeHeader = header('x-ms-error-code');
  const rbac = readRbac(`${message ?? ''}\n${detail ?? ''}`);
  const permissions = readPermissions(message ?? clean.slice(0, MAX_MESSAGE_LENGTH));

  const url = lines.url;
  const host = hostOf(url) ?? header('host')?.toLowerCase() ?? null;
  // Storage puts its IDs inside the XML message: "RequestId:…\nTime:…".
  const storageRequestId = isXml && message ? labelIn(message, 'requestid:') : null;
  const storageTime = isXml && message ? labelIn(message, 'time:') : null;
  const get = (keys: readonly string[]): string | null => {
    for (const k of keys) {
      const v = header(k) ?? label(k);
      if (v) return v;
    }
    return (
      findKey(json, keys) ??
      (json ? null : (keys.map((k) => scrapeQuoted(clean, lowerClean, k)).find((v) => v) ?? null))
    );
  };
  const correlation: CorrelationIds = {
    requestId: get(['request-id', 'requestId', 'x-ms-request-id']) ?? storageRequestId,
    clientRequestId: get(['client-request-id', 'clientRequestId', 'x-ms-client-request-id']),
    date:
      findKey(errorNode, ['date']) ??
      header('date') ??
      (json ? null : scrapeQuoted(clean, lowerClean, 'date')),
    traceId: get(['trace_id', 'traceId', 'trace id']) ?? idAfter(all, lowerAll, 'trace id:'),
    correlationId:
      get(['correlation_id', 'correlationId', 'x-ms-correlation-request-id', 'correlation id']) ??
      idAfter(all, lowerAll, 'correlation id:'),
    timestamp: get(['timestamp']) ?? storageTime,
    target: findKey(errorNode, ['target']) ?? (json ? null : scrapeQuoted(clean, lowerClean, 'target')),
  };

  const textStatus = lines.status === null ? statusInText(lowerClean.slice(0, 4096)) : null;
  const bodyStatus = json ? findKey(json, ['status', 'statusCode']) : null;
  const family = recogniseFamily({
    status: lines.status ?? textStatus,
    code,
    innerCode,
    message,
    text: clean.slice(0, 64 * 1024),
    host,
    aadsts,
    idx,
    errorCodeHeader,
    challengeError: challenge?.error ?? null,
    hasRbacAction: rbac?.action != null,
  });
  const bodyStatusNumber = bodyStatus && /^[1-5]\d\d$/.test(bodyStatus) ? Number(bodyStatus) : null;
  const implied = impliedStatus(family, code);
  const [status, statusSource] =
    lines.status !== null
      ? [lines.status, 'status-line' as const]
      : textStatus !== null
        ? [textStatus, 'text' as const]
        : bodyStatusNumber !== null
          ? [bodyStatusNumber, 'body' as const]
          : implied !== null && family !== 'aadsts'
            ? [implied, 'implied' as const]
            : [null, null];

  return {
    ok: true,
    answer: {
      status,
      statusSource,
      method: lines.method,
      url,
      host,
      headers: lines.headers,
      format: json ? 'json' : isXml ? 'xml' : 'text',
      family,
      code,
      innerCode,
      message,
      oauthError,
      aadsts,
      idx,
      permissions,
      correlation,
      challenge,
      diagnostics: diagnosticsRaw ? parseDiagnostics(diagnosticsRaw) : null,
      errorCodeHeader,
      rbac,
      notices,
    },
  };
}
