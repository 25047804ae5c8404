import { MAX_INPUT_LENGTH } from '../token';
import { findTokens } from '../token/find';

/** What a paste was read as. */
export type PasteShape =
  | 'text'
  | 'curl'
  | 'curl-cmd'
  | 'invoke-restmethod'
  | 'invoke-mggraphrequest'
  | 'az-rest'
  | 'http-exchange'
  | 'http-response';

/** One paste, split into what the inspector's three fields take. */
export interface SplitPaste {
  readonly shape: PasteShape;
  /** The tokens found in the request part (the Authorization header, a `$token = "…"` line, …). */
  readonly tokens: readonly string[];
  /** The request as "METHOD URL", or null when the paste holds none. */
  readonly request: string | null;
  /** The API's answer (status line, headers, body, or an error printed after the command), or null. */
  readonly answer: string | null;
}

/** Longest URL taken from a command; longer ones are left for the request field to refuse. */
const MAX_URL_LENGTH = 8 * 1024;

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

type Mode = 'posix' | 'cmd' | 'powershell';

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r';

interface Words {
  readonly words: readonly string[];
  /** Index just past the command (the newline that ended it, or the end of the text). */
  readonly end: number;
}

/**
 * Splits one shell command into words, from `start` to the first newline that ends it, in one pass:
 * quotes, escapes and line continuations of bash (`\`), cmd (`^`) and PowerShell (backtick; newlines
 * inside `@{ … }` do not end it). Does not expand variables.
 */
function splitWords(text: string, start: number, mode: Mode): Words {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | "$'" | null = null;
  let braces = 0;
  let i = start;
  const push = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  for (; i < text.length; i++) {
    const c = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (mode === 'cmd' && c === '^') {
      // cmd's escape: the next character as it is; a caret at the end of a line continues the command.
      if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) {
        i += next === '\r' ? 2 : 1;
        continue;
      }
      i++;
      if (next === '"') {
        // Chrome's "Copy as cURL (cmd)" writes ^" for the quotes curl itself reads.
        quote = quote === '"' ? null : '"';
        inWord = true;
        continue;
      }
      word += next;
      inWord = true;
      continue;
    }
    if (quote === "'") {
      if (c === "'") {
        if (mode === 'powershell' && next === "'") {
          word += "'";
          i++;
        } else quote = null;
      } else word += c;
      continue;
    }
    if (quote === "$'") {
      if (c === '\\' && next !== '') {
        word += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        i++;
      } else if (c === "'") quote = null;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') {
        if (mode === 'powershell' && next === '"') {
          word += '"';
          i++;
        } else quote = null;
      } else if (mode === 'powershell' && c === '`' && next !== '') {
        word += next;
        i++;
      } else if (
        mode !== 'powershell' &&
        c === '\\' &&
        (next === '"' || next === '\\' || next === '$' || next === '`')
      ) {
        word += next;
        i++;
      } else if (mode === 'posix' && c === '\\' && next === '\n') {
        i++;
      } else word += c;
      continue;
    }
    // Outside quotes.
    if (c === '\n') {
      if (mode === 'powershell' && braces > 0) {
        push();
        continue;
      }
      break;
    }
    if (isSpace(c)) {
      push();
      continue;
    }
    // The shell's escape character outside quotes: bash's `\`, PowerShell's backtick. Before a line break it
    // continues the line; before anything else it makes that character literal.
    if (c === (mode === 'posix' ? '\\' : mode === 'powershell' ? '`' : null)) {
      if (next === '\n' || (next === '\r' && text[i + 2] === '\n')) {
        push();
        i += next === '\r' ? 2 : 1;
        continue;
      }
      word += next;
      inWord = true;
      i++;
      continue;
    }
    if (mode === 'powershell' && (c === '{' || c === '}' || c === ';' || c === '=')) {
      // Hashtable syntax: `@{ Authorization = "Bearer …" }` gives the words around it.
      push();
      if (c === '{') braces++;
      if (c === '}' && braces > 0) braces--;
      continue;
    }
    if (mode === 'posix' && c === '$' && next === "'") {
      quote = "$'";
      inWord = true;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
      continue;
    }
    word += c;
    inWord = true;
  }
  push();
  return { words, end: i };
}

