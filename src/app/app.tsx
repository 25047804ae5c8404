import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
} from 'react';
import { ErrorBoundary } from '../ui/error-boundary';
import { SiteHeader, type NavLink } from '../ui/site-header';
import { InspectorView } from './inspector-view';
import { hrefFor, type Route } from './routing';
import { useCatalog } from './use-catalog';
import { useInspection } from './use-inspection';
import {
  noticeFor,
  readInitialLink,
  useHashRoute,
  type LinkArrival,
  type LinkNoticeKind,
} from './use-hash-route';
import { useNow } from './use-now';
import type { ViewProps } from './view-props';

type ViewRoute = Exclude<Route, 'inspect'>;

// Whole pages other than the inspector: each its own lazy chunk, so first load holds only the inspector.
const VIEWS: Record<ViewRoute, ComponentType<ViewProps>> = {
  catalog: lazy(() => import('./views/catalog-view')),
  consent: lazy(() => import('./views/consent-view')),
  grant: lazy(() => import('./views/grant-view')),
  signin: lazy(() => import('./views/signin-view')),
  compare: lazy(() => import('./views/compare-view')),
};

// The same lazy chunk the inspector loads: a token or credential that came in a link to another page (a
// comparison's second token, a code next to a consent link) gets the same notice there.
const LinkNotice = lazy(() => import('../ui/link-notice').then((m) => ({ default: m.LinkNotice })));

const NAV: readonly { route: Route; label: string }[] = [
  { route: 'inspect', label: 'Inspect' },
  { route: 'catalog', label: 'Catalog' },
  { route: 'consent', label: 'Consent' },
  { route: 'grant', label: 'Grant' },
  { route: 'signin', label: 'Sign in' },
  { route: 'compare', label: 'Compare' },
];

interface InspectorInput {
  readonly text: string;
  /** Which token of several was chosen, for the text it was chosen in (a new paste resets it). */
  readonly choice: { readonly forText: string; readonly index: number } | null;
  /** Bumped by Clear: remounts the inspector so every panel's own state is wiped too. */
  readonly clearKey: number;
}

/** What the last link that carried a token handed over, and whether its notice is still shown. */
interface LinkState {
  readonly compareToken: string | null;
  readonly notice: LinkNoticeKind | null;
  /** Bumped per arrival: remounts the view so it reads the new tokens. */
  readonly count: number;
}

/** A view with a clock of its own: the inspector page does not re-render every second. */
function ViewHost({ View, props }: { View: ComponentType<ViewProps>; props: Omit<ViewProps, 'now'> }) {
  const now = useNow(1000);
  return <View {...props} now={now} />;
}

/** The composition root: route, shared state (pasted text, catalog) and the page for the route. */
export function App() {
  const [initial] = useState(readInitialLink);
  const [input, setInput] = useState<InspectorInput>(() => ({
    text: initial?.token ?? '',
    choice: null,
    clearKey: 0,
  }));
  const [link, setLink] = useState<LinkState>(() => ({
    compareToken: initial?.compareToken ?? null,
    notice: noticeFor(initial),
    count: 0,
  }));
  const setText = useCallback((text: string) => setInput((prev) => ({ ...prev, text })), []);
  const onLink = useCallback((arrival: LinkArrival) => {
    if (arrival.token !== null) setInput((prev) => ({ ...prev, text: arrival.token ?? prev.text }));
    setLink((prev) => ({
      compareToken: arrival.compareToken,
      notice: noticeFor(arrival),
      count: prev.count + 1,
    }));
  }, []);
  const onDismissNotice = useCallback(() => setLink((prev) => ({ ...prev, notice: null })), []);
  const { route, params, navigate } = useHashRoute(onLink);
  const loadedCatalog = useCatalog();
  const catalog = loadedCatalog?.catalog ?? null;

  // Typing stays responsive on a large paste: the inspection follows a deferred copy of the text.
  const deferredText = useDeferredValue(input.text);
  const selected = input.choice !== null && input.choice.forText === deferredText ? input.choice.index : 0;
  const inspection = useInspection(deferredText, selected);
  const onSelect = useCallback(
    (index: number) => setInput((prev) => ({ ...prev, choice: { forText: deferredText, index } })),
    [deferredText],
  );

  const onToken = useCallback(
    (token: string) => {
      setText(token);
      navigate('');
    },
    [setText, navigate],
  );

  const onClear = useCallback(() => {
    setInput((prev) => ({ text: '', choice: null, clearKey: prev.clearKey + 1 }));
    setLink((prev) => ({ ...prev, compareToken: null, notice: null }));
    // Request and error parameters are part of what was pasted: Clear drops them too.
    if ([...params.keys()].length > 0) navigate('');
  }, [params, navigate]);

  const links: NavLink[] = useMemo(
    () =>
      NAV.map((item) => ({
        href: hrefFor({ route: item.route }),
        label: item.label,
        current: item.route === route,
      })),
    [route],
  );

  useEffect(() => {
    // Screen readers and history menus tell the pages apart by title.
    const label = NAV.find((item) => item.route === route)?.label ?? 'Inspect';
    document.title =
      route === 'inspect' ? 'Tokenscope: why does this token get 403?' : `${label} · Tokenscope`;
  }, [route]);

  const View = route === 'inspect' ? null : VIEWS[route];
  // The comparison's second token is handed over in memory, as the first one is.
  const viewParams = useMemo(() => {
    if (route !== 'compare' || link.compareToken === null) return params;
    const withCompare = new URLSearchParams(params);
    withCompare.set('compare', link.compareToken);
    return withCompare;
  }, [route, params, link.compareToken]);
  const paramsKey = params.toString();

  return (
    <>
      <SiteHeader links={links} />
      <main id="main" tabIndex={-1} className="site-main">
        {View === null ? (
          <InspectorView
            // A new link (its request and error) or Clear starts the page afresh: keyed, not copied into state.
            key={`${input.clearKey}|${paramsKey}`}
            text={input.text}
            onTextChange={setText}
            onClear={onClear}
            inspection={inspection}
            onSelect={onSelect}
            params={params}
            catalog={catalog}
            names={loadedCatalog}
            linkNotice={link.notice}
            onDismissNotice={onDismissNotice}
            autoFocus={input.clearKey > 0}
          />
        ) : (
          <>
            {link.notice !== null && (
              <Suspense fallback={null}>
                <LinkNotice kind={link.notice} onDismiss={onDismissNotice} />
              </Suspense>
            )}
            <ErrorBoundary resetKey={route} label={route}>
              <Suspense fallback={<p className="muted">Loading…</p>}>
                <ViewHost
                  key={`${route}|${link.count}|${paramsKey}`}
                  View={View}
                  props={{ params: viewParams, token: inspection.token, onToken, catalog, navigate }}
                />
              </Suspense>
            </ErrorBoundary>
          </>
        )}
      </main>
    </>
  );
}
