export type { Finding, Severity } from './finding';
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
export { findTokens } from './find';
export { decodeToken } from './decode';
export { classifyToken } from './classify';
export { explainClaims } from './explain';
export { inspectText } from './inspect';
