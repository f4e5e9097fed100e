import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AccountUser, Answers, SavedDraft } from '../../engine/runtime.ts';
import type { SaveOutcome } from './save-for-later.ts';
import { choiceStyles } from '../shared/govuk/choice.styles.ts';
import { baseStyles, questionPageStyles } from '../shared/styles.ts';
import { emit } from '../shared/events.ts';
import { errorSummary } from '../shared/govuk/index.ts';
import { formStyles } from './asc-form.styles.ts';
import { pageContent, pageQuestions } from './questions/index.ts';
import { summaryListStyles } from '../shared/summary-list.styles.ts';
import { cancelDialog, CANCEL_DIALOG } from './cancel-dialog.ts';
import { accountGate, pageActions, progress, secondaryActions } from './page-parts.ts';
import { LoadingController } from './loading-controller.ts';
import { FocusController } from './focus-controller.ts';
import { NavigationController } from './navigation-controller.ts';
import { SavingController } from './saving-controller.ts';
import { SubmittingController } from './submitting-controller.ts';
import { CaptchaGate } from './captcha-gate.ts';
import { AnswersController } from './answers-controller.ts';
import { PrefillController } from './prefill-controller.ts';
import { createFormHost } from './form-host.ts';
import { PageMessages } from './page-messages.ts';
import { answersItAsks, replacedNotice, startedCurrentMessage } from './retired-version.ts';
import { OwnSession } from './own-session.ts';

/**
 * One form, one page at a time, from its definition: questions that appear and disappear with
 * their conditions, Next that validates with the precompiled validators, the GOV.UK error
 * summary, check-your-answers, and print.
 *
 * @summary A referral form rendered from its JSON definition.
 * @event {CustomEvent<AscPageChangeDetail>} asc-page-change - The person moved to another page.
 * @event {CustomEvent<AscValidationFailedDetail>} asc-validation-failed - Next or Submit found problems, now shown.
 * @event {CustomEvent<AscAnswersRequestDetail>} asc-save-request - Save for later was pressed (cancelable: a page that saves by itself, or asks the person to sign in first, cancels it).
 * @event {CustomEvent<AscSavedDetail>} asc-saved - The form was saved for later.
 * @event {CustomEvent<AscAnswersRequestDetail>} asc-submit-request - Submit was pressed on a complete form (cancelable: a page that sends the answers itself cancels it).
 * @event {CustomEvent<AscSubmittedDetail>} asc-submitted - The council's server has the form.
 * @event {CustomEvent<AscSignInRequestDetail>} asc-sign-in-request - Login or Register was pressed (cancelable).
 * @event {CustomEvent<AscFormEventBase>} asc-close - Close was pressed: leave the form, keeping the answers.
 * @event {CustomEvent<AscFormEventBase>} asc-cancel - The person confirmed Cancel: the answers are gone.
 * @csspart page - The page: heading, questions and buttons.
 * @csspart page-title - The page's heading.
 * @csspart progress - The progress text and bar.
 * @csspart question - Each question.
 * @csspart error-summary - The box listing what to fix.
 * @csspart actions - The Previous and Next (or Submit) buttons.
 * @csspart account-gate - The box asking a person who has not signed in to sign in or register.
 * @cssproperty [--asc-theme-font-family=system-ui, -apple-system, 'Segoe UI', Arial, sans-serif] - The typeface.
 * @cssproperty [--asc-colour-brand=#1d70b8] - The progress bar and notices.
 * @cssproperty [--asc-button-colour=#00703c] - The main buttons.
 */
export class AscForm extends LitElement {
  static override styles = [baseStyles, questionPageStyles, summaryListStyles, choiceStyles, formStyles];

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
  /** Who is signed in: questions the form fills in from the account (the referrer's name and email) use it. */
  @property({ attribute: false }) account?: AccountUser;
  /**
   * Ask for the check that the person is not a robot on the first page, before the form starts.
   * The check loads when the form first needs it.
   */
  @property({ type: Boolean, reflect: true }) captcha = false;
  /**
   * Who looks after signing in. `form` (the default, for a council's page): the form asks the
   * portal who is signed in, and shows its own sign-in, registration, Sign out and timeout warning.
   * `page`: the page around it sets `signed-in` and `account` and answers asc-sign-in-request (the portal does).
   */
  @property() session: 'form' | 'page' = 'form';

