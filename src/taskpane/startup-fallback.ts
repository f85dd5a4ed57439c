/**
 * The bundle's side of taskpane.html's static "the pane cannot start here" message (#startup-fallback,
 * shown by taskpane-fallback.js or after a delay by CSS): the running bundle removes it, and puts it
 * back if React cannot render at all.
 */
export const FALLBACK_ID = 'startup-fallback';

/** True when taskpane-fallback.js already found this webview unable to run the pane (then the message stays). */
export function startupFallbackShown(doc: Document): boolean {
  return doc.documentElement.classList.contains('jixiao-failed');
}

export function hideStartupFallback(doc: Document): void {
  doc.documentElement.classList.add('jixiao-started');
  doc.getElementById(FALLBACK_ID)?.setAttribute('hidden', '');
}

export function showStartupFallback(doc: Document): void {
  doc.documentElement.classList.remove('jixiao-started');
  doc.documentElement.classList.add('jixiao-failed');
  doc.getElementById(FALLBACK_ID)?.removeAttribute('hidden');
}
