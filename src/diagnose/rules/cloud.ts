import type { Cloud } from '../../token';
import type { Rule } from '../context';
import { describeAudience } from '../hosts';
import { factsOf } from './derive';
import { finding } from './finding';

const cloudName: Readonly<Record<Cloud, string>> = {
  public: 'the public cloud',
  usgov: 'US Government',
  china: 'China (21Vianet)',
};

const signInHost: Readonly<Record<Cloud, string>> = {
  public: 'login.microsoftonline.com',
  usgov: 'login.microsoftonline.us',
  china: 'login.chinacloudapi.cn',
};

/** Token and request in different clouds: clouds do not accept each other's tokens. */
export const cloudRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!f) return [];
  const { c, request } = f;
  const tokenSideCloud = describeAudience(c.audience)?.cloud ?? c.issuer.cloud;
  if (!request.cloud || !tokenSideCloud || request.cloud === tokenSideCloud) return [];
  return [
    finding(
      'cloud-mismatch',
      'error',
      { iss: c.issuer.value, aud: c.audience, host: request.host },
      `The token comes from ${cloudName[tokenSideCloud]}, but ${request.host} is in ${cloudName[request.cloud]}. Clouds do not accept each other's tokens.`,
      `Sign in through ${signInHost[request.cloud]} and request the token for ${f.api?.resource ?? 'the API'} in that cloud.`,
    ),
  ];
};
