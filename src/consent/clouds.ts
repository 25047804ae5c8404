import { CLOUDS, type Cloud, type CloudFacts } from '../token';

// The cloud facts live in the token layer (src/token/clouds.ts); the builders read them from there.
export { CLOUD_IDS, GRAPH_APP_ID, parseCloud } from '../token';

/** Per-cloud endpoints and tool names the builders need. */
export type CloudInfo = CloudFacts;

/** Endpoints for a cloud. Does not validate: the type already limits it. */
export function getCloudInfo(cloud: Cloud): CloudInfo {
  return CLOUDS[cloud];
}

/** Microsoft Graph resource URLs of every cloud (including US DoD), without trailing slash. */
const GRAPH_RESOURCES: ReadonlyMap<string, Cloud> = new Map(
  Object.values(CLOUDS).flatMap((c) => c.graphHosts.map((h): [string, Cloud] => [`https://${h}`, c.cloud])),
);

/** Which cloud a Graph resource URL belongs to, or null when it is not a Graph URL. */
export function graphResourceCloud(resource: string): Cloud | null {
  return GRAPH_RESOURCES.get(resource.replace(/(?<!\/)\/+$/, '').toLowerCase()) ?? null;
}
