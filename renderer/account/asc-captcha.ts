import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Challenge } from 'altcha/lib';
import { baseStyles } from '../shared/styles.ts';
import { choiceStyles } from '../shared/govuk/choice.styles.ts';
import { RequestRefused, getJson } from '../api-client.ts';
import { captchaApi } from '../captcha-api.ts';
import { emit, type AscCaptchaVerifiedDetail } from '../shared/events.ts';
import { describedBy, errorId, errorMessage, formGroup } from '../shared/govuk/index.ts';

declare global {
  interface HTMLElementTagNameMap {
    'asc-captcha': AscCaptcha;
  }
}

/** The checkbox's id; its error message's id grows from it (errorId), as a box's would. */
const BOX = 'captcha';
const STATUS = 'captcha-status';
const FAILED = 'The check that you are not a robot did not work: try again';
const NOT_LOADED = 'The check that you are not a robot did not load. Check your connection and try again.';
/** Longer than the work takes on the slowest phone (about a second), short enough not to hang. */
const WORK_TIMEOUT_MS = 60_000;

/**
 * The check that a person, not a script, is starting a form: one GOV.UK checkbox, "I am not a
 * robot", reached with Tab and ticked with Space. Ticking it fetches a challenge (ALTCHA's proof of
 * work: PBKDF2 guesses in WebCrypto, which the browser runs off the main thread), works out the
 * answer in the page and sends it to the server, which checks it once. The box stays unticked
 * until the server accepts the answer; the line under it says what is happening, for a screen
 * reader too. Then the element sends `asc-captcha-verified` with a token to show when the form is
 * started. Where the server's CAPTCHA setting is `off`, it sends the event at once and shows
 * nothing.
 *
 * @summary The captcha in front of a form's first page.
 * @event {CustomEvent<AscCaptchaVerifiedDetail>} asc-captcha-verified - The server accepted the answer.
 */
@customElement('asc-captcha')
export class AscCaptcha extends LitElement {
  // The error summary's link focuses this element: its checkbox takes the focus.
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    baseStyles,
    choiceStyles,
    css`
      :host { display: block; margin-bottom: 30px; }
      /* The element is spaced as a form group itself, by the margin above. */
      .form-group, .choice { margin-bottom: 0; }
      /* A line kept for what is happening, so nothing under the box moves when it is said; under the label's words, as a GOV.UK checkbox's hint. */
      .status { display: block; min-height: 1.3em; margin: 5px 0 0; padding-left: 55px; color: var(--asc-colour-secondary-text); }
      .verified { color: var(--asc-colour-success); font-weight: 700; }
    `,
  ];

  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The check the server asks for, where the page knows it already (a form's data says it): not asked again. */
  @property({ attribute: false }) known?: string;

  /** The proof that the server accepted the answer, once it has. */
  @property({ attribute: false }) token?: string;

  /** Which check the server asks for: unknown until its first answer. */
  @state() private provider?: string;
  @state() private error?: string;
  /** Working out and sending an answer; passed once `token` is set. */
  @state() private working = false;
  private work?: AbortController;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after its first update; the first time, willUpdate has what the form set.
    if (this.hasUpdated && !this.provider) void this.load();
  }

  override willUpdate(): void {
    // With `known`, the box shows in the first render: load() sets the provider before it awaits.
    if (!this.hasUpdated && !this.provider) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.work?.abort();
    // Taken off the page mid-check (the person went elsewhere): back, it starts from the box again.
    this.working = false;
  }

  /** Asks the server which check it wants; with none (CAPTCHA=off), passes straight away. */
  private async load(): Promise<void> {
    this.error = undefined;
    try {
      const provider = this.known ?? (await captchaApi.provider(this.apiBase));
      if (provider === 'off' && !(await this.check(null))) return;
      this.provider = provider;
    } catch {
      this.error = NOT_LOADED;
    }
  }

  /** Sends the answer to the server, which says whether it is good (once only). */
  private async check(payload: string | null): Promise<boolean> {
    let body: AscCaptchaVerifiedDetail;
    try {
      body = await captchaApi.verify(this.apiBase, payload);
    } catch (error) {
      this.error = error instanceof RequestRefused ? error.message : FAILED;
      return false;
    }
    this.error = undefined;
    this.token = body.token;
    emit(this, 'asc-captcha-verified', { token: body.token, expiresAt: body.expiresAt });
    return true;
  }

  /** A new challenge, its answer worked out here, in the form the server reads (ALTCHA's payload). */
  private async answer(work: AbortController): Promise<string | null> {
    // The solver comes with the first tick: showing the box needs none of it.
    const [challenge, { pbkdf2, solveChallenge }] = await Promise.all([
      getJson<Challenge>(captchaApi.challengeUrl(this.apiBase)),
      import('./captcha-solver.ts'),
    ]);
    if (work.signal.aborted) return null;
    const solution = await solveChallenge({
      challenge,
      controller: work,
      counterMode: 'uint32',
      deriveKey: pbkdf2.deriveKey,
      timeout: WORK_TIMEOUT_MS,
    });
    if (!solution) return null;
    const { parameters, signature } = challenge;
    return btoa(JSON.stringify({ challenge: { parameters, signature }, solution }));
  }

  private onTick = async (event: Event): Promise<void> => {
    const box = event.currentTarget as HTMLInputElement;
    // Ticked only by the server's answer: a tick while it works, or an untick once it has said yes, is undone.
    box.checked = this.token !== undefined;
    if (this.token !== undefined || this.working) return;
    this.working = true;
    const work = (this.work = new AbortController());
    try {
      const payload = await this.answer(work);
      if (work.signal.aborted) return;
      if (payload === null) this.error = FAILED;
      else await this.check(payload); // sets the token, or says why not
    } catch (error) {
      this.error = error instanceof RequestRefused ? error.message : NOT_LOADED;
    } finally {
      // Focus stays where the person is: on the box, unticked again for another try when refused.
      if (!work.signal.aborted) this.working = false;
    }
  };

  private status() {
    if (this.working) return 'Checking that you are not a robot…';
    if (this.token !== undefined) return html`<span class="verified">Verified</span>`;
    return nothing;
  }

  override render() {
    if (this.provider === 'off') return nothing;
    const error = errorMessage(BOX, this.error);
    if (!this.provider) {
      return this.error
        ? formGroup(
            html`<div role="alert">${error}<button type="button" class="link-button" @click=${() => this.load()}>Try again</button></div>`,
            { invalid: true },
          )
        : nothing;
    }
    // Not a box's error, so no "Error:" before it: it is the whole of what the element says.
    if (this.provider !== 'altcha')
      return html`<div role="alert">${errorMessage(BOX, `This page cannot show the check that you are not a robot (${this.provider}). Call us to make a referral.`, false)}</div>`;
    return formGroup(
      html`
        <div role="alert">${error}</div>
        <div class="checkboxes">
          <div class="choice">
            <input class="choice-input" type="checkbox" id=${BOX} .checked=${this.token !== undefined}
              aria-describedby=${describedBy(this.error && errorId(BOX), STATUS) ?? nothing} @change=${this.onTick}>
            <label class="choice-label" for=${BOX}>I am not a robot</label>
          </div>
        </div>
        <p class="status" id=${STATUS} role="status">${this.status()}</p>
      `,
      { invalid: !!this.error },
    );
  }
}
