import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Answers, FieldError, Form, Page, SavedDraft } from '../../engine/runtime.ts';
import type { SaveOutcome } from './save-for-later.ts';
import { confirmation } from './submit-form.ts';
import { baseStyles } from '../shared/styles.ts';
import { contentBlock } from '../shared/rich-text.ts';
import { emit } from '../shared/events.ts';
import { buttonGroup, errorSummary, fieldId } from '../shared/govuk/index.ts';
import { formStyles } from './asc-form.styles.ts';
import { pageContent, pageQuestions } from './questions/index.ts';
import { checkAnswers, printout } from './check-answers.ts';
import { cancelDialog, CANCEL_DIALOG } from './cancel-dialog.ts';
import { LoadingController } from './loading-controller.ts';
import { FocusController } from './focus-controller.ts';
import { NavigationController } from './navigation-controller.ts';
import { SavingController } from './saving-controller.ts';
import { SubmittingController } from './submitting-controller.ts';
import { CaptchaGate } from './captcha-gate.ts';
import { AnswersController } from './answers-controller.ts';
import type { FormHost } from './form-host.ts';

/**
 * One form, one page at a time, from its definition: questions that appear and disappear with
 * their conditions, Next that validates with the precompiled validators, the GOV.UK error
 * summary, check-your-answers, and print.
 *
 * @summary A referral form rendered from its JSON definition.
 * @event asc-page-change - The person moved to another page. detail: AscPageChangeDetail
 * @event asc-validation-failed - Next or Submit found problems, now shown. detail: { pageId, errors }
 * @event asc-save-request - Save for later was pressed (cancelable: a page that saves by itself, or asks the person to sign in first, cancels it). detail: { pageId, answers }
 * @event asc-saved - The form was saved for later. detail: { draftId, deleteAt }
 * @event asc-submit-request - Submit was pressed on a complete form (cancelable: a page that sends the answers itself cancels it). detail: { pageId, answers }
 * @event asc-submitted - The council's server has the form. detail: { submissionId, reference }
 * @event asc-sign-in-request - Login or Register was pressed (cancelable).
 * @event asc-close - Close was pressed: leave the form, keeping the answers.
 * @event asc-cancel - The person confirmed Cancel: the answers are gone.
 * @csspart page - The page: heading, questions and buttons.
 * @csspart page-title - The page's heading.
 * @csspart progress - The progress text and bar.
 * @csspart question - Each question.
 * @csspart error-summary - The box listing what to fix.
 * @csspart actions - The Previous and Next (or Submit) buttons.
 * @csspart account-gate - The box asking a person who has not signed in to sign in or register.
 * @cssproperty --asc-theme-font-family - The typeface.
 * @cssproperty --asc-colour-brand - The progress bar and notices.
 * @cssproperty --asc-button-colour - The main buttons.
 */
export class AscForm extends LitElement implements FormHost {
  static override styles = [baseStyles, formStyles];

  /** The form's id, as in forms/<form-id>/. */
  @property({ attribute: 'form-id' }) formId = '';
  /** The version to run; the latest published one when not set. */
  @property({ type: Number }) version?: number;
  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The page shown; the first page when not set. Set it to move the person (back and forward buttons). */
  @property({ attribute: 'page-id' }) pageId?: string;
  /** Whether the person is signed in: pages that need an account ask them to sign in otherwise. */
  @property({ type: Boolean, attribute: 'signed-in', reflect: true }) signedIn = false;
  /**
   * Ask for the check that the person is not a robot on the first page, before the form starts.
   * The page must define <asc-captcha> (the portal's bundle does).
   */
  @property({ type: Boolean, reflect: true }) captcha = false;

  @state() private errors: FieldError[] = [];
  /** A short announcement, read out politely (an item added, a save under way). */
  @state() private status?: TemplateResult;
  /** The outcome of a save, which takes focus so it is both seen and heard. */
  @state() private banner?: TemplateResult;
  private bannerGoesOnInput = false;

  // In this order: a new form loads before the page asked for is looked at, and the page moves before focus follows.
  private readonly loader = new LoadingController(this, () => {
    if (this.currentPage) this.navigation.announce(this.currentPage, 'start');
  });
  private readonly focusing = new FocusController(this);
  private readonly navigation = new NavigationController(this, this.focusing);
  private readonly saving = new SavingController(this);
  private readonly submitting = new SubmittingController(this, this.saving, this.focusing);
  private readonly captchaGate = new CaptchaGate(this);
  private readonly typed = new AnswersController(this, this.focusing);

  /** The answers as typed so far (a copy). */
  get currentAnswers(): Answers {
    return structuredClone(this.typed.current);
  }

  /** Replaces the answers, as when a saved form is opened. */
  set currentAnswers(answers: Answers) {
    this.typed.replace(answers);
  }

  /** The answers as typed, for the controllers (not a copy). @internal */
  get answers(): Answers {
    return this.typed.current;
  }

  /** The form, once loaded. @internal */
  get form(): Form | undefined {
    return this.loader.loaded?.form;
  }

