import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { checkPasswordRules, SPECIAL_CHARACTERS } from '../../engine/runtime.ts';
import { RequestRefused, type FieldProblem } from '../api-client.ts';
import { accountApi, type AccountUser } from '../account-api.ts';
import { baseStyles } from '../shared/styles.ts';
import { formStyles } from '../form/styles.ts';
import { accountStyles } from './styles.ts';
import './asc-saved-forms.ts';
import './asc-submitted-forms.ts';
import type { AccountScreen } from './account-screens.ts';
import { accountMenuItems } from './account-links.ts';

export type { AccountScreen };

type Step =
  | 'credentials' | 'sign-in-code'
  | 'names' | 'new-credentials' | 'register-code' | 'registered'
  | 'reset-email' | 'reset-code' | 'reset-done'
  | 'change' | 'changed'
  | 'menu' | 'saved' | 'submitted';

const FIRST_STEP: Record<AccountScreen, Step> = {
  'sign-in': 'credentials', register: 'names', 'forgotten-password': 'reset-email', 'change-password': 'change', account: 'menu', saved: 'saved', submitted: 'submitted',
};

export interface AscSignedInDetail { user: AccountUser }
export interface AscNavigateDetail { to: string }

declare global {
  interface HTMLElementEventMap {
    'asc-signed-in': CustomEvent<AscSignedInDetail>;
    'asc-signed-out': CustomEvent<Record<string, never>>;
    'asc-navigate': CustomEvent<AscNavigateDetail>;
  }
  interface HTMLElementTagNameMap {
    'asc-account': AscAccount;
  }
}

/**
 * The account screens of the council's guide: secure login, registering in three steps with the
 * password policy checked as the person types, the emailed codes, forgotten and changed
 * passwords, and the account menu.
 *
 * @summary Sign in, register and manage an account.
 * @event asc-signed-in - The person signed in or finished registering. detail: { user }
 * @event asc-signed-out - The person signed out.
 * @event asc-navigate - A link inside the screens asks the page to go somewhere. detail: { to }
 */
@customElement('asc-account')
export class AscAccount extends LitElement {
  static override styles = [baseStyles, formStyles, accountStyles];

  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Which screen to show. */
  @property() screen: AccountScreen = 'sign-in';
  /** The signed-in person, for the account menu and changing the password. */
  @property({ attribute: false }) user?: AccountUser;
  /** Where Continue goes once signed in (the form the person came from). */
  @property({ attribute: 'return-to' }) returnTo = '/';
  /** Why the person was sent to sign in, said above the secure login (as "To save your form, …"). */
  @property() reason = '';