/** The first word of a line, lower-cased, after a shell prompt (`$ `, `> `, `PS C:\> `). */
function commandAt(text: string, lineStart: number): { name: string; start: number } {
  let i = lineStart;
  while (i < text.length && isSpace(text[i] ?? '')) i++;
  const lineEnd = text.indexOf('\n', i);
  const stop = lineEnd === -1 ? text.length : lineEnd;
  if (text.startsWith('PS ', i) || text.startsWith('PS>', i)) {
    const prompt = text.indexOf('>', i);
    if (prompt !== -1 && prompt < stop && prompt - i < 260) i = prompt + 1;
  } else if ((text[i] === '$' || text[i] === '>') && text[i + 1] === ' ') i += 2;
  while (i < text.length && isSpace(text[i] ?? '')) i++;
  let j = i;
  while (j < stop && j - i < 40 && !isSpace(text[j] ?? '') && text[j] !== '(') j++;
  return { name: text.slice(i, j).toLowerCase(), start: i };
}

function shapeOf(name: string, text: string, start: number): PasteShape | null {
  switch (name) {
    case 'curl':
    case 'curl.exe':
      // Chrome's cmd form quotes with ^" and continues lines with ^.
      return text.slice(start, start + 200).includes('^"') ? 'curl-cmd' : 'curl';
    case 'invoke-restmethod':
    case 'irm':
    case 'invoke-webrequest':
    case 'iwr':
      return 'invoke-restmethod';
    case 'invoke-mggraphrequest':
      return 'invoke-mggraphrequest';
    case 'az':
      return text.startsWith('rest', start + 2 + countSpaces(text, start + 2)) ? 'az-rest' : null;
    default:
      return null;
  }
}

function countSpaces(text: string, from: number): number {
  let n = 0;
  while (isSpace(text[from + n] ?? '')) n++;
  return n;
}

const looksLikeUrl = (w: string): boolean =>
  w.length <= MAX_URL_LENGTH && (w.startsWith('https://') || w.startsWith('http://'));

const upper = (w: string | undefined): string | null => {
  const m = w?.toUpperCase() ?? null;
  return m !== null && METHODS.has(m) ? m : null;
};

/** Values of options that take one, so they are not mistaken for the URL. */
const CURL_VALUE_OPTIONS = new Set([
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-urlencode',
  '--json',
  '-o',
  '--output',
  '-u',
  '--user',
  '-A',
  '--user-agent',
  '-b',
  '--cookie',
  '-e',
  '--referer',
  '--oauth2-bearer',
  '-F',
  '--form',
  '-x',
  '--proxy',
  '-w',
  '--write-out',
  '--connect-timeout',
  '-m',
  '--max-time',
  '--retry',
  '-c',
  '--cookie-jar',
  '--cacert',
  '--cert',
  '--key',
]);
const CURL_DATA_OPTIONS = new Set([
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-urlencode',
  '--json',
  '-F',
  '--form',
]);

function readCurl(words: readonly string[]): string | null {
  let method: string | null = null;
  let url: string | null = null;
  let hasData = false;
  let head = false;
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '-X' || w === '--request') {
      method = upper(words[++i]) ?? method;
    } else if (w.startsWith('-X') && w.length > 2 && !w.startsWith('--')) {
      method = upper(w.slice(2)) ?? method;
    } else if (w === '--url') {
      url = words[++i] ?? url;
    } else if (w === '-I' || w === '--head') {
      head = true;
    } else if (CURL_VALUE_OPTIONS.has(w)) {
      if (CURL_DATA_OPTIONS.has(w)) hasData = true;
      i++;
    } else if (url === null && looksLikeUrl(w)) {
      url = w;
    }
  }
  if (url === null) return null;
  return `${method ?? (head ? 'HEAD' : hasData ? 'POST' : 'GET')} ${url}`;
}

