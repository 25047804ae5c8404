import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { hashWithoutToken, parseHash, type Route } from './routing';

export interface HashRoute {
  readonly route: Route;
  readonly params: URLSearchParams;
  readonly navigate: (hash: string) => void;
}

/** Reads the token a deep link carried when the page loaded (once, before the first render). */
export function readInitialHashToken(): string | null {
  return parseHash(window.location.hash).token;
}

function scrubTokenFromUrl(): void {
  const { hash, pathname, search } = window.location;
  const clean = hashWithoutToken(hash);
  // replaceState, not location.hash: the token must not stay in the address bar or in history.
  if (clean !== hash) window.history.replaceState(window.history.state, '', `${pathname}${search}${clean}`);
}

/**
 * The current hash route. Hands any token found in the fragment to `onToken` (in memory) and removes it
 * from the URL, keeping the route and its other parameters.
 */
export function useHashRoute(onToken: (token: string) => void): HashRoute {
  const [parsed, setParsed] = useState(() => parseHash(window.location.hash));
  const handToken = useEffectEvent((token: string) => onToken(token));

  useEffect(() => {
    // The token of the initial hash was read by readInitialHashToken; only scrub it here.
    scrubTokenFromUrl();
    const onChange = () => {
      const next = parseHash(window.location.hash);
      if (next.token !== null) {
        handToken(next.token);
        scrubTokenFromUrl();
      }
      setParsed(next);
    };
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);

  const navigate = useCallback((hash: string) => {
    const target = hash === '' || hash.startsWith('#') ? hash : `#${hash}`;
    if (target === '' || target === '#') {
      const { pathname, search } = window.location;
      window.history.pushState(null, '', `${pathname}${search}`);
      setParsed(parseHash(''));
      return;
    }
    if (window.location.hash !== target) window.location.hash = target;
  }, []);

  return { route: parsed.route, params: parsed.params, navigate };
}
