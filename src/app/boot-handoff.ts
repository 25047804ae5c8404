// What the first module (src/app/boot.ts) hands the React app in memory: the link's hash, whose token it has
// already removed from the address bar (what was typed into the static first screen: boot-carry-over.ts).
// Nothing here is stored anywhere.
import { hashWithoutToken } from './routing';

let handedOver: { readonly hash: string; readonly href: string } | null = null;

/**
 * Removes a token (and any other credential) from the address bar at once, as the app would, and keeps the
 * hash for `initialHash`: the first screen shows a linked token's summary before the app runs, and the token
 * must not wait in the address bar until then. Does nothing for a hash without one.
 */
export function scrubAndHandOver(win: Window): void {
  scrub(win);
  // A token put into the hash before the app listens for it is taken out the same way.
  win.addEventListener('hashchange', onHashChange);
}

/** The app listens from here on: the first module stops taking tokens out of the address bar. */
export function stopHandingOver(win: Window = window): void {
  win.removeEventListener('hashchange', onHashChange);
}

function onHashChange(this: Window) {
  scrub(this);
}

function scrub(win: Window): void {
  const { hash, pathname, search } = win.location;
  const clean = hashWithoutToken(hash);
  if (clean === hash) return;
  win.history.replaceState(win.history.state, '', `${pathname}${search}${clean}`);
  handedOver = { hash, href: win.location.href };
}

/**
 * The hash the page was opened with: the one `scrubAndHandOver` kept while the address is still the one it
 * left, else the current `location.hash` (no first module ran, or the page has moved on since).
 */
export function initialHash(win: Window = window): string {
  return handedOver !== null && handedOver.href === win.location.href ? handedOver.hash : win.location.hash;
}
