/**
 * The check that the person is not a robot, before a form starts: Next waits for it on whichever
 * page the person first sees (a link may open a later one), and that page thanks them once passed.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FieldError, Page } from '../../engine/runtime.ts';
import { errorMessage, fieldId, formGroup } from '../shared/govuk/index.ts';

import type { FormHost, FormSettings } from './form-host.ts';

/** What the gate reads from its host: whether to ask at all, and who is asking. */
export interface CaptchaHost extends ReactiveControllerHost, Pick<FormHost, 'form'> {
  readonly element: Pick<FormSettings, 'apiBase' | 'signedIn' | 'captcha'>;
}

let captchaRequested = false;

/** <asc-captcha> comes with the first form that asks for it, where the page has not defined it already (the portal's bundle does). */
function defineCaptcha(): void {
  if (customElements.get('asc-captcha')) return;
  if (captchaRequested) return;
  captchaRequested = true;
  import('../account/asc-captcha.ts').catch(() => {
    captchaRequested = false; // the next render tries again
  });
}

/**
 * Asks the host to render when its state changes. From the host's first update it loads
 * <asc-captcha>, alongside the form itself, so that the box shows with the form's first page.
 */
export class CaptchaGate implements ReactiveController {
  /** Proof from the server that this form was started by a person (kept in memory only). */
  private token?: string;
  /** The page the check was passed on, which thanks the person for it. */
  private passedOn?: string;

  constructor(private readonly host: CaptchaHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.host.element.captcha && !this.token) defineCaptcha();
  }

  /** Whether Next on `page` must wait for the check. */
  isNeeded(page: Page): boolean {
    return (
      this.host.element.captcha &&
      !this.token &&
      (this.host.element.signedIn || !this.host.form!.requiresAccount(page.id))
    );
  }

  /** What Next on `page` says while the check waits. */
  error(page: Page): FieldError {
    return {
      pageId: page.id,
      questionId: 'captcha',
      path: 'captcha',
      message: 'Confirm that you are not a robot: select the box',
    };
  }

  /**
   * The check (or the thanks for it) on `page`, with its error; `onPassed` runs once the server
   * accepts the answer. `provider`: the check the server asks for, as the form's data says it.
   */
  render(
    page: Page,
    error: string | undefined,
    onPassed: () => void,
    provider: string,
  ): TemplateResult | typeof nothing {
    const thanks = this.token && this.passedOn === page.id;
    if (!this.isNeeded(page) && !thanks) return nothing;
    if (!this.token) defineCaptcha();
    return formGroup(
      html`
      <p class="label" id="captcha-label">Check that you are not a robot</p>
      ${errorMessage('captcha', error)}
      <asc-captcha id=${fieldId('captcha')} api-base=${this.host.element.apiBase} .token=${this.token} .known=${provider}
        @asc-captcha-verified=${(e: CustomEvent<{ token: string }>) => {
          this.passedOn = page.id;
          this.token = e.detail.token;
          onPassed();
          this.host.requestUpdate();
        }}></asc-captcha>
      ${this.token ? html`<p>Thank you: you can start the form.</p>` : nothing}`,
      { invalid: !!error, part: 'question' },
    );
  }
}
