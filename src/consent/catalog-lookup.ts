import type { Catalog } from '../catalog';
import { findApi, findPermission } from '../catalog';
import type { Cloud } from '../token';
import { GRAPH_APP_ID } from './clouds';

/** The few facts about an API the consent and grant builders use. */
export interface ApiFacts {
  readonly appId: string;
  readonly name: string;
  /** The API's resource identifier (application ID URI) in the public cloud, e.g. https://graph.microsoft.com. */
  readonly resource: string;
  readonly cloud: Cloud | null;
}

/** The few facts about one permission the builders use. */
export interface PermissionFacts {
  readonly value: string;
  readonly delegated: boolean;
  readonly application: boolean;
  readonly delegatedAdminConsent: boolean | null;
  readonly applicationId: string | null;
}

// Names people type for the APIs that are granted to service principals most often. The catalog stays
// the source of truth for everything else; this only maps a name to the appId to look up.
const API_ALIASES: ReadonlyMap<string, string> = new Map([
  ['graph', GRAPH_APP_ID],
  ['microsoft graph', GRAPH_APP_ID],
  ['ms graph', GRAPH_APP_ID],
  ['windowsdefenderatp', 'fc780465-2017-40d4-a0c5-307022471b92'],
  ['defender for endpoint', 'fc780465-2017-40d4-a0c5-307022471b92'],
  ['microsoft defender for endpoint', 'fc780465-2017-40d4-a0c5-307022471b92'],
  ['mde', 'fc780465-2017-40d4-a0c5-307022471b92'],
  ['microsoft threat protection', '8ee8fdad-f234-4243-8f3b-15c294843740'],
  ['defender xdr', '8ee8fdad-f234-4243-8f3b-15c294843740'],
  ['microsoft defender xdr', '8ee8fdad-f234-4243-8f3b-15c294843740'],
  ['office 365 management apis', 'c5393580-f805-4401-95e8-94b7a6ef2fc2'],
  ['office 365 exchange online', '00000002-0000-0ff1-ce00-000000000000'],
  ['exchange online', '00000002-0000-0ff1-ce00-000000000000'],
  ['office 365 sharepoint online', '00000003-0000-0ff1-ce00-000000000000'],
  ['sharepoint online', '00000003-0000-0ff1-ce00-000000000000'],
]);

/**
 * Finds an API by appId, resource URL / audience, or a common name (Graph, WindowsDefenderATP, Microsoft
 * Threat Protection). Null when the catalog does not know it. Does not guess from partial names.
 */
export function lookupApi(catalog: Catalog, apiRef: string): ApiFacts | null {
  const ref = apiRef.trim();
  if (ref === '') return null;
  const alias = API_ALIASES.get(ref.toLowerCase());
  const hit = findApi(catalog, alias ?? ref) ?? findApi(catalog, ref.replace(/(?<!\/)\/+$/, ''));
  // A `custom` hit is the catalog saying "an api:// audience I do not know": nothing to check against.
  if (!hit || hit.custom === true) return null;
  return { appId: hit.appId, name: hit.name, resource: hit.resource, cloud: hit.cloud };
}

/**
 * Finds a permission of an API by value (case-insensitive, as Entra matches scopes) or ID. Null when the
 * API does not expose it. Does not decide which form (delegated or application) the caller means.
 */
export function lookupPermission(
  catalog: Catalog,
  apiAppId: string,
  valueOrId: string,
): PermissionFacts | null {
  const hit = findPermission(catalog, apiAppId, valueOrId);
  if (!hit) return null;
  return {
    value: hit.value,
    delegated: hit.delegated,
    application: hit.application,
    delegatedAdminConsent: hit.delegatedAdminConsent,
    applicationId: hit.applicationId,
  };
}
