import type { SignInFailure } from '../auth';
import './sign-in.css';

export interface SignInErrorProps {
  readonly error: SignInFailure;
}

/** A sign-in failure: what happened, the fix, the consent link when consent is the fix, and the raw text. */
export function SignInError({ error }: SignInErrorProps) {
  return (
    <section className="signin-error" aria-label="Sign-in error" role="alert">
      <h2>{error.title}</h2>
      <p>{error.message}</p>
      <p>
        <strong>Fix:</strong> {error.fix}
      </p>
      {error.consentLink && (
        <p>
          <a href={error.consentLink}>Build the consent link for these scopes</a>
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
