// The one source of the token summary's words. The React panel renders these rows, and so does the page
// before React boots: keep this free of React, the DOM and Intl, and cheap.
import {
  CALLER_DETAIL,
  CALLER_SHORT,
  CLOUD_DETAIL,
  CLOUD_LABEL,
  EXPIRY_STATE_LABEL,
  ISSUER_KIND_LABEL,
  KIND_DETAIL,
  versionLabel,
} from './labels';
import { formatUtc } from './time';
import type { Classification, Expiry, ExpiryState } from './types';

/** Catalog names for the IDs in the token; all optional, since the catalog loads after the summary. */
export interface SummaryNames {
  /** The API `aud` names (for an ID token: the app that signed in), or null when unknown. */
  readonly api?: string | null;
  /** The client app (`appid`/`azp`), or null when unknown. */
  readonly client?: string | null;
  /** True once the catalog has loaded: an unnamed ID is then "not in the catalog", not just pending. */
  readonly catalogLoaded?: boolean;
}

export type SummaryRowKey =
  'kind' | 'version' | 'caller' | 'audience' | 'tenant' | 'client' | 'issuer' | 'user' | 'expiry';

export type SummaryTone = 'ok' | 'warn' | 'err';

export interface SummaryRow {
  readonly key: SummaryRowKey;
  readonly label: string;
  readonly text: string;
  /** A short state shown before the text (the expiry's). */
  readonly badge?: { readonly tone: SummaryTone; readonly text: string };
  /** Said after the text in a quieter voice, e.g. the expiry in UTC. */
  readonly detail?: string;
  /** An instant the renderer may also show in local time (Intl: after first paint). */
  readonly time?: Date;
}

export interface TokenSummaryText {
  /** One line that sums the token up; null before a token arrives. */
  readonly headline: string | null;
  readonly rows: readonly SummaryRow[];
}

/** What a row shows before a token arrives. */
export const SUMMARY_PLACEHOLDER = '—';
const NOT_STATED = 'Not stated';

const TONE: Readonly<Record<ExpiryState, SummaryTone>> = {
  valid: 'ok',
  unknown: 'warn',
  expired: 'err',
  'not-yet-valid': 'err',
};

function named(raw: string | null, name: string | null, catalogLoaded: boolean, fallback?: string | null) {
  if (raw === null) return NOT_STATED;
  if (name) return `${name} (${raw})`;
  if (fallback) return `${fallback} (${raw})`;
  return catalogLoaded ? `${raw} (not in the catalog)` : raw;
}

function headline(c: Classification, api: string | null): string {
  const kind = c.kind === 'id' ? 'ID token' : c.kind === 'access' ? 'Access token' : 'Token';
  const version = c.version ? ` (v${c.version})` : '';
  const target = c.audience ? ` ${c.kind === 'id' ? 'issued to' : 'for'} ${api ?? c.audience}` : '';
  let caller = '';
  if (c.kind !== 'id' && c.caller) {
    caller = `, ${CALLER_SHORT[c.caller]}`;
    const who = c.user?.signInName ?? c.user?.name ?? null;
    if (c.caller === 'delegated' && who) caller += ` for ${who}`;
    if (c.caller === 'managed-identity' && c.managedIdentity?.name) caller += ` of ${c.managedIdentity.name}`;
  }
  return `${kind}${version}${target}${caller}.`;
}

function callerText(c: Classification): string {
  if (!c.caller) return NOT_STATED;
  const mi = c.managedIdentity;
  if (c.caller !== 'managed-identity' || mi === null) return CALLER_DETAIL[c.caller];
  const what = mi.name ? [mi.typeLabel, mi.name].filter(Boolean).join(' ') : mi.resourceId;
  const group = mi.resourceGroup ? `, resource group ${mi.resourceGroup}` : '';
  return `${CALLER_DETAIL['managed-identity']}: ${what}${group}`;
}

function issuerText(c: Classification): string {
  const { kind, cloud, value } = c.issuer;
  const where =
    kind === 'entra' && cloud
      ? CLOUD_DETAIL[cloud]
      : `${ISSUER_KIND_LABEL[kind]}${cloud && cloud !== 'public' ? `, ${CLOUD_LABEL[cloud]}` : ''}`;
  return value ? `${where} · ${value}` : where;
}

function userText(c: Classification): string {
  const u = c.user;
  const person =
    u === null
      ? null
      : u.name && u.signInName && u.name !== u.signInName
        ? `${u.name} (${u.signInName})`
        : (u.signInName ?? u.name);
  const home = c.homeTenantId ? `, home tenant ${c.homeTenantId}` : '';
  const status = c.guest === null ? null : c.guest ? `Guest (B2B) user${home}` : 'Member of the tenant';
  if (person !== null) return status ? `${person} · ${status}` : person;
  if (status !== null) return status;
  if (c.caller === 'app-only' || c.caller === 'managed-identity') return 'No user: the app acts as itself';
  return 'No user or not stated';
}

function expiryRow(expiry: Expiry | null | undefined): SummaryRow {
  const label = 'Expiry';
  if (!expiry) return { key: 'expiry', label, text: SUMMARY_PLACEHOLDER };
  const at = expiry.expiresAt;
  return {
    key: 'expiry',
    label,
    text: expiry.text,
    badge: { tone: TONE[expiry.state], text: EXPIRY_STATE_LABEL[expiry.state] },
    ...(at ? { detail: formatUtc(at), time: at } : {}),
  };
}

/**
 * The token summary as rows of label and text, from the clock-free facts, the catalog's names (when loaded)
 * and the expiry at `now` (when given). With `facts` null: the same rows an access token has, each with a
 * placeholder, so the page does not jump when a token arrives. ID tokens have no Caller or Client app row.
 * Does not format local times (the renderer does, from `time`) and reads no clock.
 */
export function summarizeToken(
  facts: Classification | null,
  names?: SummaryNames | null,
  expiry?: Expiry | null,
): TokenSummaryText {
  const c = facts;
  const api = names?.api ?? null;
  const catalogLoaded = names?.catalogLoaded ?? false;
  const isId = c?.kind === 'id';
  const row = (key: SummaryRowKey, label: string, text: (f: Classification) => string): SummaryRow => ({
    key,
    label,
    text: c ? text(c) : SUMMARY_PLACEHOLDER,
  });
  const rows: SummaryRow[] = [
    row('kind', 'Kind', (f) => KIND_DETAIL[f.kind]),
    row('version', 'Version', (f) => versionLabel(f.version)),
  ];
  if (!isId) rows.push(row('caller', 'Caller', callerText));
  rows.push(
    row('audience', isId ? 'Audience (the app that signed in)' : 'API (audience)', (f) =>
      named(f.audience, api, catalogLoaded),
    ),
    row('tenant', 'Tenant', (f) => f.tenantId ?? NOT_STATED),
  );
  if (!isId) {
    rows.push(
      row('client', 'Client app', (f) =>
        named(f.clientId, names?.client ?? null, catalogLoaded, f.clientName),
      ),
    );
  }
  rows.push(row('issuer', 'Issuer', issuerText), row('user', 'User', userText));
  rows.push(c ? expiryRow(expiry) : { key: 'expiry', label: 'Expiry', text: SUMMARY_PLACEHOLDER });
  return { headline: c ? headline(c, api) : null, rows };
}
