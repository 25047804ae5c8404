import { useEffect, useState } from 'react';

export interface CopyButtonProps {
  readonly label: string;
  readonly text: string;
}

/** Copies `text` to the clipboard when pressed and says so. Copying is the person's own action. */
export function CopyButton({ label, text }: CopyButtonProps) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const id = setTimeout(() => setStatus('idle'), 2000);
    return () => clearTimeout(id);
  }, [status]);

  const copy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setStatus('failed');
      return;
    }
    clipboard.writeText(text).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };

  return (
    <>
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span className="copy-status" role="status">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : ''}
      </span>
    </>
  );
}
