// JSON parsing into null-prototype objects: a claim named `__proto__` or `constructor` stays a plain key
// and can never reach Object.prototype.

/** Deepest nesting we rebuild; deeper JSON is reported as not JSON rather than risking the stack. */
const MAX_DEPTH = 64;

export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/** Parses JSON text; objects come back with a null prototype. Never throws. */
export function parseJson(text: string): ParsedJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid JSON' };
  }
  const rebuilt = rebuild(parsed, 0);
  return rebuilt === TOO_DEEP
    ? { ok: false, reason: `nested deeper than ${MAX_DEPTH} levels` }
    : { ok: true, value: rebuilt };
}

const TOO_DEEP = Symbol('too-deep');

function rebuild(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = rebuild(item, depth + 1);
      if (r === TOO_DEEP) return TOO_DEEP;
      out.push(r);
    }
    return out;
  }
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const r = rebuild((value as Record<string, unknown>)[key], depth + 1);
    if (r === TOO_DEEP) return TOO_DEEP;
    // defineProperty, not assignment: assignment of `__proto__` is a setter call on ordinary objects.
    Object.defineProperty(out, key, { value: r, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
