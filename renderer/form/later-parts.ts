/**
 * What a form shows only once it can check answers: check your answers, the printed copy, sending
 * the form and the confirmation after it; and saving for later, which waits for this if pressed
 * sooner. They come with the validators, after the first page (LoadingController.checking), so
 * the first page downloads none of them.
 */
export { checkAnswers, printout } from './check-answers.ts';
export { confirmation, submitAnswers } from './submit-form.ts';
export { discardDraft, saveDraft, savedMessage } from './save-for-later.ts';
