export type { SignatureCheck, VerifyError, VerifyErrorCode } from './types';
export { VERIFY_ERROR_TITLES } from './types';
export { verifyTokenSignature } from './verify-signature';
export { parseKeyText, MAX_KEY_TEXT_LENGTH } from './parse-key';
export type { KeyText, JwkEntry } from './parse-key';
export { findKeyNeed } from './algorithms';
export type { KeyNeed } from './algorithms';
