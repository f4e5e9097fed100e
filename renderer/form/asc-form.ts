import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { capitalise, type AnswerValue, type Answers, type FieldError, type GroupItem, type ItemAnswers, type Page, type SummaryPage , type SavedDraft, type Submission } from '../../engine/runtime.ts';
import { fetchForm, type LoadedForm } from '../api-client.ts';
import { discardDraft, saveDraft, savedMessage, type SaveOutcome } from './save-for-later.ts';
import { confirmation, submitAnswers } from './submit-form.ts';
import { baseStyles } from '../shared/styles.ts';
import { contentBlock } from '../shared/rich-text.ts';
import { formStyles } from './styles.ts';
import { fieldId, renderItem, type FieldContext } from './questions.ts';
import { emit, type AscPageChangeDetail } from '../shared/events.ts';
import { setAt } from './answer-paths.ts';
import { buttonGroup, errorMessage, errorSummary, focusErrorSummary, formGroup, revealField } from '../shared/govuk/index.ts';

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
@customElement('asc-form')
export class AscForm extends LitElement {
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

  /** Proof from the server that this form was started by a person (kept in memory only, for sending with the form). */
  @state() private formStartToken?: string;
  /** The page the check was passed on, which thanks the person for it. */
  private captchaPassedOn?: string;

  @state() private loaded?: LoadedForm;
  @state() private loadError?: string;
  @state() private answers: Answers = {};
  @state() private errors: FieldError[] = [];
  /** A short announcement, read out politely (an item added, a save under way). */
  @state() private status?: TemplateResult;
  /** The outcome of a save, which takes focus so it is both seen and heard. */
  @state() private banner?: TemplateResult;
  private bannerGoesOnInput = false;
  /**
   * Set by a Change link on check-your-answers: Next then goes straight back there, unless the
   * change showed or hid pages (the person must then go through them). Holds the pages shown then.
   */
  @state() private returnToCheck: string | false = false;

