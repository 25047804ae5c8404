import type { Rule } from '../context';
import { factsOf } from './derive';
import { resourceOfRequest } from './resources';
import { finding } from './finding';

/** Nothing to match against: catalog loading, an API we do not know, or an endpoint not in the catalog. */
export const coverageRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!f || f.required.known || f.isIdToken || !f.audienceOk) return [];
  const { required, request } = f;
  if (required.reason === 'no-catalog')
    return [
      finding(
        'no-catalog',
        'warning',
        {},
        'The permission catalog is not loaded, so the needed permission is unknown.',
        null,
      ),
    ];
  if (required.reason === 'other-api') {
    // A Microsoft resource this tool knows: the resource rule says what decides it.
    if (resourceOfRequest(ctx)?.resource.azureRbac) return [];
    return [
      finding(
        'other-api',
        'warning',
        { host: request.host },
        `${request.host} is not Microsoft Graph or Defender; this tool does not know its permissions.`,
        null,
      ),
    ];
  }
  return [
    finding(
      'unknown-endpoint',
      'warning',
      { method: request.method, path: request.normalisedPath, nearest: required.nearest },
      `${request.method} ${request.normalisedPath} is not in the catalog, so which permission it needs is unknown.${required.nearest.length > 0 ? ` Nearest known: ${required.nearest.join('; ')}.` : ''}`,
      'Check the path for typos, or look the endpoint up in the API reference.',
    ),
  ];
};
