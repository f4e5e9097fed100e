/** What submitting and opening a submitted form refuse, in the referrer's words. */
import { ConflictError, NotFoundError } from './errors.ts';

/** The one answer for a submission that is not there, not the person's, or sent more than 30 days ago. */
export const notFound = () =>
  new NotFoundError(
    'There is no submitted form here: you can see the forms you sent in the last 30 days, and only your own.',
  );

export class ResubmittedDifferentlyError extends ConflictError {
  override readonly name = 'ResubmittedDifferentlyError';
  constructor() {
    super('already-submitted', 'This form was already sent, with other answers. Start a new form to send these.');
  }
}

/** A saved form already sent (from another tab or window) with other answers than these. */
export class SavedCopyAlreadySentError extends ConflictError {
  override readonly name = 'SavedCopyAlreadySentError';
  constructor(readonly reference: string) {
    super(
      'saved-form-already-sent',
      `This saved form was already sent from another tab or window, with other answers, under reference ${reference}. To send these answers too, start a new form and fill it in again; the one sent is in your account, under Forms submitted in the last 30 days.`,
    );
  }
}
