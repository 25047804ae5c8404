import type { Classification, Cloud, Finding } from '../token';

/** An API a token can be for (the resource app `aud` names). */
export interface ApiInfo {
  /** The resource app's appId (the resource service principal's appId). */
  readonly appId: string;
  /** Display name, e.g. "Microsoft Graph", "Microsoft Defender for Endpoint". */
  readonly name: string;
  /** Canonical resource identifier (no trailing slash), usable as `<resource>/.default`. */
  readonly resource: string;
  /** The cloud this form of the audience belongs to; null when it does not say (appId, custom API). */
  readonly cloud: Cloud | null;
  /** True for an API Microsoft has retired (Azure AD Graph). */
  readonly retired?: boolean;
  /** True for an `api://…` audience the catalog does not know: a custom API registered in a tenant. */
  readonly custom?: boolean;
  /** Request hosts the API answers on (lower case; `*.` marks a wildcard subdomain). */
  readonly hosts: readonly string[];
}

/** A client application known by appId (first-party Microsoft apps and the resource APIs). */
export interface AppInfo {
  readonly appId: string;
  readonly name: string;
}

/** A built-in Entra directory role, by template ID (the `wids` claim carries these). */
export interface RoleInfo {
  readonly templateId: string;
  readonly name: string;
  /** Microsoft's "privileged" label; null when the source does not say. */
  readonly privileged: boolean | null;
  /** True for b79fbf4d-3ef9-4689-8143-76b194e85509, the role every member user holds (not an admin role). */
  readonly isDefaultMember?: boolean;
}

/**
 * One permission of one resource API, with both forms. A permission may exist as a delegated scope,
 * an application role, or both.
 */
export interface PermissionInfo {
  /** The value as it appears in `scp` / `roles`, e.g. "SecurityEvents.Read.All". */
  readonly value: string;
  readonly resourceAppId: string;
  /** The delegated scope's ID; null when it has no delegated form or the source gives no ID (Defender). */
  readonly delegatedId: string | null;
  /** The app role's ID; null when it has no application form or the source gives no ID (Defender). */
  readonly applicationId: string | null;
  /** Whether the delegated form exists (true even when the ID is unknown). */
  readonly delegated: boolean;
  /** Whether the application form exists (true even when the ID is unknown). */
  readonly application: boolean;
  /** Whether the delegated scope needs admin consent; null without a delegated form or when unknown. */
  readonly delegatedAdminConsent: boolean | null;
  /** Application permissions always need admin consent: true when the application form exists, else null. */
  readonly applicationAdminConsent: boolean | null;
  /** Microsoft's privilege level (1 low … 4 high), the higher of the two forms; null when unknown. */
  readonly privilegeLevel: number | null;
  readonly delegatedPrivilegeLevel: number | null;
  readonly applicationPrivilegeLevel: number | null;
  /** Short admin display label (a name, not a sentence): the delegated one, else the application one. */
  readonly label: string | null;
  readonly delegatedLabel: string | null;
  readonly applicationLabel: string | null;
}

/** The permissions a Graph request accepts. Lists are ordered least privileged first. */
export interface GraphPathPermissions {
  /** The catalog's path, lower case with ids as `{id}`, e.g. "/users/{id}/messages". */
  readonly matchedPath: string;
  readonly method: string;
  readonly delegated: readonly string[];
  readonly application: readonly string[];
}

/** A Graph path close to one the catalog does not know, for "can't tell" suggestions. */
export interface NearGraphPath {
  readonly path: string;
  readonly methods: readonly string[];
}

export type DefenderResource = 'WindowsDefenderATP' | 'Microsoft Threat Protection';

/** One Defender API endpoint and the permissions its doc page lists. */
export interface DefenderEndpointPermissions {
  readonly resource: DefenderResource;
  /** The resource app's appId. */
  readonly resourceAppId: string;
  readonly method: string;
  /** The documented path, normalised: lower case, ids as `{id}`, e.g. "/api/machines/{id}/isolate". */
  readonly matchedPath: string;
  readonly application: readonly string[];
  readonly delegated: readonly string[];
  /** The Defender portal role the doc names for delegated calls, as written; null when it names none. */
  readonly delegatedRole: string | null;
}

