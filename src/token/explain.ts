import { CLAIMS, type ClaimInfo } from './claim-dictionary';
import { formatRelative } from './relative-time';
import { formatIsoUtc, dateFromNumericDate, TIME_CLAIMS } from './time';
import type { ClaimRow, Claims, DecodedJwt } from './types';

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function displayValue(value: unknown, isTime: boolean, now: Date): { display: string; time: Date | null } {
  if (isTime) {
    const time = dateFromNumericDate(value);
    if (time !== null && !Number.isNaN(now.getTime())) {
      return { display: `${formatIsoUtc(time)} (${formatRelative(time, now)})`, time };
    }
    if (time !== null) return { display: formatIsoUtc(time), time };
  }
  if (Array.isArray(value)) return { display: value.map(stringify).join(', '), time: null };
  if (value !== null && typeof value === 'object') return { display: stringify(value), time: null };
  return { display: value === null ? 'null' : String(value), time: null };
}

function valueNotes(name: string, value: unknown, info: ClaimInfo | undefined, payload: Claims): string[] {
  const notes: string[] = [];
  if (info?.values !== undefined) {
    const items =
      info.format === 'space-list' && typeof value === 'string'
        ? value.split(/\s+/)
        : Array.isArray(value)
          ? value
          : [value];
    for (const item of items) {
      if (typeof item !== 'string' && typeof item !== 'number') continue;
      const key = String(item);
      const meaning = Object.hasOwn(info.values, key) ? info.values[key] : undefined;
      if (meaning !== undefined) notes.push(`${key}: ${meaning}`);
    }
  }
  if (name === 'scp' && typeof value === 'string') {
    const count = value.split(/\s+/).filter((s) => s !== '').length;
    notes.push(`${count} delegated permission${count === 1 ? '' : 's'}`);
  }
  if (name === 'roles' && Array.isArray(value))
    notes.push(`${value.length} role${value.length === 1 ? '' : 's'}`);
  if ((name === 'hasgroups' || name === '_claim_names') && !Object.hasOwn(payload, 'groups')) {
    notes.push(
      'No groups claim: fetch the groups from Microsoft Graph (/me/memberOf or /users/{oid}/getMemberGroups) instead.',
    );
  }
  if (name === 'sub' && typeof value === 'string' && value === payload['oid']) {
    notes.push('Equal to oid: typical of an app-only token, where the subject is the service principal.');
  }
  if (name === 'pwd_exp' && typeof value === 'number')
    notes.push(`The password expires ${value} seconds after iat.`);
  return notes;
}

/**
 * One row per payload claim, in token order: value, display text (times as UTC ISO plus time relative to
 * `now`, arrays joined, objects as JSON), a one-line meaning and a Microsoft Learn link for known claims,
 * and notes on individual values (amr methods, appidacr codes, group overage).
 * Unknown claims are listed with `known: false`, never hidden. Does not judge whether values are right.
 */
export function explainClaims(token: DecodedJwt, now: Date): readonly ClaimRow[] {
  try {
    const payload: Claims = token.payload;
    return Object.keys(payload).map((name) => explainOne(name, payload[name], payload, now));
  } catch {
    return [];
  }
}

function explainOne(name: string, value: unknown, payload: Claims, now: Date): ClaimRow {
  const info = CLAIMS.get(name);
  const { display, time } = displayValue(value, TIME_CLAIMS.has(name), now);
  const notes = valueNotes(name, value, info, payload);
  if (info === undefined && name.startsWith('xms_')) {
    notes.push('An xms_ claim is a Microsoft extension; this one is not documented for apps to use.');
  }
  return {
    name,
    value,
    display,
    meaning: info?.meaning ?? null,
    link: info?.link ?? null,
    known: info !== undefined,
    ...(notes.length > 0 ? { notes } : {}),
    ...(time !== null ? { time } : {}),
  };
}
