/**
 * Every event the components send, so the page around them can react: one map from name to
 * detail, and one way to send them (emit). Each bubbles, crosses shadow roots, and is named
 * asc-*. Requests (save, submit, close, cancel, sign-in) can be cancelled with preventDefault()
 * by a page that handles them itself.
 */
import type { Answers, FieldError, SignedIn } from '../../engine/runtime.ts';

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

/** The person asked to sign in or register from the form's account gate. */
export interface AscSignInRequestDetail extends AscFormEventBase {
  pageId: string;
}

/** The server accepted the captcha's answer: `token` proves it when the form is started. */
export interface AscCaptchaVerifiedDetail {
  token: string;
  /** When the token stops working, in milliseconds since 1970 (the server's clock). */
  expiresAt: number;
}

/** The person signed in, or finished registering: who, and how long the new session has idle. */
export type AscSignedInDetail = SignedIn;

/** The person signed out: nothing more to say. */
export type AscSignedOutDetail = Record<string, never>;

/** A link inside a component asks the page to go to a portal address ("/forms/x/page?draft=id"). */
export interface AscNavigateDetail {
  to: string;
}

/** The events of <asc-form>. */
export interface AscFormEventMap {
  'asc-page-change': CustomEvent<AscPageChangeDetail>;
  'asc-validation-failed': CustomEvent<AscValidationFailedDetail>;
  'asc-save-request': CustomEvent<AscAnswersRequestDetail>;
  'asc-submit-request': CustomEvent<AscAnswersRequestDetail>;
  'asc-saved': CustomEvent<AscSavedDetail>;
  'asc-submitted': CustomEvent<AscSubmittedDetail>;
  'asc-sign-in-request': CustomEvent<AscSignInRequestDetail>;
  'asc-close': CustomEvent<AscFormEventBase>;
  'asc-cancel': CustomEvent<AscFormEventBase>;
}

/** The events of <asc-account> (and of the saved forms list inside it, which also navigates). */
export interface AscAccountEventMap {
  'asc-signed-in': CustomEvent<AscSignedInDetail>;
  'asc-signed-out': CustomEvent<AscSignedOutDetail>;
  'asc-navigate': CustomEvent<AscNavigateDetail>;
}

/** The events of <asc-captcha>. */
export interface AscCaptchaEventMap {
  'asc-captcha-verified': CustomEvent<AscCaptchaVerifiedDetail>;
}

/** Every asc-* event of every component, by name. <asc-portal> sends none of its own: it listens. */
export interface AscEventMap extends AscFormEventMap, AscAccountEventMap, AscCaptchaEventMap {}

declare global {
  // On every element, the document and the window, addEventListener('asc-…') knows the detail.
  interface GlobalEventHandlersEventMap extends AscEventMap {}
}

/**
 * Sends one of the events above from `target`, bubbling and crossing shadow roots; returns false
 * when a listener called preventDefault() on a cancelable one.
 */
export function emit<K extends keyof AscEventMap>(
  target: EventTarget,
  type: K,
  detail: AscEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}