/** Where a catalog source came from. */
export interface CatalogSource {
  readonly name: string;
  /** The upstream commit, when the source records one. */
  readonly commit: string | null;
  /** The upstream document date (YYYY-MM-DD), when the source records one. */
  readonly date: string | null;
  /** sha256 of each source file read, by file name. */
  readonly files: Readonly<Record<string, string>>;
}

export interface CatalogInfo {
  /** The date the data reflects (YYYY-MM-DD), taken from the sources, not the clock. */
  readonly generatedAt: string;
  readonly sources: readonly CatalogSource[];
  readonly counts: Readonly<Record<string, number>>;
}

/** Codes of the findings `annotateToken` raises. */
export type AnnotationFindingCode =
  | 'scope-is-application-only'
  | 'role-is-delegated-only'
  | 'app-role-in-user-token'
  | 'permission-not-on-api'
  | 'unknown-permission'
  | 'unknown-api'
  | 'custom-api'
  | 'retired-api'
  | 'unknown-role'
  | 'wids-missing';

export type AnnotationFinding = Finding<AnnotationFindingCode>;

/** One `scp` or `roles` entry, resolved against the API the token is for. */
export interface AnnotatedPermission {
  readonly value: string;
  readonly claim: 'scp' | 'roles';
  /** What the claim it sits in makes it: `scp` entries are delegated, `roles` entries application. */
  readonly type: 'delegated' | 'application';
  /** The catalog's entry for this value on this API (or, when not on this API, null). */
  readonly permission: PermissionInfo | null;
  /** Whether this form needs admin consent; null when unknown. */
  readonly adminConsent: boolean | null;
  readonly privilegeLevel: number | null;
  readonly label: string | null;
  /** Mismatches found for this entry (also listed in `Annotation.findings`). */
  readonly flags: readonly AnnotationFinding[];
}

/** Why a directory role is singled out. */
export type RoleHighlight = 'security-reader' | 'security-administrator' | 'global-administrator';

/** One `wids` entry, resolved. */
export interface AnnotatedRole {
  readonly templateId: string;
  /** The role's name; null when the catalog does not know the template ID. */
  readonly name: string | null;
  readonly privileged: boolean | null;
  readonly isDefaultMember: boolean;
  readonly highlight: RoleHighlight | null;
  /** One line for display, e.g. "not in the catalog (as of 2026-01-20)"; null when nothing to add. */
  readonly note: string | null;
}

/** What `annotateToken` needs from a classified token. */
export interface AnnotationInput {
  readonly audience: string | null;
  readonly scopes: readonly string[];
  readonly roles: readonly string[];
  /** `wids`, or null when the claim is absent. */
  readonly wids: readonly string[] | null;
  readonly caller: Classification['caller'];
  readonly kind: Classification['kind'];
  /** `appid` / `azp`, to name the client; optional. */
  readonly clientId?: string | null;
}

/** A token's permissions and roles, resolved against the catalog. */
export interface Annotation {
  readonly api: ApiInfo | null;
  readonly client: AppInfo | null;
  readonly scopes: readonly AnnotatedPermission[];
  readonly roles: readonly AnnotatedPermission[];
  /** Null when the token has no `wids` claim. */
  readonly wids: readonly AnnotatedRole[] | null;
  /** Every flag of every entry, plus token-level ones (unknown API, missing `wids`), in display order. */
  readonly findings: readonly AnnotationFinding[];
  /** The catalog's date, for "as of" texts. */
  readonly catalogDate: string;
}

/** What `searchCatalog` is limited to. */
export interface SearchFilter {
  /** Only this API's permissions, paths and endpoints: its appId or any `aud` form of it. */
  readonly api?: string | null;
}

/** An API the catalog lists permissions for, as the browser offers it. */
export interface CatalogApi {
  readonly api: ApiInfo;
  readonly permissionCount: number;
}

