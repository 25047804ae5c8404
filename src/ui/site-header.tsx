import './shell.css';

export interface NavLink {
  readonly href: string;
  readonly label: string;
  readonly current: boolean;
}

export interface SiteHeaderProps {
  readonly links: readonly NavLink[];
}

/** The app name, the main navigation and the privacy promise. */
export function SiteHeader({ links }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <div className="site-header-inner">
        <h1 className="site-title">
          <a href="#">Tokenscope</a>
        </h1>
        <nav className="site-nav" aria-label="Main">
          <ul>
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={link.current ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <details className="privacy-note" id="privacy">
          <summary>Nothing leaves this page</summary>
          <p>
            Tokens are decoded in this tab: a paste makes no request and is stored nowhere. A token that came
            in a link is in the browser's history too (see docs/security.md).
          </p>
        </details>
      </div>
    </header>
  );
}

// The hash is the router, so "#main" would change the page: move focus instead.
function skipToMain(event: { preventDefault: () => void }) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
