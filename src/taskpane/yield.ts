/**
 * Letting the browser breathe between the long synchronous steps of a run (read → check → report →
 * write): after the next frame is painted, or after a short timeout when the pane is hidden and
 * frames do not come (requestAnimationFrame pauses in a hidden webview).
 */
export function yieldToBrowser(win: Window = window): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    // The frame paints the progress React has just committed; the timeout after it lets queued clicks run.
    if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(() => win.setTimeout(finish, 0));
    win.setTimeout(finish, 50);
  });
}
