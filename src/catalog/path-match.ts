import type { PathTemplate } from './types';

const PLACEHOLDER = /\{[^{}]*\}/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ANY_SEGMENT = /^[^/]+$/;
// Compiled patterns are shared: the same function segment recurs under many paths.
const PATTERNS = new Map<string, RegExp>();

/**
 * Splits a catalog path into segments; a segment with `{…}` placeholders becomes a pattern (a whole
 * `{id}` segment matches any one segment, `find(ip='{ip}')` matches the same function with any value).
 */
export function compileTemplate(path: string): PathTemplate {
  const segments = splitPath(path.toLowerCase()).map((seg): string | RegExp => {
    if (!seg.includes('{')) return seg;
    if (seg.startsWith('{') && seg.indexOf('}') === seg.length - 1) return ANY_SEGMENT;
    let pattern = PATTERNS.get(seg);
    if (!pattern) {
      pattern = new RegExp(`^${seg.split(PLACEHOLDER).map(escape).join('[^/]*')}$`);
      PATTERNS.set(seg, pattern);
    }
    return pattern;
  });
  return { path, segments };
}

/** "/Users/{id}/" -> ["users", "{id}"]; drops the query string and empty segments. */
export function splitPath(path: string): string[] {
  const cut = path.search(/[?#]/);
  const noQuery = cut >= 0 ? path.slice(0, cut) : path;
  return noQuery.split('/').filter((s) => s !== '');
}

/**
 * How well a request path (already split, lower case) fits a template: -1 when it does not, else the
 * number of literal segments that matched exactly (more literal = more specific).
 */
export function scoreTemplate(template: PathTemplate, segments: readonly string[]): number {
  if (template.segments.length !== segments.length) return -1;
  let literal = 0;
  for (let i = 0; i < segments.length; i++) {
    const t = template.segments[i];
    const s = segments[i] ?? '';
    if (t === undefined) return -1;
    if (typeof t === 'string') {
      if (t !== s) return -1;
      literal++;
    } else if (!(s.startsWith('{') && s.endsWith('}')) && !t.test(s)) {
      return -1;
    }
  }
  return literal;
}
