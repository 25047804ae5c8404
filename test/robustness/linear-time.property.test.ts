// @vitest-environment node
// Property test: every parser of pasted text runs in linear time on adversarial shapes at its size limit.
// A regex with super-linear backtracking freezes the tab for seconds to minutes on input well under the
// limit (docs/security.md, "No frozen tab"). Time is judged as a RATIO to a linear baseline measured in
// the same process over the same input, never as an absolute figure: the machines are shared and noisy.
// A linear parser stays within a few dozen baselines; a quadratic one at these sizes takes thousands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyToken, decodeToken } from '../../src/token';
import { findTokens } from '../../src/token/find';
import { buildReport, explainError, parseRequest } from '../../src/diagnose';
import { readApiAnswer } from '../../src/diagnose/api-answer';
import { looksLikeId, normaliseDefenderPath, normaliseGraphPath } from '../../src/diagnose/normalise-path';
import { parseKeyText } from '../../src/verify/parse-key';
import { scrubCredentials } from '../../src/diagnose/scrub-credentials';
import { redactClaims } from '../../src/diagnose/redact-claims';

/** A parser passes when it takes at most this many baselines (generous: linear parsers here measure 100–500; a quadratic one, 8,000 and up). */
const MAX_RATIO = 2500;
const KB = 1024;

/** A linear pass over the input that no engine can shortcut: a character checksum and a JSON encoding. */
function baseline(input: string): number {
  let h = 0;
  for (let i = 0; i < input.length; i++) h = (h * 31 + input.charCodeAt(i)) | 0;
  return h ^ JSON.stringify(input).length;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The smallest of a few runs: the baseline's best case, so the ratio is not flattered by noise. */
function baselineMs(input: string): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++)
    best = Math.min(
      best,
      time(() => baseline(input)),
    );
  // Below the timer's resolution the ratio means nothing: count at least 0.05 ms.
  return Math.max(best, 0.05);
}

/** How many baselines the parser takes on this input (the better of two runs, to shrug off one GC pause). */
function ratioOf(parse: (input: string) => unknown, input: string): number {
  const first = time(() => parse(input));
  const base = baselineMs(input);
  if (first / base <= MAX_RATIO) return first / base;
  return (
    Math.min(
      first,
      time(() => parse(input)),
    ) / base
  );
}

/** Fills `size` characters by repeating `unit`, then appends `tail` (a rejecting suffix), cut to `size`. */
const fill = (unit: string, size: number, tail = ''): string => {
  const body = unit.repeat(Math.ceil(Math.max(0, size - tail.length) / Math.max(1, unit.length)));
  return (body.slice(0, size - tail.length) + tail).slice(0, size);
};

/** Characters and prefixes that parsers in this app treat specially. */
const CHARS = [
  ' ',
  '\t',
  '\n',
  '/',
  ':',
  '.',
  ',',
  ';',
  '=',
  '&',
  '?',
  '#',
  '%',
  '"',
  "'",
  '`',
  '{',
  '[',
  '-',
  '_',
  'a',
  'A',
  '0',
  '<',
  '\\',
  '+',
];
const PREFIXES = [
  'eyJ',
  'eyJa.',
  'Bearer ',
  'Authorization: ',
  'access_token=',
  'token=',
  'code=',
  'refresh_token=',
  'client_secret=',
  'sig=',
  'https://',
  'https://a:b@',
  '0.A',
  '"code": "',
  '{"error":{"code":"',
  'code: ',
  'message: x ',
  'audience ',
  'invalid audience ',
  'API required roles:',
  'application roles:',
  'Missing application roles. ',
  'AADSTS50013',
  'HTTP/1.1 403 ',
  '-----BEGIN PUBLIC KEY-----',
  '-----BEGIN X-----',
  'MII',
  'a:',
  'a.',
  'a/',
  'curl ',
  '-H ',
  'Invoke-RestMethod ',
  '$t = "',
  '://',
  'u:p@',
  '%25',
  '%3D',
  'ZXlK',
  'password=',
  'Ocp-Apim-Subscription-Key: ',
  '1.A',
  'eyJhbGciOiJub25lIn0.',
];
const SEPARATORS = [':', '.', '/', ',', ';', '=', '&', ' ', '\n', '\r\n', '-', '_', '\t', '%', '"', "'", '|'];
const TAILS = ['', '!', 'x', '\u0000', '"', ' ', '\n', 'g'];

/** Adversarial shapes: long runs of one character, repeated prefixes, alternating separators. */
const shape = (size: number) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...CHARS), fc.constantFrom(...TAILS)).map(([c, t]) => fill(c, size, t)),
    fc
      .tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...TAILS), fc.constantFrom('', ' ', 'a'))
      .map(([p, t, gap]) => fill(p + gap, size, t)),
    fc
      .tuple(
        fc.constantFrom('a', 'A1', 'ab', 'x9', ' '),
        fc.constantFrom(...SEPARATORS),
        fc.constantFrom(...TAILS),
      )
      .map(([w, s, t]) => fill(w + s, size, t)),
    fc
      .tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...CHARS), fc.constantFrom(...TAILS))
      .map(([p, c, t]) => p + fill(c, size - p.length, t)),
  );

