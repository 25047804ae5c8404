import type { DecodeResult } from './types';

/** Decodes a JWT's header and payload. Does NOT verify the signature. (stub) */
export function decodeToken(raw: string): DecodeResult {
  try {
    const [h, p, s] = raw.split('.');
    const dec = (x: string): Record<string, unknown> =>
      Object.assign(
        Object.create(null) as Record<string, unknown>,
        JSON.parse(
          new TextDecoder().decode(
            Uint8Array.from(atob(x.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
          ),
        ) as Record<string, unknown>,
      );
    return {
      ok: true,
      token: { raw, header: dec(h ?? ''), payload: dec(p ?? ''), signature: s ?? '' },
      findings: [],
    };
  } catch {
    return { ok: false, error: { code: 'not-json', message: 'Not a JWT.' } };
  }
}
