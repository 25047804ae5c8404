import { matchingEndpoints } from '../../../catalog';
import type { Rule } from '../../context';
import { factsOf } from '../derive';
import { finding } from '../finding';

/**
 * Teams protected APIs: reading channel and chat messages app-only needs Microsoft's approval on top
 * of the permission and admin consent, which no token shows. Source: graph-rules/teams-protected-apis.json.
 */
export const teamsProtectedRule: Rule = (ctx) => {
  const { gates, request } = ctx;
  if (!gates || !request || request.api !== 'graph') return [];
  const hits = matchingEndpoints(gates.teams.endpoints, request.method, request.normalisedPath);
  if (hits.length === 0) return [];
  const f = factsOf(ctx);
  // Delegated calls are not protected; without a token the gate still applies to app-only callers.
  if (f && !f.appOnly) return [];
  if (f && !f.checkPermissions) return [];
  return [
    finding(
      'gate-teams-protected',
      'warning',
      { path: request.normalisedPath, appOnly: f ? true : null },
      `${request.method} ${request.normalisedPath} is a Teams protected API: called with application permissions it also needs Microsoft's approval for this app, which the token cannot show. Without it the API answers 403 even with the right permission and consent.`,
      {
        text: "Request access with Microsoft's form for protected APIs (it names the app ID and the APIs), or call the API with a signed-in user (delegated permissions are not protected).",
        actions: [
          { kind: 'doc', label: 'Request access to Teams protected APIs', url: gates.teams.requestForm },
          { kind: 'doc', label: 'Teams protected APIs', url: hits[0]?.doc ?? gates.teams.doc },
        ],
      },
    ),
  ];
};