  @state() private step: Step = 'credentials';
  @state() private values: Record<string, string> = {};
  @state() private errors: FieldProblem[] = [];
  @state() private message?: string;
  @state() private busy = false;
  /** The address the code went to. */
  @state() private sentTo = '';
  private focusAfter?: 'heading' | 'summary';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('screen')) this.start(FIRST_STEP[this.screen]);
  }

  private start(step: Step, keep: string[] = []): void {
    this.step = step;
    this.values = Object.fromEntries(Object.entries(this.values).filter(([key]) => keep.includes(key)));
    this.errors = [];
    this.message = undefined;
    this.focusAfter = 'heading';
  }

  protected override updated(): void {
    const target = this.focusAfter;
    this.focusAfter = undefined;
    if (target === 'heading') this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    if (target === 'summary') this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  /** An account page's address that keeps where to go back to afterwards. */
  private withReturn(path: string): string {
    return this.returnTo && this.returnTo !== '/' ? `${path}?return=${encodeURIComponent(this.returnTo)}` : path;
  }

  private go(to: string): void {
    this.dispatchEvent(new CustomEvent('asc-navigate', { detail: { to }, bubbles: true, composed: true }));
  }

  /** Runs a request; its refusals become the error summary, field by field. */
  private async attempt(work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.errors = [];
    this.message = undefined;
    try {
      await work();
    } catch (error) {
      const refused = error instanceof RequestRefused ? error : null;
      if (refused?.status === 409) {
        // The steps timed out on the server: back to the first, saying so.
        this.start(FIRST_STEP[this.screen], ['forename', 'surname', 'email']);
      }
      this.errors = refused?.fields.length ? refused.fields : [{ field: '', message: refused?.message ?? 'Something went wrong: check your connection and try again.' }];
      this.focusAfter = 'summary';
    } finally {
      this.busy = false;
    }
  }

  private value(name: string): string {
    return this.values[name] ?? '';
  }

  private signedIn(user: AccountUser): void {
    this.dispatchEvent(new CustomEvent('asc-signed-in', { detail: { user }, bubbles: true, composed: true }));
  }

  private submit(event: Event): void {
    event.preventDefault();
    const api = this.apiBase;
    const v = (name: string) => this.value(name);
    switch (this.step) {
      case 'credentials':
        void this.attempt(async () => {
          this.sentTo = (await accountApi.signIn(api, { email: v('email'), password: v('password') })).email;
          this.start('sign-in-code');
        });
        break;
      case 'sign-in-code':
        void this.attempt(async () => {
          const { user } = await accountApi.verifySignIn(api, v('code'));
          this.signedIn(user);
          this.go(this.returnTo);
        });
        break;
      case 'names': {
        const errors = [
          ...(v('forename').trim() ? [] : [{ field: 'forename', message: 'Enter your forename' }]),
          ...(v('surname').trim() ? [] : [{ field: 'surname', message: 'Enter your surname' }]),
        ];
        if (errors.length) {
          this.errors = errors;
          this.focusAfter = 'summary';
        } else {
          this.start('new-credentials', ['forename', 'surname']);
        }
        break;
      }
      case 'new-credentials':
        void this.attempt(async () => {
          this.sentTo = (await accountApi.register(api, {
            forename: v('forename'), surname: v('surname'), email: v('email'), password: v('password'), confirmPassword: v('confirmPassword'),
          })).email;
          this.start('register-code');
        });
        break;
      case 'register-code':
        void this.attempt(async () => {
          const { user } = await accountApi.verifyRegistration(api, v('code'));
          this.signedIn(user);
          this.start('registered');
        });
        break;
      case 'reset-email':
        void this.attempt(async () => {
          this.sentTo = (await accountApi.requestReset(api, v('email'))).email;
          this.start('reset-code');
        });
        break;
      case 'reset-code':
        void this.attempt(async () => {
          await accountApi.resetPassword(api, { code: v('code'), password: v('password'), confirmPassword: v('confirmPassword') });
          this.start('reset-done');
        });
        break;
      case 'change':
        void this.attempt(async () => {
          await accountApi.changePassword(api, { currentPassword: v('currentPassword'), password: v('password'), confirmPassword: v('confirmPassword') });
          this.start('changed');
        });
        break;
      default:
        break;
    }
  }

  private resend(which: 'sign-in' | 'register' | 'reset'): void {
    void this.attempt(async () => {
      const api = this.apiBase;
      if (which === 'sign-in') await accountApi.resendSignInCode(api);
      else if (which === 'register') await accountApi.resendRegistrationCode(api);
      else await accountApi.resendResetCode(api);
      this.values = { ...this.values, code: '' };
      this.message = `We have sent a new code to ${this.sentTo}. The old one no longer works.`;
    });
  }

  private async signOut(): Promise<void> {
    try {
      await accountApi.signOut(this.apiBase);
    } catch (error) {
      // Already signed out (401) is fine; anything else leaves the session open, and the person must know.
      if (!(error instanceof RequestRefused && error.status === 401)) {
        this.errors = [{ field: '', message: 'We could not sign you out: check your connection and try again.' }];
        this.focusAfter = 'summary';
        return;
      }
    }
    this.dispatchEvent(new CustomEvent('asc-signed-out', { detail: {}, bubbles: true, composed: true }));
  }

  override render(): TemplateResult {
    return html`
      ${this.errors.length ? html`
        <div class="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>${this.errors.map((error) => html`<li>${error.field
            ? html`<a href="#f-${error.field}" @click=${(e: Event) => { e.preventDefault(); this.renderRoot.querySelector<HTMLElement>(`#f-${error.field}`)?.focus(); }}>${error.message}</a>`
            : error.message}</li>`)}</ul>
        </div>` : nothing}
      <div role="status" aria-live="polite">${this.message ? html`<div class="status"><p>${this.message}</p></div>` : nothing}</div>
      ${this.renderStep()}`;
  }

  private field(name: string, label: string, options: { type?: string; autocomplete?: string; hint?: string; inputmode?: string; width?: string; describedBy?: string } = {}): TemplateResult {
    const error = this.errors.find((e) => e.field === name)?.message;
    const id = `f-${name}`;
    const described = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : '', options.describedBy ?? ''].filter(Boolean).join(' ');
    return html`
      <div class="form-group ${error ? 'has-error' : ''}">
        <label class="label" for=${id}>${label}</label>
        ${options.hint ? html`<div class="hint" id="${id}-hint">${options.hint}</div>` : nothing}
        ${error ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">Error:</span> ${error}</p>` : nothing}
        <input class="input ${options.width ?? ''} ${error ? 'input-error' : ''}" id=${id} name=${name} type=${options.type ?? 'text'}
          autocomplete=${options.autocomplete ?? 'off'} inputmode=${options.inputmode ?? nothing} spellcheck="false"
          aria-describedby=${described || nothing} .value=${live(this.value(name))}
          @input=${(e: Event) => { this.values = { ...this.values, [name]: (e.target as HTMLInputElement).value }; }}>
      </div>`;
  }

  private passwordFields(newLabel = 'Password'): TemplateResult {
    const rules = checkPasswordRules(this.value('password'));
    return html`
      <div class="password-layout">
        <div>
          ${this.field('password', newLabel, { type: 'password', autocomplete: 'new-password', describedBy: 'password-policy' })}
          ${this.field('confirmPassword', 'Confirm password', { type: 'password', autocomplete: 'new-password' })}
        </div>
        <div class="policy" id="password-policy">
          <h2 class="policy-title">Password policy</h2>
          <p>Your password must meet the following requirements:</p>
          <ul class="rules">
            ${rules.map((rule) => html`<li class=${rule.met ? 'met' : 'unmet'}><span class="visually-hidden">${rule.met ? 'Done: ' : 'Not yet: '}</span>${rule.text}</li>`)}
          </ul>
          <details><summary>Click to see list of special characters</summary><div class="details-text"><p class="special">${SPECIAL_CHARACTERS}</p><p>A space, or any other character that is not a letter or a digit, counts too.</p></div></details>
        </div>
      </div>`;
  }

  private codeStep(resend: 'sign-in' | 'register' | 'reset', expiresInMinutes: number, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    return html`
      <p>We have sent a code to <strong>${this.sentTo}</strong>. It expires in ${expiresInMinutes} minutes.</p>
      <form novalidate @submit=${this.submit}>
        ${this.field('code', 'Code', { autocomplete: 'one-time-code', inputmode: 'numeric', width: 'width-10', hint: 'The code is 6 digits, like 123 456. You do not have to type the space.' })}
        ${extra}
        <button type="submit" class="button" ?disabled=${this.busy}>Continue</button>
      </form>
      <h2>Not received the email?</h2>
      <p>It can take a few minutes to arrive. If you still do not receive it, check the <strong>junk</strong> folder of your email, and that the address above is right.</p>
      <p><button type="button" class="link-button" @click=${() => this.resend(resend)}>Request a new code</button></p>
      <p><button type="button" class="link-button" @click=${() => this.start(resend === 'register' ? 'new-credentials' : FIRST_STEP[this.screen], ['forename', 'surname', 'email'])}>Change the email address</button></p>`;
  }

  private renderStep(): TemplateResult {
    switch (this.step) {
      case 'credentials': return html`
        <h1 tabindex="-1">Secure login</h1>
        ${this.reason ? html`<div class="inset"><p>${this.reason}</p></div>` : nothing}
        <p>New to Adult Social Care online? Register for an account. Already using it? Sign in below.</p>
        <div class="columns">
          <section aria-labelledby="existing-users">
            <h2 id="existing-users">Existing users</h2>
            <form novalidate @submit=${this.submit}>
              ${this.field('email', 'Email address', { type: 'email', autocomplete: 'username' })}
              ${this.field('password', 'Password', { type: 'password', autocomplete: 'current-password' })}
              <p class="hint">For extra security, we will confirm it is you by sending a code to your email address.</p>
              <button type="submit" class="button" ?disabled=${this.busy}>Sign in</button>
            </form>
            <p><a href=${this.withReturn('/account/forgotten-password')} @click=${(e: Event) => { e.preventDefault(); this.go(this.withReturn('/account/forgotten-password')); }}>Forgotten password?</a></p>
          </section>
          <section aria-labelledby="new-users">
            <h2 id="new-users">New users</h2>
            <p>If you are new to Adult Social Care online, register for an account here.</p>
            <button type="button" class="button secondary" @click=${() => this.go(this.withReturn('/account/register'))}>Register for new account</button>
          </section>
        </div>`;
      case 'sign-in-code': return html`<h1 tabindex="-1">Check your email</h1>${this.codeStep('sign-in', 10)}`;
      case 'names': return html`
        <span class="caption">Register a new account: step 1 of 3</span>
        <h1 tabindex="-1">Your name</h1>
        <form novalidate @submit=${this.submit}>
          ${this.field('forename', 'Forename', { autocomplete: 'given-name', width: 'width-20' })}
          ${this.field('surname', 'Surname', { autocomplete: 'family-name', width: 'width-20' })}
          <button type="submit" class="button">Next</button>
        </form>`;
      case 'new-credentials': return html`
        <span class="caption">Register a new account: step 2 of 3</span>
        <h1 tabindex="-1">Your email address and password</h1>
        <p>Use the email address you will sign in with each time. We will send a verification code to it.</p>
        <form novalidate @submit=${this.submit}>
          ${this.field('email', 'Email address', { type: 'email', autocomplete: 'email' })}
          ${this.passwordFields()}
          <div class="button-group">
            <button type="button" class="button secondary" @click=${() => this.start('names', ['forename', 'surname'])}>Previous</button>
            <button type="submit" class="button" ?disabled=${this.busy}>Next</button>
          </div>
        </form>`;
      case 'register-code': return html`
        <span class="caption">Register a new account: step 3 of 3</span>
        <h1 tabindex="-1">Enter your verification code</h1>
        ${this.codeStep('register', 20)}`;
      case 'registered': return html`
        <div class="panel-confirmation"><h1 tabindex="-1">Registration completed</h1><p>Your account is ready, and you are signed in.</p></div>
        <button type="button" class="button" @click=${() => this.go(this.returnTo)}>Continue</button>`;
      case 'reset-email': return html`
        <h1 tabindex="-1">Forgotten password</h1>
        <p>Enter the email address of your account. If it has an account, we will send a code to it so you can choose a new password.</p>
        <form novalidate @submit=${this.submit}>
          ${this.field('email', 'Email address', { type: 'email', autocomplete: 'username' })}
          <button type="submit" class="button" ?disabled=${this.busy}>Send a code</button>
        </form>`;
      case 'reset-code': return html`
        <h1 tabindex="-1">Choose a new password</h1>
        ${this.codeStep('reset', 20, this.passwordFields('New password'))}`;
      case 'reset-done': return html`
        <div class="panel-confirmation"><h1 tabindex="-1">Password changed</h1><p>You have been signed out everywhere. Sign in with your new password.</p></div>
        <button type="button" class="button" @click=${() => this.go(this.withReturn('/account/sign-in'))}>Sign in</button>`;
      case 'change': return html`
        <h1 tabindex="-1">Change your password</h1>
        <form novalidate @submit=${this.submit}>
          ${this.field('currentPassword', 'Current password', { type: 'password', autocomplete: 'current-password' })}
          ${this.passwordFields('New password')}
          <button type="submit" class="button" ?disabled=${this.busy}>Change password</button>
        </form>`;
      case 'changed': return html`
        <div class="panel-confirmation"><h1 tabindex="-1">Password changed</h1><p>You are still signed in here, and signed out everywhere else. We have sent you an email to say so.</p></div>
        <p><a href="/account" @click=${(e: Event) => { e.preventDefault(); this.go('/account'); }}>Back to your account</a></p>`;
      case 'menu': return html`
        <h1 tabindex="-1">Your account</h1>
        ${this.user ? html`<p>Signed in as ${this.user.forename} ${this.user.surname} (${this.user.email}).</p>` : nothing}
        <ul class="account-links">
          ${this.menuLinks()}
        </ul>`;
      case 'saved': return html`
        <h1 tabindex="-1">Forms saved for later</h1>
        <asc-saved-forms api-base=${this.apiBase}></asc-saved-forms>
        <p><a href="/account" @click=${(e: Event) => { e.preventDefault(); this.go('/account'); }}>Back to your account</a></p>`;
      case 'submitted': return html`
        <h1 tabindex="-1">Forms submitted in the last 30 days</h1>
        <asc-submitted-forms api-base=${this.apiBase}></asc-submitted-forms>
        <p><a href="/account" @click=${(e: Event) => { e.preventDefault(); this.go('/account'); }}>Back to your account</a></p>`;
      default: return html``;
    }
  }

  /** The account menu, as on the header's menu under the person's name. */
  private menuLinks(): TemplateResult {
    return accountMenuItems((screen, text) => {
      const to = `/account/${screen}`;
      return html`<a href=${to} @click=${(e: Event) => { e.preventDefault(); this.go(to); }}>${text}</a>`;
    }, () => void this.signOut());
  }
}
