import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// Popup: hands the response to the opener over a BroadcastChannel. Redirect: stores it in
// sessionStorage and navigates back to the page that started the sign-in.
broadcastResponseToMainFrame().catch((error: unknown) => {
  document.body.textContent = `Sign-in could not finish: ${String(error)}`;
});
