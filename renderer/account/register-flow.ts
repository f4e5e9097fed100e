import { html, type TemplateResult } from 'lit';
import { accountApi } from '../account-api.ts';
import { buttonGroup } from '../shared/govuk/index.ts';
import type { AccountFormController } from './account-form.ts';
import { KEPT_ON_RESTART, type AccountFlowHost } from './account-flow.ts';
import { CodeFlow } from './code-step.ts';
import { passwordFields } from './password-fields.ts';

const NAMES = ['forename', 'surname'];

/** Registering in the guide's three steps: the person's name; email and password; the emailed verification code. */
export class RegisterFlow extends CodeFlow<'names' | 'credentials' | 'code' | 'done'> {
  constructor(host: AccountFlowHost, form: AccountFormController) {
    super(host, form, 'names', accountApi.resendRegistrationCode);
  }

  /** The email address is typed at the second step, after the names. */
  protected override changeEmail(): void {
    this.goTo('credentials', KEPT_ON_RESTART);
  }

  private submitNames(event: Event): void {
    event.preventDefault();
    const v = (name: string) => this.form.value(name);
    const errors = [
      ...(v('forename').trim() ? [] : [{ field: 'forename', message: 'Enter your forename' }]),
      ...(v('surname').trim() ? [] : [{ field: 'surname', message: 'Enter your surname' }]),
    ];
    if (errors.length) this.form.refuse(errors);
    else this.goTo('credentials', NAMES);
  }

  private submitCredentials(event: Event): void {
    event.preventDefault();
    const v = (name: string) => this.form.value(name);
    void this.form.attempt(async () => {
      this.code.sent(
        await accountApi.register(this.host.apiBase, {
          forename: v('forename'),
          surname: v('surname'),
          email: v('email'),
          password: v('password'),
          confirmPassword: v('confirmPassword'),
        }),
      );
      this.goTo('code');
    }, this.restartKeeping);
  }

  private verify(event: Event): void {
    event.preventDefault();
    void this.form.attempt(async () => {
      this.host.signedIn(await accountApi.verifyRegistration(this.host.apiBase, this.form.value('code')));
      this.goTo('done');
    }, this.restartKeeping);
  }

  render(): TemplateResult {
    switch (this.step) {
      case 'names':
        return html`
        <span class="caption">Register a new account: step 1 of 3</span>
        <h1 tabindex="-1">Your name</h1>
        <form novalidate @submit=${(e: Event) => this.submitNames(e)}>
          ${this.form.field('forename', 'Forename', { autocomplete: 'given-name', width: 'width-20' })}
          ${this.form.field('surname', 'Surname', { autocomplete: 'family-name', width: 'width-20' })}
          <button type="submit" class="button">Next</button>
        </form>`;
      case 'credentials':
        return html`
        <span class="caption">Register a new account: step 2 of 3</span>
        <h1 tabindex="-1">Your email address and password</h1>
        <p>Use the email address you will sign in with each time. We will send a verification code to it.</p>
        <form novalidate @submit=${(e: Event) => this.submitCredentials(e)}>
          ${this.form.field('email', 'Email address', { type: 'email', autocomplete: 'email' })}
          ${passwordFields(this.form)}
          ${buttonGroup(html`
            <button type="button" class="button secondary" @click=${() => this.goTo('names', NAMES)}>Previous</button>
            <button type="submit" class="button" ?disabled=${this.form.busy}>Next</button>`)}
        </form>`;
      case 'code':
        return html`
        <span class="caption">Register a new account: step 3 of 3</span>
        <h1 tabindex="-1">Enter your verification code</h1>
        ${this.code.render((e) => this.verify(e))}`;
      case 'done':
        return html`
        <div class="panel-confirmation"><h1 tabindex="-1">Registration completed</h1><p>Your account is ready, and you are signed in.</p></div>
        <button type="button" class="button" @click=${() => this.host.go(this.host.returnTo)}>Continue</button>`;
    }
  }
}
