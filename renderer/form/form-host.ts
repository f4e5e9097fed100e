/**
 * What the form's controllers see of <asc-form>: its settings, the form and answers on screen,
 * and the few ways to speak on the page. Each controller keeps its own state; this is all they share.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Answers, FieldError, Form, Page } from '../../engine/runtime.ts';

export interface FormHost extends ReactiveControllerHost, HTMLElement {
  /** Where the portal's API is; the page's own origin when empty. */
  readonly apiBase: string;
  /** Whether the person is signed in. */
  readonly signedIn: boolean;
  /** The page asked for, by id (set by the page around the form, or by the form as it moves). */
  pageId?: string;
  /** The form, once its definition and validators have loaded. */
  readonly form?: Form;
  /** The answers as typed (not a copy: do not change it). */
  readonly answers: Answers;
  /** Whether there are answers on screen that are neither saved nor sent. */
  readonly hasUnsavedChanges: boolean;
  /** The page on screen, once the form has loaded. */
  readonly currentPage?: Page;
  /** Says something politely (an item added, a save under way); undefined says nothing. */
  tell(status: TemplateResult | undefined): void;
  /**
   * Shows the outcome of an action above the page, and moves focus there so it is both seen and
   * heard; `goesOnInput` says whether the next keystroke takes it away (unchanged when not given).
   */
  showBanner(banner: TemplateResult, goesOnInput?: boolean): void;
  /** Takes the banner away (an action it told of is being tried again). */
  clearBanner(): void;
  /** Lists what to fix in the error summary, which takes focus. */
  showErrors(page: Page, errors: FieldError[]): void;
  /** Clears the errors, the status and the banner, as a new page starts. */
  clearMessages(): void;
}
