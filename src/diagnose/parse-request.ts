import { classifyHost } from './hosts';
import { normaliseDefenderPath, normaliseGraphPath } from './normalise-path';
import type { ParsedRequest, RequestError, RequestErrorCode, RequestParseResult } from './types';

const MAX_LENGTH = 64 * 1024;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const fail = (code: RequestErrorCode, message: string): { ok: false; error: RequestError } => ({
  ok: false,
  error: { code, message },
});

/** Splits a command line into words, honouring straight and curly quotes and line continuations. */
function splitWords(text: string): string[] {
  const joined = text
    .replace(/[\\`^]\r?\n/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"');
  const words: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let inWord = false;
  for (const ch of joined) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if ((ch === "'" || ch === '"') && !inWord) {
      // Only a quote that opens a word quotes it: OData keys inside URLs (users('x')) keep theirs.
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

const isMethod = (w: string | undefined): w is string =>
  w !== undefined && (METHODS as readonly string[]).includes(w.toUpperCase());

const looksLikeUrl = (w: string): boolean =>
  /^https?:\/\//i.test(w) || /^[\w-]+(\.[\w-]+)+\//.test(w) || /^\/?(v1\.0|beta|api)(\/|$)/i.test(w);

/** Picks method and URL out of the words of a curl, PowerShell or plain "METHOD URL" line. */
function pickMethodAndUrl(words: string[]): { method: string | null; url: string | null; hasBody: boolean } {
  let method: string | null = null;
  let url: string | null = null;
  let hasBody = false;
  const first = (words[0] ?? '').toLowerCase();
  const isCurl = first === 'curl' || first === 'curl.exe';
  const isPwsh = /^(invoke-restmethod|invoke-webrequest|invoke-mggraphrequest|irm|iwr)$/.test(first);
  const isAz = first === 'az' && (words[1] ?? '').toLowerCase() === 'rest';
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const lower = w.toLowerCase();
    if (isCurl) {
      if (lower === '-x' || lower === '--request') {
        method = words[++i] ?? null;
        continue;
      }
      if (/^-X[A-Z]+$/.test(w)) {
        method = w.slice(2);
        continue;
      }
      if (/^--request=/.test(lower)) {
        method = w.slice('--request='.length);
        continue;
      }
      if (lower === '-h' || lower === '--header' || lower === '-u' || lower === '--user' || lower === '-o') {
        i++;
        continue;
      }
      if (lower === '--url') {
        url = words[++i] ?? null;
        continue;
      }
      if (/^(-d|--data|--data-raw|--data-binary|--data-urlencode|--json|-f|--form)$/.test(lower)) {
        hasBody = true;
        i++;
        continue;
      }
      if (lower === '-g' || lower === '--get') {
        method = 'GET';
        continue;
      }
    }
    if (isPwsh) {
      if (lower === '-method') {
        method = words[++i] ?? null;
        continue;
      }
      if (lower === '-uri') {
        url = words[++i] ?? null;
        continue;
      }
      if (lower === '-headers' || lower === '-body' || lower === '-contenttype') {
        if (lower === '-body') hasBody = true;
        // A hashtable literal spans words: skip to its closing brace.
        const next = words[i + 1] ?? '';
        i++;
        if (next.startsWith('@{') && !next.includes('}'))
          while (i < words.length && !(words[i] ?? '').includes('}')) i++;
        continue;
      }
    }
    if (isAz) {
      if (lower === '--method' || lower === '-m') {
        method = words[++i] ?? null;
        continue;
      }
      if (lower === '--url' || lower === '--uri' || lower === '-u') {
        url = words[++i] ?? null;
        continue;
      }
      if (lower === '--headers' || lower === '--resource' || lower === '--body' || lower === '-b') {
        if (lower === '--body' || lower === '-b') hasBody = true;
        i++;
        continue;
      }
    }
    if (!isCurl && !isPwsh && !isAz && i === 0 && (isMethod(w) || /^[A-Z]{3,10}$/.test(w))) {
      method = w;
      continue;
    }
    if (url === null && looksLikeUrl(w)) url = w;
  }
  return { method, url, hasBody };
}

/** Drops trailing characters of `chars`, by a scan from the end (a `[,;]+$` pattern backtracks on long runs). */
function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Resolves a pasted URL, path-only or scheme-less, to a URL object. */
function toUrl(text: string): URL | null {
  let t = trimTrailing(text.trim(), ',;');
  if (/^\/?(v1\.0|beta)(\/|$)/i.test(t)) t = 'https://graph.microsoft.com/' + t.replace(/^\//, '');
  else if (/^\/?api(\/|$)/i.test(t)) t = 'https://api.security.microsoft.com/' + t.replace(/^\//, '');
  else if (!/^https?:\/\//i.test(t)) t = 'https://' + t;
  try {
    return new URL(t);
  } catch {
    return null;
  }
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * Parses a pasted request: `METHOD URL`, a curl line (-X/--request, URL anywhere, headers ignored), a
 * PowerShell Invoke-RestMethod/Invoke-WebRequest line (-Method, -Uri), or a bare URL (taken as GET), and
 * normalises its path for the catalog. Does not look the endpoint up and never throws.
 */
export function parseRequest(text: string): RequestParseResult {
  if (text.trim() === '')
    return fail('empty', 'Paste a request: "METHOD URL", a curl or a PowerShell line, or a URL.');
  if (text.length > MAX_LENGTH)
    return fail('too-large', 'That is too long to be one request line (over 64 KB).');
  const words = splitWords(text.trim());
  const picked = pickMethodAndUrl(words);
  if (picked.url === null)
    return fail(
      'no-url',
      'No URL found. Paste the whole request line, e.g. "GET https://graph.microsoft.com/v1.0/me".',
    );
  const method = (picked.method ?? (picked.hasBody ? 'POST' : 'GET')).toUpperCase();
  if (!isMethod(method))
    return fail(
      'bad-method',
      `"${method}" is not an HTTP method this tool knows (GET, POST, PUT, PATCH, DELETE).`,
    );
  const url = toUrl(picked.url);
  if (url === null || !url.hostname.includes('.'))
    return fail('bad-url', `"${picked.url}" is not a URL that can be read.`);
  const host = url.hostname.toLowerCase();
  const info = classifyHost(host);
  const path = decodePath(url.pathname);
  const base = {
    method,
    url: picked.url,
    host,
    cloud: info.cloud,
    path,
  };
  if (info.api === 'graph') {
    const m = /^\/(v1\.0|beta)(\/.*)?$/i.exec(path);
    const rest = m ? (m[2] ?? '/') : path;
    const version = m?.[1]?.toLowerCase();
    const request: ParsedRequest = {
      ...base,
      api: 'graph',
      ...(version === 'v1.0' || version === 'beta' ? { graphVersion: version } : {}),
      normalisedPath: normaliseGraphPath(rest),
    };
    return { ok: true, request };
  }
  if (info.api === 'defender') {
    const request: ParsedRequest = {
      ...base,
      api: 'defender',
      ...(info.defenderHost ? { defenderHost: info.defenderHost } : {}),
      normalisedPath: normaliseDefenderPath(path),
    };
    return { ok: true, request };
  }
  const request: ParsedRequest = {
    ...base,
    api: 'other',
    ...(info.resources ? { resources: info.resources } : {}),
    normalisedPath: path.toLowerCase(),
  };
  return { ok: true, request };
}
