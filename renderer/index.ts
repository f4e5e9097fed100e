/**
 * The components' public surface. Importing it defines <asc-form> and <asc-portal>; the types of
 * every component's events are exported for pages that listen to them.
 */
export { AscForm } from './form/asc-form.ts';
export { AscPortal } from './portal/asc-portal.ts';
export { AscAccount } from './account/asc-account.ts';
export { AscSavedForms } from './account/asc-saved-forms.ts';
export { AscSubmittedForms } from './account/asc-submitted-forms.ts';
export { AscSubmittedForm } from './account/asc-submitted-form.ts';
export { AscCaptcha } from './account/asc-captcha.ts';
export type {
  AscEventMap,
  AscFormEventMap,
  AscAccountEventMap,
  AscCaptchaEventMap,
  AscPageChangeDetail,
  AscValidationFailedDetail,
  AscAnswersRequestDetail,
  AscSavedDetail,
  AscSubmittedDetail,
  AscFormEventBase,
  AscSignInRequestDetail,
  AscCaptchaVerifiedDetail,
  AscSignedInDetail,
  AscSignedOutDetail,
  AscNavigateDetail,
} from './shared/events.ts';
