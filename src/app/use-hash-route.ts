import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { initialHash } from './boot-handoff';
import { hashWithoutToken, parseHash, type ParsedHash, type Route } from './routing';

export interface HashRoute {
  readonly route: Route;
  readonly params: URLSearchParams;
  readonly navigate: (hash: string) => void;
}

/** What a link carried besides its route: tokens are handed over in memory, never kept in the URL. */
export interface LinkArrival {
  readonly token: string | null;
  /** The second token of a comparison link. */
  readonly compareToken: string | null;
}

/** What the notice says: a token to inspect came in the link, or only another credential. */
export type LinkNoticeKind = 'token' | 'credential';

function arrivalOf(parsed: ParsedHash): LinkArrival | null {
  if (!parsed.carriesCredential) return null;
  return { token: parsed.token, compareToken: parsed.compareToken };
}

/** What the link the page was opened with carried (read once, before the first render), or null. */
export function readInitialLink(): LinkArrival | null {
  // The first module may have removed the token from the address bar already: it hands the hash over.
  return arrivalOf(parseHash(initialHash()));
}

/** The notice for an arrival: a token when one was readable, else "a credential". */
export function noticeFor(arrival: LinkArrival | null): LinkNoticeKind | null {
  if (arrival === null) return null;
  return arrival.token !== null || arrival.compareToken !== null ? 'token' : 'credential';
}

function scrubTokenFromUrl(): void {
  const { hash, pathname, search } = window.location;
  const clean = hashWithoutToken(hash);
  // replaceState, not location.hash: the token must not stay in the address bar or in history.
  if (clean !== hash) window.history.replaceState(window.history.state, '', `${pathname}${search}${clean}`);
}

/**
 * The current hash route. On every hashchange (and on load) hands any token or comparison token found in
 * the fragment to `onLink` (in memory) and removes it, with any other credential, from the URL, keeping
 * the route and its other parameters.
 */
export function useHashRoute(onLink: (arrival: LinkArrival) => void): HashRoute {
  const [parsed, setParsed] = useState(() => parseHash(window.location.hash));
  const handLink = useEffectEvent((arrival: LinkArrival) => onLink(arrival));

  useEffect(() => {
    // The initial hash was read by readInitialLink; only scrub it here.
    scrubTokenFromUrl();
    const onChange = () => {
      const next = parseHash(window.location.hash);
      const arrival = arrivalOf(next);
      if (arrival !== null) {
        scrubTokenFromUrl();
        handLink(arrival);
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
