import type { Verdict } from './types';

/** The words for each verdict, everywhere the app shows one (panel, compare, report). */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  allowed: 'Allowed',
  denied: 'Denied',
  'cant-tell': "Can't tell",
};
