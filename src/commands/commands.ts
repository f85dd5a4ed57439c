// Placeholder until the Excel shell lands: it replaces these handlers with the real recalculation and undo.
import { COMMAND_FUNCTIONS } from './names';

/** Tells Excel the command has finished, so its progress indicator stops. */
function finishWithoutChanges(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.actions.associate(COMMAND_FUNCTIONS.recalculate, finishWithoutChanges);
Office.actions.associate(COMMAND_FUNCTIONS.undo, finishWithoutChanges);
