import { useMemo, useState, type ReactNode } from 'react';
import { findApi, searchCatalog, type Catalog } from '../../catalog';
import {
  CLOUD_IDS,
  GRAPH_APP_ID,
  buildAdminConsentUrl,
  buildUserConsentUrl,
  getCloudInfo,
  readConsentParams,
  splitPermissions,
  type Cloud,
  type ConsentPrefill,
} from '../../consent';
import { ConsentBuilder, type ConsentFormValues, type PermissionSuggestion } from '../../ui/consent-builder';
import { PrefillBar } from '../../ui/form-prefill';
import { hrefFor } from '../routing';
import type { ViewProps } from '../view-props';
import { useTokenPrefill, type TokenPrefillState } from './use-token-prefill';

const CLOUDS = CLOUD_IDS.map((id) => ({ id, label: getCloudInfo(id).label }));
const NONE: readonly string[] = [];

// The only impure step: fresh bytes for `state`, drawn in event handlers and the initial state, never in render.
const newSeed = (): Uint8Array => crypto.getRandomValues(new Uint8Array(16));

function suggestionsFor(catalog: Catalog, cloud: Cloud, query: string): readonly PermissionSuggestion[] {
  const out: PermissionSuggestion[] = [];
  for (const hit of searchCatalog(catalog, query, 40)) {
    if (hit.kind !== 'permission') continue;
    const p = hit.permission;
    const resource =
      p.resourceAppId === GRAPH_APP_ID
        ? getCloudInfo(cloud).graphUrl
        : findApi(catalog, p.resourceAppId)?.resource;
    if (!resource) continue;
    const forms = [p.delegated ? 'delegated' : null, p.application ? 'application' : null]
      .filter(Boolean)
      .join(' + ');
    const admin =
      p.delegatedAdminConsent === true || (!p.delegated && p.application) ? ', admin consent' : '';
    out.push({
      scope: `${resource}/${p.value}`,
      label: p.value,
      detail: `${hit.apiName} · ${forms}${admin}${p.label ? ` · ${p.label}` : ''}`,
    });
    if (out.length >= 15) break;
  }
  return out;
}

/** The link's values as the form holds them. */
function formValuesOf(p: ConsentPrefill, params: URLSearchParams): ConsentFormValues {
  return {
    tenant: p.tenant,
    clientId: p.clientId,
    redirectUri: p.redirectUri,
    permissions: p.permissions.join('\n'),
    cloud: p.cloud,
    permissionType: p.permissionType,
    includeV1: params.get('v1') === '1' || params.get('v1') === 'true',
  };
}

/** True while a field still holds what the link put there (so it was neither typed nor taken from the token). */
function holdsLinkValues(values: ConsentFormValues, link: ConsentFormValues): boolean {
  return (['tenant', 'clientId', 'redirectUri', 'permissions'] as const).some(
    (f) => link[f].trim() !== '' && values[f] === link[f],
  );
}

/** The Grant page for what this form asks: the API of the first named permission, and the token's principal. */
function grantLinkFor(values: ConsentFormValues, prefill: TokenPrefillState): string {
  const named = splitPermissions(values.permissions)
    .map((p) => ({ resource: p.slice(0, p.lastIndexOf('/')), permission: p.slice(p.lastIndexOf('/') + 1) }))
    .filter((p) => p.resource !== '' && p.permission !== '' && p.permission !== '.default');
  const api = named[0]?.resource ?? (prefill.status === 'ready' ? prefill.grant.api : '');
  const principalIsThisClient =
    prefill.status === 'ready' &&
    prefill.consent.clientId.toLowerCase() === values.clientId.trim().toLowerCase();
  return hrefFor({
    route: 'grant',
    principalId: principalIsThisClient ? prefill.grant.principalId : null,
    api,
    permission: named.filter((p) => p.resource === api).map((p) => p.permission),
    cloud: values.cloud,
  });
}

type PrefillNote =
  | { readonly kind: 'type-from-token' }
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'filled'; readonly fields: readonly string[]; readonly managedIdentity: boolean };

function noteText(note: PrefillNote | null, grantHref: string): ReactNode {
  if (!note) return null;
  if (note.kind === 'type-from-token')
    return 'Permission type set to Application: the inspected token is app-only.';
  if (note.kind === 'unreadable') return `The inspected token could not be read: ${note.message}`;
  return (
    <>
      Filled {note.fields.join(', ')} from the token.
      {note.managedIdentity ? (
        <>
          {' '}
          This token is from a managed identity: no consent link can grant it app roles.{' '}
          <a href={grantHref}>Assign them on the Grant page</a>.
        </>
      ) : null}
    </>
  );
}

