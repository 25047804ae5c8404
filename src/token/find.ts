import type { FindResult } from './types';

/** Finds token-shaped strings in pasted text. Does not decode them. (stub: whole text as one bare token) */
export function findTokens(text: string): FindResult {
  const value = text.replace(/\s+/g, '');
  if (value === '') return { ok: false, error: { code: 'empty', message: 'Nothing was pasted.' } };
  return { ok: true, tokens: [{ value, source: 'bare', label: null }] };
}
