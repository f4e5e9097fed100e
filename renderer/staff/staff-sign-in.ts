import { html, type TemplateResult } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import type { StaffEnrolment, StaffNext, StaffSignedInBody } from '../../engine/runtime.ts';
import { staffApi } from '../staff-api.ts';
import type { AccountFormController } from '../account/account-form.ts';
import { passwordFields } from '../account/password-fields.ts';

export type StaffStep = 'sign-in' | 'set-up' | 'enrol' | 'code' | 'recovery-codes';

/** What the sign-in steps need from the element that shows them. */
export interface StaffSignInHost {
  readonly apiBase: string;
  requestUpdate(): void;
  /** Signed in: the element shows the staff's pages. */
  signedIn(body: StaffSignedInBody): void;
}

const link = (text: string, go: () => void) =>
  html`<a href="#" @click=${(e: Event) => {
    e.preventDefault();
    go();
  }}>${text}</a>`;

/**
 * Staff signing in: email and password, then the code from their authenticator app (or a recovery
 * code); the first time, the set-up code council IT gave them and a new password, then adding the
 * portal to the app from a QR code (or its key, typed in), and the recovery codes, shown once.
 */
export class StaffSignInFlow {
  step: StaffStep = 'sign-in';
  private enrolment?: StaffEnrolment;
  private signedInBody?: StaffSignedInBody;

  constructor(
    private readonly host: StaffSignInHost,
    private readonly form: AccountFormController,
  ) {}

  go(step: StaffStep, keep: readonly string[] = []): void {
    this.step = step;
    this.form.start(keep);
    this.host.requestUpdate();
  }

  /** Signed out, or timed out: back to the start, saying why. */
  restart(message?: string): void {
    this.enrolment = undefined;
    this.go('sign-in', ['email']);
    if (message) this.form.say(message);
  }

  private readonly afterPassword = (next: StaffNext) => {
    if (next.next === 'enrol') {
      this.enrolment = next.enrolment;
      this.go('enrol');
    } else this.go('code');
  };

  private submit(event: Event, work: () => Promise<void>): void {
    event.preventDefault();
    void this.form.attempt(work, () => this.restart());
  }

  render(): TemplateResult {
    switch (this.step) {
      case 'set-up':
        return html`
          <h1 tabindex="-1">Set up your staff account</h1>
          <p>Council IT gave you a set-up code, in person or by phone. It works once, for 72 hours.</p>
          <form novalidate @submit=${(e: Event) =>
            this.submit(e, async () =>
              this.afterPassword(
                await staffApi.setUp(this.host.apiBase, {
                  email: this.form.value('email'),
                  setupCode: this.form.value('setupCode'),
                  password: this.form.value('password'),
                  confirmPassword: this.form.value('confirmPassword'),
                }),
              ),
            )}>
            ${this.form.field('email', 'Your work email address', { type: 'email', autocomplete: 'username' })}
            ${this.form.field('setupCode', 'Set-up code', { hint: 'For example, ABCD-EFGH-JKLM', width: 'width-10' })}
            ${passwordFields(this.form, 'Choose a password')}
            <button type="submit" class="button" ?disabled=${this.form.busy}>Continue</button>
          </form>
          <p>${link('I have set up my account: sign in', () => this.go('sign-in', ['email']))}</p>`;
      case 'enrol':
        return html`
          <h1 tabindex="-1">Add the portal to your authenticator app</h1>
          <p>Each time you sign in, you will also enter a code from an authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator.</p>
          <ol class="steps">
            <li>Open the app and choose to add an account.</li>
            <li>
              <p>Scan this QR code with it.</p>
              <div class="qr" role="img" aria-label="QR code for your authenticator app">${unsafeSVG(this.enrolment?.qrSvg ?? '')}</div>
              <details>
                <summary>I cannot scan the QR code</summary>
                <div class="details-text"><p>Choose to enter a key in the app, and type this key (spaces do not matter):</p><p class="key">${this.enrolment?.secret}</p></div>
              </details>
            </li>
            <li>Enter the 6-digit code the app now shows for the portal.</li>
          </ol>
          <form novalidate @submit=${(e: Event) =>
            this.submit(e, async () => {
              this.signedInBody = await staffApi.enrol(this.host.apiBase, this.form.value('code'));
              this.go('recovery-codes');
            })}>
            ${this.codeField('The 6 digits the app shows', true)}
            <button type="submit" class="button" ?disabled=${this.form.busy}>Continue</button>
          </form>`;
      case 'code':
        return html`
          <h1 tabindex="-1">Enter the code from your authenticator app</h1>
          <form novalidate @submit=${(e: Event) =>
            this.submit(e, async () =>
              this.host.signedIn(await staffApi.code(this.host.apiBase, this.form.value('code'))),
            )}>
            ${this.codeField('The 6 digits your app shows now. Without your phone, enter one of your recovery codes instead.')}
            <button type="submit" class="button" ?disabled=${this.form.busy}>Sign in</button>
          </form>
          <p>Lost your phone and your recovery codes? Ask council IT to reset your account.</p>`;
      case 'recovery-codes':
        return html`
          <h1 tabindex="-1">Keep your recovery codes</h1>
          <p>Each code lets you sign in once without your phone. Print them, or keep them somewhere safe that is not your phone. You will not see them again.</p>
          <ul class="recovery-codes">${(this.signedInBody?.recoveryCodes ?? []).map((code) => html`<li>${code}</li>`)}</ul>
          <div class="button-group">
            <button type="button" class="button" @click=${() => this.host.signedIn(this.signedInBody!)}>I have kept them: continue</button>
            <button type="button" class="button secondary" @click=${() => window.print()}>Print them</button>
          </div>`;
      default:
        return html`
          <h1 tabindex="-1">Sign in to the staff pages</h1>
          <form novalidate @submit=${(e: Event) =>
            this.submit(e, async () =>
              this.afterPassword(
                await staffApi.signIn(this.host.apiBase, {
                  email: this.form.value('email'),
                  password: this.form.value('password'),
                }),
              ),
            )}>
            ${this.form.field('email', 'Work email address', { type: 'email', autocomplete: 'username' })}
            ${this.form.field('password', 'Password', { type: 'password', autocomplete: 'current-password' })}
            <p class="hint">You will then enter a code from your authenticator app.</p>
            <button type="submit" class="button" ?disabled=${this.form.busy}>Continue</button>
          </form>
          <h2>First time here?</h2>
          <p>${link('Set up your staff account', () => this.go('set-up', ['email']))} with the set-up code council IT gave you.</p>
          <p>Forgotten your password, or lost your phone? Ask council IT to reset your account.</p>`;
    }
  }

  /** The code box: digits only when a recovery code (letters) cannot be the answer. */
  private codeField(hint: string, digitsOnly = false): TemplateResult {
    return this.form.field('code', 'Code', {
      hint,
      autocomplete: 'one-time-code',
      inputmode: digitsOnly ? 'numeric' : undefined,
      width: 'width-10',
    });
  }
}
