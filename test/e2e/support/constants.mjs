// Shared by scripts/test.mjs (plain Node) and the browser tests. Loopback only.
// Overridable so that several checkouts on one machine can run their browser tests at once.
export const SPA_PORT = Number(process.env.TOKENSCOPE_E2E_SPA_PORT) || 4319;
export const SPA_ORIGIN = `http://127.0.0.1:${SPA_PORT}`;
export const OP_PORT = Number(process.env.TOKENSCOPE_E2E_OP_PORT) || 4443;
export const OP_ORIGIN = `https://127.0.0.1:${OP_PORT}`;
export const E2E_DIST = 'dist-e2e';

/** Build-time environment for the app the browser tests run: the local OpenID provider is allowed. */
export const E2E_BUILD_ENV = { VITE_EXTRA_AUTHORITIES: OP_ORIGIN };