  /** Whether the form is on screen, so focus can go into it. @internal */
  get ready(): boolean {
    return this.loader.loaded !== undefined;
  }

  /** Whether there are answers on screen that are not saved (before the first save: whether there are any). */
  get hasUnsavedChanges(): boolean {
    // Being sent, or sent: nothing to save (and a save now would make a copy of a sent referral).
    if (this.submitting.sending || this.submitting.submitted) return false;
    return this.saving.differsFromSaved(this.answers);
  }

  /** The id of the saved copy these answers are kept in; undefined until the form is saved. */
  get savedDraftId(): string | undefined {
    return this.saving.draft?.id;
  }

  /** Whether this form has been sent (it shows its confirmation; a page may let it go when the person leaves). */
  get isSubmitted(): boolean {
    return this.submitting.submitted !== undefined;
  }

  /**
   * Carries on with a form saved for later: its form and version, its answers, the page it was
   * saved on. `note` is shown above the page (something the person should know as it opens).
   */
  openDraft(draft: SavedDraft, answers: Answers, note?: TemplateResult): void {
    this.saving.startFrom(draft, answers);
    this.submitting.reset();
    this.formId = draft.formId;
    this.version = draft.formVersion;
    this.typed.replace(answers);
    this.pageId = draft.pageId;
    this.errors = [];
    this.status = undefined;
    this.navigation.forgetReturn();
    this.banner = note;
    this.focusing.after(note ? 'banner' : 'heading');
  }

  /**
   * Saves the answers for later (the person must be signed in), saying on the page how it went.
   * Resolves with the outcome, for a page that saves on the person's behalf (before a timeout).
   */
  saveForLater(options: { asNewCopy?: boolean } = {}): Promise<SaveOutcome> {
    return this.saving.saveForLater(options);
  }

  // What the controllers use (FormHost): public for them, left out of the element's documented API.

  /** The page on screen: the one asked for if the answers show it, else the nearest shown page before it. @internal */
  get currentPage(): Page | undefined {
    return this.navigation.pageOnScreen();
  }

  /** Says something politely; undefined says nothing. @internal */
  tell(status: TemplateResult | undefined): void {
    this.status = status;
  }

  /** Shows an outcome above the page and moves focus to it. @internal */
  showBanner(banner: TemplateResult, goesOnInput?: boolean): void {
    this.banner = banner;
    if (goesOnInput !== undefined) this.bannerGoesOnInput = goesOnInput;
    this.focusing.after('banner');
  }

  /** Takes the banner away. @internal */
  clearBanner(): void {
    this.banner = undefined;
  }

  /** Lists what to fix in the error summary, which takes focus, and says so with asc-validation-failed. @internal */
  showErrors(page: Page, errors: FieldError[]): void {
    const form = this.form!;
    this.errors = errors;
    this.focusing.after('error-summary');
    emit(this, 'asc-validation-failed', { formId: form.id, version: form.version, pageId: page.id, errors });
  }

  /** Clears the errors, the status and the banner, as a new page starts. @internal */
  clearMessages(): void {
    this.errors = [];
    this.status = undefined;
    this.banner = undefined;
  }

  /** "Your form has been saved" stops being true at the next keystroke. @internal */
  answerChanged(): void {
    if (this.bannerGoesOnInput) this.banner = undefined;
  }

  /** Drops the errors whose path starts with `prefix` (an item removed). @internal */
  dropErrorsUnder(prefix: string): void {
    this.errors = this.errors.filter((error) => !error.path.startsWith(prefix));
  }

  private onNext(event: Event): void {
    event.preventDefault();
    if (this.submitting.sending) return;
    const page = this.currentPage!;
    if (this.captchaGate.isNeeded(page)) {
      return this.showErrors(page, [
        {
          pageId: page.id,
          questionId: 'captcha',
          path: 'captcha',
          message: 'Confirm that you are not a robot: select the box',
        },
      ]);
    }
    this.navigation.next(page);
  }

  private onPrevious(): void {
    if (!this.submitting.sending) this.navigation.previous(this.currentPage!);
  }

  private onChange = (event: Event, pageId: string, path: string): void => {
    event.preventDefault();
    if (!this.submitting.sending) this.navigation.change(pageId, path);
  };

  private requestWithAnswers(type: 'asc-save-request' | 'asc-submit-request'): boolean {
    const form = this.form!;
    return emit(
      this,
      type,
      { formId: form.id, version: form.version, pageId: this.currentPage!.id, answers: form.prepare(this.answers) },
      true,
    );
  }

  private onSave(): void {
    if (this.submitting.sending || !this.requestWithAnswers('asc-save-request')) return;
    if (this.signedIn) void this.saveForLater();
    else this.showBanner(html`<p><strong>To save this form for later, you need to sign in.</strong></p>`);
  }

