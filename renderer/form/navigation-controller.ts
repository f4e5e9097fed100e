/**
 * Moving between the form's pages: Next (which checks the page first), Previous, the Change links
 * of check-your-answers, the error summary's links to other pages, and the page around the form
 * setting pageId (the browser's back and forward buttons). Each move says so with asc-page-change.
 */
import type { ReactiveController } from 'lit';
import type { FieldError, Page } from '../../engine/runtime.ts';
import { emit, type AscPageChangeDetail } from '../shared/events.ts';
import type { FocusController, FocusTarget } from './focus-controller.ts';
import type { FormHost } from './form-host.ts';

export class NavigationController implements ReactiveController {
  /**
   * Set by a Change link on check-your-answers: Next then goes straight back there, unless the
   * change showed or hid pages (the person must then go through them). Holds the pages shown then.
   */
  private returnToCheck: string | false = false;
  /** True while the form itself moves the person, so a change of pageId from outside can be told apart. */
  private movingItself = false;
  /** The pageId of the last update, to see the page around the form change it. */
  private seenPageId?: string;
  private announceAfterRender = false;

  constructor(
    private readonly host: FormHost,
    private readonly focus: FocusController,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { host } = this;
    if (host.element.pageId !== this.seenPageId && !this.movingItself && host.form) {
      // Moved by the page around the form (browser back and forward): start the new page afresh.
      host.clearMessages();
      this.focus.afterUnlessAsked('heading');
      this.announceAfterRender = true;
      this.returnToCheck = false;
    }
    this.seenPageId = host.element.pageId;
    this.movingItself = false;
  }

  hostUpdated(): void {
    if (this.announceAfterRender && this.host.currentPage) {
      this.announceAfterRender = false;
      this.announce(this.host.currentPage, 'host');
    }
  }

  /** The page asked for if the answers show it, else the nearest shown page before it. */
  pageOnScreen(): Page | undefined {
    const { form, answers } = this.host;
    const { pageId } = this.host.element;
    if (!form) return undefined;
    const visible = form.visiblePages(answers);
    const wanted = form.pages.findIndex((page) => page.id === pageId);
    if (wanted < 0) return visible[0];
    return [...visible].reverse().find((page) => form.pages.indexOf(page) <= wanted) ?? visible[0];
  }

  /** Says which page is on screen, and what brought the person there. */
  announce(page: Page, cause: AscPageChangeDetail['cause']): void {
    const form = this.host.form!;
    emit(this.host.element, 'asc-page-change', {
      formId: form.id,
      version: form.version,
      pageId: page.id,
      pageTitle: page.title,
      progress: page.progress,
      cause,
    });
  }

  /** Shows `page` afresh, focus on `focus` (its heading unless told otherwise). */
  goTo(page: Page, cause: AscPageChangeDetail['cause'], focus: FocusTarget = 'heading'): void {
    this.movingItself = true;
    this.host.element.pageId = page.id;
    this.host.clearMessages();
    this.focus.after(focus);
    this.announce(page, cause);
  }

  /** Goes to the first page, as after Cancel: nothing to announce, the answers are gone. */
  restart(): void {
    this.returnToCheck = false;
    this.movingItself = true;
    this.host.element.pageId = this.host.form!.pages[0]!.id;
  }

  /** Forgets a pending return to check-your-answers (a saved form opened). */
  forgetReturn(): void {
    this.returnToCheck = false;
  }

  /** Next: the page's problems in the error summary, or the next page (check-your-answers again after a Change). */
  next(page: Page): void {
    const form = this.host.form!;
    const errors = form.pageErrors(page.id, this.host.answers);
    if (errors.length) return this.host.showErrors(page, errors);
    const check = form.pages.at(-1)!;
    const samePages = this.returnToCheck === this.visiblePageIds();
    const next = samePages ? check : form.nextPage(page.id, this.host.answers);
    this.returnToCheck = false;
    if (next) this.goTo(next, 'next');
  }

  previous(page: Page): void {
    this.returnToCheck = false;
    const previous = this.host.form!.previousPage(page.id, this.host.answers);
    if (previous) this.goTo(previous, 'previous');
  }

  /** A Change link: the page of the answer, focus on its box, and back to check-your-answers after. */
  change(pageId: string, path: string): void {
    this.returnToCheck = this.visiblePageIds();
    this.goTo(this.host.form!.page(pageId), 'change', path);
  }

  /** A link of the error summary: its box, on another page if need be. */
  toError(error: FieldError): void {
    if (error.pageId !== this.host.currentPage?.id)
      return this.goTo(this.host.form!.page(error.pageId), 'change', error.path);
    this.focus.focusField(error.path);
  }

  private visiblePageIds(): string {
    return this.host
      .form!.visiblePages(this.host.answers)
      .map((p) => p.id)
      .join(' ');
  }
}
