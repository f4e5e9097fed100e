import { LitElement, css, html, nothing, type CSSResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { State } from 'altcha/lib';
import { baseStyles } from '../shared/styles.ts';
import { RequestRefused } from '../api-client.ts';
import { captchaApi } from '../captcha-api.ts';
import { emit, type AscCaptchaVerifiedDetail } from '../shared/events.ts';
import { errorId, errorMessage, formGroup } from '../shared/govuk/index.ts';

declare global {
  interface HTMLElementTagNameMap {
    'asc-captcha': AscCaptcha;
  }
}

/** The id its error message grows from (errorId), as a box's would. */
const ERROR_FOR = 'captcha';
const FAILED = 'The check that you are not a robot did not work: try again';
const NOT_LOADED = 'The check that you are not a robot did not load. Check your connection and try again.';

// The widget's settings: no logo or link to altcha.org (nothing that leaves the form), no
// pointer tracking (the server does not ask for it), and English whatever the browser's language.
const WIDGET_CONFIGURATION = JSON.stringify({
  hideFooter: true,
  hideLogo: true,
  humanInteractionSignature: false,
  language: 'en',
});

let widgetLoaded: Promise<typeof import('./altcha-widget.ts')> | undefined;

/** The widget's code and style sheet (about 35 KB gzipped) come with the first <asc-captcha>, not with every page of the portal. */
function loadWidget(): Promise<typeof import('./altcha-widget.ts')> {
  widgetLoaded ??= import('./altcha-widget.ts').catch((error: unknown) => {
    widgetLoaded = undefined; // so Try again loads it again
    throw error;
  });
  return widgetLoaded;
}

/**
 * The check that a person, not a script, is starting a form: the ALTCHA widget ("I am not a
 * robot", a checkbox reached with Tab and ticked with Space), whose answer the server checks once.
 * When the server accepts it, the element sends `asc-captcha-verified` with a token to show when
 * the form is started. Where the server's CAPTCHA setting is `off`, it sends the event at once and
 * shows nothing.
 *
 * @summary The captcha in front of a form's first page.
 * @event {CustomEvent<AscCaptchaVerifiedDetail>} asc-captcha-verified - The server accepted the answer.
 * @cssproperty [--altcha-checkbox-size=32px] - The size of the checkbox.
 */
@customElement('asc-captcha')
export class AscCaptcha extends LitElement {
  // The error summary's link focuses this element: its checkbox takes the focus.
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    baseStyles,
    // The widget's own style sheet goes here once it has loaded (adoptWidgetStyles), before this
    // one, which sets its custom properties.
    css`
      :host {
        --altcha-checkbox-size: 32px;
        --altcha-checkbox-border-width: 2px;
        --altcha-checkbox-border-color: var(--asc-colour-input-border);
        --altcha-checkbox-outline: 3px solid var(--asc-colour-focus);
        --altcha-checkbox-outline-offset: 0;
        --altcha-color-primary: var(--asc-colour-text);
        --altcha-color-success: var(--asc-colour-success);
        --altcha-color-error: var(--asc-colour-error);
        --altcha-border-color: var(--asc-colour-border);
        --altcha-border-radius: 0;
        margin-bottom: 30px;
      }
      /* The element is spaced as a form group itself, by the margin above. */
      .form-group { margin-bottom: 0; }
      @media (prefers-reduced-motion: reduce) { :host { --altcha-transition-duration: 0s; } }
    `,
  ];

  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The proof that the server accepted the answer, once it has. */
  @property({ attribute: false }) token?: string;

  /** Which check the server asks for: unknown until its first answer. */
  @state() private provider?: string;
  @state() private error?: string;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.provider) void this.load();
  }

  /** Asks the server which check it wants; with none (CAPTCHA=off), passes straight away. */
  private async load(): Promise<void> {
    this.error = undefined;
    try {
      const provider = await captchaApi.provider(this.apiBase);
      if (provider === 'off' && !(await this.check(null))) return;
      if (provider === 'altcha') this.adoptWidgetStyles((await loadWidget()).widgetStyles);
      this.provider = provider;
    } catch {
      this.error = NOT_LOADED;
    }
  }

  /**
   * The widget draws into its own element in our shadow root, so its style sheet is adopted here,
   * after the base styles and before ours (the last sheet), whose custom properties it reads.
   */
  private adoptWidgetStyles(styles: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = styles.styleSheet;
    if (!sheet || root.adoptedStyleSheets.includes(sheet)) return;
    const sheets = root.adoptedStyleSheets;
    root.adoptedStyleSheets = [...sheets.slice(0, -1), sheet, ...sheets.slice(-1)];
  }

  /** Sends the widget's answer to the server, which says whether it is good (once only). */
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

  private onWidgetVerified = async (event: CustomEvent<{ payload: string }>): Promise<void> => {
    const widget = event.currentTarget as HTMLElementTagNameMap['altcha-widget'];
    this.busy = true;
    const accepted = await this.check(event.detail.payload);
    this.busy = false;
    if (!accepted) {
      // Unticked, so the next tick fetches a new challenge; focus stays where the person is.
      widget.reset('unverified' as State);
      await this.updateComplete;
      widget.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
    }
  };

  protected override updated(): void {
    // As GOV.UK's error messages do: the message joins the description of the box it is about.
    const checkbox = this.renderRoot.querySelector<HTMLInputElement>('altcha-widget input[type="checkbox"]');
    if (this.error) checkbox?.setAttribute('aria-describedby', errorId(ERROR_FOR));
    else checkbox?.removeAttribute('aria-describedby');
  }

  override render() {
    if (this.provider === 'off') return nothing;
    const error = errorMessage(ERROR_FOR, this.error);
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
      return html`<div role="alert">${errorMessage(ERROR_FOR, `This page cannot show the check that you are not a robot (${this.provider}). Call us to make a referral.`, false)}</div>`;
    return html`
      <div aria-busy=${this.busy ? 'true' : 'false'}>
        ${formGroup(
          html`
          <div role="alert">${error}</div>
          <altcha-widget
            challenge=${captchaApi.challengeUrl(this.apiBase)}
            configuration=${WIDGET_CONFIGURATION}
            @verified=${this.onWidgetVerified}
          ></altcha-widget>`,
          { invalid: !!this.error },
        )}
      </div>
    `;
  }
}
