/** The placeholder the catalog writes for a key or id segment. */
export const ID = '{id}';
/** The placeholder the catalog writes for a function parameter value. */
export const VALUE = '{value}';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const number = /^-?\d+$/;
const hex = /^[0-9a-f]{32,}$/i;
const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * An IPv6-looking segment: hex digits and colons only, with a colon after the first character. One
 * linear scan (the pattern it replaces backtracked on long `a:a:a:` runs).
 */
function isIpv6(s: string): boolean {
  let colon = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i).toLowerCase();
    if (ch === ':') colon ||= i > 0;
    else if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  }
  return colon;
}

/** True when a single path segment looks like an id, not a navigation or action name. */
export function looksLikeId(segment: string): boolean {
  const s = segment.trim();
  if (s === '') return false;
  if (/^\{[^}]*\}$/.test(s) || /^<[^>]*>$/.test(s)) return true;
  if (s.startsWith('$')) return false;
  if (/^microsoft\.graph\./i.test(s)) return false;
  if (guid.test(s) || number.test(s) || hex.test(s) || ipv4.test(s) || isIpv6(s)) return true;
  if (s.includes('@') || s.includes('\\') || s.includes('=') || s.includes('!') || s.includes(','))
    return true;
  if (/^'.*'$/.test(s) || /^".*"$/.test(s)) return true;
  // Domain names and file names: dotted segments that are not casts.
  if (/^[\w-]+(\.[\w-]+)+$/.test(s)) return true;
  // Opaque ids (mail, drive items, Defender alerts "da637…_123", CVEs, software "vendor-_-name").
  const digits = s.replace(/\D/g, '').length;
  if (/\d{4}/.test(s) || (s.length >= 8 && digits / s.length >= 0.2)) return true;
  if (/^CVE-\d/i.test(s) || s.includes('-_-') || /^da\d{6,}/i.test(s)) return true;
  return false;
}

/** Splits a segment "name(args)" into its name and argument text; null when it has no parentheses. */
function splitCall(segment: string): { name: string; args: string } | null {
  const m = /^([^()]*)\((.*)\)$/s.exec(segment);
  if (!m) return null;
  return { name: m[1] ?? '', args: m[2] ?? '' };
}

/** Splits OData arguments on commas outside quotes. */
function splitArgs(args: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of args) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur += ch;
    } else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '' || out.length > 0) out.push(cur);
  return out.map((a) => a.trim());
}

/**
 * Normalises one Graph segment. Keys (`users('x')`, `users(id='x')`, `users(x)`) become `users/{id}`;
 * function calls keep their parameter names with `{value}` values; casts and `$value`/`$count`/`$ref` stay.
 * Returns one or two segments.
 */
function normaliseGraphSegment(segment: string, keepCallArgs: boolean): string[] {
  const s = segment.toLowerCase();
  const call = splitCall(s);
  if (call && keepCallArgs) return [s];
  if (call) {
    const args = splitArgs(call.args);
    const named = args.filter((a) => /^[\w.]+\s*=/.test(a));
    if (args.length === 0) return [`${call.name}()`];
    if (named.length === 0 || (args.length === 1 && /^(id|key)\s*=/.test(args[0] ?? ''))) {
      // An entity key in parentheses: the catalog writes it as a path segment.
      return call.name === '' ? [ID] : [call.name, ID];
    }
    const params = named.map((a) => `${(a.split('=')[0] ?? '').trim()}=${VALUE}`);
    return [`${call.name}(${params.join(',')})`];
  }
  if (looksLikeId(s)) return [ID];
  return [s];
}

/** Collapses path-based addressing (`/root:/folder/file.txt:/content`) to the catalog's `root:/{id}:`. */
function collapseColonPaths(path: string): string {
  const closed = path.replace(/:\/[^:]*:(?=\/|$)/g, `:/${ID}:`);
  return closed.includes(`:/${ID}:`) ? closed : closed.replace(/:\/[^:]+$/, `:/${ID}:`);
}

