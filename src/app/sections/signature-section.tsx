import { useEffect, useMemo, useRef, useState } from 'react';
import { findMetadataUrl, fetchSigningKeys } from '../../auth/fetch-signing-keys';
import type { DecodedJwt } from '../../token';
import { SignaturePanel, type SignatureFetchState, type SignatureOutcome } from '../../ui/signature-panel';
import type { SectionProps } from '../view-props';

/** A result is shown only for the token and key it was computed from (derive, don't sync). */
interface Checked {
  readonly token: string;
  readonly keyText: string;
  readonly outcome: SignatureOutcome;
}

interface Fetched {
  readonly token: string;
  readonly busy: boolean;
  readonly loadedFrom: string | null;
  readonly error: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

// jose is loaded on the first Verify click, so no inspector chunk carries it.
const loadVerify = () => import('../../verify');

async function check(decoded: DecodedJwt, keyText: string): Promise<SignatureOutcome> {
  try {
    const { verifyTokenSignature, VERIFY_ERROR_TITLES } = await loadVerify();
    // The clock is read when Verify is clicked: the note says whether the token had expired then.
    const result = await verifyTokenSignature(decoded, keyText, { now: new Date() });
    if (result.ok)
      return {
        kind: 'verified',
        alg: result.alg,
        kid: result.kid,
        keySummary: result.keySummary,
        ...(result.notes ? { notes: result.notes } : {}),
      };
    return {
      kind: 'failed',
      code: result.error.code,
      title: VERIFY_ERROR_TITLES[result.error.code],
      message: result.error.message,
    };
  } catch {
    // Only a failed chunk load lands here (offline on a stale version, say).
    return {
      kind: 'failed',
      code: 'unavailable',
      title: 'Check unavailable',
      message: 'The verification code could not be loaded. Reload the page and try again.',
    };
  }
}

/** The signature panel: verify against a pasted key, or fetch an Entra issuer's keys on request. */
export default function SignatureSection({ inspected }: SectionProps) {
  const decoded = inspected.token?.decoded ?? null;
  const token = inspected.token?.raw ?? null;
  const [keyText, setKeyText] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const header = decoded?.header;
  const alg = str(header?.alg);
  const kid = str(header?.kid) ?? str(header?.x5t);
  const issuer = str(decoded?.payload.iss);
  const metadataUrl = issuer === null ? null : findMetadataUrl(issuer);

  const headerNote = useMemo(() => {
    if (alg !== null && alg.toLowerCase() === 'none') {
      return {
        title: 'Unsigned token',
        message:
          'The header says "alg": "none". There is no signature to check, and no API should accept it.',
      };
    }
    if (typeof header?.nonce === 'string') {
      return {
        title: 'A Microsoft Graph token',
        message:
          'Its header carries a nonce that Graph transforms before checking, so only Graph itself can verify the signature. That is expected, not a sign of a bad token. Tokens for your own APIs can be verified here.',
      };
    }
    return null;
  }, [alg, header]);

  if (decoded === null || token === null) return null;

  const verify = async (text: string) => {
    setChecked({ token, keyText: text, outcome: { kind: 'checking' } });
    const outcome = await check(decoded, text);
    setChecked((prev) =>
      prev && prev.token === token && prev.keyText === text ? { token, keyText: text, outcome } : prev,
    );
  };

  const fetchKeys = async () => {
    if (issuer === null) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setFetched({ token, busy: true, loadedFrom: null, error: null });
    const result = await fetchSigningKeys(issuer, controller.signal);
    if (controller.signal.aborted) return;
    if (!result.ok) {
      setFetched({ token, busy: false, loadedFrom: null, error: result.message });
      return;
    }
    setFetched({ token, busy: false, loadedFrom: result.jwksUri, error: null });
    setKeyText(result.jwksText);
    await verify(result.jwksText);
  };

  const outcome =
    checked !== null && checked.token === token && checked.keyText === keyText ? checked.outcome : null;
  const fetchedNow = fetched !== null && fetched.token === token ? fetched : null;
  const fetchState: SignatureFetchState = {
    host: metadataUrl === null ? null : new URL(metadataUrl).host,
    busy: fetchedNow?.busy ?? false,
    loadedFrom: fetchedNow?.loadedFrom ?? null,
    error: fetchedNow?.error ?? null,
  };

  return (
    <SignaturePanel
      alg={alg}
      kid={kid}
      headerNote={headerNote}
      keyText={keyText}
      onKeyTextChange={setKeyText}
      onVerify={() => void verify(keyText)}
      outcome={outcome}
      fetchState={fetchState}
      onFetch={() => void fetchKeys()}
    />
  );
}