/** Shapes that once froze the tab, at the input limit: each must stay linear. */
const named = (size: number): string[] => [
  // explain-error: `KEY: value` header lines (lazy `(.+?)` before `\s*$`).
  'code: x' + fill(' ', size - 8, 'x'),
  'message: x' + fill(' ', size - 11, 'x'),
  // explain-error: the "API required roles" patterns.
  'Missing application roles. API required roles:x' + fill(' ', size - 50, ''),
  fill('API required roles:', size),
  fill('application roles:', size, 'x'),
  // explain-error: `/audience .* (?:is )?invalid/`.
  fill('audience ', size),
  // find.ts: stripQuotes' trailing `["'`,;]+$`.
  fill(',', size, 'x'),
  fill(';', size, '!'),
  // normalise-path: the IPv6 pattern on long `a:a:a:` segments.
  'GET https://graph.microsoft.com/v1.0/users/' + fill('a:', size - 50, 'g'),
  fill('a:', size, 'g'),
  // parse-key: PEM blocks without their END line.
  fill('-----BEGIN X-----', size),
  fill('-----BEGIN PUBLIC KEY-----\n', size),
  // scrubCredentials: values that hold the next key, authorities without an end, nested encodings.
  fill('code=', size),
  'password="' + fill('code=', size - 10),
  fill('://@:', size),
  fill('eyJhbGciOiJub25lIn0.', size),
  fill('ZXlKaGJHY2lPaUp1YjI1bEluMC4', size),
  fill('%25', size),
  fill('Bearer ', size),
];

interface Parser {
  readonly name: string;
  /** The largest input the parser accepts (longer input is refused before any pattern runs). */
  readonly limit: number;
  readonly parse: (input: string) => unknown;
}

const ONE_TOKEN = decodeToken(
  `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"aud":"https://graph.microsoft.com","tid":"t"}').toString('base64url')}.c2ln`,
);
const NOW = new Date('2026-06-01T12:00:00Z');

const PARSERS: Parser[] = [
  { name: 'findTokens', limit: 256 * KB, parse: findTokens },
  { name: 'parseRequest', limit: 64 * KB, parse: parseRequest },
  { name: 'normaliseGraphPath', limit: 64 * KB, parse: (s) => normaliseGraphPath(s) },
  { name: 'normaliseDefenderPath', limit: 64 * KB, parse: (s) => normaliseDefenderPath(s) },
  { name: 'looksLikeId', limit: 64 * KB, parse: looksLikeId },
  { name: 'explainError', limit: 256 * KB, parse: (s) => explainError(s) },
  { name: 'readApiAnswer', limit: 256 * KB, parse: readApiAnswer },
  { name: 'parseKeyText', limit: 256 * KB, parse: parseKeyText },
  { name: 'scrubCredentials', limit: 256 * KB, parse: scrubCredentials },
  {
    name: 'redactClaims (kept claims and claim names scrubbed)',
    limit: 256 * KB,
    parse: (s) => redactClaims({ acr: s, [s]: 1 }),
  },
  {
    name: 'buildReport (redaction of the error and request)',
    limit: 64 * KB,
    parse: (s) => {
      if (!ONE_TOKEN.ok) throw new Error('fixture token does not decode');
      const request = parseRequest(s);
      const errorExplanation = explainError(s);
      return buildReport({
        token: ONE_TOKEN.token,
        classification: classifyToken(ONE_TOKEN.token),
        request: request.ok ? request.request : null,
        errorExplanation,
        catalog: null,
        now: NOW,
      });
    },
  },
];

// The one-paste splitter (token, request, answer), timed too once it exists (src/diagnose/split-paste.ts).
const splitPasteModules = import.meta.glob<Record<string, unknown>>('../../src/diagnose/split-paste.ts', {
  eager: true,
});
for (const mod of Object.values(splitPasteModules)) {
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn === 'function' && /^split/i.test(name))
      PARSERS.push({ name, limit: 256 * KB, parse: fn as (input: string) => unknown });
  }
}

describe('every parser runs in linear time on adversarial input at its size limit', () => {
  // Warm the JIT on small input first, so the first timed run is not compile time.
  for (const p of PARSERS) for (const s of named(2 * KB)) p.parse(s);

  it.each(PARSERS.map((p) => [p.name, p] as const))(
    '%s',
    (_name, p) => {
      const worst = { ratio: 0, input: '' };
      const check = (input: string) => {
        const ratio = ratioOf(p.parse, input);
        if (ratio > worst.ratio) Object.assign(worst, { ratio, input });
        return ratio <= MAX_RATIO;
      };
      for (const input of named(p.limit)) {
        expect(
          check(input),
          `${p.name} took ${Math.round(worst.ratio)}× the baseline on ${JSON.stringify(input.slice(0, 60))}… (${input.length} chars)`,
        ).toBe(true);
      }
      fc.assert(
        fc.property(shape(p.limit), (input) => check(input)),
        { numRuns: 12, endOnFailure: true },
      );
      // The figure for the record (docs/security.md): the worst ratio seen for this parser.
      console.info(`${p.name}: worst ${worst.ratio.toFixed(1)}× the baseline at ${p.limit / KB} KB`);
      // The ratio is what is judged; the time limit only has to outlast a loaded machine.
    },
    30_000,
  );
});
