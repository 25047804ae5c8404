// The shapes scripts/generate-catalog.mjs writes to src/catalog/data/. Arrays with fixed positions keep
// the lazy chunk small; this file is the one place that knows the positions.
import type { Cloud } from '../token';

/** Scheme bits in path sets and least-privileged markers. */
export const SCHEME_DELEGATED_WORK = 1;
export const SCHEME_APPLICATION = 2;
export const SCHEME_DELEGATED_PERSONAL = 4;

/** Method bits in path sets. */
export const METHOD_BITS: Readonly<Record<string, number>> = {
  GET: 1,
  POST: 2,
  PATCH: 4,
  PUT: 8,
  DELETE: 16,
};

/** [schemeMask, methodMask, [pathIndexDelta, leastMask, pathIndexDelta, leastMask, ...]] */
export type RawPathSet = readonly [number, number, readonly number[]];

/**
 * [value, delegatedId (base64url), applicationId (base64url), hasDelegated, hasApplication,
 *  delegatedAdminConsent, delegatedLevel, applicationLevel, delegatedLabel, applicationLabel (null when
 *  the same as the delegated one), personal (has a DelegatedPersonal form), pathSets]
 */
export type RawGraphPermission = readonly [
  string,
  string | null,
  string | null,
  number,
  number,
  number | null,
  number | null,
  number | null,
  string | null,
  string | null,
  number,
  readonly RawPathSet[],
];

export interface RawGraph {
  /** Sorted Graph paths, front-coded: "<shared prefix length>,<rest>" per line. */
  readonly paths: string;
  readonly perms: readonly RawGraphPermission[];
}

/** [resource, method, path, application[], delegated[], delegatedRole] */
export type RawDefenderEndpoint = readonly [
  string,
  string,
  string,
  readonly string[],
  readonly string[],
  string | null,
];

export interface RawDefender {
  readonly endpoints: readonly RawDefenderEndpoint[];
  /** Permission values the source marks as documentation typos. */
  readonly typos: readonly string[];
}

export interface RawApi {
  readonly appId: string;
  readonly name: string;
  readonly resource: string;
  readonly retired?: boolean;
  /** [aud form, cloud], in written order: the first per cloud is that cloud's canonical resource. */
  readonly aud: readonly (readonly [string, Cloud])[];
  /** [host, cloud]; "*." marks any subdomain. */
  readonly hosts: readonly (readonly [string, Cloud])[];
}

export interface RawDirectory {
  readonly apis: readonly RawApi[];
  /** 22-character base64url appIds, concatenated, in the order of `names`. */
  readonly apps: { readonly ids: string; readonly names: string };
  /** [templateId, name, privileged (1/0/null)] */
  readonly roles: readonly (readonly [string, string, number | null])[];
}

export interface RawMeta {
  readonly generatedAt: string;
  readonly sources: readonly {
    readonly name: string;
    readonly commit: string | null;
    readonly date: string | null;
    readonly files: Readonly<Record<string, string>>;
  }[];
  readonly counts: Readonly<Record<string, number>>;
}

/** Everything the generator writes, as loaded. */
export interface RawCatalog {
  readonly graph: RawGraph;
  readonly defender: RawDefender;
  readonly directory: RawDirectory;
  readonly meta: RawMeta;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_VALUE: Readonly<Record<string, number>> = Object.fromEntries([...B64].map((c, i) => [c, i]));

/** Turns a 22-character base64url GUID back into its 8-4-4-4-12 hex form (byte order as written). */
export function unpackGuid(packed: string): string {
  let bits = 0;
  let acc = 0;
  let hex = '';
  for (const c of packed) {
    acc = (acc << 6) | (B64_VALUE[c] ?? 0);
    bits += 6;
    while (bits >= 4 && hex.length < 32) {
      bits -= 4;
      hex += ((acc >> bits) & 15).toString(16);
    }
    acc &= (1 << bits) - 1;
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Expands front-coded lines back into the sorted strings. */
export function decodeFrontCoded(text: string): string[] {
  const out: string[] = [];
  let prev = '';
  for (const line of text.split('\n')) {
    const comma = line.indexOf(',');
    const shared = Number(line.slice(0, comma));
    prev = prev.slice(0, shared) + line.slice(comma + 1);
    out.push(prev);
  }
  return out;
}
