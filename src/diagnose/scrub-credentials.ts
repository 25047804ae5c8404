/**
 * Finds credentials in free text (a pasted request, error or answer, a header value, a claim) and masks
 * them, in linear time: every detector is a forward scan or an `indexOf` loop, never a backtracking regex.
 */

/** What replaces a credential. The same placeholder as the redacted claims. */
const PLACEHOLDER = '[redacted]';

/** How deep a wrapped value (base64 or percent-encoding inside base64…) is unwrapped. */
const MAX_DEPTH = 2;

type Range = readonly [start: number, end: number];

/**
 * Parameter and header names whose value is a credential. `json` also accepts `name: value` and
 * `"name": "value"` (header and JSON forms); without it only `name=value` (form and query strings), so a
 * JSON error's `"code": "Forbidden"` stays. `scheme` keeps a leading scheme word (`Bearer`, `Basic`).
 */
const KEYED: readonly { readonly name: string; readonly json: boolean; readonly scheme?: boolean }[] = [
  { name: 'refresh_token', json: true },
  { name: 'access_token', json: true },
  { name: 'id_token', json: true },
  { name: 'client_secret', json: true },
  { name: 'client_assertion', json: true },
  { name: 'assertion', json: true },
  { name: 'password', json: true },
  { name: 'passwd', json: true },
  { name: 'pwd', json: false },
  { name: 'code', json: false },
  { name: 'sig', json: false },
  { name: 'ocp-apim-subscription-key', json: true },
  { name: 'subscription-key', json: true },
  { name: 'api-key', json: true },
  { name: 'apikey', json: true },
  { name: 'x-functions-key', json: true },
  { name: 'authorization', json: true, scheme: true },
  { name: 'proxy-authorization', json: true, scheme: true },
];

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 45 // -
  );
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Where an unquoted value ends. */
function endsValue(ch: string): boolean {
  return (
    ch === ' ' ||
    ch === '\t' ||
    ch === '\r' ||
    ch === '\n' ||
    ch === '&' ||
    ch === '"' ||
    ch === "'" ||
    ch === '`' ||
    ch === ',' ||
    ch === ';' ||
    ch === '<' ||
    ch === '>' ||
    ch === ')' ||
    ch === '}' ||
    ch === ']' ||
    ch === '\\'
  );
}

/** `name=value`, `name: value`, `"name": "value"`, `Authorization: Bearer value`: the value's range. */
function findKeyed(text: string, lower: string, out: Range[]): void {
  for (const { name, json, scheme } of KEYED) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(name, from);
      if (at < 0) break;
      from = at + name.length;
      if (at > 0 && isWordChar(lower.charCodeAt(at - 1))) continue;
      let i = at + name.length;
      if (i < text.length && isWordChar(lower.charCodeAt(i))) continue;
      if (text[i] === '"' || text[i] === "'") i++;
      while (isSpace(text[i])) i++;
      const sep = text[i];
      if (!(sep === '=' || (json && sep === ':'))) continue;
      i++;
      while (isSpace(text[i])) i++;
      const quote = text[i] === '"' || text[i] === "'" ? text[i] : null;
      if (quote !== null) i++;
      if (scheme) {
        let j = i;
        while (isLetter(text[j])) j++;
        if (j > i && isSpace(text[j])) {
          i = j;
          while (isSpace(text[i])) i++;
        }
      }
      const start = i;
      while (i < text.length) {
        const ch = text[i] ?? '';
        if (quote !== null ? ch === quote || ch === '\n' || ch === '\r' : endsValue(ch)) break;
        i++;
      }
      if (i > start && text.slice(start, i) !== PLACEHOLDER) out.push([start, i]);
      // Never rescan a value for this name: keeps the scan linear on `code=code=code=…`.
      from = Math.max(from, i);
    }
  }
}

/** `Bearer <credential>` anywhere, with or without an Authorization header before it. */
function findBearer(text: string, lower: string, out: Range[]): void {
  let from = 0;
  for (;;) {
    const at = lower.indexOf('bearer', from);
    if (at < 0) break;
    from = at + 6;
    if (at > 0 && isWordChar(lower.charCodeAt(at - 1))) continue;
    let i = at + 6;
    if (!isSpace(text[i])) continue;
    while (isSpace(text[i])) i++;
    const start = i;
    while (i < text.length && !endsValue(text[i] ?? '')) i++;
    // "Bearer token" in prose is one short word; a credential is long.
    if (i - start >= 16 && text.slice(start, i) !== PLACEHOLDER) out.push([start, i]);
    from = Math.max(from, i);
  }
}

/** The password of `scheme://user:password@host`. */
function findUserInfo(text: string, out: Range[]): void {
  let from = 0;
  for (;;) {
    const at = text.indexOf('://', from);
    if (at < 0) break;
    const start = at + 3;
    let i = start;
    let lastAt = -1;
    let colon = -1;
    while (i < text.length) {
      const ch = text[i] ?? '';
      if (ch === '/' || ch === '?' || ch === '#' || endsValue(ch)) break;
      if (ch === '@') lastAt = i;
      else if (ch === ':' && colon < 0) colon = i;
      i++;
    }
    from = Math.max(i, start);
    if (lastAt >= 0 && colon >= 0 && colon + 1 < lastAt) out.push([colon + 1, lastAt]);
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE: ReadonlyMap<string, number> = new Map([
  ...[...B64].map((ch, i) => [ch, i] as const),
  ['-', 62],
  ['_', 63],
]);

/** Base64 or base64url (padding ignored) to a Latin-1 string, or null when a character is not base64. */
function decodeBase64(value: string, limit = Infinity): string | null {
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const ch of value) {
    if (ch === '=') break;
    const v = B64_VALUE.get(ch);
    if (v === undefined) return null;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
      buffer &= (1 << bits) - 1;
      if (out.length >= limit) break;
    }
  }
  return out;
}

