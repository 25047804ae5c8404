// The first module the page runs: small (the token core, the hash parser and a few DOM calls, no React), so
// a linked token's answer is on screen before the React bundle has even been evaluated. It writes the token
// into the static paste box of index.html and the summary below it, removes the token from the address bar
// at once (handing the hash to the app in memory, src/app/boot-handoff.ts), then loads the app, whose first
// render replaces this with the same content. Nothing here uses innerHTML.
import '../ui/theme.css';
import '../ui/shell.css';
import '../ui/inspector.css';
import { scrubAndHandOver } from './boot-handoff';
import { preloadAppFiles, writeFirstScreen } from './boot-summary';

try {
  writeFirstScreen(document, window.location.hash, new Date());
  // For scripts/page-timing.mjs: when the first screen was written (the frame that shows it comes after).
  performance.mark('tokenscope:first-screen');
} catch {
  // The first screen is a head start, never a gate: the app renders everything itself anyway.
}
// Whatever happened above: a token shown or not, it leaves the address bar now, not when the app has loaded.
scrubAndHandOver(window);

// Fetching or evaluating the app now would hold the first paint back: let the browser paint this first
// screen, then start the app, its chunks preloaded side by side (the build lists them in index.html) rather
// than found one import after another.
let started = false;
const startApp = () => {
  if (started) return;
  started = true;
  preloadAppFiles(document);
  void import('./main');
};
if (document.visibilityState === 'hidden') startApp();
else window.requestAnimationFrame(() => setTimeout(startApp, 0));
// A tab hidden before its first frame runs no animation frames: do not wait for one for long.
setTimeout(startApp, 1000);
