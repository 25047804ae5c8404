// The words the comparison uses for classification values, so every message names things the same way.
import type { Classification } from '../token';
import { VERDICT_LABELS } from './verdict-labels';

export const VERDICT_TEXT = VERDICT_LABELS;

const KIND_TEXT: Readonly<Record<Classification['kind'], string>> = {
  access: 'an access token',
  id: 'an ID token',
  unknown: 'a token of unknown kind',
};

const CALLER_TEXT: Readonly<Record<NonNullable<Classification['caller']>, string>> = {
  delegated: 'delegated (acts for a signed-in user)',
  'app-only': 'app-only (acts as the application itself)',
  'managed-identity': 'a managed identity (app-only)',
};

export function kindText(kind: Classification['kind']): string {
  return KIND_TEXT[kind];
}

export function cloudText(cloud: Classification['issuer']['cloud']): string {
  if (cloud === null) return 'an unknown cloud';
  return {
    public: 'the public cloud',
    usgov: 'the US Government cloud',
    china: 'the China cloud (21Vianet)',
  }[cloud];
}

export function issuerText(kind: Classification['issuer']['kind']): string {
  return {
    entra: 'Microsoft Entra ID',
    'entra-b2c': 'Azure AD B2C',
    'entra-external-id': 'Microsoft Entra External ID',
    other: 'an issuer that is not Microsoft Entra',
  }[kind];
}

export function callerText(caller: Classification['caller']): string {
  return caller === null ? 'of no known caller type' : CALLER_TEXT[caller];
}

export function guestText(guest: boolean | null): string {
  return guest === null ? 'not stated' : guest ? 'a guest' : 'a member';
}

export function lower(v: string | null): string | null {
  return v === null ? null : v.toLowerCase();
}