/**
 * Normalises a Graph path (version already removed) to the catalog's form: lower case, ids `{id}`,
 * function parameters `{value}`. Does not decide which ambiguous segments are ids beyond the rules in
 * {@link looksLikeId}; {@link graphPathCandidates} tries the alternatives.
 */
export function normaliseGraphPath(path: string, options: { readonly keepCallArgs?: boolean } = {}): string {
  const collapsed = collapseColonPaths(path);
  const segments = collapsed.split('/').filter((s) => s !== '');
  const out: string[] = [];
  for (const seg of segments) {
    // Keep the colon form of path-based addressing ("root:", "{id}:") intact.
    if (seg.endsWith(':') || seg.startsWith('{id}')) {
      out.push(seg.toLowerCase());
      continue;
    }
    out.push(...normaliseGraphSegment(seg, options.keepCallArgs ?? false));
  }
  return '/' + out.join('/');
}

/** Defender segments that are never ids even though they follow a collection. */
const defenderLiterals = new Set(
  [
    'batchupdate',
    'createalertbyreference',
    'bymachinegroups',
    'batchdelete',
    'getscanhistorybyscandefinitionid',
    'getscanhistorybysessionid',
    'import',
    'findbytag',
    'addorremovetagformultiplemachines',
    'baselinecomplianceassessmentbymachine',
    'baselinecomplianceassessmentexport',
    'browserextensionsinventorybymachine',
    'browserextensionsinventoryexport',
    'certificateassessmentbymachine',
    'certificateassessmentexport',
    'hardwarefirmwareinventorybymachine',
    'hardwarefirmwareinventoryexport',
    'infogatheringexport',
    'secureconfigurationsassessmentbymachine',
    'secureconfigurationsassessmentexport',
    'softwareinventorybymachine',
    'softwareinventoryexport',
    'softwareinventorynoncpeexport',
    'softwareinventorynoproductcodebymachine',
    'softwarevulnerabilitiesbymachine',
    'softwarevulnerabilitiesexport',
    'softwarevulnerabilitychangesbymachine',
    'machinesvulnerabilities',
    'permissionsinfo',
    'run',
  ].map((s) => s.toLowerCase()),
);

/** Defender collections whose next segment is an id unless it is a known literal. */
const defenderCollections = new Set([
  'alerts',
  'machines',
  'files',
  'ips',
  'domains',
  'users',
  'investigations',
  'machineactions',
  'indicators',
  'libraryfiles',
  'recommendations',
  'remediationtasks',
  'software',
  'vulnerabilities',
  'incidents',
  'deviceauthenticatedscanagents',
  'deviceauthenticatedscandefinitions',
]);

/**
 * Normalises a Defender path: `/api/v1.0/` becomes `/api/`, lower case, ids `{id}`, function
 * parameters `{value}`. Does not check that the endpoint exists.
 */
export function normaliseDefenderPath(
  path: string,
  options: { readonly keepCallArgs?: boolean } = {},
): string {
  const segments = path.split('/').filter((s) => s !== '');
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const raw = segments[i] ?? '';
    const seg = raw.toLowerCase();
    if (i === 1 && out[0] === 'api' && /^v\d+(\.\d+)?$/.test(seg)) continue;
    const call = splitCall(seg);
    if (call && options.keepCallArgs) {
      out.push(seg);
      continue;
    }
    if (call) {
      const named = splitArgs(call.args).filter((a) => a.includes('='));
      if (named.length === 0) {
        out.push(call.name, ID);
        continue;
      }
      out.push(`${call.name}(${named.map((a) => `${(a.split('=')[0] ?? '').trim()}=${VALUE}`).join(',')})`);
      continue;
    }
    const prev = out[out.length - 1];
    if (prev !== undefined && defenderCollections.has(prev) && !defenderLiterals.has(seg)) {
      out.push(ID);
      continue;
    }
    out.push(looksLikeId(seg) ? ID : seg);
  }
  return '/' + out.join('/');
}
