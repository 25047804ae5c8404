// The first module the page runs: small (the token core, the hash parser and a few DOM calls, no React), so
// a linked token's answer is on screen before the React bundle has even been evaluated. It writes the token
// into the static paste box of index.html and the summary below it, removes the token from the address bar
// at once (handing the hash to the app in memory, src/app/boot-handoff.ts), then loads the app, whose first
// render replaces this with the same content. Nothing here uses innerHTML.
import '../ui/theme.css';
import '../ui/shell.css';
import '../ui/inspector.css';
import { scrubAndHandOver } from './boot-handoff';
import { writeFirstScreen } from './boot-summary';

try {
  writeFirstScreen(document, window.location.hash, new Date());
  // For scripts/page-timing.mjs: when the first screen was written (the frame that shows it comes after).
  performance.mark('tokenscope:first-screen');
} catch {
  // The first screen is a head start, never a gate: the app renders everything itself anyway.
}
// Whatever happened above: a token shown or not, it leaves the address bar now, not when the app has loaded.
scrubAndHandOver(window);

// The app's files are already on their way (index.html preloads them). Evaluating them now would hold the
// first paint back until React had rendered: let the browser paint this first screen, then start the app.
let started = false;
const startApp = () => {
  if (started) return;
  started = true;
  void import('./main');
};
if (document.visibilityState === 'hidden') startApp();
else window.requestAnimationFrame(() => setTimeout(startApp, 0));
// A tab hidden before its first frame runs no animation frames: do not wait for one for long.
setTimeout(startApp, 1000);
