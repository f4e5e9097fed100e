import { html, type TemplateResult } from 'lit';
import { accountApi } from '../account-api.ts';
import type { AccountFormController } from './account-form.ts';
import type { AccountFlow, AccountFlowHost } from './account-flow.ts';
import { passwordFields } from './password-fields.ts';
import { backToAccount } from './account-home.ts';

/** Changing the password of the signed-in person, who gives the current one first. */
export class ChangePasswordFlow implements AccountFlow {
  private step: 'change' | 'done' = 'change';

  constructor(
    private readonly host: AccountFlowHost,
    private readonly form: AccountFormController,
  ) {}

  restart(keep: readonly string[] = []): void {
    this.step = 'change';
    this.form.start(keep);
  }

  private change(event: Event): void {
    event.preventDefault();
    const v = (name: string) => this.form.value(name);
    void this.form.attempt(
      async () => {
        await accountApi.changePassword(this.host.apiBase, {
          currentPassword: v('currentPassword'),
          password: v('password'),
          confirmPassword: v('confirmPassword'),
        });
        this.step = 'done';
        this.form.start();
      },
      () => this.restart(),
    );
  }

  render(): TemplateResult {
    if (this.step === 'done') {
      return html`
        <div class="panel-confirmation"><h1 tabindex="-1">Password changed</h1><p>You are still signed in here, and signed out everywhere else. We have sent you an email to say so.</p></div>
        ${backToAccount(this.host)}`;
    }
    return html`
      <h1 tabindex="-1">Change your password</h1>
      <form novalidate @submit=${(e: Event) => this.change(e)}>
        ${this.form.field('currentPassword', 'Current password', { type: 'password', autocomplete: 'current-password' })}
        ${passwordFields(this.form, 'New password')}
        <button type="submit" class="button" ?disabled=${this.form.busy}>Change password</button>
      </form>`;
  }
}