  private get cancelDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('#cancel-dialog');
  }

  private focusAfterRender?: string | 'heading' | 'error-summary' | 'banner';
  private loadingKey = '';
  /** True while the form itself moves the person, so a change of pageId from outside can be told apart. */
  private movingItself = false;
  private announceAfterRender = false;

  /** The answers as typed so far (a copy). */
  get currentAnswers(): Answers {
    return structuredClone(this.answers);
  }

  /** Replaces the answers, as when a saved form is opened. */
  set currentAnswers(answers: Answers) {
    this.answers = structuredClone(answers);
  }

  /** The saved copy (draft) these answers are kept in, if any, and the answers as saved there. */
  private saved: { draft?: SavedDraft; answers: string } = { answers: '{}' };
  /** The save under way: a second request (a double click, the timeout's save) waits for it rather than race it. */
  private saving?: Promise<SaveOutcome>;
  /** Counts fresh starts (Cancel, a saved form opened): a save that finishes after one belongs to answers no longer here. */
  private generation = 0;

  /** Whether there are answers on screen that are not saved (before the first save: whether there are any). */
  get hasUnsavedChanges(): boolean {
    // Being sent, or sent: nothing to save (and a save now would make a copy of a sent referral).
    if (this.sending || this.submitted) return false;
    const form = this.loaded?.form;
    return JSON.stringify(form ? form.prepare(this.answers) : this.answers) !== this.saved.answers;
  }

  /** The id of the saved copy these answers are kept in; undefined until the form is saved. */
  get savedDraftId(): string | undefined {
    return this.saved.draft?.id;
  }

  /**
   * Carries on with a form saved for later: its form and version, its answers, the page it was
   * saved on. `note` is shown above the page (something the person should know as it opens).
   */
  openDraft(draft: SavedDraft, answers: Answers, note?: TemplateResult): void {
    this.generation++;
    this.saving = undefined;
    this.submitted = undefined;
    this.submitKey = undefined;
    this.formId = draft.formId;
    this.version = draft.formVersion;
    this.answers = structuredClone(answers);
    this.pageId = draft.pageId;
    this.saved = { draft, answers: JSON.stringify(answers) };
    this.errors = [];
    this.status = undefined;
    this.returnToCheck = false;
    this.banner = note;
    this.focusAfterRender = note ? 'banner' : 'heading';
  }

  /**
   * Saves the answers for later (the person must be signed in), saying on the page how it went.
   * Resolves with the outcome, for a page that saves on the person's behalf (before a timeout).
   */
  saveForLater(options: { asNewCopy?: boolean } = {}): Promise<SaveOutcome> {
    // A save asked for while one is under way waits for it, then saves again only if there is
    // more to save (a double click saves once; typing during the first save is not lost).
    const previous = this.saving;
    const next = previous
      ? previous.then((outcome) => (outcome.kind === 'saved' && this.hasUnsavedChanges ? this.save(options) : outcome))
      : this.save(options);
    const tracked: Promise<SaveOutcome> = next.finally(() => { if (this.saving === tracked) this.saving = undefined; });
    this.saving = tracked;
    return tracked;
  }

  private async save(options: { asNewCopy?: boolean }): Promise<SaveOutcome> {
    const loaded = this.loaded;
    const page = this.currentPage;
    if (!loaded || !page) return { kind: 'failed', message: 'The form has not loaded yet.' };
    const generation = this.generation;
    this.status = html`<p>Saving your form…</p>`;
    const request = { formId: loaded.form.id, formVersion: loaded.form.version, pageId: page.id, answers: loaded.form.prepare(this.answers) };
    const existing = options.asNewCopy ? undefined : this.saved.draft;
    const outcome = await saveDraft(this.apiBase, existing, request, options.asNewCopy);
    if (generation !== this.generation) {
      // Cancelled (or another saved form opened) while saving: a copy made just now is not wanted.
      if (outcome.kind === 'saved' && !existing) void discardDraft(this.apiBase, outcome.draft);
      return outcome;
    }
    if (outcome.kind === 'saved') this.saved = { draft: outcome.draft, answers: JSON.stringify(request.answers) };
    this.status = undefined;
    this.banner = savedMessage(outcome, () => void this.saveForLater({ asNewCopy: true }));
    // Only "saved" stops being true when the person types; a problem and its way out stay.
    this.bannerGoesOnInput = outcome.kind === 'saved';
    this.focusAfterRender = 'banner';
    if (outcome.kind === 'saved') emit(this, 'asc-saved', { formId: loaded.form.id, version: loaded.form.version, draftId: outcome.draft.id, deleteAt: outcome.draft.deleteAt });
    return outcome;
  }

  // A page that saves while the form is not on screen (after sign-in) asks for focus then: it is
  // given when the form is back, not spent while it is away.
  override connectedCallback(): void {
    super.connectedCallback();
    if (this.focusAfterRender) this.requestUpdate();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.apiBase}|${this.formId}|${this.version ?? ''}`;
    if ((changed.has('formId') || changed.has('version') || changed.has('apiBase')) && this.formId && key !== this.loadingKey) {
      this.loadingKey = key;
      void this.load(key);
    }
    if (changed.has('pageId') && !this.movingItself && this.loaded) {
      // Moved by the page around the form (browser back and forward): start the new page afresh.
      this.errors = [];
      this.status = undefined;
      this.banner = undefined;
      this.focusAfterRender ??= 'heading';
      this.announceAfterRender = true;
      this.returnToCheck = false;
    }
    this.movingItself = false;
  }

  private async load(key: string): Promise<void> {
    this.loaded = undefined;
    this.loadError = undefined;
    try {
      const loaded = await fetchForm(this.apiBase, this.formId, this.version);
      if (key !== this.loadingKey) return;
      this.loaded = loaded;
      const page = this.currentPage;
      if (page) this.announcePage(page, 'start');
    } catch (error) {
      if (key !== this.loadingKey) return;
      this.loadError = (error as Error).message;
    }
  }

  /** The page on screen: the one asked for if the answers show it, else the nearest shown page before it. */
  private get currentPage(): Page | undefined {
    const form = this.loaded?.form;
    if (!form) return undefined;
    const visible = form.visiblePages(this.answers);
    const wanted = form.pages.findIndex((page) => page.id === this.pageId);
    if (wanted < 0) return visible[0];
    return [...visible].reverse().find((page) => form.pages.indexOf(page) <= wanted) ?? visible[0];
  }

  private announcePage(page: Page, cause: AscPageChangeDetail['cause']): void {
    const form = this.loaded!.form;
    emit(this, 'asc-page-change', { formId: form.id, version: form.version, pageId: page.id, pageTitle: page.title, progress: page.progress, cause });
  }

  private goTo(page: Page, cause: AscPageChangeDetail['cause'], focus: string = 'heading'): void {
    this.movingItself = true;
    this.pageId = page.id;
    this.errors = [];
    this.status = undefined;
    this.banner = undefined;
    this.focusAfterRender = focus;
    this.announcePage(page, cause);
  }

  protected override updated(): void {
    if (this.announceAfterRender && this.currentPage) {
      this.announceAfterRender = false;
      this.announcePage(this.currentPage, 'host');
    }
    const target = this.focusAfterRender;
    if (!target || !this.loaded || !this.isConnected) return;
    this.focusAfterRender = undefined;
    if (target === 'heading') {
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
      if (typeof this.scrollIntoView === 'function') this.scrollIntoView({ block: 'start' });
    } else if (target === 'error-summary') {
      focusErrorSummary(this.renderRoot);
    } else if (target === 'banner') {
      this.renderRoot.querySelector<HTMLElement>('.banner')?.focus();
    } else {
      this.focusField(target);
    }
  }

  /** Moves focus to the box of an answer path, and its label into view, as GOV.UK's error summary does. */
  private focusField(path: string): void {
    // "carers.1" names a whole item of a repeatable group (one just added): its first box.
    const item = /^(.+)\.(\d+)$/.exec(path);
    const field = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldId(path))}`)
      ?? (item ? this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`${fieldId(item[1]!)}-item-${item[2]}`)} :is(input, select, textarea)`) : null)
      ?? this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(fieldId(path.split('.')[0]!))}`);
    if (field) revealField(field);
  }

  private setAnswer = (path: string, value: AnswerValue | undefined): void => {
    this.answers = setAt(this.answers, path, value);
    // "Your form has been saved" stops being true at the next keystroke.
    if (this.bannerGoesOnInput) this.banner = undefined;
  };

  private fieldContext(path: string, value: AnswerValue | undefined): FieldContext {
    const form = this.loaded!.form;
    return {
      path,
      value,
      errorAt: (at) => this.errors.find((error) => error.path === at)?.message,
      set: this.setAnswer,
      isShown: (item: GroupItem, at: { group: string; index: number }) => form.isShown(item, this.answers, at),
      addItem: (at) => {
        const items = [...((this.answers[at] as ItemAnswers[] | undefined) ?? []), {}];
        this.setAnswer(at, items);
        this.focusAfterRender = `${at}.${items.length - 1}`;
        this.status = html`<p>${this.itemName(at)} ${items.length} added.</p>`;
      },
      removeItem: (at, index) => {
        const items = ((this.answers[at] as ItemAnswers[] | undefined) ?? []).filter((_, i) => i !== index);
        this.setAnswer(at, items.length ? items : undefined);
        this.errors = this.errors.filter((error) => !error.path.startsWith(`${at}.`));
        this.focusAfterRender = at;
        this.status = html`<p>${this.itemName(at)} ${index + 1} removed.</p>`;
      },
    };
  }

  private itemName(groupId: string): string {
    const group = this.loaded!.form.pages.flatMap((page) => page.questions ?? []).find((q) => 'id' in q && q.id === groupId);
    return capitalise(group && group.type === 'group' ? group.itemName : 'item');
  }

  private onNext(event: Event): void {
    if (this.sending) { event.preventDefault(); return; }
    event.preventDefault();
    const form = this.loaded!.form;
    const page = this.currentPage!;
    if (this.needsCaptcha(page)) {
      return this.showErrors(page, [{ pageId: page.id, questionId: 'captcha', path: 'captcha', message: 'Confirm that you are not a robot: select the box' }]);
    }
    const errors = form.pageErrors(page.id, this.answers);
    if (errors.length) return this.showErrors(page, errors);
    const check = form.pages.at(-1)!;
    const samePages = this.returnToCheck === form.visiblePages(this.answers).map((p) => p.id).join(' ');
    const next = samePages ? check : form.nextPage(page.id, this.answers);
    this.returnToCheck = false;
    if (next) this.goTo(next, 'next');
  }

  private showErrors(page: Page, errors: FieldError[]): void {
    const form = this.loaded!.form;
    this.errors = errors;
    this.focusAfterRender = 'error-summary';
    emit(this, 'asc-validation-failed', { formId: form.id, version: form.version, pageId: page.id, errors });
  }

  /**
   * The form starts on whichever page the person first sees (a link may open a later one): until
   * the check is passed, Next waits for it there.
   */
  private needsCaptcha(page: Page): boolean {
    return this.captcha && !this.formStartToken && (this.signedIn || !this.loaded!.form.requiresAccount(page.id));
  }

  private renderCaptcha(page: Page): TemplateResult | typeof nothing {
    const thanks = this.formStartToken && this.captchaPassedOn === page.id;
    if (!this.needsCaptcha(page) && !thanks) return nothing;
    const error = this.errors.find((e) => e.path === 'captcha')?.message;
    return formGroup(html`
        <p class="label" id="captcha-label">Check that you are not a robot</p>
        ${errorMessage('captcha', error)}
        ${this.formStartToken
          ? html`<p>Thank you: you can start the form.</p>`
          : html`<asc-captcha id=${fieldId('captcha')} api-base=${this.apiBase}
              @asc-captcha-verified=${(e: CustomEvent<{ token: string }>) => {
                this.captchaPassedOn = page.id;
                this.formStartToken = e.detail.token;
                this.errors = this.errors.filter((x) => x.path !== 'captcha');
              }}></asc-captcha>`}`, { invalid: !!error, part: 'question' });
  }

  private onPrevious(): void {
    if (this.sending) return;
    this.returnToCheck = false;
    const previous = this.loaded!.form.previousPage(this.currentPage!.id, this.answers);
    if (previous) this.goTo(previous, 'previous');
  }

  private onChange(event: Event, pageId: string, path: string): void {
    event.preventDefault();
    if (this.sending) return;
    this.returnToCheck = this.loaded!.form.visiblePages(this.answers).map((p) => p.id).join(' ');
    this.goTo(this.loaded!.form.page(pageId), 'change', path);
  }

  private requestWithAnswers(type: 'asc-save-request' | 'asc-submit-request'): boolean {
    const form = this.loaded!.form;
    return emit(this, type, { formId: form.id, version: form.version, pageId: this.currentPage!.id, answers: form.prepare(this.answers) }, true);
  }

  private onSave(): void {
    if (this.sending) return;
    if (!this.requestWithAnswers('asc-save-request')) return;
    if (this.signedIn) {
      void this.saveForLater();
    } else {
      this.banner = html`<p><strong>To save this form for later, you need to sign in.</strong></p>`;
      this.focusAfterRender = 'banner';
    }
  }

  private onSubmit(): void {
    const form = this.loaded!.form;
    const page = this.currentPage!;
    const errors = form.errors(this.answers);
    if (errors.length) return this.showErrors(page, errors);
    if (this.sending || !this.requestWithAnswers('asc-submit-request')) return;
    if (!this.signedIn) {
      this.banner = html`<p><strong>To submit this form, you need to sign in.</strong></p>`;
      this.focusAfterRender = 'banner';
      return;
    }
    this.sending = true;
    void this.submit().finally(() => { this.sending = false; });
  }

  /** Whether the form is being sent: Submit, Save, Cancel and the ways to other pages wait until it is. */
  @state() private sending = false;
  /** One key for every try of this submission, so a retry is never a second referral; a new one after it is sent. */
  private submitKey?: string;
  /** The council's server has the form: the page shows the confirmation in its place. */
  @state() private submitted?: Submission;

  /** Whether this form has been sent (it shows its confirmation; a page may let it go when the person leaves). */
  get isSubmitted(): boolean {
    return this.submitted !== undefined;
  }

  private async submit(): Promise<void> {
    const loaded = this.loaded!;
    const answers = loaded.form.prepare(this.answers);
    this.submitKey ??= crypto.randomUUID();
    this.banner = undefined;
    this.status = html`<p>Sending your form…</p>`;
    const outcome = await submitAnswers(this.apiBase, {
      formId: loaded.form.id, formVersion: loaded.form.version, answers, idempotencyKey: this.submitKey, ...(this.saved.draft ? { draftId: this.saved.draft.id } : {}),
    });
    this.status = undefined;
    switch (outcome.kind) {
      case 'submitted':
        this.submitted = outcome.submission;
        this.submitKey = undefined;
        // Sent is as good as saved: leaving the page now loses nothing.
        this.saved = { answers: JSON.stringify(answers) };
        this.focusAfterRender = 'heading';
        emit(this, 'asc-submitted', { formId: loaded.form.id, version: loaded.form.version, submissionId: outcome.submission.id, reference: outcome.submission.reference });
        return;
      case 'refused': {
        // The server's own check found what this page did not (a date that has since passed, say).
        const pageOf = (path: string) => loaded.form.pages.find((p) => (p.questions ?? []).some((q) => 'id' in q && q.id === path.split('.')[0]))?.id ?? this.currentPage!.id;
        return this.showErrors(this.currentPage!, outcome.fields.map((f) => ({ pageId: pageOf(f.field), questionId: f.field.split('.')[0]!, path: f.field, message: f.message })));
      }
      case 'signed-out':
        this.banner = html`<h2>Your form has not been sent</h2><p>You have been signed out. Sign in again, then press Submit.</p>`;
        break;
      case 'failed':
        this.banner = html`<h2>Your form has not been sent</h2><p>${outcome.message}</p>`;
        break;
    }
    this.bannerGoesOnInput = false;
    this.focusAfterRender = 'banner';
  }

  private onSignIn(): void {
    const form = this.loaded!.form;
    if (!emit(this, 'asc-sign-in-request', { formId: form.id, version: form.version, pageId: this.currentPage!.id }, true)) return;
    this.status = html`<p><strong>Signing in is not available on this page.</strong> Open the form on the council's portal to sign in.</p>`;
  }

  private onClose(): void {
    const form = this.loaded!.form;
    emit(this, 'asc-close', { formId: form.id, version: form.version });
  }

  private onCancelConfirmed(): void {
    const form = this.loaded!.form;
    this.cancelDialog?.close();
    this.answers = {};
    this.errors = [];
    this.status = undefined;
    this.banner = undefined;
    this.returnToCheck = false;
    this.saved = { answers: '{}' };
    this.generation++;
    this.saving = undefined;
    this.submitted = undefined;
    this.submitKey = undefined;
    this.movingItself = true;
    this.pageId = form.pages[0]!.id;
    emit(this, 'asc-cancel', { formId: form.id, version: form.version });
  }

  override render(): TemplateResult {
    if (this.loadError) {
      return errorSummary({ title: 'Sorry, this form cannot be opened', description: this.loadError });
    }
    const page = this.currentPage;
    if (!this.loaded || !page) return html`<p role="status">Loading the form…</p>`;
    if (this.submitted) {
      return html`
        <div class="screen-only" part="page">${confirmation(this.submitted, this.loaded.council, () => window.print())}</div>
        <div class="print-only">${this.renderPrint()}</div>`;
    }
    const form = this.loaded.form;
    const isCheck = page.kind === 'checkAnswers';
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
        ${this.renderErrorSummary()}
        ${this.banner ? html`<div class="status banner" tabindex="-1">${this.banner}</div>` : nothing}
        <div role="status" aria-live="polite">${this.status ? html`<div class="status">${this.status}</div>` : nothing}</div>
        ${gated ? this.renderAccountGate() : nothing}
        ${isCheck || gated ? nothing : this.renderContent(page)}
        <form novalidate @submit=${this.onNext}>
          ${gated ? nothing : isCheck ? this.renderCheckAnswers() : this.renderQuestions(page)}
          ${this.renderCaptcha(page)}
          ${isCheck && !gated ? this.renderContent(page) : nothing}
          ${buttonGroup(html`
            ${form.previousPage(page.id, this.answers)
              ? html`<button type="button" class="button secondary" @click=${this.onPrevious}><span aria-hidden="true">← </span>Previous</button>`
              : nothing}
            ${gated ? nothing : isCheck
              ? (form.canSubmit(this.answers) ? html`<button type="button" class="button" aria-disabled=${this.sending ? 'true' : 'false'} @click=${this.onSubmit}>${this.sending ? 'Sending…' : 'Submit'}</button>` : nothing)
              : html`<button type="submit" class="button">Next<span aria-hidden="true"> →</span></button>`}`, { className: 'actions', part: 'actions' })}
        </form>
        <div class="secondary-actions">
          <button type="button" class="link-button" @click=${() => window.print()}>Print</button>
          <button type="button" class="link-button" @click=${this.onSave}>Save for later</button>
          <button type="button" class="link-button" @click=${this.onClose}>Close</button>
          <button type="button" class="link-button" aria-disabled=${this.sending ? 'true' : 'false'} @click=${() => { if (!this.sending) this.cancelDialog?.showModal(); }}>Cancel</button>
        </div>
        <dialog id="cancel-dialog" aria-labelledby="cancel-title" aria-describedby="cancel-text">
          <h2 id="cancel-title">Cancel this form?</h2>
          <p id="cancel-text">${this.saved.draft
            ? 'The answers on screen will be cleared. The copy you saved stays in Saved forms until you delete it there, or for 30 days from when you saved it.'
            : 'Your answers will be deleted. This cannot be undone.'}</p>
          ${buttonGroup(html`
            <button type="button" class="button warning" @click=${this.onCancelConfirmed}>${this.saved.draft ? 'Yes, cancel and clear the screen' : 'Yes, cancel and delete my answers'}</button>
            <button type="button" class="button secondary" @click=${() => this.cancelDialog?.close()}>No, go back to the form</button>`)}
        </dialog>
      </div>
      <div class="print-only">${this.renderPrint()}</div>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    return errorSummary({
      errors: this.errors.map((error) => ({ ...error, fieldId: fieldId(error.path) })),
      onLink: (error) => this.onErrorLink(error),
    });
  }

  private onErrorLink(error: FieldError): void {
    if (error.pageId !== this.currentPage?.id) return this.goTo(this.loaded!.form.page(error.pageId), 'change', error.path);
    this.focusField(error.path);
  }

  private renderAccountGate(): TemplateResult {
    return html`
      <div class="notice" part="account-gate">
        ${this.loaded!.accountGate.map(contentBlock)}
        <button type="button" class="button" @click=${this.onSignIn}>Login or Register</button>
      </div>`;
  }

  /** The page's text: above the questions, but on check-your-answers after the answers, next to Submit, where "what happens next" belongs. */
  private renderContent(page: Page): TemplateResult {
    const form = this.loaded!.form;
    return html`${(page.content ?? []).filter((block) => form.isShown(block, this.answers)).map(contentBlock)}`;
  }

  private renderQuestions(page: Page): TemplateResult {
    const form = this.loaded!.form;
    return html`${(page.questions ?? []).filter((item) => form.isShown(item, this.answers)).map((item) => {
      const id = 'id' in item && item.id ? item.id : '';
      return renderItem(item, this.fieldContext(id, this.answers[id]));
    })}`;
  }

  private renderSummary(summary: SummaryPage[], withChange: boolean): TemplateResult {
    return html`${summary.map((page) => html`
      <h2 class="summary-heading">${page.title}</h2>
      <dl class="summary-list">
        ${page.rows.map((row) => html`
          <div class="summary-row">
            <dt>${row.label}</dt>
            <dd>${row.lines.join('\n')}</dd>
            ${withChange ? html`<dd class="change"><a href="#${fieldId(row.path)}" @click=${(e: Event) => this.onChange(e, page.pageId, row.path)}>Change<span class="visually-hidden"> ${row.label}</span></a></dd>` : nothing}
          </div>`)}
      </dl>`)}`;
  }

  private renderCheckAnswers(): TemplateResult {
    const form = this.loaded!.form;
    const missing = form.errors(this.answers);
    return html`
      ${missing.length ? html`
        <div class="notice">
          <h2>You cannot submit this form yet</h2>
          <p>These answers are missing or need changing:</p>
          <ul>${missing.map((error) => html`<li><a href="#${fieldId(error.path)}" @click=${(e: Event) => this.onChange(e, error.pageId, error.path)}>${error.message}</a> (${form.page(error.pageId).title})</li>`)}</ul>
        </div>` : nothing}
      ${this.renderSummary(form.summary(this.answers), true)}`;
  }

  private renderPrint(): TemplateResult {
    const { form, council } = this.loaded!;
    return html`
      <h1>${form.definition.title}</h1>
      <p>${council.serviceName}. Printed ${new Date().toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}. ${this.submitted ? `Submitted, reference ${this.submitted.reference}.` : 'Not submitted.'}</p>
      ${this.renderSummary(form.summary(this.answers), false)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asc-form': AscForm;
  }
}

