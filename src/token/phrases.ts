// The words for a token's kind, caller, issuer and cloud inside a sentence ("Token A is an ID token").
// The labels the summary and tables show are in labels.ts.
import type { Classification, Cloud, IssuerKind } from './types';

type Kind = Classification['kind'];
type Caller = NonNullable<Classification['caller']>;

/** The kind as a noun, without an article: "access token". */
export const KIND_NOUN: Readonly<Record<Kind, string>> = {
  access: 'access token',
  id: 'ID token',
  unknown: 'token of unknown kind',
};

/** The kind inside a sentence: "an access token". */
export const KIND_PHRASE: Readonly<Record<Kind, string>> = {
  access: 'an access token',
  id: 'an ID token',
  unknown: 'a token of unknown kind',
};

/** The caller inside a sentence ("Token A is …"). */
export const CALLER_PHRASE: Readonly<Record<Caller, string>> = {
  delegated: 'delegated (acts for a signed-in user)',
  'app-only': 'app-only (acts as the application itself)',
  'managed-identity': 'a managed identity (app-only)',
};

/** The cloud inside a sentence ("comes from …"). */
export const CLOUD_PHRASE: Readonly<Record<Cloud, string>> = {
  public: 'the public cloud',
  usgov: 'the US Government cloud',
  china: 'the China cloud (21Vianet)',
};

/** The issuer kind inside a sentence ("issued by …"). */
export const ISSUER_KIND_PHRASE: Readonly<Record<IssuerKind, string>> = {
  entra: 'Microsoft Entra ID',
  'entra-b2c': 'Azure AD B2C',
  'entra-external-id': 'Microsoft Entra External ID',
  other: 'an issuer that is not Microsoft Entra',
};
