/**
 * Rich text onto the clipboard the way that works in every Office webview: `execCommand('copy')`
 * from the click handler, with a `copy` listener that supplies our HTML and plain text. The async
 * Clipboard API is blocked inside Excel on the web's iframe, so it is not tried at all.
 */

/** True when the browser ran the copy and our listener put both formats on the clipboard. */
export function copyRichText(doc: Document, html: string, text: string): boolean {
  let delivered = false;
  const onCopy = (event: ClipboardEvent): void => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault(); // keep our data instead of the (blank) selection's
    delivered = true;
  };

  // Some webviews only fire `copy` when something is selected: select a hidden, editable placeholder.
  // Its content is set as text, never as HTML — the report holds workbook text.
  const holder = doc.createElement('div');
  holder.setAttribute('contenteditable', 'true');
  holder.setAttribute('aria-hidden', 'true');
  holder.textContent = '\u00a0';
  holder.style.cssText = 'position:fixed;left:-9999px;top:0;width:1px;height:1px;overflow:hidden;opacity:0';
  const previousFocus = doc.activeElement as HTMLElement | null;
  doc.body.appendChild(holder);
  const selection = doc.getSelection();
  const range = doc.createRange();
  range.selectNodeContents(holder);
  selection?.removeAllRanges();
  selection?.addRange(range);

  doc.addEventListener('copy', onCopy, true);
  let ran = false;
  try {
    ran = doc.execCommand('copy');
  } catch {
    ran = false; // some hosts throw instead of returning false; the caller falls back either way
  } finally {
    doc.removeEventListener('copy', onCopy, true);
    selection?.removeAllRanges();
    holder.remove();
    previousFocus?.focus?.();
  }
  return ran && delivered;
}
