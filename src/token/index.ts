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
  TokenError,
  TokenErrorCode,
  TokenSource,
} from './types';
export { findTokens, MAX_INPUT_LENGTH } from './find';
export { decodeToken } from './decode';
export { classifyToken } from './classify';
export { explainClaims, explainHeader } from './explain';
export { ACCESS_LINK, AMR_VALUES, ID_LINK, OPTIONAL_LINK } from './claim-dictionary';
export type { ClaimFormat, ClaimInfo } from './claim-dictionary';
export { formatDuration, formatRelative } from './time';
export { isOpaqueTokenShape } from './decode';
export { inspectText } from './inspect';
