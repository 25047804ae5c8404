/**
 * Every AADSTS code with Microsoft's short name (generated: src/catalog/data/aadsts.json, its own lazy
 * chunk). Our own explanations live in src/diagnose/aadsts-codes.ts; this is only the complete list.
 */

export interface AadstsNames {
  /** Code number → short name ("" when the docs give none). A Map: lookups are keyed by pasted input. */
  readonly names: ReadonlyMap<number, string>;
  /** Microsoft's lookup page, `{number}` to fill in. */
  readonly lookupUrl: string;
  readonly source: { readonly name: string; readonly commit: string | null };
}

interface RawAadsts {
  readonly codes: readonly (readonly [number, string])[];
  readonly lookupUrl: string;
  readonly source: { name: string; commit: string | null };
}

export function buildAadstsNames(raw: RawAadsts): AadstsNames {
  return { names: new Map(raw.codes), lookupUrl: raw.lookupUrl, source: raw.source };
}

let loading: Promise<AadstsNames> | null = null;

/** Loads the full AADSTS list (lazy chunk, only when a sign-in error is shown); cached, retried on failure. */
export function loadAadstsNames(): Promise<AadstsNames> {
  loading ??= import('./data/aadsts.json').then(
    (m) => buildAadstsNames(m.default as unknown as RawAadsts),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The short name of a code ("AADSTS50076", "50076"), or null when the list does not have it. */
export function aadstsName(data: AadstsNames, code: string): string | null {
  const digits = code.trim().toUpperCase().startsWith('AADSTS') ? code.trim().slice(6) : code.trim();
  if (!/^\d{1,9}$/.test(digits)) return null;
  const name = data.names.get(Number(digits));
  return name === undefined ? null : name;
}
