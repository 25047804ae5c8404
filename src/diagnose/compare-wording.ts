// The words the comparison uses for classification values, so every message names things the same way.
// Kind, caller, cloud and issuer come from the token layer's one home for them (src/token/phrases.ts).
import { CALLER_PHRASE, CLOUD_PHRASE, ISSUER_KIND_PHRASE, KIND_PHRASE, type Classification } from '../token';
import { VERDICT_LABELS } from './verdict-labels';

export const VERDICT_TEXT = VERDICT_LABELS;

export function kindText(kind: Classification['kind']): string {
  return KIND_PHRASE[kind];
}

export function cloudText(cloud: Classification['issuer']['cloud']): string {
  return cloud === null ? 'an unknown cloud' : CLOUD_PHRASE[cloud];
}

export function issuerText(kind: Classification['issuer']['kind']): string {
  return ISSUER_KIND_PHRASE[kind];
}

export function callerText(caller: Classification['caller']): string {
  return caller === null ? 'of no known caller type' : CALLER_PHRASE[caller];
}

export function guestText(guest: boolean | null): string {
  return guest === null ? 'not stated' : guest ? 'a guest' : 'a member';
}

export function lower(v: string | null): string | null {
  return v === null ? null : v.toLowerCase();
}
