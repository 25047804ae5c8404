export { parseRequest } from './parse-request';
export type {
  AcceptedPermission,
  AadstsExplanation,
  CorrelationIds,
  DefenderHostFamily,
  DiagnoseFinding,
  DiagnoseFindingCode,
  Diagnosis,
  PermissionChoice,
  ErrorExplanation,
  ErrorFinding,
  ErrorFindingCode,
  ErrorKind,
  ParsedRequest,
  RequestApi,
  RequestError,
  RequestErrorCode,
  RequestParseResult,
  RequiredPermissions,
  TargetApi,
  Verdict,
} from './types';
export { describeAnswer, explainApiAnswer, explainError } from './explain-error';
export { answerNeedsAadstsNames, answerNeedsAzureRoles } from './rules/answer-rules';
export {
  readApiAnswer,
  decodeClaimsChallenge,
  parseChallenge,
  parseDiagnostics,
  MAX_ANSWER_LENGTH,
} from './api-answer';
export type {
  ApiAnswer,
  ApiAnswerError,
  ApiAnswerErrorCode,
  ApiAnswerResult,
  AuthChallenge,
  ClaimsChallenge,
  ErrorFamily,
  MsDiagnostics,
  NamedPermissions,
  RbacDenial,
} from './api-answer';
export { ERROR_FAMILY_LABEL, ERROR_KIND_TEXT, ERROR_KIND_LINK } from './error-texts';
export type { ErrorContext } from './explain-error';
export { explainAadsts, AADSTS_CODE_COUNT, AADSTS_REFERENCE } from './aadsts-codes';
// Compare two tokens, and the shareable report.
export { compareTokens } from './compare-tokens';
export type {
  ClaimChange,
  CompareOptions,
  ComparedToken,
  Comparison,
  Difference,
  DifferenceAspect,
  DifferenceCode,
} from './compare-tokens';
export { redactClaims, REDACTED, REDACTED_SEGMENT } from './redact-claims';
export { scrubCredentials } from './scrub-credentials';
export type { RedactedClaims } from './redact-claims';
export { buildReport, redactOptionsFor } from './build-report';
export type { ReportInput } from './build-report';
export { diagnose } from './diagnose';
export { VERDICT_LABELS } from './verdict-labels';
export { SECURITY_ROLES, findSecurityRoles } from './security-roles';
export type { KeyDirectoryRole } from './security-roles';
export type { DiagnosisContext, Rule, TokenEvidence } from './context';
export { RULES } from './rules';
export { findRequiredPermissions } from './required-permissions';
