// A local OpenID provider for the sign-in browser tests: oidc-provider over HTTPS on 127.0.0.1, mounted
// at an Entra-shaped issuer (/<tenant>/v2.0), issuing JWT access tokens with Entra's claims. Test-only:
// devInteractions (any password), an in-memory adapter, a certificate made at start-up in a temp dir.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { OP_ORIGIN, OP_PORT, SPA_ORIGIN } from './constants.mjs';

export const TENANT_ID = '7c3e1f0a-5b2d-4e8f-9a61-2d4b8c0e1f35';
export const ISSUER_PATH = `/${TENANT_ID}/v2.0`;
export const ISSUER = `${OP_ORIGIN}${ISSUER_PATH}`;
/** The authority to type into the sign-in view (AAD mode appends /v2.0). */
export const AUTHORITY = `${OP_ORIGIN}/${TENANT_ID}`;
export const SPA_CLIENT_ID = '3f8a2c1e-9d4b-4a7e-8c6f-1b2d3e4f5a60';
export const API_APP_ID = '9a8b7c6d-0000-4000-8000-000000000a91';
export const API_RESOURCE = 'api://tokenscope-e2e-api';
export const API_SCOPES = [`${API_RESOURCE}/Reports.Read`, `${API_RESOURCE}/Alerts.Read.All`];
/** Asking for this scope makes the provider answer consent_required (AADSTS65001), as Entra does. */
export const CONSENT_REQUIRED_SCOPE = `${API_RESOURCE}/Admin.Only`;

export const SECURITY_READER = '5d6b6bb7-de71-4623-b4af-96380a352509';
export const DEFAULT_MEMBER = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

interface TestUser {
  readonly login: string;
  readonly name: string;
  readonly oid: string;
  readonly wids: readonly string[];
}
/** Users by the login typed into the provider's form (any password works). */
export const USERS = {
  reader: {
    login: 'reader@contoso.test',
    name: 'Riley Reader',
    oid: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    wids: [SECURITY_READER, DEFAULT_MEMBER],
  },
  member: {
    login: 'member@contoso.test',
    name: 'Morgan Member',
    oid: '1c2d3e4f-5061-4728-93a4-b5c6d7e8f90a',
    wids: [DEFAULT_MEMBER],
  },
} as const satisfies Record<string, TestUser>;

const usersByLogin = new Map<string, TestUser>(Object.values(USERS).map((u) => [u.login, u]));
const userFor = (login: string): TestUser =>
  usersByLogin.get(login) ?? {
    login,
    name: login,
    oid: '2d3e4f50-6172-4839-a4b5-c6d7e8f90a1b',
    wids: [DEFAULT_MEMBER],
  };

interface TokenLike {
  kind: string;
  accountId: string;
  clientId: string;
  scope?: string;
  resourceServer?: { identifier?: () => string };
}

