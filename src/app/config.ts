/**
 * The app's build-time settings, read from `import.meta.env` once and checked here, so nothing else
 * touches the environment. Does not read anything at run time (no storage, no query string).
 */
import { parseAuthorities } from './parse-authorities';

/** Settings the app was built with. */
export interface AppConfig {
  /** Extra sign-in authorities (https origins) allowed besides the Entra clouds, e.g. a test provider. */
  readonly extraAuthorities: readonly string[];
  /** Where the app is served from (Vite's base URL), ending in "/". */
  readonly baseUrl: string;
  /** True in a production build. */
  readonly production: boolean;
}

const env = import.meta.env;
const authorities = parseAuthorities(
  typeof env.VITE_EXTRA_AUTHORITIES === 'string' ? env.VITE_EXTRA_AUTHORITIES : undefined,
);

/** The checked settings. Does not change after load. */
export const config: AppConfig = Object.freeze({
  extraAuthorities: Object.freeze(authorities.origins) as readonly string[],
  baseUrl: typeof env.BASE_URL === 'string' ? env.BASE_URL : '/',
  production: env.PROD === true,
});
