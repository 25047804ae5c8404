import { isOpaqueTokenShape } from './decode';
import type { FindResult, FoundToken, TokenSource } from './types';

/**
 * Largest paste we look at, in UTF-16 code units (256 Ki). Real tokens are a few KB; a whole HAR file or
 * log dump is not something to scan in the browser's main thread. Longer input is refused at once,
 * before any pattern runs over it.
 */
export const MAX_INPUT_LENGTH = 256 * 1024;

const JWT_CHAR = 'A-Za-z0-9_\\-';
/** Characters an opaque bearer value may contain (base64, base64url, URL-safe punctuation). */
const VALUE = '[A-Za-z0-9_\\-.~+/=%]+';
/** Three-part JWT or five-part JWE starting with a JSON header (`{"` is `eyJ` in base64url). */
const JWT_PATTERN = new RegExp(
  `(?<![${JWT_CHAR}.])eyJ[${JWT_CHAR}]*\\.[${JWT_CHAR}]*\\.[${JWT_CHAR}]*(?:\\.[${JWT_CHAR}]*\\.[${JWT_CHAR}]*)?`,
  'g',
);
const ENTRA_OPAQUE_PATTERN =
  /(?<![A-Za-z0-9_\-.+/])(?:EwB[A-Za-z0-9+/_-]{40,}={0,2}|[01]\.A[A-Za-z0-9_\-.]{40,})/g;
const URL_PARAM_PATTERN = new RegExp(
  `(^|[?#&\\s"'(<])(access_token|id_token|token)=(${VALUE.replace('%', '%')})`,
  'gi',
);
const JSON_KEY_PATTERN = new RegExp(
  `"(access_token|id_token|token|accessToken|idToken)"\\s*:\\s*"(${VALUE})"`,
  'g',
);
const AUTH_HEADER_PATTERN = new RegExp(
  `\\bAuthorization\\b["']?\\s*[:=]\\s*["']?\\s*Bearer\\s+(${VALUE})`,
  'gi',
);
const BEARER_PATTERN = new RegExp(`\\bBearer\\s+(${VALUE})`, 'gi');
const CURL_BEARER_PATTERN = new RegExp(`--oauth2-bearer\\s+["']?(${VALUE})`, 'g');
const PS_VARIABLE_PATTERN = new RegExp(`\\$([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*["'](${VALUE})["']`, 'g');

interface Match {
  readonly index: number;
  readonly value: string;
  readonly source: TokenSource;
  readonly label: string | null;
  /** Higher wins when the same token is found by several patterns. */
  readonly rank: number;
}

const RANK: Readonly<Record<TokenSource, number>> = {
  bare: 0,
  bearer: 1,
  'authorization-header': 2,
  json: 3,
  'url-query': 3,
  'url-fragment': 3,
  curl: 4,
  powershell: 4,
};

/**
 * Finds tokens in pasted text: a bare JWT or JWE, `Bearer …`, an `Authorization:` header line, curl and
 * PowerShell command lines, URLs and fragments with `access_token=`/`id_token=`/`token=` (percent-decoded),
 * JSON token responses, and opaque Entra tokens. Tokens wrapped across lines or split by spaces around the
 * dots are joined. Results are deduplicated and in the order they appear.
 * Does not decode or validate the tokens (decodeToken does), and refuses input over MAX_INPUT_LENGTH.
 */
export function findTokens(text: string): FindResult {
  try {
    return findUnsafe(text);
  } catch {
    return { ok: false, error: { code: 'no-token-found', message: NO_TOKEN_MESSAGE } };
  }
}

const NO_TOKEN_MESSAGE =
  'No token found. Paste a token (a JWT starts with "eyJ"), an Authorization header, a curl or PowerShell command, or a redirect URL.';

function findUnsafe(text: string): FindResult {
  if (typeof text !== 'string' || text.length === 0)
    return { ok: false, error: { code: 'empty', message: 'Nothing was pasted.' } };
  if (text.length > MAX_INPUT_LENGTH) {
    return {
      ok: false,
      error: {
        code: 'too-large',
        message: `The paste is ${Math.round(text.length / 1024)} KB; the limit is ${MAX_INPUT_LENGTH / 1024} KB. Paste just the token or the request.`,
      },
    };
  }
  if (text.trim() === '')
    return { ok: false, error: { code: 'empty', message: 'Nothing was pasted (only whitespace).' } };

  const joined = joinWrapped(text);
  const matches: Match[] = [];
  const add = (index: number, value: string, source: TokenSource, label: string | null): void => {
    const clean = value.replace(/\s+/g, '');
    if (clean === '' || !looksLikeToken(clean)) return;
    matches.push({ index, value: clean, source, label, rank: RANK[source] });
  };

  for (const m of joined.matchAll(URL_PARAM_PATTERN)) {
    const lead = m[1] ?? '';
    const name = m[2] ?? '';
    const source = urlSource(joined, m.index + lead.length);
    add(m.index, percentDecode(m[3] ?? ''), source, name);
  }
  for (const m of joined.matchAll(JSON_KEY_PATTERN)) add(m.index, m[2] ?? '', 'json', m[1] ?? null);
  for (const m of joined.matchAll(AUTH_HEADER_PATTERN)) {
    add(m.index, m[1] ?? '', commandSource(joined, m.index) ?? 'authorization-header', 'Authorization');
  }
  for (const m of joined.matchAll(BEARER_PATTERN))
    add(m.index, m[1] ?? '', commandSource(joined, m.index) ?? 'bearer', null);
  for (const m of joined.matchAll(CURL_BEARER_PATTERN)) add(m.index, m[1] ?? '', 'curl', '--oauth2-bearer');
  for (const m of joined.matchAll(PS_VARIABLE_PATTERN)) {
    const value = m[2] ?? '';
    if (isJwtShape(value) || isOpaqueTokenShape(value)) add(m.index, value, 'powershell', `$${m[1] ?? ''}`);
  }
  for (const m of joined.matchAll(JWT_PATTERN)) add(m.index, m[0], 'bare', null);
  for (const m of joined.matchAll(ENTRA_OPAQUE_PATTERN)) add(m.index, m[0], 'bare', null);

  if (matches.length === 0) {
    // A lone run without spaces (after quotes are stripped) goes to decodeToken, which can say exactly
    // what is wrong with it: two segments, bad base64url, opaque, and so on.
    const lone = stripQuotes(text.trim()).replace(/\s+/g, '');
    if (/^[A-Za-z0-9_\-.~+/=%]+$/.test(lone) && (lone.includes('.') || lone.length >= 16)) {
      return { ok: true, tokens: [{ value: lone, source: 'bare', label: null }] };
    }
    return { ok: false, error: { code: 'no-token-found', message: NO_TOKEN_MESSAGE } };
  }
  return { ok: true, tokens: dedupe(matches) };
}