/** One hit of `searchCatalog`. */
export type SearchHit =
  | { readonly kind: 'permission'; readonly permission: PermissionInfo; readonly apiName: string }
  | { readonly kind: 'role'; readonly role: RoleInfo }
  | { readonly kind: 'graph-path'; readonly path: string; readonly methods: readonly string[] }
  | { readonly kind: 'defender-endpoint'; readonly endpoint: DefenderEndpointPermissions }
  | { readonly kind: 'api'; readonly api: ApiInfo }
  | { readonly kind: 'app'; readonly app: AppInfo };

/** A catalog path split for matching: literal segments, or a pattern for segments with placeholders. */
export interface PathTemplate {
  /** The path as the source writes it. */
  readonly path: string;
  readonly segments: readonly (string | RegExp)[];
}

/** Everything a permission is accepted on, for the catalog browser. */
export interface PermissionUse {
  readonly kind: 'graph' | 'defender';
  readonly method: string;
  readonly path: string;
  readonly type: 'delegated' | 'application';
  /** Least privileged for this route and type (Graph `least=` marker); false when not marked. */
  readonly least: boolean;
  /** Defender only: which Defender API. */
  readonly resource?: DefenderResource;
}

/** The Graph path map, built on first use (it is the costly part of the catalog). */
export interface GraphIndex {
  /** Paths as the source writes them, sorted. */
  readonly paths: readonly string[];
  /** Lower-case path -> indexes into `paths` (a few differ only in case). */
  readonly pathIndex: ReadonlyMap<string, readonly number[]>;
  /** Per path: flat [permissionIndex, methodMask, schemeMask, leastMask, ...]. */
  readonly entries: readonly (readonly number[])[];
  /** Graph permissions in data order (permissionIndex above). */
  readonly permissions: readonly PermissionInfo[];
  /** Path templates by segment count, compiled on first use. */
  readonly templates: () => ReadonlyMap<number, readonly PathTemplate[]>;
}

/** Lookup structures built when the catalog loads (the costly ones on first use). Internal. */
export interface CatalogIndex {
  readonly info: CatalogInfo;
  readonly apis: readonly ApiInfoRecord[];
  readonly apiByAppId: ReadonlyMap<string, ApiInfoRecord>;
  /** Lower-case aud form without trailing slash -> API and the form's cloud. */
  readonly apiByAud: ReadonlyMap<string, { readonly api: ApiInfoRecord; readonly cloud: Cloud }>;
  readonly apiByHost: ReadonlyMap<string, { readonly api: ApiInfoRecord; readonly cloud: Cloud }>;
  /** ".suffix" (from "*.suffix" hosts) -> API and cloud. */
  readonly apiByHostSuffix: readonly {
    readonly suffix: string;
    readonly api: ApiInfoRecord;
    readonly cloud: Cloud;
  }[];
  /** appId -> app, built on first use. */
  readonly apps: () => ReadonlyMap<string, AppInfo>;
  readonly roles: ReadonlyMap<string, RoleInfo>;
  /** resourceAppId -> lower-case value or ID -> permission. */
  readonly permissions: ReadonlyMap<string, ReadonlyMap<string, PermissionInfo>>;
  /** resourceAppId -> permissions sorted by value. */
  readonly permissionLists: ReadonlyMap<string, readonly PermissionInfo[]>;
  /** The Graph path map, built on first use. */
  readonly graph: () => GraphIndex;
  /** A Graph permission's index in `graph().permissions`. */
  readonly graphPermissionIndex: ReadonlyMap<PermissionInfo, number>;
  readonly defenderEndpoints: readonly (DefenderEndpointPermissions & { readonly template: PathTemplate })[];
}

/** An API as the catalog stores it: `resources` is the canonical resource per cloud. */
export interface ApiInfoRecord {
  readonly appId: string;
  readonly name: string;
  readonly retired: boolean;
  readonly hosts: readonly string[];
  readonly resources: Readonly<Partial<Record<Cloud, string>>>;
}

/**
 * The loaded permission and role catalog: the generated data plus lookup indexes built once at load.
 * Treat it as opaque; read it through the functions of src/catalog.
 */
export interface Catalog {
  /** The date the data reflects (YYYY-MM-DD), from the sources. */
  readonly generatedAt: string;
  /** Lookup structures; internal, shape may change. */
  readonly internal: CatalogIndex;
}
