import type { Catalog } from '../catalog';
import {
  CALLER_LABEL,
  describeExpiry,
  ISSUER_KIND_LABEL,
  KIND_LABEL,
  type Classification,
  type DecodedJwt,
  type Expiry,
  type Finding,
  type FixAction,
  type Severity,
} from '../token';
import { nameApp, nameRole } from './compare-names';
import { describeAudience } from './hosts';
import { REDACTED, isKeptClaim, redactClaims, type RedactOptions } from './redact-claims';
import { scrubCredentials } from './scrub-credentials';
import type { CorrelationIds, Diagnosis, ErrorExplanation, ParsedRequest } from './types';
import { VERDICT_LABELS } from './verdict-labels';

/** Everything a support report can hold; only the token, its classification, the catalog and `now` are required. */
export interface ReportInput {
  readonly request?: ParsedRequest | null;
  readonly diagnosis?: Diagnosis | null;
  readonly errorExplanation?: ErrorExplanation | null;
  readonly token: DecodedJwt;
  readonly classification: Classification;
  readonly catalog: Catalog | null;
  readonly now: Date;
}

const VERDICT_TEXT = VERDICT_LABELS;

/** What a person reading a ticket calls each severity (the rule codes stay out of the report). */
const SEVERITY_TEXT: Readonly<Record<Severity, string>> = {
  error: 'Problem',
  warning: 'Warning',
  info: 'Note',
};

/** The app's own routes: a link to them means nothing outside this tab, so the report never holds one. */
const APP_ROUTES = ['#consent', '#grant', '#catalog', '#compare', '#signin', '#token=', '#request='];

const CORRELATION_LABELS: readonly [keyof CorrelationIds, string][] = [
  ['requestId', 'request-id'],
  ['clientRequestId', 'client-request-id'],
  ['date', 'date'],
  ['traceId', 'Trace ID'],
  ['correlationId', 'Correlation ID'],
  ['timestamp', 'Timestamp'],
  ['target', 'target'],
];

/**
 * Builds a Markdown report for a support ticket: the request, the verdict and its findings with fixes, the
 * correlation IDs from a pasted error, the token's facts and its redacted claims (with the list of what was
 * masked). Never contains the raw token, its signature, or any masked value: a final pass replaces any
 * masked value (4+ characters) that upstream text might quote with the placeholder. Every free-text field
 * (request, error, correlation IDs, findings) goes through {@link scrubCredentials} first, so another
 * token, a refresh token, a `code=`, a secret or key quoted anywhere is masked too. Pure: `now` is the
 * report's timestamp. Does not verify the token.
 */
export function buildReport(input: ReportInput): string {
  const { token, classification: c, catalog, now } = input;
  const options = redactOptionsFor(c);
  const redacted = redactClaims(token.payload, options);
  const lines: string[] = [];
  lines.push('# Tokenscope report', '');
  lines.push(
    `Generated ${now.toISOString()} by Tokenscope, offline in the browser. The token itself and its signature are not included; personal and secret values are masked.`,
    '',
  );

  if (input.request) {
    const r = input.request;
    lines.push('## Request', '', codeSpan(`${r.method} ${r.url}`), '');
    const required = input.diagnosis?.required;
    if (required?.known) {
      lines.push(`- API: ${text(required.api.name)}`, `- Matched path: ${codeSpan(required.matchedPath)}`);
      const list = (ps: readonly { value: string }[]) =>
        ps.length ? ps.map((p) => codeSpan(p.value)).join(', ') : 'none';
      lines.push(
        `- Accepted delegated permissions (least privileged first): ${list(required.delegated)}`,
        `- Accepted application permissions (least privileged first): ${list(required.application)}`,
      );
      if (required.delegatedRole)
        lines.push(`- Role the signed-in user needs: ${text(required.delegatedRole)}`);
      lines.push('');
    }
  }

  if (input.diagnosis) {
    const d = input.diagnosis;
    lines.push(`## Verdict: ${VERDICT_TEXT[d.verdict]}`, '');
    if (d.findings.length === 0) lines.push('No findings.', '');
    d.findings.forEach((f, i) => lines.push(...findingLines(f, `${i + 1}. `, '   ')));
    if (d.findings.length) lines.push('');
  }

  const e = input.errorExplanation;
  if (e?.ok) {
    lines.push('## Error returned by the API', '');
    const head = [e.status !== null ? `HTTP ${e.status}` : null, e.code ? codeSpan(e.code) : null].filter(
      Boolean,
    );
    if (head.length) lines.push(`- Error: ${head.join(' ')}`);
    if (e.message) lines.push(`- Message: ${text(e.message)}`);
    if (e.requiredRoles.length)
      lines.push(`- Roles the API required: ${e.requiredRoles.map(codeSpan).join(', ')}`);
    if (e.grantedRoles.length) lines.push(`- Roles the API saw: ${e.grantedRoles.map(codeSpan).join(', ')}`);
    lines.push(`- What it means: ${text(e.explanation)}`);
    if (e.aadsts) lines.push(`- ${text(e.aadsts.code)}: ${text(e.aadsts.title)}. Fix: ${text(e.aadsts.fix)}`);
    lines.push('');
    const ids = CORRELATION_LABELS.filter(([key]) => e.correlation[key]);
    lines.push('### Correlation IDs (quote these to Microsoft support)', '');
    if (ids.length === 0) lines.push('None found in the pasted error.');
    for (const [key, label] of ids) lines.push(`- ${label}: ${codeSpan(e.correlation[key] ?? '')}`);
    lines.push('');
    if (e.findings.length) {
      lines.push('### Error checked against the token', '');
      for (const f of e.findings) lines.push(...findingLines(f, '- ', '  '));
      lines.push('');
    }
  }

  lines.push('## Token facts', '', '| Fact | Value |', '| --- | --- |');
  for (const [fact, value] of tokenFacts(c, describeExpiry(token.payload, now), catalog))
    lines.push(`| ${fact} | ${cell(value)} |`);
  lines.push('');

  lines.push('## Claims (redacted)', '');
  const json = JSON.stringify(redacted.claims, null, 2);
  const fence = '`'.repeat(Math.max(3, longestRun(json, '`') + 1));
  lines.push(`${fence}json`, json, fence, '');
  lines.push(
    redacted.masked.length
      ? `Masked (values replaced by ${codeSpan(REDACTED)}): ${redacted.masked.map(codeSpan).join(', ')}.`
      : 'Nothing needed masking.',
    'Not included: the raw token and its signature. Kept on purpose: the tenant ID (it names the organisation, not a person, and support needs it), audience, issuer, permissions, roles and times.',
    '',
  );

  return scrubCredentials(scrub(lines.join('\n'), token, redacted.masked, options));
}

