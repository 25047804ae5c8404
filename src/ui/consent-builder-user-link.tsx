import { useId } from 'react';
import type { UserConsentResult } from '../consent';
import { CopyButton } from './copy-button';

/** The user-consent (authorize) link for delegated permissions, or why there is none. */
export function UserConsentLink({ result }: { readonly result: UserConsentResult | null }) {
  const id = useId();
  if (result === null) return null;
  return (
    <section aria-label="User consent link">
      <h3>User consent link</h3>
      {result.ok ? (
        <>
          <p className="consent-hint">
            For delegated permissions a user may consent to alone: the authorize URL with prompt=consent.
          </p>
          <label htmlFor={id}>User consent URL</label>
          <textarea id={id} className="consent-url" readOnly value={result.url} rows={3} />
          <div className="consent-actions">
            <CopyButton label="Copy user consent URL" text={result.url} />
          </div>
          {result.needAdmin.length > 0 ? (
            <p className="consent-warning">
              A user cannot consent to these alone (they need admin consent): {result.needAdmin.join(', ')}.
            </p>
          ) : null}
        </>
      ) : (
        <p>No user consent link: {result.errors.map((e) => e.message).join(' ')}</p>
      )}
    </section>
  );
}