  private readonly messages = new PageMessages(
    this,
    (target) => this.focusing.after(target),
    () => this.loader.loaded?.form,
  );
  private readonly host = createFormHost(this, {
    form: () => this.loader.loaded?.form,
    canShow: (page) => !this.loader.needsMore(page),
    answers: () => this.typed.current,
    answersToSave: () => this.prefill.withoutUntouchedNow(this.typed.current),
    currentPage: () => this.navigation.pageOnScreen(),
    messages: this.messages,
    startCurrentVersion: () => this.startCurrentVersion(),
  });
  // A new form loads before the page asked for is looked at (the loader's hostUpdate runs first).
  private readonly loader = new LoadingController(this.host, (form) => {
    const replaced = this.saving.draft ? undefined : replacedNotice(form, () => this.startCurrentVersion());
    if (replaced) this.messages.showBanner(replaced, false);
    if (this.host.currentPage) this.navigation.announce(this.host.currentPage, 'start');
  });
  private readonly focusing = new FocusController(this.host);
  private readonly navigation = new NavigationController(this.host, this.focusing);
  private readonly saving = new SavingController(this.host);
  private readonly submitting = new SubmittingController(this.host, this.saving, this.focusing);
  private readonly captchaGate = new CaptchaGate(this.host);
  private readonly typed = new AnswersController(this.host, this.focusing);
  // After the navigation: it fills in the page about to be shown.
  private readonly prefill = new PrefillController(this.host, this.typed);
  private readonly own = new OwnSession(this, this.host, this.messages, {
    startAfresh: () => this.startAfresh(),
    focusHeading: () => this.focusing.after('heading'),
  });

  constructor() {
    super();
    // Added last: a page changed from outside is announced (asc-page-change) before focus moves
    // to its heading, so a screen reader reads the new title the portal gives it.
    this.addController(this.focusing);
  }

  /** The answers as typed so far (a copy). */
  get currentAnswers(): Answers {
    return structuredClone(this.typed.current);
  }

  /** Replaces the answers, as when a saved form is opened. */
  set currentAnswers(answers: Answers) {
    this.typed.replace(answers);
  }

  /** Whether there are answers on screen that are not saved (before the first save: whether there are any). */
  get hasUnsavedChanges(): boolean {
    // Being sent, or sent: nothing to save (and a save now would make a copy of a sent referral).
    if (this.submitting.sending || this.submitting.submitted) return false;
    return this.saving.differsFromSaved(this.host.answersToSave);
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
    this.messages.clearMessages();
    this.messages.banner = note;
    this.navigation.forgetReturn();
    this.focusing.after(note ? 'banner' : 'heading');
  }

  /**
   * Saves the answers for later (the person must be signed in), saying on the page how it went.
   * Resolves with the outcome, for a page that saves on the person's behalf (before a timeout).
   */
  saveForLater(options: { asNewCopy?: boolean } = {}): Promise<SaveOutcome> {
    return this.saving.saveForLater(options);
  }

  private onNext(event: Event): void {
    event.preventDefault();
    if (this.submitting.sending) return;
    const page = this.host.currentPage!;
    if (this.captchaGate.isNeeded(page)) return this.host.showErrors(page, [this.captchaGate.error(page)]);
    this.loader.whenChecking(page, () => this.navigation.next(page));
  }

  private onPrevious(): void {
    if (!this.submitting.sending) this.navigation.previous(this.host.currentPage!);
  }

  private onChange = (event: Event, pageId: string, path: string): void => {
    event.preventDefault();
    if (!this.submitting.sending) this.navigation.change(pageId, path);
  };

  private requestWithAnswers(type: 'asc-save-request' | 'asc-submit-request'): boolean {
    const { id: formId, version } = this.host.form!;
    const answers = this.host.form!.prepare(this.host.answers);
    return emit(this, type, { formId, version, pageId: this.host.currentPage!.id, answers }, true);
  }

  private onSave(): void {
    if (this.submitting.sending || !this.requestWithAnswers('asc-save-request')) return;
    if (this.signedIn) void this.saveForLater();
    else this.own.needed('save');
  }

  private onSubmit(): void {
    const errors = this.host.form!.errors(this.host.answers);
    if (errors.length) return this.host.showErrors(this.host.currentPage!, errors);
    if (this.submitting.sending || !this.requestWithAnswers('asc-submit-request')) return;
    if (this.signedIn) void this.submitting.submit();
    else this.own.needed('submit');
  }