function ConsentPage({ params, token, catalog }: ViewProps) {
  const prefill = useTokenPrefill(token);
  const [link] = useState(() => formValuesOf(readConsentParams(params), params));
  // A diagnosis link says no type; when the token it came from calls as itself, default to application.
  const [typeFromToken] = useState(
    () =>
      !params.has('type') &&
      params.has('scope') &&
      prefill.status === 'ready' &&
      prefill.consent.permissionType === 'application',
  );
  const [values, setValues] = useState<ConsentFormValues>(() =>
    typeFromToken ? { ...link, permissionType: 'application' } : link,
  );
  const [seed, setSeed] = useState<Uint8Array>(newSeed);
  const [note, setNote] = useState<PrefillNote | null>(typeFromToken ? { kind: 'type-from-token' } : null);

  const change = (next: ConsentFormValues) => {
    setValues(next);
    setSeed(newSeed());
  };
  const managedIdentityClientIds = prefill.status === 'ready' ? prefill.managedIdentityClientIds : NONE;

  const result = useMemo(() => {
    if (!catalog) return null;
    return buildAdminConsentUrl(
      {
        tenant: values.tenant,
        clientId: values.clientId,
        redirectUri: values.redirectUri,
        permissions: splitPermissions(values.permissions),
        cloud: values.cloud,
        includeV1: values.includeV1,
        permissionType: values.permissionType,
        managedIdentityClientIds,
      },
      catalog,
      () => seed,
    );
  }, [catalog, values, seed, managedIdentityClientIds]);

  const userResult = useMemo(() => {
    // Users consent to delegated permissions only.
    if (!catalog || !result?.ok || values.permissionType !== 'delegated') return null;
    return buildUserConsentUrl(
      {
        tenant: values.tenant,
        clientId: values.clientId,
        redirectUri: values.redirectUri,
        permissions: splitPermissions(values.permissions),
        cloud: values.cloud,
        managedIdentityClientIds,
      },
      catalog,
      () => seed,
    );
  }, [catalog, result, values, seed, managedIdentityClientIds]);

  const search = useMemo(
    () => (catalog ? (q: string) => suggestionsFor(catalog, values.cloud, q) : null),
    [catalog, values.cloud],
  );

  const applyPrefill = () => {
    if (prefill.status === 'unreadable') {
      setNote({ kind: 'unreadable', message: prefill.message });
      return;
    }
    if (prefill.status !== 'ready') return;
    const p = prefill.consent;
    change({
      ...values,
      tenant: p.tenant || values.tenant,
      clientId: p.clientId || values.clientId,
      cloud: p.cloud,
      permissionType: p.permissionType ?? values.permissionType,
    });
    const fields = [
      p.tenant ? 'tenant' : null,
      p.clientId ? 'client ID' : null,
      'cloud',
      p.permissionType ? 'permission type' : null,
    ].filter((f): f is string => f !== null);
    setNote({ kind: 'filled', fields, managedIdentity: p.managedIdentity });
  };
  const grantHref = grantLinkFor(values, prefill);

  return (
    <section aria-labelledby="consent-heading" className="consent-page">
      <h1 id="consent-heading">Admin consent</h1>
      <p>
        Builds the link an administrator opens to grant your app its permissions for the whole tenant. Service
        principals and managed identities cannot use it: see{' '}
        <a href={hrefFor({ route: 'grant' })}>grant scripts</a>.
      </p>
      {prefill.status !== 'none' ? (
        <PrefillBar onPrefill={applyPrefill} note={noteText(note, grantHref)} />
      ) : null}
      <ConsentBuilder
        values={values}
        onChange={change}
        result={result}
        userResult={userResult}
        searchPermissions={search}
        clouds={CLOUDS}
        fromLink={holdsLinkValues(values, link)}
        grantHref={grantHref}
      />
    </section>
  );
}

/** Route `#consent&tenant=…&client_id=…&scope=…&redirect_uri=…&cloud=…`: the admin-consent URL builder. */
export default function ConsentView(props: ViewProps) {
  // A new link starts a fresh form (by key, so no state is copied from the old one); edits do not touch the hash.
  return <ConsentPage key={props.params.toString()} {...props} />;
}
