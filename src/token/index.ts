export type { Finding, Fix, FixAction, Severity } from './finding';
export { fixOf } from './finding';
export type {
  Claims,
  ClaimRow,
  Classification,
  Cloud,
  DecodedJwt,
  DecodeFindingCode,
  DecodeResult,
  Expiry,
  ExpiryState,
  FindResult,
  FoundToken,
  Inspection,
  IssuerKind,
  ManagedIdentityResource,
  TokenError,
  TokenErrorCode,
  TokenUser,
  TokenSource,
} from './types';
// Not `findTokens` (./find): the full paste scanner is a lazy chunk, imported from './find' by its users, so
// the first load holds only the bare-token reader.
export { findBareToken, MAX_INPUT_LENGTH } from './find-bare';
export { decodeToken } from './decode';
export { decodeBase64Bytes, decodeBase64UrlBytes, decodeUtf8, encodeBase64Url } from './base64url';
export { classifyToken, describeExpiry, parseManagedIdentityResource } from './classify';
export { explainClaims } from './explain';
export { ACCESS_LINK, AMR_VALUES, ID_LINK, OPTIONAL_LINK } from './claim-dictionary';
export type { ClaimFormat, ClaimInfo } from './claim-dictionary';
export { formatDuration, TIME_CLAIMS } from './time';
export { formatRelative } from './relative-time';
export { isOpaqueTokenShape } from './opaque';
export { summarizeToken, SUMMARY_PLACEHOLDER } from './summary';
export type { SummaryNames, SummaryRow, SummaryRowKey, SummaryTone, TokenSummaryText } from './summary';
export {
  CLOUD_IDS,
  CLOUDS,
  GRAPH_APP_ID,
  GRAPH_ORIGINS,
  SIGN_IN_ORIGINS,
  issuerOfHost,
  metadataHostOf,
  parseCloud,
} from './clouds';
export type { CloudFacts } from './clouds';
export {
  CALLER_DETAIL,
  CALLER_LABEL,
  CALLER_SHORT,
  CLOUD_DETAIL,
  CLOUD_LABEL,
  EXPIRY_STATE_LABEL,
  ISSUER_KIND_LABEL,
  KIND_DETAIL,
  KIND_LABEL,
  versionLabel,
} from './labels';
export { CALLER_PHRASE, CLOUD_PHRASE, ISSUER_KIND_PHRASE, KIND_NOUN, KIND_PHRASE } from './phrases';
