import type { Rule } from '../context';
import { describeAudience, MDE_APP_ID, XDR_APP_ID } from '../hosts';
import { factsOf, requiredOf, scopeFor } from './derive';
import { finding } from './finding';

/** The token must be for the API the request goes to: `aud` names it. */
export const audienceRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!f || f.audienceOk || !f.api) return [];
  const { c, api, request } = f;
  const info = describeAudience(c.audience);
  const what = info ? info.name : c.audience ? `"${c.audience}"` : 'no API (aud is missing)';
  const bothDefender =
    request.api === 'defender' && (info?.appId === MDE_APP_ID || info?.appId === XDR_APP_ID);
  const defenderNote = bothDefender
    ? ' The two Defender APIs have different audiences: https://api.securitycenter.microsoft.com (Defender for Endpoint) and https://api.security.microsoft.com (Defender XDR), even where both answer on api.security.microsoft.com.'
    : '';
  return [
    finding(
      'wrong-audience',
      'error',
      { aud: c.audience, host: request.host },
      `The token is for ${what}, but the request goes to ${api.name} (${request.host}). The API rejects a token issued for another API (401 "invalid audience").${defenderNote}`,
      `Request the token for ${api.name}: scope "${scopeFor(f, api)}"${f.appOnly ? ' (client credentials use /.default)' : ''}.`,
    ),
  ];
};

/** Defender XDR endpoints only answer on api.security.microsoft.com. */
export const defenderHostRule: Rule = (ctx) => {
  const { request } = ctx;
  if (!request || request.api !== 'defender' || request.defenderHost !== 'securitycenter') return [];
  const required = requiredOf(ctx);
  if (!required?.known || required.api.appId !== XDR_APP_ID) return [];
  return [
    finding(
      'wrong-defender-host',
      'error',
      { host: request.host, path: required.matchedPath },
      `${required.matchedPath} is a Defender XDR endpoint, served on api.security.microsoft.com, not ${request.host}.`,
      `Call https://api.security.microsoft.com${request.path.replace(/^\/api\/v1\.0\//i, '/api/')} with a token for https://api.security.microsoft.com.`,
    ),
  ];
};
