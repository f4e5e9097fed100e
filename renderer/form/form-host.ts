/**
 * What the form's controllers see of <asc-form>: its settings, the form and answers on screen,
 * and the few ways to speak on the page. Each controller keeps its own state; this is all they
 * share. The element gives them a private object of this shape, so none of it is on its public API.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { AccountUser, Answers, FieldError, Form, Page } from '../../engine/runtime.ts';
import type { AnswersHost } from './answers-controller.ts';
import type { CaptchaHost } from './captcha-gate.ts';
import type { FocusHost } from './focus-controller.ts';
import type { LoadingHost } from './loading-controller.ts';

export interface FormHost extends ReactiveControllerHost {
  /** The element itself, which sends the asc-* events, and whose settings are read as they are when asked. */
  readonly element: FormSettings;
  /** The form, once its definition and validators have loaded. */
  readonly form?: Form;
  /** The answers as typed (not a copy: do not change it). */
  readonly answers: Answers;
  /** The answers as a saved copy keeps them: without a date or time now the form filled in and nobody changed, so it is filled afresh when the form is opened again. */
  readonly answersToSave: Answers;
  /** The page on screen, once the form has loaded. */
  readonly currentPage?: Page;
  /** Whether `page` can be shown: what it needs of the form (its validators, its words) has come. */
  canShow(page: Page): boolean;
  /** Says something politely (an item added, a save under way); undefined says nothing. */
  tell(status: TemplateResult | undefined): void;
  /**
   * Shows the outcome of an action above the page, and moves focus there so it is both seen and
   * heard; `goesOnInput` says whether the next keystroke takes it away (unchanged when not given).
   */
  showBanner(banner: TemplateResult, goesOnInput?: boolean): void;
  /** Takes the banner away (an action it told of is being tried again). */
  clearBanner(): void;
  /** Starts the form's current version in place of this one, which takes no new forms, keeping the answers it asks for. */
  startCurrentVersion(): void;
  /** Lists what to fix in the error summary, which takes focus, and says so with asc-validation-failed. */
  showErrors(page: Page, errors: FieldError[]): void;
  /** Clears the errors, the status and the banner, as a new page starts. */
  clearMessages(): void;
}

/** The element's own settings, which the controllers read as they are when asked. */
export interface FormSettings extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly formId: string;
  readonly version?: number;
  /** Where the portal's API is; the page's own origin when empty. */
  readonly apiBase: string;
  /** Whether the person is signed in. */
  readonly signedIn: boolean;
  /** Who is signed in, for the answers a form fills in from their account. */
  readonly account?: AccountUser;
  readonly captcha: boolean;
  /** The page asked for, by id (set by the page around the form, or by the form as it moves). */
  pageId?: string;
  /** Whether there are answers on screen that are neither saved nor sent. */
  readonly hasUnsavedChanges: boolean;
}

/** What the element keeps away from its public API and gives the controllers through their host. */
export interface FormInternals {
  form(): Form | undefined;
  /** Whether the page can be shown: what it needs of the form has come. */
  canShow(page: Page): boolean;
  answers(): Answers;
  answersToSave(): Answers;
  currentPage(): Page | undefined;
  messages: Pick<FormHost, 'tell' | 'showBanner' | 'clearBanner' | 'showErrors' | 'clearMessages'> &
    Pick<AnswersHost, 'answerChanged' | 'dropErrorsUnder'>;
  startCurrentVersion(): void;
}

/** Everything the controllers use of the element. */
export type ControllerHost = FormHost & LoadingHost & FocusHost & CaptchaHost & AnswersHost;

/** The controllers' host over `element`: its settings, and the rest from `internals`. */
export function createFormHost(element: FormSettings, internals: FormInternals): ControllerHost {
  const { messages } = internals;
  return {
    element,
    addController: (controller) => element.addController(controller),
    removeController: (controller) => element.removeController(controller),
    requestUpdate: () => element.requestUpdate(),
    get updateComplete() {
      return element.updateComplete;
    },
    get renderRoot() {
      return element.renderRoot;
    },
    get form() {
      return internals.form();
    },
    canShow: (page) => internals.canShow(page),
    get ready() {
      return internals.form() !== undefined;
    },
    get answers() {
      return internals.answers();
    },
    get answersToSave() {
      return internals.answersToSave();
    },
    get currentPage() {
      return internals.currentPage();
    },
    tell: (status) => messages.tell(status),
    showBanner: (banner, goesOnInput) => messages.showBanner(banner, goesOnInput),
    clearBanner: () => messages.clearBanner(),
    startCurrentVersion: () => internals.startCurrentVersion(),
    showErrors: (page, errors) => messages.showErrors(page, errors),
    clearMessages: () => messages.clearMessages(),
    answerChanged: () => messages.answerChanged(),
    dropErrorsUnder: (prefix) => messages.dropErrorsUnder(prefix),
  };
}
