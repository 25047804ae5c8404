import type { ConsentAction, SignInFailure } from '../auth';
import './sign-in.css';

export interface SignInErrorProps {
  readonly error: SignInFailure;
  /** The in-app link for the consent action (the app's `fixHref`), or null when it has none. */
  readonly hrefOf: (action: ConsentAction) => string | null;
}

/** A sign-in failure: what happened, the fix, the consent link when consent is the fix, and the raw text. */
export function SignInError({ error, hrefOf }: SignInErrorProps) {
  const consentHref = error.consentAction ? hrefOf(error.consentAction) : null;
  return (
    <section className="signin-error" aria-label="Sign-in error" role="alert">
      <h2>{error.title}</h2>
      <p>{error.message}</p>
      <p>
        <strong>Fix:</strong> {error.fix}
      </p>
      {consentHref && (
        <p>
          <a href={consentHref}>Build the consent link for these scopes</a>
        </p>
      )}
      <details>
        <summary>Error details ({error.source})</summary>
        <pre>{error.detail}</pre>
        {error.learnMore && (
          <a href={error.learnMore} target="_blank" rel="noreferrer">
            Microsoft&apos;s page on this error
          </a>
        )}
      </details>
    </section>
  );
}
