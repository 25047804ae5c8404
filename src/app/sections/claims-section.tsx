import { useMemo } from 'react';
import { explainClaims, type DecodedJwt } from '../../token';
import { ClaimsTable } from '../../ui/claims-table';

export interface ClaimsSectionProps {
  /** The selected token, once it decoded; null shows `emptyText`. */
  readonly token: DecodedJwt | null;
  readonly now: Date;
  readonly emptyText: string;
}

/**
 * The "Claims" region: one row per payload claim with what it means. A lazy chunk of its own, so the claim
 * dictionary is not first-load weight; explained here, re-explained as `now` ticks so relative times stay live.
 */
export default function ClaimsSection({ token, now, emptyText }: ClaimsSectionProps) {
  const rows = useMemo(() => (token === null ? null : explainClaims(token, now)), [token, now]);
  return <ClaimsTable rows={rows} now={now} emptyText={emptyText} />;
}
