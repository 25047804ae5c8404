// What the first module (src/app/boot.ts) hands the React app in memory: the link's hash, whose token it has
// already removed from the address bar, and whatever was typed into the static first screen before React
// replaced it. Nothing here is stored anywhere.
import { hashWithoutToken } from './routing';

let handedOver: { readonly hash: string; readonly href: string } | null = null;

/**
 * Removes a token (and any other credential) from the address bar at once, as the app would, and keeps the
 * hash for `initialHash`: the first screen shows a linked token's summary before the app runs, and the token
 * must not wait in the address bar until then. Does nothing for a hash without one.
 */
export function scrubAndHandOver(win: Window): void {
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

/**
 * Keeps what was typed into the static first screen when the app's first render replaces it: once `root` no
 * longer holds the static fields, each one the person changed (its value is not the one the page or the
 * first module put in) is typed into the app's field in the same place, as an input event React sees, and
 * the field last focused gets the focus back. Returns a function that stops watching.
 */
export function carryOverTyped(doc: Document, root: HTMLElement): () => void {
  const query = (el: ParentNode) => [...el.querySelectorAll('textarea')];
  const fields = query(root);
  let focused = fields.indexOf(doc.activeElement as HTMLTextAreaElement);
  const onFocus = (e: Event) => {
    const i = fields.indexOf(e.target as HTMLTextAreaElement);
    if (i !== -1) focused = i;
  };
  doc.addEventListener('focusin', onFocus);
  const observer = new MutationObserver(() => {
    if (fields.some((f) => f.isConnected)) return;
    stop();
    const next = query(root);
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    fields.forEach((field, i) => {
      const target = next[i];
      if (!target || !setValue || field.value === field.defaultValue) return;
      setValue.call(target, field.value);
      target.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const target = next[focused];
    if (target) {
      target.focus();
      target.selectionStart = target.value.length;
    }
  });
  const stop = () => {
    observer.disconnect();
    doc.removeEventListener('focusin', onFocus);
  };
  // Only the static inspector has fields to keep (another page's first screen is empty until the app renders).
  if (root.querySelector('[data-boot="inspect"] textarea')) observer.observe(root, { childList: true });
  return stop;
}
