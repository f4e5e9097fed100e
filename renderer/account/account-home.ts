import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type TemplateResult } from 'lit';
import { SIGN_OUT_FAILED, signOut } from '../account-api.ts';
import type { AccountFormController } from './account-form.ts';
import type { AccountFlow, AccountFlowHost } from './account-flow.ts';
import { accountMenuItems } from './account-links.ts';
import './asc-saved-forms.ts';
import './asc-submitted-forms.ts';

/** The link under each of the account's own pages. */
export function backToAccount(host: Pick<AccountFlowHost, 'go'>): TemplateResult {
  return html`<p><a href="/account" @click=${(e: Event) => {
    e.preventDefault();
    host.go('/account');
  }}>Back to your account</a></p>`;
}

/** The pages of a signed-in person's account: its menu, the forms saved for later, and those submitted. */
export class AccountHome implements AccountFlow {
  constructor(
    private readonly host: AccountFlowHost,
    private readonly form: AccountFormController,
    private readonly page: 'menu' | 'saved' | 'submitted',
  ) {}

  restart(keep: readonly string[] = []): void {
    this.form.start(keep);
  }

  private async signOut(): Promise<void> {
    if (await signOut(this.host.apiBase)) this.host.signedOut();
    else this.form.refuse([{ field: '', message: SIGN_OUT_FAILED }]);
  }

  render(): TemplateResult {
    const user = this.host.user;
    switch (this.page) {
      case 'menu':
        return html`
        <h1 tabindex="-1">Your account</h1>
        ${user ? html`<p>Signed in as ${user.forename} ${user.surname} (${user.email}).</p>` : nothing}
        <ul class="account-links">
          ${accountMenuItems(
            (screen, text) => {
              const to = `/account/${screen}`;
              return html`<a href=${to} @click=${(e: Event) => {
                e.preventDefault();
                this.host.go(to);
              }}>${text}</a>`;
            },
            () => void this.signOut(),
          )}
        </ul>`;
      case 'saved':
        return html`
        <h1 tabindex="-1">Forms saved for later</h1>
        <asc-saved-forms api-base=${this.host.apiBase} time-zone=${ifDefined(this.host.timeZone)}></asc-saved-forms>
        ${backToAccount(this.host)}`;
      case 'submitted':
        return html`
        <h1 tabindex="-1">Forms submitted in the last 30 days</h1>
        <asc-submitted-forms api-base=${this.host.apiBase} time-zone=${ifDefined(this.host.timeZone)}></asc-submitted-forms>
        ${backToAccount(this.host)}`;
    }
  }
}
