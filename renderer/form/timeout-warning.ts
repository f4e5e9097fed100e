/** The referrer's timeout warning: the shared dialog (shared/timeout-dialog.ts) in the portal's words, offering to save the open forms. */
import type { SaveOutcome } from './save-for-later.ts';
import { SESSION_IDLE_MS, durationInWords } from '../../engine/runtime.ts';
import { WARN_BEFORE_MS } from '../shared/session-timer.ts';
import { TimeoutDialogController, type TimeoutDialogHost } from '../shared/timeout-dialog.ts';

/** What the portal's warning does. */
export interface PortalTimeoutActions {
  /** Whether any open form has answers not yet saved. */
  hasUnsavedForms(): boolean;
  /** Saves every form with unsaved answers; the first outcome that is not "saved", if any. */
  saveForms(): Promise<SaveOutcome | undefined>;
  carryOn(): Promise<void>;
  signOut(saved: boolean): Promise<void>;
}

/** Why the forms could not be saved before signing out, in the person's words. */
export function saveProblem(failed: SaveOutcome): string {
  switch (failed.kind) {
    case 'stale':
      return 'Your form was saved from another tab or window since you opened it here, so we have not saved over it. Carry on with the form to save these answers as a separate copy.';
    case 'gone':
      return 'The copy you saved has been deleted. Carry on with the form to save these answers as a new copy.';
    case 'signed-out':
      return 'You have already been signed out, so your form could not be saved.';
    default:
      return `Your form has not been saved: ${'message' in failed ? failed.message : ''}`;
  }
}

export function portalTimeoutDialog(host: TimeoutDialogHost, actions: PortalTimeoutActions): TimeoutDialogController {
  const left = durationInWords(WARN_BEFORE_MS);
  return new TimeoutDialogController(
    host,
    {
      carryOn: () => actions.carryOn(),
      signOut: (saved) => actions.signOut(saved),
      save: {
        hasUnsaved: () => actions.hasUnsavedForms(),
        saveAll: async () => {
          const failed = await actions.saveForms();
          return failed ? saveProblem(failed) : undefined;
        },
      },
    },
    {
      title: `You will be signed out in ${left}`,
      text: (offersSave) =>
        `There has been no activity for ${durationInWords(SESSION_IDLE_MS - WARN_BEFORE_MS)}. To keep your answers safe, we will sign you out and clear them from the screen if there is none in the next ${left}.${offersSave ? ' Save your form now to come back to it later.' : ''}`,
      carryOn: 'Carry on with the form',
    },
  );
}