/** `-Name value` options of a PowerShell command, by lower-cased name, and its positional words. */
function psOptions(words: readonly string[]): { named: Map<string, string>; positional: string[] } {
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w.startsWith('-') && w.length > 1 && !w.startsWith('--')) {
      const colon = w.indexOf(':');
      if (colon > 0) named.set(w.slice(1, colon).toLowerCase(), w.slice(colon + 1));
      else {
        const value = words[i + 1];
        if (value !== undefined && !value.startsWith('-')) {
          named.set(w.slice(1).toLowerCase(), value);
          i++;
        } else named.set(w.slice(1).toLowerCase(), '');
      }
    } else positional.push(w);
  }
  return { named, positional };
}

function readInvokeRestMethod(words: readonly string[]): string | null {
  const { named, positional } = psOptions(words);
  const url = named.get('uri') ?? positional.find(looksLikeUrl) ?? null;
  if (url === null || !looksLikeUrl(url)) return null;
  const method = upper(named.get('method')) ?? (named.has('body') ? 'POST' : 'GET');
  return `${method} ${url}`;
}

const GRAPH = 'https://graph.microsoft.com';

function readMgGraphRequest(words: readonly string[]): string | null {
  const { named, positional } = psOptions(words);
  const methodWord = named.get('method') ?? positional.find((w) => upper(w) !== null);
  let uri = named.get('uri') ?? positional.find((w) => upper(w) === null) ?? null;
  if (uri === null || uri === '' || uri.length > MAX_URL_LENGTH) return null;
  // Relative URIs are relative to Microsoft Graph (`v1.0/me`, `/beta/security/alerts_v2`).
  if (!looksLikeUrl(uri)) uri = `${GRAPH}${uri.startsWith('/') ? '' : '/'}${uri}`;
  return `${upper(methodWord) ?? 'GET'} ${uri}`;
}

const ARM = 'https://management.azure.com';

function readAzRest(words: readonly string[]): string | null {
  let method: string | null = null;
  let url: string | null = null;
  for (let i = 2; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === '--method' || w === '-m') method = upper(words[++i]) ?? method;
    else if (w === '--url' || w === '--uri' || w === '-u') url = words[++i] ?? url;
  }
  if (url === null || url === '' || url.length > MAX_URL_LENGTH) return null;
  // az rest takes a URL without a host as an Azure Resource Manager path.
  if (!looksLikeUrl(url)) url = `${ARM}${url.startsWith('/') ? '' : '/'}${url}`;
  return `${method ?? 'GET'} ${url}`;
}

/** `HTTP/1.1 403 Forbidden`, `HTTP/2 403`: a response's status line. */
function isStatusLine(line: string): boolean {
  if (!line.startsWith('HTTP/')) return false;
  const space = line.indexOf(' ');
  if (space === -1 || space > 9) return false;
  const code = line.slice(space + 1, space + 4);
  return code.length === 3 && code >= '100' && code <= '599' && !code.includes(' ');
}

/** `GET /v1.0/me HTTP/1.1` or `GET https://… HTTP/1.1`: method and target, or null. */
function readRequestLine(line: string): { method: string; target: string } | null {
  const first = line.indexOf(' ');
  const last = line.lastIndexOf(' ');
  if (first <= 0 || last <= first || !line.startsWith('HTTP/', last + 1)) return null;
  const method = upper(line.slice(0, first));
  const target = line.slice(first + 1, last).trim();
  if (method === null || target === '' || target.length > MAX_URL_LENGTH || target.includes(' ')) return null;
  return { method, target };
}