function isTokenChar(code: number): boolean {
  return isWordChar(code) || code === 46; // base64url and '.'
}

function isBase64Char(code: number): boolean {
  return isWordChar(code) || code === 43 || code === 47 || code === 61; // + / =
}

function isPercentRunChar(code: number): boolean {
  return isTokenChar(code) || code === 37 || code === 43 || code === 47 || code === 61 || code === 126;
}

/** Calls `each(start, end)` for every maximal run of characters `inRun` accepts. */
function eachRun(text: string, inRun: (code: number) => boolean, each: (s: number, e: number) => void): void {
  let i = 0;
  while (i < text.length) {
    if (!inRun(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && inRun(text.charCodeAt(i))) i++;
    each(start, i);
  }
}

/** Whether a base64url segment starts a JSON object: the JOSE header of a JWT or JWE. */
function looksLikeJoseHeader(segment: string): boolean {
  if (segment.length < 8) return false;
  const head = decodeBase64(segment.slice(0, 8));
  return head !== null && head.trimStart().startsWith('{');
}

/** JWTs (3 parts), JWEs (5 parts) and Entra refresh tokens (`0.A…`, `1.A…`). */
function findCompact(text: string, out: Range[]): void {
  eachRun(text, isTokenChar, (start, end) => {
    const run = text.slice(start, end);
    if (end - start >= 40 && (run.startsWith('0.A') || run.startsWith('1.A'))) {
      out.push([start, end]);
      return;
    }
    const parts = run.split('.');
    if (parts.length < 3) return;
    let offset = start;
    for (let p = 0; p + 2 < parts.length; p++) {
      const part = parts[p] ?? '';
      if (looksLikeJoseHeader(part)) {
        out.push([offset, end]);
        return;
      }
      offset += part.length + 1;
    }
  });
}

function mostlyPrintable(value: string): boolean {
  if (value.length === 0) return false;
  let printable = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
  }
  return printable / value.length >= 0.9;
}

/** A base64 blob that decodes to text holding a credential (a wrapped copy of a token, a Basic header). */
function findWrapped(text: string, depth: number, out: Range[]): void {
  eachRun(text, isBase64Char, (start, end) => {
    if (end - start < 32) return;
    const decoded = decodeBase64(text.slice(start, end));
    if (decoded !== null && mostlyPrintable(decoded) && findCredentialRanges(decoded, depth + 1).length > 0)
      out.push([start, end]);
  });
}

function percentDecode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (ch === '%' && i + 2 < value.length) {
      const hex = value.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 2;
        continue;
      }
    }
    out += ch === '+' ? ' ' : ch;
  }
  return out;
}

/** A percent-encoded stretch (a double-encoded URL, an encoded form body) that hides a credential. */
function findPercentEncoded(text: string, depth: number, out: Range[]): void {
  eachRun(text, isPercentRunChar, (start, end) => {
    if (end - start < 12) return;
    const run = text.slice(start, end);
    if (!run.includes('%')) return;
    const decoded = percentDecode(run);
    if (decoded !== run && findCredentialRanges(decoded, depth + 1).length > 0) out.push([start, end]);
  });
}

function findCredentialRanges(text: string, depth: number): Range[] {
  const out: Range[] = [];
  const lower = text.toLowerCase();
  findKeyed(text, lower, out);
  findBearer(text, lower, out);
  findUserInfo(text, out);
  findCompact(text, out);
  if (depth < MAX_DEPTH) {
    findWrapped(text, depth, out);
    findPercentEncoded(text, depth, out);
  }
  return out;
}

/**
 * Replaces every credential in `text` with `[redacted]`: JWTs and JWEs (by their JOSE header, wherever
 * they sit), Entra refresh tokens (`0.A…`, `1.A…`), the values of `refresh_token`, `access_token`,
 * `id_token`, `code`, `client_secret`, `client_assertion`, `password`, SAS `sig`, API and subscription keys
 * (`Ocp-Apim-Subscription-Key`), `Authorization` headers (the scheme word stays) and `Bearer` values, the
 * password in `https://user:password@host`, and base64- or percent-encoded text holding any of these.
 * Linear in the length of the text. Does not know what the caller's own secrets are (pass those to a
 * separate exact-match pass) and does not mask personal data: that is {@link redactClaims}' job.
 */
export function scrubCredentials(text: string): string {
  if (text.length < 3) return text;
  const ranges = findCredentialRanges(text, 0);
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    if (start >= at) {
      out += text.slice(at, start) + PLACEHOLDER;
    }
    at = end;
  }
  return out + text.slice(at);
}

/** {@link scrubCredentials} on every string leaf and object key of a JSON value; the shape stays. */
export function scrubCredentialsDeep(value: unknown): unknown {
  if (typeof value === 'string') return scrubCredentials(value);
  if (Array.isArray(value)) return value.map(scrubCredentialsDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, inner] of Object.entries(value))
      out[uniqueKey(out, scrubCredentials(key))] = scrubCredentialsDeep(inner);
    return out;
  }
  return value;
}

/** A key not yet in `out`: two keys scrubbed to the same text stay two entries. */
export function uniqueKey(out: Record<string, unknown>, key: string): string {
  if (!(key in out)) return key;
  // Only scrubbed keys collide, and they all read "[redacted]": count from the number of keys so far.
  let n = Object.keys(out).length + 1;
  while (`${key} (${n})` in out) n++;
  return `${key} (${n})`;
}
