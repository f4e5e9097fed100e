/**
 * For pages that embed a form and nothing else of the portal: defines <asc-form> alone, so the
 * page loads only what one form needs.
 */
export { AscForm } from './form/asc-form.ts';
export type {
  AscFormEventMap,
  AscPageChangeDetail,
  AscValidationFailedDetail,
  AscAnswersRequestDetail,
  AscSavedDetail,
  AscSubmittedDetail,
  AscFormEventBase,
} from './shared/events.ts';
