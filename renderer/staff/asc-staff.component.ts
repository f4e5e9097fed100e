import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { passwordFieldStyles } from '../account/password-fields.styles.ts';
import { property, state } from 'lit/decorators.js';
import type { StaffSessionBody, StaffSignedInBody } from '../../engine/runtime.ts';
import { staffApi } from '../staff-api.ts';
import { choiceStyles } from '../shared/govuk/choice.styles.ts';
import { baseStyles, questionPageStyles } from '../shared/styles.ts';
import { AccountFormController } from '../account/account-form.ts';
import { staffStyles } from './asc-staff.styles.ts';
import { summaryListStyles } from '../shared/summary-list.styles.ts';
import { StaffSignInFlow } from './staff-sign-in.ts';
import { InboxScreen } from './inbox-list.ts';
import { SubmissionScreen } from './submission-view.ts';
import { AuditScreen } from './audit-log.ts';
import { AUDIT_PATH, INBOX_PATH, isAuditPath, submissionIn, submissionPath } from './staff-routes.ts';
import { SessionWatch } from '../shared/session-watch.ts';
import { TimeoutDialogController } from '../shared/timeout-dialog.ts';
import { WARN_BEFORE_MS } from '../shared/session-timer.ts';
import { durationInWords } from '../../engine/runtime.ts';

/** Fewer recovery codes than this left, and the home page says to ask for new ones. */
const FEW_RECOVERY_CODES = 3;
/** A staff session ends after this long without activity (the server's STAFF_IDLE_MS). */
const STAFF_IDLE_MS = 20 * 60_000;
const TIMED_OUT =
  'You were signed out for your safety: there was no activity for 20 minutes, or you had been signed in for 8 hours. Sign in again to carry on.';

/**
 * The council staff's pages at /staff: signing in with a password and an authenticator app, and
 * setting up an account with the code council IT gave; then the inbox of referrals, each one
 * opened at its own address (/staff/submissions/<id>) to read and work on; for administrators,
 * the audit log (/staff/audit); and signing out. Two minutes before 20 idle minutes are up it
 * warns, as the referrer's portal does (the same timer and dialog, from shared/).
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
  private readonly audit = new AuditScreen(this);
  @state() private opened?: SubmissionScreen;
  @state() private auditShown = false;

  private readonly watch = new SessionWatch(this, {
    warn: () => void this.timeoutDialog.show(),
    expire: () => this.ended(),
    keepAlive: () => staffApi.keepAlive(this.apiBase),
    timeLeft: () => staffApi.sessionLeft(this.apiBase),
  });

  private readonly timeoutDialog = new TimeoutDialogController(
    this,
    { carryOn: () => this.watch.carryOn(), signOut: () => this.signOut() },
    {
      title: 'You will be signed out soon',
      text: () =>
        `There has been no activity for ${durationInWords(STAFF_IDLE_MS - WARN_BEFORE_MS)}. For your safety, we will sign you out and clear the referrals from the screen if there is none in the next ${durationInWords(WARN_BEFORE_MS)}.`,
      carryOn: 'Stay signed in',
    },
  );
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
        if (session) {
          this.watch.start(session.idleRemainingMs);
          this.route(false);
        }
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
    this.watch.start(body.idleRemainingMs);
    this.form.start();
    this.route();
  }

  /** Shows what the address names, a referral, the audit log or the inbox, its heading focused as after any move to a new screen. */
  private route(focus = true): void {
    const id = submissionIn(location.pathname);
    this.opened = id ? new SubmissionScreen(this, id) : undefined;
    this.auditShown = !id && isAuditPath(location.pathname) && Boolean(this.session?.staff.isAdmin);
    const screen = this.opened ?? (this.auditShown ? this.audit : this.inbox);
    void screen.load().then(() => (focus ? this.focusHeading() : undefined));
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

  private go(event: Event, path: string): void {
    event.preventDefault();
    history.pushState(null, '', path);
    this.route();
  }

  /** The session ended on the server (idle, or 8 hours): what was on screen goes, and the sign-in page says why. */
  private ended(): void {
    this.timeoutDialog.close();
    this.clear();
    this.signIn.restart(TIMED_OUT);
    void this.focusHeading();
  }

  private clear(): void {
    this.watch.stop();
    this.session = null;
    this.recoveryCodesLeft = undefined;
    this.opened = undefined;
    this.auditShown = false;
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
    this.timeoutDialog.close();
    this.clear();
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
          <div class="header-nav">${
            signedIn
              ? html`<nav class="header-links" aria-label="Staff pages">
                  <a class="header-link" href=${INBOX_PATH} @click=${(e: Event) => this.go(e, INBOX_PATH)}>Referrals</a>
                  ${signedIn.staff.isAdmin ? html`<a class="header-link" href=${AUDIT_PATH} aria-current=${this.auditShown ? 'page' : nothing} @click=${(e: Event) => this.go(e, AUDIT_PATH)}>Audit log</a>` : nothing}
                  <button type="button" class="header-button" @click=${() => void this.signOut()}>Sign out</button>
                </nav>`
              : nothing
          }</div>
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${this.signOutFailed ? html`<div class="notice" role="alert"><p>We could not sign you out: check your connection and try again.</p></div>` : nothing}
        ${this.form.renderProblems()}
        ${this.session === undefined ? html`<p role="status">Loading…</p>` : signedIn ? this.renderHome(signedIn) : this.signIn.render()}
      </main>
      ${this.timeoutDialog.render()}`;
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
      ${this.opened ? this.opened.render() : this.auditShown ? this.audit.render() : this.inbox.render()}`;
  }
}
