import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs`. Only components that show a relative time ("expires in
 * 4 minutes") call it, so the clock re-renders them and nothing else.
 */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

// setTimeout takes at most 2^31 - 1 ms; later instants are re-checked when that much has passed.
const MAX_DELAY = 2_147_483_647;

/**
 * A clock that moves only when time passes one of `instants` (epoch milliseconds, e.g. a token's `nbf`
 * and `exp`), so what depends on validity (the verdict) turns at the right moment without re-rendering
 * every second. New instants (another token) take a fresh reading. Does not tick between the instants.
 */
export function useClockAt(instants: readonly (number | null)[]): Date {
  const key = instants.join(',');
  const [reading, setReading] = useState(() => ({ key, now: new Date() }));
  let current = reading;
  if (reading.key !== key) {
    // Another token: read the clock again (state reset during render, no effect copies it).
    current = { key, now: new Date() };
    setReading(current);
  }
  useEffect(() => {
    const at = reading.now.getTime();
    const next = reading.key
      .split(',')
      .map(Number)
      .filter((t) => Number.isFinite(t) && t > at)
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    // A little past the instant, so the new reading is on the far side of it.
    const id = setTimeout(
      () => setReading((prev) => ({ key: prev.key, now: new Date() })),
      Math.min(next - at + 50, MAX_DELAY),
    );
    return () => clearTimeout(id);
  }, [reading]);
  return current.now;
}
