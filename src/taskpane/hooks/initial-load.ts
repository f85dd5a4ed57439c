/**
 * The pane's first read of the workbook, startable before React renders: in Office the Excel round
 * trips then overlap the first render instead of following it. Progress reported before the pane
 * listens is replayed when it does.
 */
import type { Analysis, WorkbookSnapshot } from '../../core';
import type { PaneApi, Progress, SavedSettings, Stage } from '../api';

export interface InitialData {
  saved: SavedSettings | null;
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  undoAvailable: boolean;
}

export interface InitialLoad {
  promise: Promise<InitialData>;
  /** The one listener for progress (the pane's progress bar). */
  listen(onProgress: Progress): void;
}

export function startInitialLoad(api: PaneApi): InitialLoad {
  let listener: Progress | undefined;
  let last: [Stage, number] | undefined;
  const relay: Progress = (stage, fraction) => {
    last = [stage, fraction];
    // The pane's answer (a pause at a stage boundary) goes back to Excel's run, which awaits it;
    // before the pane listens, the run still pauses, so React can draw the pane in between.
    return listener ? listener(stage, fraction) : api.yieldToBrowser?.();
  };
  const promise = (async () => {
    const saved = await api.loadSavedSettings();
    // Whether there is something to undo does not depend on the analysis: ask at the same time.
    const [{ snapshot, analysis }, undoAvailable] = await Promise.all([api.analyzeWorkbook(saved?.settings ?? {}, relay), api.hasUndo()]);
    return { saved, snapshot, analysis, undoAvailable };
  })();
  // Handled here too, so a failure before the pane listens is not an unhandled rejection; the pane reports it.
  promise.catch(() => undefined);
  return {
    promise,
    listen(onProgress) {
      listener = onProgress;
      if (last) void onProgress(...last);
    },
  };
}
