import { html, nothing, type TemplateResult } from 'lit';
import { accountApi } from '../account-api.ts';
import type { AccountFormController } from './account-form.ts';
import type { AccountFlowHost } from './account-flow.ts';
import { CodeFlow } from './code-step.ts';

/** Signing in, as the guide has it: the secure login (email and password), then a code sent by email. */
export class SignInFlow extends CodeFlow<'credentials' | 'code'> {
  constructor(host: AccountFlowHost, form: AccountFormController) {
    super(host, form, 'credentials', accountApi.resendSignInCode);
  }

  private signIn(event: Event): void {
    event.preventDefault();
    void this.form.attempt(async () => {
      this.code.sent(
        await accountApi.signIn(this.host.apiBase, {
          email: this.form.value('email'),
          password: this.form.value('password'),
        }),
      );
      this.step = 'code';
      this.form.start();
    }, this.restartKeeping);
  }

  private verify(event: Event): void {
    event.preventDefault();
    void this.form.attempt(async () => {
      this.host.signedIn(await accountApi.verifySignIn(this.host.apiBase, this.form.value('code')));
      this.host.go(this.host.returnTo);
    }, this.restartKeeping);
  }

  render(): TemplateResult {
    if (this.step === 'code')
      return html`<h1 tabindex="-1">Check your email</h1>${this.code.render((e) => this.verify(e))}`;
    const forgotten = this.host.withReturn('/account/forgotten-password');
    return html`
      <h1 tabindex="-1">Secure login</h1>
      ${this.host.reason ? html`<div class="inset"><p>${this.host.reason}</p></div>` : nothing}
      <p>New to Adult Social Care online? Register for an account. Already using it? Sign in below.</p>
      <div class="columns">
        <section aria-labelledby="existing-users">
          <h2 id="existing-users">Existing users</h2>
          <form novalidate @submit=${(e: Event) => this.signIn(e)}>
            ${this.form.field('email', 'Email address', { type: 'email', autocomplete: 'username' })}
            ${this.form.field('password', 'Password', { type: 'password', autocomplete: 'current-password' })}
            <p class="hint">For extra security, we will confirm it is you by sending a code to your email address.</p>
            <button type="submit" class="button" ?disabled=${this.form.busy}>Sign in</button>
          </form>
          <p><a href=${forgotten} @click=${(e: Event) => {
            e.preventDefault();
            this.host.go(forgotten);
          }}>Forgotten password?</a></p>
        </section>
        <section aria-labelledby="new-users">
          <h2 id="new-users">New users</h2>
          <p>If you are new to Adult Social Care online, register for an account here.</p>
          <button type="button" class="button secondary" @click=${() => this.host.go(this.host.withReturn('/account/register'))}>Register for new account</button>
        </section>
      </div>`;
  }
}