interface Line {
  readonly start: number;
  readonly text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    lines.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

function tokensIn(text: string): readonly string[] {
  const found = findTokens(text);
  return found.ok ? found.tokens.map((t) => t.value) : [];
}

function readHttp(text: string, lines: readonly Line[]): SplitPaste | null {
  const firstIndex = lines.findIndex((l) => l.text.trim() !== '');
  const first = lines[firstIndex];
  if (first === undefined) return null;
  if (isStatusLine(first.text.trim())) {
    return { shape: 'http-response', tokens: [], request: null, answer: text.slice(first.start).trim() };
  }
  const requestLine = readRequestLine(first.text.trim());
  if (requestLine === null) return null;
  let host: string | null = null;
  let responseAt = -1;
  let inHeaders = true;
  for (let i = firstIndex + 1; i < lines.length; i++) {
    const line = (lines[i]?.text ?? '').trim();
    if (isStatusLine(line)) {
      responseAt = lines[i]?.start ?? -1;
      break;
    }
    if (line === '') inHeaders = false;
    else if (inHeaders && line.slice(0, 5).toLowerCase() === 'host:') host = line.slice(5).trim();
  }
  const target = requestLine.target;
  const url = looksLikeUrl(target)
    ? target
    : host !== null && host !== '' && !host.includes(' ') && host.length < 256
      ? `https://${host}${target.startsWith('/') ? '' : '/'}${target}`
      : null;
  const requestPart = responseAt === -1 ? text : text.slice(0, responseAt);
  return {
    shape: 'http-exchange',
    tokens: tokensIn(requestPart),
    request: url === null ? `${requestLine.method} ${target}` : `${requestLine.method} ${url}`,
    answer: responseAt === -1 ? null : text.slice(responseAt).trim() || null,
  };
}

const NOTHING = (shape: PasteShape = 'text'): SplitPaste => ({
  shape,
  tokens: [],
  request: null,
  answer: null,
});

/**
 * Splits one paste into the token(s), the request ("METHOD URL") and the API's answer: a curl command
 * (bash, or Chrome's "Copy as cURL" in its bash and cmd forms), Invoke-RestMethod / Invoke-WebRequest,
 * Invoke-MgGraphRequest, `az rest`, or an HTTP exchange (request line, headers, then the response's status
 * line, headers and body). Anything printed after a command is taken as the answer. Any other text gives
 * `request: null, answer: null` (a token alone is left to the token box). One pass per line, no regular
 * expressions; input over the token layer's MAX_INPUT_LENGTH is not split. Does not check the URL or the
 * token, and does not expand shell variables.
 */
export function splitPaste(text: string): SplitPaste {
  if (text.length > MAX_INPUT_LENGTH || text.trim() === '') return NOTHING();
  const lines = linesOf(text);
  const http = readHttp(text, lines);
  if (http !== null) return http;
  // A command that ran over several lines is tried once: the lines it covered are not tried again.
  let covered = 0;
  for (const line of lines) {
    if (line.start < covered) continue;
    const { name, start } = commandAt(text, line.start);
    const shape = shapeOf(name, text, start);
    if (shape === null) continue;
    const mode: Mode =
      shape === 'curl'
        ? 'posix'
        : shape === 'curl-cmd'
          ? 'cmd'
          : shape === 'az-rest'
            ? 'posix'
            : 'powershell';
    const { words, end } = splitWords(text, start, mode);
    covered = end;
    const request =
      shape === 'curl' || shape === 'curl-cmd'
        ? readCurl(words)
        : shape === 'invoke-restmethod'
          ? readInvokeRestMethod(words)
          : shape === 'invoke-mggraphrequest'
            ? readMgGraphRequest(words)
            : readAzRest(words);
    if (request === null) continue;
    const after = text.slice(end).trim();
    return {
      shape,
      // The command and what came before it (a `$token = "…"` line): not the answer printed after it.
      tokens: tokensIn(text.slice(0, end)),
      request,
      answer: after === '' ? null : after,
    };
  }
  return NOTHING();
}
