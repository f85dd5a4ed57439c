/**
 * The bundle's side of taskpane.html's static "the pane cannot start here" message (#startup-fallback,
 * shown by taskpane-fallback.js or after a delay by CSS): the running bundle removes it, and puts it
 * back if React cannot render at all.
 */
export const FALLBACK_ID = 'startup-fallback';

export function hideStartupFallback(doc: Document): void {
  doc.documentElement.classList.add('jixiao-started');
  doc.getElementById(FALLBACK_ID)?.setAttribute('hidden', '');
}

export function showStartupFallback(doc: Document): void {
  doc.documentElement.classList.remove('jixiao-started');
  doc.documentElement.classList.add('jixiao-failed');
  doc.getElementById(FALLBACK_ID)?.removeAttribute('hidden');
}
