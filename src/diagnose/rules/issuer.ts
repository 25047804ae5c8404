import type { Rule } from '../context';
import { finding } from './finding';

/** Is this an Entra access token at all? B2C and foreign issuers are refused by Microsoft APIs. */
export const issuerRule: Rule = (ctx) => {
  if (!ctx.token) return [];
  const c = ctx.token.facts;
  // classifyToken's issuer kind, so the summary and the verdict always name the same issuer.
  const kind = c.issuer.kind;
  if (kind === 'entra-b2c')
    return [
      finding(
        'b2c-token',
        'error',
        { iss: c.issuer.value },
        'This is an Azure AD B2C token. B2C issues tokens for your own apps and APIs; Microsoft Graph and Defender do not accept them.',
        'Get the token from the Entra ID tenant (login.microsoftonline.com/<tenant>) with an app registered there, not from the B2C user flow.',
      ),
    ];
  if (kind === 'other')
    return [
      finding(
        'non-entra-token',
        'error',
        { iss: c.issuer.value },
        `This token was not issued by Microsoft Entra ID (issuer ${c.issuer.value ?? 'missing'}); Microsoft APIs will reject it.`,
        "Get an access token from login.microsoftonline.com (or your national cloud's sign-in host) for the API.",
      ),
    ];
  return [];
};
