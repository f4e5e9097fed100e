/**
 * What the form says on its page besides the questions: the errors (in the summary and beside
 * their boxes), a polite status line, and the banner with the outcome of a save or a submission.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { errorSummary, fieldId } from '../shared/govuk/index.ts';
import type { FieldError, Form, Page } from '../../engine/runtime.ts';
import { emit } from '../shared/events.ts';
import type { FocusTarget } from './focus-controller.ts';
import type { FormHost } from './form-host.ts';

/** The ways to speak on the page that the controllers share (part of FormHost), and the messages they leave. */
export class PageMessages
  implements Pick<FormHost, 'tell' | 'showBanner' | 'clearBanner' | 'showErrors' | 'clearMessages'>
{
  errors: FieldError[] = [];
  /** A short announcement, read out politely (an item added, a save under way). */
  status?: TemplateResult;
  /** The outcome of a save, which takes focus so it is both seen and heard. */
  banner?: TemplateResult;
  private bannerGoesOnInput = false;

  /** `focus` moves focus after the next render; `form` is the form on screen. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly focus: (target: FocusTarget) => void,
    private readonly form: () => Form | undefined,
  ) {}

  /** The error message of a box, by its answer path. */
  errorAt = (path: string): string | undefined => this.errors.find((error) => error.path === path)?.message;

  tell(status: TemplateResult | undefined): void {
    this.status = status;
    this.host.requestUpdate();
  }

  showBanner(banner: TemplateResult | undefined, goesOnInput?: boolean): void {
    this.banner = banner;
    if (goesOnInput !== undefined) this.bannerGoesOnInput = goesOnInput;
    if (banner) this.focus('banner');
    this.host.requestUpdate();
  }

  clearBanner(): void {
    this.showBanner(undefined);
  }

  showErrors(page: Page, errors: FieldError[]): void {
    const form = this.form()!;
    this.errors = errors;
    // What to fix is now the news: a note from before it (boxes filled in, say) would sit above it.
    this.status = undefined;
    this.focus('error-summary');
    this.host.requestUpdate();
    emit(this.host, 'asc-validation-failed', { formId: form.id, version: form.version, pageId: page.id, errors });
  }

  clearMessages(): void {
    this.errors = [];
    this.status = undefined;
    this.banner = undefined;
    this.host.requestUpdate();
  }

  /** "Your form has been saved" stops being true at the next keystroke. */
  answerChanged = (): void => {
    if (this.bannerGoesOnInput) this.showBanner(undefined);
  };

  /** Drops the errors whose path starts with `prefix` (an item removed, or the captcha passed). */
  dropErrorsUnder = (prefix: string): void => {
    this.errors = this.errors.filter((error) => !error.path.startsWith(prefix));
    this.host.requestUpdate();
  };

  /** The error summary (each error a link to its box), the banner, and the polite status, at the top of the page. */
  render(onLink: (error: FieldError) => void): TemplateResult {
    const { errors, banner, status } = this;
    return html`
      ${errors.length ? errorSummary({ errors: errors.map((error) => ({ ...error, fieldId: fieldId(error.path) })), onLink }) : nothing}
      ${banner ? html`<div class="status banner" tabindex="-1">${banner}</div>` : nothing}
      <div role="status" aria-live="polite">${status ? html`<div class="status">${status}</div>` : nothing}</div>`;
  }
}
