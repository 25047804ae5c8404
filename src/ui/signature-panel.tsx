import { useId } from 'react';
import './signature.css';

/** What the panel shows under the buttons. */
export type SignatureOutcome =
  | {
      readonly kind: 'verified';
      readonly alg: string;
      readonly kid: string | null;
      readonly keySummary: string;
      /** What the signature does not settle (an expired token, say), each said beside the result. */
      readonly notes?: readonly string[];
    }
  | { readonly kind: 'failed'; readonly code: string; readonly title: string; readonly message: string }
  | { readonly kind: 'checking' }
  | null;

export interface SignatureFetchState {
  /** The Entra sign-in host the keys would come from; null when the issuer's keys cannot be fetched. */
  readonly host: string | null;
  readonly busy: boolean;
  /** Where the keys in the box came from, after a fetch. */
  readonly loadedFrom: string | null;
  readonly error: string | null;
}

export interface SignaturePanelProps {
  readonly alg: string | null;
  readonly kid: string | null;
  /** Shown before any key is pasted, when the header alone settles it (alg none, Graph nonce). */
  readonly headerNote: { readonly title: string; readonly message: string } | null;
  readonly keyText: string;
  readonly onKeyTextChange: (text: string) => void;
  readonly onVerify: () => void;
  readonly outcome: SignatureOutcome;
  readonly fetchState: SignatureFetchState;
  readonly onFetch: () => void;
}

/** Paste a key, verify the token's signature, or fetch an Entra issuer's keys on request. */
export function SignaturePanel(props: SignaturePanelProps) {
  const { alg, kid, headerNote, keyText, onKeyTextChange, onVerify, outcome, fetchState, onFetch } = props;
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <section aria-label="Signature" className="panel signature">
      <h2>Signature</h2>
      <p className="muted">
        Algorithm <code>{alg ?? '(none given)'}</code>
        {kid !== null && (
          <>
            , key id <code>{kid}</code>
          </>
        )}
        . This checks the signature only, not expiry, audience or issuer.
      </p>
      {headerNote && (
        <div className="signature-note" role="note">
          <strong>{headerNote.title}.</strong> {headerNote.message}
        </div>
      )}
      <label htmlFor={id}>Signing key</label>
      <textarea
        id={id}
        className="signature-key"
        aria-describedby={hintId}
        value={keyText}
        onChange={(event) => onKeyTextChange(event.target.value)}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        rows={5}
        placeholder={'{"keys":[…]}  or  -----BEGIN PUBLIC KEY-----  or the HMAC secret'}
      />
      <p id={hintId} className="muted">
        JWKS, JWK, PEM public key or certificate, or the HMAC secret. Checked in this tab and never stored.
      </p>
      <div className="signature-actions">
        <button type="button" onClick={onVerify} disabled={outcome?.kind === 'checking'}>
          Verify
        </button>
        {fetchState.host !== null && (
          <button type="button" onClick={onFetch} disabled={fetchState.busy}>
            {fetchState.busy ? 'Fetching keys…' : 'Fetch keys'}
          </button>
        )}
        {fetchState.host !== null && (
          <span className="muted">
            Fetch keys loads the issuer&apos;s public keys from {fetchState.host}; the token is not sent.
          </span>
        )}
      </div>
      {fetchState.loadedFrom !== null && (
        <p className="muted">
          Keys loaded from <code>{fetchState.loadedFrom}</code>.
        </p>
      )}
      {fetchState.error !== null && (
        <p className="signature-result signature-failed" role="alert">
          {fetchState.error}
        </p>
      )}
      <div role="status" aria-live="polite">
        {outcome?.kind === 'checking' && <p className="muted">Checking…</p>}
        {outcome?.kind === 'verified' && (
          <div className="signature-result signature-verified">
            <p>
              <strong>Signature verified</strong> ({outcome.alg}
              {outcome.kid !== null ? `, kid ${outcome.kid}` : ''}) with the {outcome.keySummary}.
            </p>
            {outcome.notes?.map((note) => (
              <p key={note} className="signature-caveat">
                <strong>Note:</strong> {note}
              </p>
            ))}
            <p className="muted">
              Who signed it is settled; whether an API accepts it also depends on expiry, audience and
              permissions.
            </p>
          </div>
        )}
        {outcome?.kind === 'failed' && (
          <div className="signature-result signature-failed">
            <p>
              <strong>Signature not verified: {outcome.title}.</strong> {outcome.message}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
