import { useSyncExternalStore, type ReactNode } from 'react';

// One page-wide flag: the first frame has been painted. Set once, never unset, so anything mounted later
// (another route, a second token) renders its children at once instead of waiting for a frame again.
let painted = false;
let scheduled = false;
const listeners = new Set<() => void>();

// A hidden tab may never run animation frames: do not hold the page's sections back for longer than this.
const LONGEST_WAIT_MS = 500;

function markPainted() {
  if (painted) return;
  painted = true;
  for (const listener of [...listeners]) listener();
  listeners.clear();
}

function schedule() {
  if (scheduled || painted) return;
  scheduled = true;
  // A frame callback runs just before the browser paints that frame; a task queued from it runs after.
  const frame =
    typeof window.requestAnimationFrame === 'function'
      ? (cb: () => void) => window.requestAnimationFrame(cb)
      : (cb: () => void) => setTimeout(cb, 16);
  frame(() => setTimeout(markPainted, 0));
  setTimeout(markPainted, LONGEST_WAIT_MS);
}

function subscribe(listener: () => void) {
  if (painted) return () => {};
  listeners.add(listener);
  schedule();
  return () => listeners.delete(listener);
}

const isPainted = () => painted;

/**
 * True once the page's first frame has been painted (false in the render before it). Does not itself
 * trigger a render or a paint; the wait starts when the first component using it mounts.
 */
export function useAfterFirstPaint(): boolean {
  return useSyncExternalStore(subscribe, isPainted, isPainted);
}

export interface AfterFirstPaintProps {
  readonly children: ReactNode;
  /** What stands in until then (e.g. the section's heading, so the page does not shift); nothing by default. */
  readonly fallback?: ReactNode;
}

/**
 * Mounts `children` only after the page's first paint, so the first frame holds just what the first screen
 * needs (paste box, answer, summary) and below-the-fold sections do not delay it. Renders `fallback` until
 * then. Does not defer anything once the first paint has happened: later mounts render children at once.
 */
export function AfterFirstPaint({ children, fallback = null }: AfterFirstPaintProps) {
  return <>{useAfterFirstPaint() ? children : fallback}</>;
}