/** An app-only token's object ID names a service principal, not a person: the report keeps it. */
export function redactOptionsFor(c: Classification): RedactOptions {
  return { appOnly: c.caller === 'app-only' || c.caller === 'managed-identity' };
}

/** A finding as a ticket reads it: severity in words, the message, the fix and what to do for it. */
function findingLines(f: Finding, bullet: string, indent: string): string[] {
  const out = [`${bullet}**${SEVERITY_TEXT[f.severity]}:** ${text(f.message)}`];
  if (f.fix) {
    out.push(`${indent}- Fix: ${text(f.fix.text)}`);
    for (const action of f.fix.actions) {
      const line = describeAction(action);
      if (line !== null) out.push(`${indent}  - ${line}`);
    }
  }
  return out;
}

/**
 * A fix action in words. Only Microsoft pages become links, and only absolute `https://` ones: the app's
 * own pages (consent and grant builders) are named, never linked, since their links work only in this tab.
 */
function describeAction(action: FixAction): string | null {
  switch (action.kind) {
    case 'doc':
      return /^https:\/\/[^\s)]+$/.test(action.url) ? `See [${text(action.label)}](${action.url})` : null;
    case 'consent':
      return `Grant admin consent for ${codeSpan(action.scope)}${action.clientId ? ` to the app ${codeSpan(action.clientId)}` : ''}${action.tenantId ? ` in tenant ${codeSpan(action.tenantId)}` : ''} (Tokenscope's Consent page builds the link).`;
    case 'grant':
      return `Assign the app role ${codeSpan(action.permission)} of the API ${codeSpan(action.resourceAppId)}${action.principalId ? ` to the service principal ${codeSpan(action.principalId)}` : ''} (Tokenscope's Grant page writes the script).`;
    case 'role-assignment':
      return `Assign the Azure role ${codeSpan(action.role)}${action.assignee ? ` to ${codeSpan(action.assignee)}` : ''}${action.scope ? ` at scope ${codeSpan(action.scope)}` : ''}.`;
    case 'portal':
      return `In the portal: ${action.path.map(text).join(' > ')}`;
    case 'command':
      return `${text(action.label)}: ${codeSpan(action.text)}`;
  }
}

