export { createAuthClient, preloadAuthLibrary } from './auth-client';
export type {
  AuthAccount,
  AuthClient,
  AuthClientOptions,
  AuthOutcome,
  AuthTokens,
  SignInMethod,
} from './auth-client';
export {
  CLOUDS,
  DEFAULT_SIGN_IN_SETTINGS,
  SIGN_IN_SETTINGS_KEY,
  loadSignInSettings,
  redirectUriFor,
  saveSignInSettings,
  splitScopes,
  validateSignInSettings,
} from './settings';
export type {
  ResolvedSignInSettings,
  SignInCloud,
  SignInProtocolMode,
  SignInSettings,
  SignInSettingsError,
  SignInSettingsErrorCode,
  SignInSettingsResult,
} from './settings';
export { consentActionFor, explainSignInError } from './sign-in-errors';
export { authFailure, explainAuthError } from './msal-errors';
export type { AuthFailureCode, SignInFailure } from './msal-errors';
export { AUTHORITY_TIMEOUT_MS, checkAuthority, openIdConfigurationUrl } from './check-authority';
export type { AuthorityCheckOptions } from './check-authority';
export type {
  ConsentAction,
  SignInErrorCode,
  SignInErrorContext,
  SignInErrorExplanation,
} from './sign-in-errors';
export {
  DIRECTORY_ROLES_SCOPE,
  SERVICE_PRINCIPAL_SCOPE,
  fetchMyDirectoryRoles,
  fetchServicePrincipal,
} from './graph';
export type { LiveCheckResult, LiveDirectoryRole, LiveServicePrincipal } from './graph';
export {
  DEFAULT_USER_ROLES,
  KEY_DIRECTORY_ROLES,
  MISSING_WIDS_REASONS,
  checkKeyDirectoryRoles,
} from './directory-roles';
export type { KeyDirectoryRole } from './directory-roles';
