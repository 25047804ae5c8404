import { useState } from 'react';
import { CatalogBrowser } from '../../ui/catalog-browser';
import type { ViewProps } from '../view-props';

/** `#catalog` and `#catalog&q=<text>`: the offline permission and role catalog browser. */
export default function CatalogView({ params, catalog }: ViewProps) {
  const fromLink = params.get('q') ?? '';
  const [query, setQuery] = useState({ text: fromLink, fromLink });
  // A new link (#catalog&q=…) replaces what was typed; typing itself does not touch the URL.
  if (query.fromLink !== fromLink) setQuery({ text: fromLink, fromLink });
  return (
    <CatalogBrowser
      catalog={catalog}
      query={query.fromLink !== fromLink ? fromLink : query.text}
      onQueryChange={(text) => setQuery({ text, fromLink })}
    />
  );
}