function tokenFacts(c: Classification, expiry: Expiry, catalog: Catalog | null): [string, string][] {
  const api =
    describeAudience(c.audience)?.name ?? (c.audience ? nameApp(c.audience, catalog)?.name : null) ?? null;
  const app = c.clientId ? (nameApp(c.clientId, catalog)?.name ?? null) : null;
  const kind = KIND_LABEL[c.kind];
  const caller = c.caller === null ? 'not stated' : CALLER_LABEL[c.caller];
  const expires = expiry.expiresAt
    ? `${expiry.text} (${expiry.expiresAt.toISOString()})`
    : expiry.text || 'no exp claim';
  const wids =
    c.wids === null
      ? 'no wids claim at all'
      : c.wids.length === 0
        ? 'empty wids claim'
        : c.wids.map((w) => (nameRole(w, catalog) ? `${nameRole(w, catalog)} (${w})` : w)).join(', ');
  return [
    ['Kind', kind],
    ['Version', c.version ? `v${c.version}` : 'not stated'],
    ['Caller', caller],
    [
      'API (aud)',
      c.audience === null ? 'none' : api && api !== c.audience ? `${api} (${c.audience})` : c.audience,
    ],
    ['Issuer', `${ISSUER_KIND_LABEL[c.issuer.kind]}${c.issuer.cloud ? `, ${c.issuer.cloud} cloud` : ''}`],
    ['Tenant', c.tenantId ?? 'not stated'],
    ['Client app', c.clientId === null ? 'not stated' : app ? `${app} (${c.clientId})` : c.clientId],
    ['Expiry', expires],
    ['Delegated permissions (scp)', c.scopes.length ? c.scopes.join(' ') : 'none'],
    ['App roles (roles)', c.roles.length ? c.roles.join(', ') : 'none'],
    ['Directory roles (wids)', wids],
  ];
}

/** Escapes Markdown in a line of untrusted text and keeps it on one line. */
function text(value: string): string {
  return escapeLine(dropAppLinks(scrubCredentials(value)));
}

/** The Markdown escaping of {@link text} alone: how a value quoted in text looks in the report. */
function escapeLine(value: string): string {
  return value.replace(/(?<!\s)\s*[\r\n]\s*/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** Removes links to the app's own routes (`#consent&…`) from text: outside this tab they lead nowhere. */
function dropAppLinks(value: string): string {
  if (!value.includes('#')) return value;
  let out = '';
  let at = 0;
  for (;;) {
    const hash = value.indexOf('#', at);
    if (hash < 0) break;
    const rest = value.slice(hash, hash + 12).toLowerCase();
    if (!APP_ROUTES.some((r) => rest.startsWith(r))) {
      out += value.slice(at, hash + 1);
      at = hash + 1;
      continue;
    }
    let end = hash;
    while (end < value.length && !/[\s)\]>"']/.test(value[end] ?? '')) end++;
    out += value.slice(at, hash);
    at = end;
  }
  return out + value.slice(at);
}

function cell(value: string): string {
  return text(value);
}

function longestRun(value: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const ch of value) {
    run = ch === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** A code span that survives backticks inside the value. */
function codeSpan(value: string): string {
  const flat = scrubCredentials(value).replace(/[\r\n]+/g, ' ');
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** The token as it travels wrapped: base64, base64url and fully percent-encoded. */
function wrappedForms(raw: string): string[] {
  let b64 = '';
  try {
    b64 = btoa(raw);
  } catch {
    return [];
  }
  let end = b64.length;
  while (end > 0 && b64[end - 1] === '=') end--;
  const url = b64.slice(0, end).replace(/\+/g, '-').replace(/\//g, '_');
  const percent = [...raw]
    .map((ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
  return [b64, url, percent, percent.toLowerCase()];
}

function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringLeaves);
  return [];
}

/**
 * Removes from the finished report anything it must never hold, whichever part quoted it: the raw token,
 * its segments, and the values of masked claims (4+ characters, unless also the value of a kept claim).
 */
function scrub(report: string, token: DecodedJwt, masked: readonly string[], options: RedactOptions): string {
  const keptValues = new Set(
    Object.entries(token.payload)
      .filter(([name]) => isKeptClaim(name, options))
      .flatMap(([, v]) => stringLeaves(v)),
  );
  const secrets = new Set<string>([
    token.raw,
    ...token.raw.split('.'),
    token.signature,
    ...wrappedForms(token.raw),
  ]);
  for (const name of masked) {
    for (const s of stringLeaves(token.payload[name])) if (!keptValues.has(s)) secrets.add(s);
  }
  const keptJson = JSON.stringify(
    Object.fromEntries(Object.entries(token.payload).filter(([n]) => isKeptClaim(n, options))),
  );
  let out = report;
  const ordered = [...secrets]
    .filter((s) => s.length >= 4 && !REDACTED.includes(s) && !keptJson.includes(s))
    .sort((x, y) => y.length - x.length);
  for (const s of ordered) {
    for (const form of new Set([s, JSON.stringify(s).slice(1, -1), escapeLine(s)]))
      out = out.split(form).join(REDACTED);
  }
  return out;
}
