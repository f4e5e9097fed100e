/**
 * The events <asc-form> sends, so the page around it can react. Each bubbles, crosses shadow
 * roots, and is named asc-*. Requests (save, submit, close, cancel, sign-in) can be cancelled
 * with preventDefault() by a page that handles them itself.
 */
import type { Answers, FieldError } from '../../engine/runtime.ts';

export interface AscFormEventBase {
  formId: string;
  version: number;
}

/** The person is now on another page of the form. */
export interface AscPageChangeDetail extends AscFormEventBase {
  pageId: string;
  pageTitle: string;
  progress: number;
  /** What moved them: a button of the form, or the page around it (back and forward). */
  cause: 'next' | 'previous' | 'change' | 'start' | 'host';
}

/** Next (or Submit) found problems on the page; they are shown in the error summary. */
export interface AscValidationFailedDetail extends AscFormEventBase {
  pageId: string;
  errors: FieldError[];
}

/** The person asked to save, or to submit: the answers are as they would be saved. */
export interface AscAnswersRequestDetail extends AscFormEventBase {
  pageId: string;
  answers: Answers;
}

/** The form was saved for later: where, and until when it is kept. */
export interface AscSavedDetail extends AscFormEventBase {
  draftId: string;
  /** When the saved copy will be deleted unless saved again (milliseconds since 1970). */
  deleteAt: number;
}

/** The council's server has the form. */
export interface AscSubmittedDetail extends AscFormEventBase {
  submissionId: string;
  /** What the person quotes: "ASC-7K3F-9QX2". */
  reference: string;
}

export interface AscFormEventMap {
  'asc-page-change': CustomEvent<AscPageChangeDetail>;
  'asc-validation-failed': CustomEvent<AscValidationFailedDetail>;
  'asc-save-request': CustomEvent<AscAnswersRequestDetail>;
  'asc-submit-request': CustomEvent<AscAnswersRequestDetail>;
  'asc-saved': CustomEvent<AscSavedDetail>;
  'asc-submitted': CustomEvent<AscSubmittedDetail>;
  'asc-sign-in-request': CustomEvent<AscFormEventBase & { pageId: string }>;
  'asc-close': CustomEvent<AscFormEventBase>;
  'asc-cancel': CustomEvent<AscFormEventBase>;
}

declare global {
  interface HTMLElementEventMap extends AscFormEventMap {}
}

/** Sends one of the events above from `target`; returns false when a listener called preventDefault(). */
export function emit<K extends keyof AscFormEventMap>(target: EventTarget, type: K, detail: AscFormEventMap[K]['detail'], cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
