// Text typed into the static first screen (index.html) before the React app replaced it, typed into the app's
// fields. A lazy chunk: src/app/main.tsx notes the static fields before the first render and loads this after.

/**
 * Keeps what was typed into `fields` (the static first screen's text fields, in page order) when the app's
 * first render has replaced them: each one the person changed (its value is not the one the page or the first
 * module put in) is typed into the app's field in the same place, as an input event React sees, and the field
 * last focused gets the focus back. Waits for the replacement when it has not happened yet. Returns a function
 * that stops waiting.
 */
export function carryOverTyped(
  doc: Document,
  root: HTMLElement,
  fields: readonly HTMLTextAreaElement[],
  focusedAtStart: number,
): () => void {
  let focused = focusedAtStart;
  const onFocus = (e: Event) => {
    const i = fields.indexOf(e.target as HTMLTextAreaElement);
    if (i !== -1) focused = i;
  };
  const apply = () => {
    if (fields.some((f) => f.isConnected)) return;
    stop();
    const next = [...root.querySelectorAll('textarea')];
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
  };
  const observer = new MutationObserver(apply);
  const stop = () => {
    observer.disconnect();
    doc.removeEventListener('focusin', onFocus);
  };
  if (fields.length === 0) return stop;
  doc.addEventListener('focusin', onFocus);
  observer.observe(root, { childList: true });
  apply();
  return stop;
}