  private onSubmit(): void {
    const errors = this.form!.errors(this.answers);
    if (errors.length) return this.showErrors(this.currentPage!, errors);
    if (this.submitting.sending || !this.requestWithAnswers('asc-submit-request')) return;
    if (!this.signedIn) return this.showBanner(html`<p><strong>To submit this form, you need to sign in.</strong></p>`);
    void this.submitting.submit();
  }

  private onSignIn(): void {
    const form = this.form!;
    if (
      !emit(this, 'asc-sign-in-request', { formId: form.id, version: form.version, pageId: this.currentPage!.id }, true)
    )
      return;
    this.status = html`<p><strong>Signing in is not available on this page.</strong> Open the form on the council's portal to sign in.</p>`;
  }

  private onClose(): void {
    emit(this, 'asc-close', { formId: this.form!.id, version: this.form!.version });
  }

  private onCancelConfirmed(): void {
    const form = this.form!;
    this.typed.replace({});
    this.clearMessages();
    this.saving.startFrom();
    this.submitting.reset();
    this.navigation.restart();
    emit(this, 'asc-cancel', { formId: form.id, version: form.version });
  }

  override render(): TemplateResult {
    const { loaded } = this.loader;
    if (this.loader.error)
      return errorSummary({ title: 'Sorry, this form cannot be opened', description: this.loader.error });
    const page = this.currentPage;
    if (!loaded || !page) return html`<p role="status">Loading the form…</p>`;
    const { form, council } = loaded;
    const { sending, submitted } = this.submitting;
    const print = html`<div class="print-only">${printout(form, council, this.answers, submitted)}</div>`;
    if (submitted)
      return html`<div class="screen-only" part="page">${confirmation(submitted, council, () => window.print())}</div>${print}`;
    const isCheck = page.kind === 'checkAnswers';
    const errorAt = (at: string) => this.errors.find((error) => error.path === at)?.message;
    // Pages about the person referred come only after sign-in: nothing typed there leaves this
    // page until then, and nobody sees them without an account.
    const gated = form.requiresAccount(page.id) && !this.signedIn;
    return html`
      <div class="screen-only" part="page">
        <span class="caption">${form.definition.title}</span>
        <h1 tabindex="-1" part="page-title">${page.title}</h1>
        <div class="progress" part="progress">
          <span class="progress-text" id="progress-text">${page.progress}% complete</span>
          <progress max="100" value=${page.progress} aria-labelledby="progress-text"></progress>
        </div>
        ${this.errors.length ? errorSummary({ errors: this.errors.map((error) => ({ ...error, fieldId: fieldId(error.path) })), onLink: (error) => this.navigation.toError(error) }) : nothing}
        ${this.banner ? html`<div class="status banner" tabindex="-1">${this.banner}</div>` : nothing}
        <div role="status" aria-live="polite">${this.status ? html`<div class="status">${this.status}</div>` : nothing}</div>
        ${
          gated
            ? html`
          <div class="notice" part="account-gate">
            ${loaded.accountGate.map(contentBlock)}
            <button type="button" class="button" @click=${this.onSignIn}>Login or Register</button>
          </div>`
            : nothing
        }
        ${isCheck || gated ? nothing : pageContent(form, page, this.answers)}
        <form novalidate @submit=${this.onNext}>
          ${gated ? nothing : isCheck ? checkAnswers(form, this.answers, this.onChange) : pageQuestions(form, page, this.answers, (path, value) => this.typed.fieldContext(path, value, errorAt))}
          ${this.captchaGate.render(page, this.errors.find((e) => e.path === 'captcha')?.message, () => {
            this.errors = this.errors.filter((x) => x.path !== 'captcha');
          })}
          ${isCheck && !gated ? pageContent(form, page, this.answers) : nothing}
          ${buttonGroup(
            html`
            ${
              form.previousPage(page.id, this.answers)
                ? html`<button type="button" class="button secondary" @click=${this.onPrevious}><span aria-hidden="true">← </span>Previous</button>`
                : nothing
            }
            ${
              gated
                ? nothing
                : isCheck
                  ? (
                      form.canSubmit(this.answers)
                        ? html`<button type="button" class="button" aria-disabled=${sending ? 'true' : 'false'} @click=${this.onSubmit}>${sending ? 'Sending…' : 'Submit'}</button>`
                        : nothing
                    )
                  : html`<button type="submit" class="button">Next<span aria-hidden="true"> →</span></button>`
            }`,
            { className: 'actions', part: 'actions' },
          )}
        </form>
        <div class="secondary-actions">
          <button type="button" class="link-button" @click=${() => window.print()}>Print</button>
          <button type="button" class="link-button" @click=${this.onSave}>Save for later</button>
          <button type="button" class="link-button" @click=${this.onClose}>Close</button>
          <button type="button" class="link-button" aria-disabled=${sending ? 'true' : 'false'} @click=${() => {
            if (!sending) this.renderRoot.querySelector<HTMLDialogElement>(`#${CANCEL_DIALOG}`)?.showModal();
          }}>Cancel</button>
        </div>
        ${cancelDialog(this.saving.draft !== undefined, () => this.onCancelConfirmed())}
      </div>
      ${print}`;
  }
}
