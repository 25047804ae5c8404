import { useMemo, useState } from 'react';
import { findApi, searchCatalog, type Catalog } from '../../catalog';
import {
  CLOUD_IDS,
  GRAPH_APP_ID,
  buildAdminConsentUrl,
  buildUserConsentUrl,
  getCloudInfo,
  prefillFromToken,
  readConsentParams,
  splitPermissions,
  type Cloud,
} from '../../consent';
import { classifyToken, decodeToken } from '../../token';
import { ConsentBuilder, type ConsentFormValues, type PermissionSuggestion } from '../../ui/consent-builder';
import type { ViewProps } from '../view-props';

const CLOUDS = CLOUD_IDS.map((id) => ({ id, label: getCloudInfo(id).label }));

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

function ConsentPage({ params, token, catalog, now }: ViewProps) {
  // A diagnosis link says no type; when the token it came from calls as itself, default to application.
  const [initialType] = useState(() => {
    if (params.has('type') || !token) return null;
    const decoded = decodeToken(token.raw);
    if (!decoded.ok) return null;
    const fromToken = prefillFromToken(classifyToken(decoded.token, now)).permissionType;
    return fromToken === 'application' && params.has('scope') ? fromToken : null;
  });
  const [values, setValues] = useState<ConsentFormValues>(() => {
    const p = readConsentParams(params);
    return {
      tenant: p.tenant,
      clientId: p.clientId,
      redirectUri: p.redirectUri,
      permissions: p.permissions.join('\n'),
      cloud: p.cloud,
      permissionType: initialType ?? p.permissionType,
      includeV1: params.get('v1') === '1' || params.get('v1') === 'true',
    };
  });
  const [seed, setSeed] = useState<Uint8Array>(newSeed);
  const [prefillNote, setPrefillNote] = useState<string | null>(
    initialType ? 'Permission type set to Application: the inspected token is app-only.' : null,
  );

  const change = (next: ConsentFormValues) => {
    setValues(next);
    setSeed(newSeed());
  };

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
      },
      catalog,
      () => seed,
    );
  }, [catalog, values, seed]);

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
      },
      catalog,
      () => seed,
    );
  }, [catalog, result, values, seed]);

  const search = useMemo(
    () => (catalog ? (q: string) => suggestionsFor(catalog, values.cloud, q) : null),
    [catalog, values.cloud],
  );

  const prefill = token
    ? () => {
        const decoded = decodeToken(token.raw);
        if (!decoded.ok) {
          setPrefillNote(`The inspected token could not be read: ${decoded.error.message}`);
          return;
        }
        const p = prefillFromToken(classifyToken(decoded.token, now));
        change({
          ...values,
          tenant: p.tenant || values.tenant,
          clientId: p.clientId || values.clientId,
          cloud: p.cloud,
          permissionType: p.permissionType ?? values.permissionType,
        });
        const filled = [
          p.tenant ? 'tenant' : null,
          p.clientId ? 'client ID' : null,
          'cloud',
          p.permissionType ? 'permission type' : null,
        ].filter(Boolean);
        setPrefillNote(
          `Filled ${filled.join(', ')} from the token.` +
            (p.managedIdentity
              ? ' This token is from a managed identity: no consent link can grant it app roles; use the grant scripts (#grant).'
              : ''),
        );
      }
    : undefined;

  return (
    <section aria-labelledby="consent-heading" className="consent-page">
      <h1 id="consent-heading">Admin consent</h1>
      <p>
        Builds the link an administrator opens to grant your app its permissions for the whole tenant. Service
        principals and managed identities cannot use it: see <a href="#grant">grant scripts</a>.
      </p>
      <ConsentBuilder
        values={values}
        onChange={change}
        result={result}
        userResult={userResult}
        searchPermissions={search}
        onPrefillFromToken={prefill}
        prefillNote={prefillNote}
        clouds={CLOUDS}
      />
    </section>
  );
}

/** Route `#consent&tenant=…&client_id=…&scope=…&redirect_uri=…&cloud=…`: the admin-consent URL builder. */
export default function ConsentView(props: ViewProps) {
  // A new deep link starts a fresh form; edits do not touch the hash.
  return <ConsentPage key={props.params.toString()} {...props} />;
}
