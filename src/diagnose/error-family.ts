/**
 * Which family a pasted API answer belongs to, decided from what the reader found in it (status, codes,
 * message, headers). Pure and linear: plain string searches on bounded fields, no regex over the paste.
 */

/** The families of error text the tool recognises; each has its own rule module under `rules/`. */
export type ErrorFamily =
  | 'graph'
  | 'graph-security'
  | 'defender-forbidden'
  | 'defender-disabled-feature'
  | 'defender-disallowed-operation'
  | 'unauthorized'
  | 'invalid-audience'
  | 'aadsts'
  | 'identity-model'
  | 'azure-rbac'
  | 'key-vault'
  | 'storage'
  | 'arm'
  | 'exchange'
  | 'sharepoint'
  | 'cae'
  | 'unknown';

/** What the recogniser looks at: fields the reader already extracted and bounded. */
export interface FamilyEvidence {
  readonly status: number | null;
  readonly code: string | null;
  readonly innerCode: string | null;
  readonly message: string | null;
  /** The (bounded, straightened) text around the body, for phrases that sit outside JSON. */
  readonly text: string;
  readonly host: string | null;
  readonly aadsts: string | null;
  readonly idx: string | null;
  readonly errorCodeHeader: string | null;
  readonly challengeError: string | null;
  readonly hasRbacAction: boolean;
}

const RBAC_CODES = new Set([
  'authorizationfailed',
  'linkedauthorizationfailed',
  'forbiddenbyrbac',
  'authorizationpermissionmismatch',
]);

const KEY_VAULT_CODES = new Set(['forbiddenbypolicy', 'forbiddenbyfirewall', 'forbiddenbyconnection']);

const STORAGE_CODES = new Set([
  'authorizationfailure',
  'authorizationresourcetypemismatch',
  'authorizationprotocolmismatch',
  'authorizationsourceipmismatch',
  'authorizationservicemismatch',
  'keybasedauthenticationnotpermitted',
  'noauthenticationinformation',
  'invalidauthenticationinfo',
  'authenticationfailed',
]);

const ARM_CODES = new Set([
  'invalidauthenticationtokentenant',
  'invalidauthenticationtokenaudience',
  'expiredauthenticationtoken',
  'missingsubscription',
  'subscriptionnotfound',
  'requestdisallowedbypolicy',
  'readonlydisabledsubscription',
  'principalnotfound',
  'roleassignmentexists',
  'deniedbydenyassignment',
]);

const lower = (s: string | null): string => (s ?? '').toLowerCase();

function hostKind(
  host: string | null,
): 'graph' | 'defender' | 'arm' | 'key-vault' | 'storage' | 'sharepoint' | 'exchange' | null {
  if (!host) return null;
  const h = host.toLowerCase();
  if (h.startsWith('graph.') || h === 'dod-graph.microsoft.us' || h === 'microsoftgraph.chinacloudapi.cn')
    return 'graph';
  if (h.startsWith('api.security') || h.includes('.securitycenter.')) return 'defender';
  if (h.startsWith('management.')) return 'arm';
  if (h.includes('.vault.') || h.includes('.managedhsm.')) return 'key-vault';
  if (
    h.includes('.blob.core.') ||
    h.includes('.queue.core.') ||
    h.includes('.table.core.') ||
    h.includes('.file.core.') ||
    h.includes('.dfs.core.')
  )
    return 'storage';
  if (h.endsWith('.sharepoint.com') || h.endsWith('.sharepoint.us') || h.endsWith('.sharepoint.cn'))
    return 'sharepoint';
  if (h.startsWith('outlook.office') || h === 'outlook.office365.com') return 'exchange';
  return null;
}

/**
 * Names the family of an answer from the fields the reader extracted. The most specific evidence wins:
 * an AADSTS code, a CAE challenge, an Azure RBAC denial, then codes, then phrases, then the host.
 * Does not look at any token.
 */
export function recogniseFamily(e: FamilyEvidence): ErrorFamily {
  const code = lower(e.code);
  const inner = lower(e.innerCode);
  const header = lower(e.errorCodeHeader);
  const message = lower(e.message);
  const text = lower(e.text);
  const where = hostKind(e.host);
  if (e.aadsts) return 'aadsts';
  if (lower(e.challengeError) === 'insufficient_claims' || text.includes('insufficient_claims')) return 'cae';
  if (RBAC_CODES.has(code) || RBAC_CODES.has(inner) || RBAC_CODES.has(header)) return 'azure-rbac';
  if (e.hasRbacAction && (where === 'arm' || where === 'key-vault' || where === null)) return 'azure-rbac';
  if (KEY_VAULT_CODES.has(code) || KEY_VAULT_CODES.has(inner) || message.includes('on key vault'))
    return 'key-vault';
  if (message.includes('missing application roles') || text.includes('missing application roles'))
    return 'defender-forbidden';
  if (code === 'disabledfeature' || text.includes('disabledfeature')) return 'defender-disabled-feature';
  if (code === 'disallowedoperation' || text.includes('disallowedoperation'))
    return 'defender-disallowed-operation';
  if (text.includes('auth token does not contain valid permissions or user does not have valid roles'))
    return 'graph-security';
  if (e.idx) return 'identity-model';
  if (STORAGE_CODES.has(code) || STORAGE_CODES.has(header) || (where === 'storage' && code !== ''))
    return 'storage';
  if (ARM_CODES.has(code) || (where === 'arm' && code !== '')) return 'arm';
  if (code === 'erroraccessdenied' || code.startsWith('errorinvalid') || where === 'exchange')
    return 'exchange';
  if (code === 'accessdenied' && (where === 'sharepoint' || where === 'graph' || where === null))
    return 'sharepoint';
  if (where === 'sharepoint') return 'sharepoint';
  if (
    message.includes('invalid audience') ||
    text.includes('invalid audience') ||
    (message.includes('audience') && message.includes('invalid'))
  )
    return 'invalid-audience';
  if (code === 'forbidden' && text.includes('"target"')) return 'defender-forbidden';
  if (code === 'unauthorized' || code === 'invalidauthenticationtoken' || e.status === 401) {
    if (code !== '' && code !== 'unauthorized' && code !== 'invalidauthenticationtoken') return 'graph';
    return 'unauthorized';
  }
  if (where === 'defender' && code !== '') return code === 'forbidden' ? 'defender-forbidden' : 'graph';
  if (code !== '') return 'graph';
  return 'unknown';
}

/** The HTTP status a family implies when the paste has none; null when it does not imply one. */
export function impliedStatus(family: ErrorFamily, code: string | null): number | null {
  switch (family) {
    case 'defender-forbidden':
    case 'defender-disabled-feature':
    case 'defender-disallowed-operation':
    case 'graph-security':
    case 'azure-rbac':
    case 'key-vault':
    case 'sharepoint':
    case 'exchange':
      return 403;
    case 'unauthorized':
    case 'invalid-audience':
    case 'identity-model':
    case 'cae':
      return 401;
    default: {
      const c = lower(code);
      if (c === 'authorization_requestdenied' || c === 'forbidden' || c === 'authorization_identitynotfound')
        return 403;
      if (c === 'invalidauthenticationtoken' || c.startsWith('invalidauthenticationtoken')) return 401;
      if (c === 'expiredauthenticationtoken' || c === 'authenticationfailed') return 401;
      return null;
    }
  }
}
