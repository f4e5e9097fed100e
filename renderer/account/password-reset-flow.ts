import { html, type TemplateResult } from 'lit';
import { accountApi } from '../account-api.ts';
import type { AccountFormController } from './account-form.ts';
import type { AccountFlowHost } from './account-flow.ts';
import { CodeFlow } from './code-step.ts';
import { passwordFields } from './password-fields.ts';

/** A forgotten password: the account's email address, then the emailed code with the new password. */
export class PasswordResetFlow extends CodeFlow<'email' | 'code' | 'done'> {
  constructor(host: AccountFlowHost, form: AccountFormController) {
    super(host, form, 'email', accountApi.resendResetCode);
  }

  private requestCode(event: Event): void {
    event.preventDefault();
    void this.form.attempt(async () => {
      this.code.sent(await accountApi.requestReset(this.host.apiBase, this.form.value('email')));
      this.step = 'code';
      this.form.start();
    }, this.restartKeeping);
  }

  private reset(event: Event): void {
    event.preventDefault();
    const v = (name: string) => this.form.value(name);
    void this.form.attempt(async () => {
      await accountApi.resetPassword(this.host.apiBase, {
        code: v('code'),
        password: v('password'),
        confirmPassword: v('confirmPassword'),
      });
      this.step = 'done';
      this.form.start();
    }, this.restartKeeping);
  }

  render(): TemplateResult {
    switch (this.step) {
      case 'email':
        return html`
        <h1 tabindex="-1">Forgotten password</h1>
        <p>Enter the email address of your account. If it has an account, we will send a code to it so you can choose a new password.</p>
        <form novalidate @submit=${(e: Event) => this.requestCode(e)}>
          ${this.form.field('email', 'Email address', { type: 'email', autocomplete: 'username' })}
          <button type="submit" class="button" ?disabled=${this.form.busy}>Send a code</button>
        </form>`;
      case 'code':
        return html`
        <h1 tabindex="-1">Choose a new password</h1>
        ${this.code.render((e) => this.reset(e), passwordFields(this.form, 'New password'))}`;
      case 'done':
        return html`
        <div class="panel-confirmation"><h1 tabindex="-1">Password changed</h1><p>You have been signed out everywhere. Sign in with your new password.</p></div>
        <button type="button" class="button" @click=${() => this.host.go(this.host.withReturn('/account/sign-in'))}>Sign in</button>`;
    }
  }
}
