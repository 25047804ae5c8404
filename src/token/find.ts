import { MAX_INPUT_LENGTH, NOTHING_PASTED, ONLY_WHITESPACE } from './find-bare';
import { isOpaqueTokenShape } from './opaque';
import type { FindResult, FoundToken, TokenSource } from './types';

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
const URL_PARAM_PATTERN = new RegExp(`(^|[?#&\\s"'(<])(access_token|id_token|token)=(${VALUE})`, 'gi');
const JSON_KEY_PATTERN = new RegExp(
  // JSON may escape "/" as "\\/" (opaque tokens are standard base64), so that escape is allowed inside.
  `"(access_token|id_token|token|accessToken|idToken)"\\s*:\\s*"((?:[A-Za-z0-9_\\-.~+/=%]|\\\\/)+)"`,
  'g',
);
const AUTH_HEADER_PATTERN = new RegExp(
  `\\bAuthorization\\b["']?\\s*[:=]\\s*(?:["']\\s*)?Bearer\\s+(${VALUE})`,
  'gi',
);
const BEARER_PATTERN = new RegExp(`(?<![\\w-])Bearer\\s+(${VALUE})`, 'gi');
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
  if (typeof text !== 'string' || text.length === 0) return { ok: false, error: NOTHING_PASTED };
  if (text.length > MAX_INPUT_LENGTH) {
    return {
      ok: false,
      error: {
        code: 'too-large',
        message: `The paste is ${Math.round(text.length / 1024)} KB; the limit is ${MAX_INPUT_LENGTH / 1024} KB. Paste just the token or the request.`,
      },
    };
  }
  if (text.trim() === '') return { ok: false, error: ONLY_WHITESPACE };

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
  for (const m of joined.matchAll(JSON_KEY_PATTERN)) {
    add(m.index, (m[2] ?? '').replace(/\\\//g, '/'), 'json', m[1] ?? null);
  }
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
    if (
      prev === undefined ||
      m.rank > prev.rank ||
      (m.rank === prev.rank && prev.label === null && m.label !== null)
    ) {
      best.set(m.value, m);
    }
    const at = first.get(m.value);
    if (at === undefined || m.index < at) first.set(m.value, m.index);
  }
  // A bare match inside a labelled value (an opaque token cut at a JSON "\\/" escape, say) is that token.
  // The check is quadratic, so it is skipped for pastes with thousands of tokens (none are real).
  const labelled = [...best.values()].filter((m) => m.rank > 0).map((m) => m.value);
  const check = labelled.length * (best.size - labelled.length) <= 100_000;
  return [...best.keys()]
    .filter(
      (v) =>
        !check || (best.get(v)?.rank ?? 0) > 0 || !labelled.some((l) => l.length > v.length && l.includes(v)),
    )
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
  return value.replace(/^["'`]+|(?<!["'`,;])["'`,;]+$/g, '');
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
  const parts = text.slice(start, at).split(/\n[ \t]*\n/);
  const before = parts[parts.length - 1] ?? '';
  if (/\bcurl(?:\.exe)?\b/i.test(before)) return 'curl';
  if (/\b(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\b|-Headers\b|@\{/i.test(before)) return 'powershell';
  return null;
}

/** The run of token characters at the end of the line being built. */
interface Tail {
  readonly head: string;
  readonly length: number;
  readonly dots: number;
  readonly endsWithDot: boolean;
}

/** Token characters by char code: A-Z a-z 0-9 _ - . + / = (a lookup, not a regex, as it runs per character). */
function isRunChar(c: string): boolean {
  const x = c.charCodeAt(0);
  return (
    (x >= 65 && x <= 90) ||
    (x >= 97 && x <= 122) ||
    (x >= 48 && x <= 57) ||
    x === 95 ||
    x === 45 ||
    x === 46 ||
    x === 43 ||
    x === 47 ||
    x === 61
  );
}

function tailOf(line: string): Tail | null {
  const end = line.trimEnd();
  let start = end.length;
  let dots = 0;
  while (start > 0 && isRunChar(end.charAt(start - 1))) {
    start -= 1;
    if (end.charAt(start) === '.') dots += 1;
  }
  if (start === end.length) return null;
  const run = end.slice(start, start + 3);
  return { head: run, length: end.length - start, dots, endsWithDot: end.endsWith('.') };
}

/**
 * Joins tokens that were wrapped across lines or split by spaces around their dots. A following line is
 * joined only when it is nothing but token characters and looks like a continuation rather than a word
 * or the start of a new token, so two tokens on consecutive lines stay two. Linear in the input length:
 * the tail of the line being built is tracked, never re-scanned.
 */
function joinWrapped(text: string): string {
  const unified = text
    .replace(/\r\n?/g, '\n')
    .replace(/(?<=[A-Za-z0-9_-])[ \t]*(?:\n[ \t]*)?\.[ \t]*(?:\n[ \t]*)?(?=[A-Za-z0-9_-])/g, '.');
  const out: string[] = [];
  let current: string[] = [];
  let tail: Tail | null = null;
  for (const line of unified.split('\n')) {
    const piece: { run: string; rest: string } | null = tail === null ? null : continuation(tail, line);
    if (tail !== null && piece !== null) {
      const last = current.length - 1;
      current[last] = (current[last] ?? '').trimEnd();
      current.push(piece.run + piece.rest);
      tail =
        piece.rest === ''
          ? {
              head: tail.head,
              length: tail.length + piece.run.length,
              dots: tail.dots + (piece.run.match(/\./g) ?? []).length,
              endsWithDot: piece.run.endsWith('.'),
            }
          : null;
      continue;
    }
    if (current.length > 0) out.push(current.join(''));
    current = [line];
    tail = tailOf(line);
  }
  if (current.length > 0) out.push(current.join(''));
  return out.join('\n');
}

function continuation(tail: Tail, line: string): { run: string; rest: string } | null {
  const next = line.trim();
  const head = /^[A-Za-z0-9_\-.+/=]+/.exec(next);
  if (head === null) return null;
  const run = head[0];
  const rest = next.slice(run.length);
  // The rest of the line may only close the value: a quote, a comma, a shell line continuation.
  if (!/^["'`]?[,;)}\]]?\s*[\\^`]?$/.test(rest)) return null;
  const jwtLike = tail.head === 'eyJ';
  const tokenLike = jwtLike || tail.head === 'EwB' || /^[01]\.A/.test(tail.head) || tail.length >= 32;
  if (!tokenLike) return null;
  const join = { run, rest };
  if (tail.endsWithDot || run.startsWith('.')) return join;
  if (jwtLike && tail.dots < 2) return join;
  if (run.startsWith('eyJ')) return null;
  return run.length >= 12 || /[0-9_-]/.test(run) || /[a-z][A-Z]|[A-Z][a-z]*[A-Z]/.test(run) ? join : null;
}