function dedupe(matches: readonly Match[]): FoundToken[] {
  const best = new Map<string, Match>();
  const first = new Map<string, number>();
  for (const m of matches) {
    const prev = best.get(m.value);
    if (prev === undefined || m.rank > prev.rank) best.set(m.value, m);
    const at = first.get(m.value);
    if (at === undefined || m.index < at) first.set(m.value, m.index);
  }
  return [...best.keys()]
    .sort((a, b) => (first.get(a) ?? 0) - (first.get(b) ?? 0))
    .map((v) => {
      const m = best.get(v);
      return { value: v, source: m?.source ?? 'bare', label: m?.label ?? null };
    });
}

function looksLikeToken(value: string): boolean {
  return (
    isJwtShape(value) ||
    isOpaqueTokenShape(value) ||
    (value.length >= 16 && /^[A-Za-z0-9_\-.~+/=]+$/.test(value))
  );
}

function isJwtShape(value: string): boolean {
  return /^eyJ[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]*){2}(\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/.test(value);
}

function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function stripQuotes(value: string): string {
  return value.replace(/^["'`]+|["'`,;]+$/g, '');
}

/** `?…` is a query string; `#…`, a bare `access_token=…` and anything after `#` is a fragment. */
function urlSource(text: string, at: number): TokenSource {
  const start = Math.max(0, at - 4096);
  const before = text.slice(start, at + 1);
  const lastBreak = Math.max(
    before.lastIndexOf(' '),
    before.lastIndexOf('\n'),
    before.lastIndexOf('"'),
    before.lastIndexOf("'"),
  );
  const url = before.slice(lastBreak + 1);
  if (url.includes('#')) return 'url-fragment';
  if (url.includes('?')) return 'url-query';
  return 'url-fragment';
}

/** Looks back over the same command (up to the previous blank line) for curl or PowerShell. */
function commandSource(text: string, at: number): 'curl' | 'powershell' | null {
  const start = Math.max(0, at - 4096);
  let before = text.slice(start, at);
  const blank = before.search(/\n\s*\n(?![\s\S]*\n\s*\n)/);
  if (blank >= 0) before = before.slice(blank);
  if (/\bcurl(?:\.exe)?\b/i.test(before)) return 'curl';
  if (/\b(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\b|-Headers\b|@\{/i.test(before)) return 'powershell';
  return null;
}

/**
 * Joins tokens that were wrapped across lines or split by spaces around their dots. A following line is
 * joined only when it is nothing but token characters and looks like a continuation rather than a word
 * or the start of a new token, so two tokens on consecutive lines stay two.
 */
function joinWrapped(text: string): string {
  const unified = text
    .replace(/\r\n?/g, '\n')
    .replace(/(?<=[A-Za-z0-9_-])[ \t]*\n?[ \t]*\.[ \t]*\n?[ \t]*(?=[A-Za-z0-9_-])/g, (m) =>
      m.includes('\n') || /[ \t]/.test(m) ? '.' : m,
    );
  const lines = unified.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && continues(prev, line)) {
      out[out.length - 1] = prev.replace(/\s+$/, '') + line.trim();
    } else {
      out.push(line);
    }
  }
  return out.join('\n');
}

function continues(prev: string, line: string): boolean {
  const tail = /[A-Za-z0-9_\-.+/=]+\s*$/.exec(prev);
  if (tail === null) return false;
  const run = tail[0].trim();
  const next = line.trim();
  const head = /^[A-Za-z0-9_\-.+/=]+/.exec(next);
  if (head === null) return false;
  const piece = head[0];
  // The rest of the line may only close the value: a quote, a comma, a shell line continuation.
  if (!/^["'`]?[,;)}\]]?\s*[\\^`]?$/.test(next.slice(piece.length))) return false;
  const tokenLike = /^eyJ/.test(run) || /^EwB/.test(run) || /^[01]\.A/.test(run) || run.length >= 32;
  if (!tokenLike) return false;
  if (run.endsWith('.') || piece.startsWith('.')) return true;
  const dots = (run.match(/\./g) ?? []).length;
  if (/^eyJ/.test(run) && dots < 2) return true;
  if (/^eyJ/.test(piece)) return false;
  return piece.length >= 12 || /[0-9_-]/.test(piece) || /[a-z][A-Z]|[A-Z][a-z]*[A-Z]/.test(piece);
}