function configuration(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'tokenscope-e2e-rs256',
    use: 'sig',
    alg: 'RS256',
  };
  return {
    clients: [
      {
        client_id: SPA_CLIENT_ID,
        client_name: 'Tokenscope e2e SPA',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${SPA_ORIGIN}/redirect.html`],
        post_logout_redirect_uris: [`${SPA_ORIGIN}/`],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['tokenscope-e2e-cookie-key-not-a-secret'] },
    ttl: {
      AccessToken: 3600,
      IdToken: 3600,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 86400,
      Grant: 86400,
      RefreshToken: 86400,
    },
    pkce: { required: () => true },
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === SPA_ORIGIN,
    // devInteractions puts the typed login in accountId; oidc-provider insists accountId === id, so
    // `sub` is the login and the GUID goes into `oid`.
    findAccount: async (_ctx: unknown, id: string) => {
      const user = userFor(id);
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          oid: user.oid,
          tid: TENANT_ID,
          ver: '2.0',
          name: user.name,
          preferred_username: user.login,
        }),
      };
    },
    claims: { openid: ['sub', 'oid', 'tid', 'ver'], profile: ['name', 'preferred_username'] },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Plain pages (the defaults @import a web font): the test clicks "Yes, sign me out".
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = `<!doctype html><html lang="en"><head><title>Sign out</title></head><body>${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></body></html>`;
        },
        postLogoutSuccessSource: async (ctx: { body: string }) => {
          ctx.body =
            '<!doctype html><html lang="en"><head><title>Signed out</title></head><body>Signed out.</body></html>';
        },
      },
      resourceIndicators: {
        enabled: true,
        // MSAL never sends `resource`: every request is for the one test API.
        defaultResource: async () => API_RESOURCE,
        // Without this, `openid` in the scope makes the token endpoint issue an opaque userinfo token.
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
          if (indicator !== API_RESOURCE) throw new Provider.errors.InvalidTarget();
          return {
            scope: API_SCOPES.join(' '),
            audience: API_APP_ID,
            accessTokenTTL: 3600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    extraTokenClaims: async (_ctx: unknown, token: TokenLike) => {
      if (token.kind !== 'AccessToken') return undefined;
      const user = userFor(token.accountId);
      const prefix = `${token.resourceServer?.identifier?.() ?? API_RESOURCE}/`;
      const scp = (token.scope ?? '')
        .split(' ')
        .filter((s) => s.startsWith(prefix))
        .map((s) => s.slice(prefix.length))
        .join(' ');
      return {
        ver: '2.0',
        tid: TENANT_ID,
        oid: user.oid,
        idtyp: 'user',
        azp: token.clientId,
        appid: token.clientId,
        azpacr: '0',
        scp,
        wids: user.wids,
        name: user.name,
        preferred_username: user.login,
      };
    },
  };
}

/**
 * Rewrites or answers /auth requests before oidc-provider sees them (it must happen on the raw URL:
 * rewriting inside Koa breaks its mount-path detection). Returns true when it answered itself.
 */
function rewriteRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', ISSUER);
  if (req.method === 'GET' && url.pathname === `${ISSUER_PATH}/session/end`) {
    // Entra honours post_logout_redirect_uri alone; oidc-provider also wants to know the client, and
    // MSAL sends no id_token_hint. Name the test client.
    if (url.searchParams.has('post_logout_redirect_uri') && !url.searchParams.has('client_id')) {
      url.searchParams.set('client_id', SPA_CLIENT_ID);
      req.url = url.pathname + url.search;
    }
    return false;
  }
  if (req.method !== 'GET' || url.pathname !== `${ISSUER_PATH}/auth`) return false;
  const scopes = url.searchParams.get('scope')?.split(' ') ?? [];
  const redirectUri = url.searchParams.get('redirect_uri');
  if (scopes.includes(CONSENT_REQUIRED_SCOPE) && redirectUri?.startsWith(`${SPA_ORIGIN}/`)) {
    // Entra answers like this when an admin-only scope has not been consented.
    const answer = new URLSearchParams({
      error: 'consent_required',
      error_description: `AADSTS65001: The user or administrator has not consented to use the application with ID '${url.searchParams.get('client_id') ?? ''}'. Send an interactive authorization request for this user and resource.`,
      state: url.searchParams.get('state') ?? '',
    });
    const mode = url.searchParams.get('response_mode') === 'query' ? '?' : '#';
    res.writeHead(302, { location: `${redirectUri}${mode}${answer}` }).end();
    return true;
  }
  // Entra answers prompt=select_account with its account picker; oidc-provider does not support that
  // prompt, so the test provider shows its login form again instead.
  if (url.searchParams.get('prompt') === 'select_account') {
    url.searchParams.set('prompt', 'login consent');
    req.url = url.pathname + url.search;
  }
  // Entra issues SPA refresh tokens without prompt=consent; oidc-provider (per OIDC Core) drops
  // offline_access unless prompt includes consent, and then renewal fails. devInteractions asks anyway.
  if (scopes.includes('offline_access') && !url.searchParams.has('prompt')) {
    url.searchParams.set('prompt', 'consent');
    req.url = url.pathname + url.search;
  }
  return false;
}

export interface RunningOp {
  readonly close: () => Promise<void>;
}

/** Starts the provider on OP_PORT with a fresh self-signed certificate (openssl, temp dir, deleted on close). */
export async function startOp(): Promise<RunningOp> {
  const certDir = mkdtempSync(join(tmpdir(), 'tokenscope-op-'));
  const key = join(certDir, 'key.pem');
  const cert = join(certDir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '2',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  const provider = new Provider(ISSUER, configuration());
  if (process.env.E2E_VERBOSE) {
    provider.on('server_error', (_ctx, err) => console.error('[op] server_error', err));
    provider.on('authorization.error', (_ctx, err) => console.error('[op] authorization.error', err));
    provider.on('grant.error', (_ctx, err) => console.error('[op] grant.error', err));
  }
  const callback = provider.callback();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (rewriteRequest(req, res)) return;
    const path = req.url ?? '/';
    if (path === ISSUER_PATH || path.startsWith(`${ISSUER_PATH}/`) || path.startsWith(`${ISSUER_PATH}?`)) {
      // oidc-provider derives its mount path from originalUrl minus url, as express would set them.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = path;
      let inner = path.slice(ISSUER_PATH.length) || '/';
      if (inner.startsWith('?')) inner = `/${inner}`;
      req.url = inner;
      callback(req, res);
      return;
    }
    res
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(`not found: the provider lives under ${ISSUER_PATH}`);
  };
  const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, handler);
  rmSync(certDir, { recursive: true, force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(OP_PORT, '127.0.0.1', () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
