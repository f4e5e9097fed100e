/**
 * The components' public surface. Importing it defines <asc-form> and <asc-portal>; the types of
 * their events are exported for pages that listen to them.
 */
export { AscForm } from './form/asc-form.ts';
export { AscPortal } from './portal/asc-portal.ts';
export { AscAccount } from './account/asc-account.ts';
export { AscSavedForms } from './account/asc-saved-forms.ts';
export { AscSubmittedForms } from './account/asc-submitted-forms.ts';
export { AscCaptcha, type AscCaptchaVerifiedDetail } from './account/asc-captcha.ts';
export type { AscFormEventMap, AscPageChangeDetail, AscValidationFailedDetail, AscAnswersRequestDetail, AscSavedDetail, AscSubmittedDetail, AscFormEventBase } from './form/events.ts';
