import { useState } from 'react';
import { CatalogBrowser, type CatalogSearch } from '../../ui/catalog-browser';
import { hrefFor } from '../routing';
import type { ViewProps } from '../view-props';

const searchOf = (params: URLSearchParams): CatalogSearch => ({
  q: params.get('q') ?? '',
  api: params.get('api') ?? '',
});

const linkFor = (search: CatalogSearch): string =>
  hrefFor({ route: 'catalog', q: search.q.trim() === '' ? null : search.q, api: search.api || null });

/**
 * Shows the search in the address bar as it is typed (replaceState: no history entry per keystroke, no
 * reload). The hash is built from the search alone, so no token can ever end up in it.
 */
function keepInAddress(search: CatalogSearch): void {
  const { pathname, search: query } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${query}${linkFor(search)}`);
}

/**
 * `#catalog`, `#catalog&q=<text>` and `#catalog&api=<api>&q=<text>`: the offline permission and role
 * catalog browser. What is typed stays in the address, so the page can be bookmarked or shared.
 */
export default function CatalogView({ params, catalog }: ViewProps) {
  const [state, setState] = useState(() => ({ search: searchOf(params), link: params }));
  // Following a link (a new hash, so new params) replaces what was typed; typing only rewrites the address
  // (replaceState), which is not a new link.
  const search = state.link === params ? state.search : searchOf(params);
  if (state.link !== params) setState({ search, link: params });
  return (
    <CatalogBrowser
      catalog={catalog}
      search={search}
      onSearchChange={(next) => {
        setState({ search: next, link: params });
        keepInAddress(next);
      }}
      hrefFor={linkFor}
    />
  );
}
