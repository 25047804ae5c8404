import { classifyToken, decodeToken } from '../../src/token';
import type { Classification, DecodedJwt } from '../../src/token';
import { makeToken, type Payload } from '../fixtures/make-token';

/** A time inside the fixtures' validity window (they run from IAT to 2099-01-01). */
export const NOW = new Date('2098-12-31T23:55:00Z');

/** Builds, decodes and classifies a synthetic token in one step. */
export function loadToken(payload: Payload): { token: DecodedJwt; classification: Classification } {
  const decoded = decodeToken(makeToken(payload));
  if (!decoded.ok) throw new Error(`fixture did not decode: ${decoded.error.message}`);
  return { token: decoded.token, classification: classifyToken(decoded.token) };
}
