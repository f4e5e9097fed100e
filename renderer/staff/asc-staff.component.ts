import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { passwordFieldStyles } from '../account/password-fields.styles.ts';
import { property, state } from 'lit/decorators.js';
import type { StaffSessionBody, StaffSignedInBody } from '../../engine/runtime.ts';
import { staffApi } from '../staff-api.ts';
import { choiceStyles } from '../shared/govuk/choice.styles.ts';
import { baseStyles, questionPageStyles } from '../shared/styles.ts';
import { AccountFormController } from '../account/account-form.ts';
import { staffStyles } from './asc-staff.styles.ts';
import { summaryListStyles } from '../shared/summary-list.ts';
import { StaffSignInFlow } from './staff-sign-in.ts';
import { InboxScreen } from './inbox-list.ts';
import { SubmissionScreen } from './submission-view.ts';
import { INBOX_PATH, submissionIn, submissionPath } from './staff-routes.ts';

/** Fewer recovery codes than this left, and the home page says to ask for new ones. */
const FEW_RECOVERY_CODES = 3;

/**
 * The council staff's pages at /staff: signing in with a password and an authenticator app, and
 * setting up an account with the code council IT gave; then the inbox of referrals, each one
 * opened at its own address (/staff/submissions/<id>) to read and work on; and signing out.
 *
 * @summary The council staff's sign-in and pages.
 */
export class AscStaff extends LitElement {
  static override styles = [
    baseStyles,
    questionPageStyles,
    summaryListStyles,
    passwordFieldStyles,
    choiceStyles,
    staffStyles,
  ];

  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The portal's name, in the header. */
  @property({ attribute: 'service-name' }) serviceName = 'Adult social care';
  /** The council's time zone: when referrals came in, on its clock (the browser's own without one). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  @state() private session?: StaffSessionBody | null;
  @state() private recoveryCodesLeft?: number;
  @state() private signOutFailed = false;

  private readonly form = new AccountFormController(this);
  private readonly signIn = this.createSignIn();
  private readonly inbox = new InboxScreen(this);
  @state() private opened?: SubmissionScreen;
  private readonly onPopState = () => this.route();

  private createSignIn(): StaffSignInFlow {
    // The flow reads the element's properties as they are when asked, not as they were at the start.
    const element = this;
    return new StaffSignInFlow(
      {
        get apiBase() {
          return element.apiBase;
        },
        requestUpdate: () => element.requestUpdate(),
        signedIn: (body) => element.signedIn(body),
      },
      this.form,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    void staffApi.current(this.apiBase).then(
      (session) => {
        this.session = session;
        // Focus stays at the top of a page just loaded, as on any page.
        if (session) this.route(false);
      },
      () => {
        this.session = null;
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  private signedIn(body: StaffSignedInBody): void {
    this.session = body;
    this.recoveryCodesLeft = body.recoveryCodesLeft;
    this.form.start();
    this.route();
  }

  /** Shows what the address names, a referral or the inbox, its heading focused as after any move to a new screen. */
  private route(focus = true): void {
    const id = submissionIn(location.pathname);
    this.opened = id ? new SubmissionScreen(this, id) : undefined;
    void (this.opened ?? this.inbox).load().then(() => (focus ? this.focusHeading() : undefined));
  }

  private async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Opens a referral at its own address. */
  open(id: string): void {
    history.pushState(null, '', submissionPath(id));
    this.route();
  }

  /** Back to the inbox, as it was. */
  back(): void {
    history.pushState(null, '', INBOX_PATH);
    this.route();
  }

  private async signOut(): Promise<void> {
    try {
      await staffApi.signOut(this.apiBase);
    } catch {
      // Already signed out counts as signed out; anything else, the person must know.
      if ((await staffApi.current(this.apiBase).catch(() => this.session)) !== null) {
        this.signOutFailed = true;
        return;
      }
    }
    this.signOutFailed = false;
    this.session = null;
    this.recoveryCodesLeft = undefined;
    this.opened = undefined;
    this.signIn.restart('You have signed out.');
  }

  override render(): TemplateResult {
    const signedIn = this.session ?? undefined;
    return html`
      <a class="skip-link" href="#main" @click=${(e: Event) => {
        e.preventDefault();
        this.renderRoot.querySelector<HTMLElement>('#main')?.focus();
      }}>Skip to main content</a>
      <header>
        <div class="header-inner">
          <span class="service-name">${this.serviceName}: staff</span>
          ${signedIn ? html`<button type="button" class="header-button" @click=${() => void this.signOut()}>Sign out</button>` : nothing}
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${this.signOutFailed ? html`<div class="notice" role="alert"><p>We could not sign you out: check your connection and try again.</p></div>` : nothing}
        ${this.form.renderProblems()}
        ${this.session === undefined ? html`<p role="status">Loading…</p>` : signedIn ? this.renderHome(signedIn) : this.signIn.render()}
      </main>`;
  }

  private renderHome(session: StaffSessionBody): TemplateResult {
    const left = this.recoveryCodesLeft;
    return html`
      ${
        left !== undefined && left < FEW_RECOVERY_CODES
          ? html`<div class="notice" role="alert"><p>You have ${left} recovery code${left === 1 ? '' : 's'} left. Ask council IT to reset your account for new ones.</p></div>`
          : nothing
      }
      <p class="signed-in-as">Signed in as ${session.staff.forename} ${session.staff.surname}. For your security, you are signed out after 20 minutes without activity, and after 8 hours.</p>
      ${this.opened ? this.opened.render() : this.inbox.render()}`;
  }
}
