export type {
  AdminConsentInput,
  AdminConsentResult,
  Cloud,
  ConsentError,
  ConsentErrorCode,
  ConsentField,
  ConsentWarningCode,
  GrantError,
  GrantErrorCode,
  GrantField,
  GrantRole,
  GrantScriptsInput,
  GrantScriptsResult,
  GrantWarningCode,
  PermissionType,
  RandomBytes,
  RedirectParam,
  ResolvedScope,
  UserConsentInput,
  UserConsentResult,
  WhoCanGrant,
} from './types';
export type { CloudInfo } from './clouds';
export type { ConsentPrefill, GrantPrefill, TokenPrefill } from './prefill';
export type { RetiredModuleMention } from './retired-modules';
export { buildAdminConsentUrl, buildUserConsentUrl, makeState } from './admin-consent';
export { buildGrantScripts } from './grant-scripts';
export { isScriptSafeValue } from './grant-input';
export { mentionsRetiredModule } from './retired-modules';
export { CLOUD_IDS, GRAPH_APP_ID, getCloudInfo, parseCloud } from './clouds';
export { checkClientId, checkRedirectUri, checkTenant, isGuid } from './validate';
export { splitPermissions } from './scopes';
export { describeRedirect, describeWhoCanGrant, WHO_CAN_GRANT_SOURCE } from './who-can-grant';
export { prefillFromToken, prefillGrantFromToken, readConsentParams, readGrantParams } from './prefill';
