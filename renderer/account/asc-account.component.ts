import { LitElement, html, type TemplateResult } from 'lit';
import { passwordFieldStyles } from './password-fields.styles.ts';
import { property } from 'lit/decorators.js';
import type { AccountUser } from '../../engine/runtime.ts';
import { emit } from '../shared/events.ts';
import { baseStyles, questionPageStyles } from '../shared/styles.ts';
import { accountStyles } from './asc-account.styles.ts';
import type { AccountScreen } from './account-screens.ts';
import { AccountFormController } from './account-form.ts';
import type { AccountFlow, AccountFlowHost } from './account-flow.ts';
import { SignInFlow } from './sign-in-flow.ts';
import { RegisterFlow } from './register-flow.ts';
import { PasswordResetFlow } from './password-reset-flow.ts';
import { ChangePasswordFlow } from './change-password-flow.ts';
import { AccountHome } from './account-home.ts';

/**
 * The account screens of the council's guide: secure login, registering in three steps with the
 * password policy checked as the person types, the emailed codes, forgotten and changed
 * passwords, and the account menu.
 *
 * @summary Sign in, register and manage an account.
 * @event {CustomEvent<AscSignedInDetail>} asc-signed-in - The person signed in or finished registering.
 * @event {CustomEvent<AscSignedOutDetail>} asc-signed-out - The person signed out.
 * @event {CustomEvent<AscNavigateDetail>} asc-navigate - A link inside the screens asks the page to go somewhere.
 */
export class AscAccount extends LitElement {
  static override styles = [baseStyles, questionPageStyles, passwordFieldStyles, accountStyles];

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
  /** The council's time zone (portal.json's council.timeZone): times in the lists are on its clock. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  private readonly form = new AccountFormController(this);
  private readonly flows = this.createFlows();

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('screen')) this.flows[this.screen].restart();
  }

  /** Each screen's flow, which keeps its own step, and what they all see of this element. */
  private createFlows(): Record<AccountScreen, AccountFlow> {
    // The flows read the element's properties as they are when asked, not as they were at the start.
    const element = this;
    const host: AccountFlowHost = {
      get apiBase() {
        return element.apiBase;
      },
      get returnTo() {
        return element.returnTo;
      },
      get reason() {
        return element.reason;
      },
      get user() {
        return element.user;
      },
      get timeZone() {
        return element.timeZone;
      },
      withReturn: (path) =>
        element.returnTo && element.returnTo !== '/' ? `${path}?return=${encodeURIComponent(element.returnTo)}` : path,
      go: (to) => emit(element, 'asc-navigate', { to }),
      signedIn: (signedIn) => emit(element, 'asc-signed-in', signedIn),
      signedOut: () => emit(element, 'asc-signed-out', {}),
    };
    return {
      'sign-in': new SignInFlow(host, this.form),
      register: new RegisterFlow(host, this.form),
      'forgotten-password': new PasswordResetFlow(host, this.form),
      'change-password': new ChangePasswordFlow(host, this.form),
      account: new AccountHome(host, this.form, 'menu'),
      saved: new AccountHome(host, this.form, 'saved'),
      submitted: new AccountHome(host, this.form, 'submitted'),
    };
  }

  override render(): TemplateResult {
    return html`
      ${this.form.renderProblems()}
      ${this.flows[this.screen].render()}`;
  }
}