  private onSignIn(): void {
    const { id: formId, version } = this.host.form!;
    const detail = { formId, version, pageId: this.host.currentPage!.id };
    if (emit(this, 'asc-sign-in-request', detail, true)) this.own.needed('gate');
  }

  /** The version on screen takes no new forms: the current one starts on its first page, with the answers it asks for. */
  private startCurrentVersion(): void {
    const answers = this.typed.current;
    this.version = undefined;
    this.loader.reload((form) => {
      this.startAfresh(answersItAsks(form, answers));
      this.messages.banner = startedCurrentMessage;
      this.focusing.after('banner');
    });
  }

  /** The first page, with these answers and nothing saved or sent. */
  private startAfresh(answers: Answers = {}): void {
    this.typed.replace(answers);
    this.host.clearMessages();
    this.saving.startFrom();
    this.submitting.reset();
    this.navigation.restart();
  }

  private onClose(): void {
    emit(this, 'asc-close', { formId: this.host.form!.id, version: this.host.form!.version });
  }

  private onCancelConfirmed(): void {
    const form = this.host.form!;
    this.startAfresh();
    emit(this, 'asc-cancel', { formId: form.id, version: form.version });
  }

  override render(): TemplateResult {
    const { loaded } = this.loader;
    if (this.loader.error)
      return errorSummary({ title: 'Sorry, this form cannot be opened', description: this.loader.error });
    const page = this.host.currentPage;
    const waiting = this.loader.waiting(page);
    if (waiting || !loaded || !page) return waiting!;
    const { form, council } = loaded;
    const answers = this.typed.current;
    const { sending, submitted } = this.submitting;
    // Check your answers, the printed copy and the confirmation come with the validators (later-parts.ts).
    const later = this.loader.later;
    const print = html`<div class="print-only">${loaded.opening || !later ? nothing : later.printout(form, council, answers, submitted)}</div>`;
    if (submitted && later)
      return html`${this.own.renderBar()}${later.confirmation(submitted, council, () => window.print(), this.account?.email, print)}`;
    if (this.own.showsScreens) return html`${this.own.renderBar()}<div part="page">${this.own.renderScreens()}</div>`;
    const isCheck = page.kind === 'checkAnswers';
    const { errors, errorAt } = this.messages;
    // Pages about the person referred come only after sign-in: nobody sees their questions without
    // an account (their text shows, as written for someone not signed in).
    const gated = form.requiresAccount(page.id) && !this.signedIn;
    return html`
      ${this.own.renderBar()}
      <div class="screen-only" part="page">
        <span class="caption">${form.definition.title}</span>
        <h1 tabindex="-1" part="page-title">${page.title}</h1>
        ${progress(page)}
        ${this.messages.render((error) => this.navigation.toError(error))}
        ${isCheck ? nothing : pageContent(form, page, answers, this.signedIn)}
        ${gated ? accountGate(loaded.accountGate, () => this.onSignIn()) : nothing}
        <form novalidate @submit=${this.onNext}>
          ${gated ? nothing : isCheck ? later!.checkAnswers(form, answers, this.onChange) : pageQuestions(form, page, answers, this.signedIn, (path, value) => this.typed.fieldContext(path, value, errorAt))}
          ${this.captchaGate.render(
            page,
            errorAt('captcha'),
            () => {
              this.messages.errors = errors.filter((x) => x.path !== 'captcha');
            },
            loaded.captcha,
          )}
          ${isCheck && !gated ? pageContent(form, page, answers, true) : nothing}
          ${pageActions({
            onPrevious: form.previousPage(page.id, answers) ? () => this.onPrevious() : undefined,
            next: !gated && !isCheck,
            onSubmit: !gated && isCheck && form.canSubmit(answers) ? () => this.onSubmit() : undefined,
            sending,
          })}
        </form>
        ${secondaryActions({
          sending,
          onSave: () => this.onSave(),
          onClose: () => this.onClose(),
          onCancel: () => {
            if (!sending) this.renderRoot.querySelector<HTMLDialogElement>(`#${CANCEL_DIALOG}`)?.showModal();
          },
        })}
        ${cancelDialog(this.saving.draft !== undefined, () => this.onCancelConfirmed())}
      </div>
      ${print}`;
  }
}
