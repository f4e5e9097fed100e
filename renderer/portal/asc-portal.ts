import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PortalContent } from '../../engine/runtime.ts';
import { fetchFormList, fetchPortal, RequestRefused, type FormListEntry } from '../api-client.ts';
import { accountApi, type AccountUser } from '../account-api.ts';
import { draftsApi } from '../drafts-api.ts';
import { AscAccount, type AccountScreen } from '../account/asc-account.ts';
import { baseStyles } from '../shared/styles.ts';
import { contentBlock, richText } from '../shared/rich-text.ts';
import { portalStyles } from './styles.ts';
import { icon } from './icons.ts';
import { parseRoute, routePath, type Route } from './routes.ts';
import { SessionTimer } from './session-timer.ts';
import { openAccountChannel, type AccountChange, type AccountChannel } from './account-channel.ts';
import type { AscPageChangeDetail } from '../shared/events.ts';
import { AscForm } from '../form/asc-form.ts';

type Tile = PortalContent['home']['tiles'][number];

/**
 * The whole portal in one element: the home page with its tiles, the referral and DoLS pages, and
 * each form, every one at its own address, all from forms/portal.json and the form definitions.
 *
 * @summary The referral portal: home, referral and DoLS pages, and the forms.
 * @csspart header - The black header with the service name.
 * @csspart main - The page's main content.
 */
@customElement('asc-portal')
export class AscPortal extends LitElement {
  static override styles = [baseStyles, portalStyles];

  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The path the portal lives under, when not the site's root. */
  @property({ attribute: 'base-path' }) basePath = '/';

  @state() private portal?: PortalContent;
  @state() private forms: FormListEntry[] = [];
  @state() private route: Route = { name: 'home' };
  @state() private loadError?: string;
  /** The signed-in person; null when nobody is signed in. */
  @state() private user: AccountUser | null = null;
  /** Whether the server has said who is signed in (a saved form waits for it before sending anyone to sign in). */
  @state() private accountChecked = false;
  /** Whether the account menu in the header is open. */
  @state() private menuOpen = false;
  /** Where Close returns to: the page a form was opened from. */
  private formOpenedFrom: Route = { name: 'home' };
  /**
   * One <asc-form> per form opened, kept while the person is elsewhere in the portal, so Close,
   * the header link and the back button never throw away what they typed. Cancel clears it.
   */
  private formElements = new Map<string, AscForm>();
  private hasErrors = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.route = parseRoute(location.pathname, this.basePath, location.search);
    window.addEventListener('popstate', this.onPopState);
    for (const type of ['keydown', 'pointerdown', 'input']) this.addEventListener(type, this.onActivity, { capture: true });
    window.addEventListener('beforeunload', this.onBeforeUnload);
    this.otherTabs = openAccountChannel(this.onAccountChangedElsewhere);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.otherTabs?.close();
    this.session.stop();
    super.disconnectedCallback();
  }

  private session = new SessionTimer({
    warn: () => void this.showTimeoutWarning(),
    expire: () => this.onSessionEnded(),
    keepAlive: async () => {
      try {
        return (await accountApi.keepAlive(this.apiBase)).idleRemainingMs;
      } catch (error) {
        if (error instanceof RequestRefused && error.status === 401) return null;
        throw error;
      }
    },
    timeLeft: () => accountApi.sessionLeft(this.apiBase),
  });

  private onActivity = (): void => {
    this.session.activity();
  };

  private onSignedIn(user: AccountUser, idleRemainingMs = 20 * 60_000): void {
    this.user = user;
    for (const form of this.formElements.values()) form.signedIn = true;
    this.session.start(idleRemainingMs);
    // Save for later sent them to sign in: now it can save (the form says so when they are back).
    for (const formId of this.saveAfterSignIn) void this.formElements.get(formId)?.saveForLater();
    this.saveAfterSignIn.clear();
  }

  /** The portal's other tabs in this browser, told when someone signs in or out here. */
  private otherTabs?: AccountChannel;

  /** Another tab signed in or out: this one follows, and never shows one person's answers to another. */
  private onAccountChangedElsewhere = async (change: AccountChange): Promise<void> => {
    if (change === 'signed-out') {
      if (this.user) this.onSessionEnded('elsewhere');
      return;
    }
    const account = await accountApi.current(this.apiBase).catch(() => null);
    if (!account) return;
    if (!this.user) this.onSignedIn(account.user, account.idleRemainingMs);
    else if (account.user.email !== this.user.email) this.onSessionEnded('elsewhere');
  };

  /** Forms whose Save for later is waiting for the person to sign in. */
  private saveAfterSignIn = new Set<string>();

  /**
   * Save for later waits for a sign-in only while the person is on the way through it (by a link
   * or the back button alike): on a shared computer, the next person to sign in must not have
   * these answers saved to their account.
   */
  private forgetPendingSaveUnlessSigningIn(route: Route): void {
    if (route.name !== 'account' && !this.user) this.saveAfterSignIn.clear();
  }

  /** The open forms with answers not yet saved. */
  private get unsavedForms(): AscForm[] {
    return [...this.formElements.values()].filter((form) => form.hasUnsavedChanges);
  }

  /** Signed out, by choice or by the timeout: what was on screen is cleared, so nobody else sees it. */
  private clearForms(): void {
    this.formElements.clear();
    this.saveAfterSignIn.clear();
    this.accountElement = undefined;
    this.user = null;
    this.session.stop();
    this.renderRoot.querySelector<HTMLDialogElement>('#timeout-dialog')?.close();
  }

  /** The server ended the session (it does so itself after 20 idle minutes): clear the screen and say why. */
  private onSessionEnded(because: 'timeout' | 'elsewhere' = 'timeout'): void {
    this.signedOutBecause = because;
    this.clearForms();
    this.navigate({ name: 'signed-out' });
  }

  // Answers not saved live only in this page: leaving or reloading it loses them, so the browser asks first.
  private onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.unsavedForms.length > 0) event.preventDefault();
  };

  private async load(): Promise<void> {
    try {
      const [portal, forms, account] = await Promise.all([fetchPortal(this.apiBase), fetchFormList(this.apiBase), accountApi.current(this.apiBase).catch(() => null)]);
      [this.portal, this.forms] = [portal, forms];
      if (account) this.onSignedIn(account.user, account.idleRemainingMs);
      this.updateTitle();
    } catch (error) {
      this.loadError = (error as Error).message;
    } finally {
      this.accountChecked = true;
    }
  }

  /** A form that has been sent is let go once the person moves on from it: its answers leave the page. */
  private letGoOfSentForm(next: Route): void {
    if (this.route.name !== 'form' || (next.name === 'form' && next.formId === this.route.formId)) return;
    if (this.formElements.get(this.route.formId)?.isSubmitted) this.formElements.delete(this.route.formId);
  }

  private onPopState = (): void => {
    this.draftProblem = undefined;
    const route = parseRoute(location.pathname, this.basePath, location.search);
    this.letGoOfSentForm(route);
    this.forgetPendingSaveUnlessSigningIn(route);
    if (route.name === 'account' && this.route.name !== 'account') this.accountElement = undefined;
    this.route = route;
    this.updateTitle();
    this.focusMain();
  };

  /** Moves to an address of the portal, given as a path ("/account/sign-in?return=…"). */
  navigateTo(path: string): void {
    const url = new URL(path, location.origin);
    this.navigate(parseRoute(url.pathname, this.basePath, url.search));
  }

  /** Moves to a page of the portal, adding it to the browser's history. */
  navigate(route: Route, replace = false): void {
    this.menuOpen = false;
    this.letGoOfSentForm(route);
    this.draftProblem = undefined;
    this.forgetPendingSaveUnlessSigningIn(route);
    // Each visit to the account pages starts afresh: no step or address left from the last one.
    if (route.name === 'account' && this.route.name !== 'account') this.accountElement = undefined;
    if (route.name === 'form' && this.route.name !== 'form') this.formOpenedFrom = this.route;
    const path = routePath(route, this.basePath);
    if (replace) history.replaceState(null, '', path); else if (path !== `${location.pathname}${location.search}`) history.pushState(null, '', path);
    this.route = route;
    this.updateTitle();
    if (route.name !== 'form') this.focusMain();
  }

  private async focusMain(): Promise<void> {
    await this.updateComplete;
    if (this.route.name === 'form') return;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    window.scrollTo?.(0, 0);
  }

  private pageTitle = '';

  private updateTitle(): void {
    const service = this.portal?.council.serviceName ?? '';
    const form = this.route.name === 'form' ? this.forms.find((f) => f.id === (this.route as { formId: string }).formId) : undefined;
    const parts = this.route.name === 'form'
      ? [this.pageTitle, form?.title]
      : [{
        home: this.portal?.home.title, referrals: this.portal?.referrals.title, dols: this.portal?.dols.title, 'not-found': 'Page not found',
        account: 'Your account', 'signed-out': 'You have been signed out',
      }[this.route.name]];
    // GOV.UK starts the title with "Error:" while a page shows errors, so screen reader users hear it first.
    document.title = `${this.hasErrors && this.route.name === 'form' ? 'Error: ' : ''}${[...parts, service].filter(Boolean).join(' – ')}`;
  }

  private link(route: Route, text: string | TemplateResult, className = ''): TemplateResult {
    return html`<a class=${className} href=${routePath(route, this.basePath)} @click=${(e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      this.navigate(route);
    }}>${text}</a>`;
  }

  private renderAccountHeader(): TemplateResult {
    if (!this.user) {
      return this.route.name === 'account' ? html`` : this.link({ name: 'account', screen: 'sign-in', returnTo: location.pathname }, 'Sign in', 'header-link');
    }
    return html`
      <div class="account-menu" @keydown=${this.onMenuKey} @focusout=${this.onMenuFocusOut}>
        <button type="button" class="menu-button" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="account-menu"
          @click=${() => { this.menuOpen = !this.menuOpen; }}>
          <span class="visually-hidden">Account menu for </span>${this.user.forename} ${this.user.surname}
        </button>
        <ul id="account-menu" class="menu" ?hidden=${!this.menuOpen}>
          <li>${this.link({ name: 'account', screen: 'saved' }, 'Saved forms')}</li>
          <li>${this.link({ name: 'account', screen: 'submitted' }, 'Forms submitted in the last 30 days')}</li>
          <li>${this.link({ name: 'account', screen: 'change-password' }, 'Change password')}</li>
          <li><button type="button" class="link-button" @click=${() => void this.signOut()}>Sign out</button></li>
        </ul>
      </div>`;
  }

  // The menu closes as menus do: on Escape (focus back to its button), and when focus or a click goes elsewhere.
  private onMenuKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.menuOpen) return;
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus();
  };

  private onMenuFocusOut = (event: FocusEvent): void => {
    const menu = event.currentTarget as HTMLElement;
    if (!menu.contains(event.relatedTarget as Node | null)) this.menuOpen = false;
  };

  @state() private signOutFailed = false;

  /** Signs out; if the server cannot be reached the person is told, since on a shared computer it matters. */
  private async signOut(then: Route = { name: 'home' }): Promise<void> {
    try {
      await accountApi.signOut(this.apiBase);
    } catch (error) {
      if (!(error instanceof RequestRefused && error.status === 401)) {
        this.signOutFailed = true;
        return;
      }
    }
    this.signOutFailed = false;
    this.otherTabs?.tell('signed-out');
    this.clearForms();
    this.navigate(then);
  }

  private accountElement?: AscAccount;

  /** A page for signed-in people, asked for by someone who is not: to sign in, then back to it. */
  private sendToSignIn(wanted: Route): TemplateResult {
    queueMicrotask(() => this.navigate({ name: 'account', screen: 'sign-in', returnTo: routePath(wanted, this.basePath) }, true));
    return html`<p role="status">Taking you to sign in…</p>`;
  }

  private renderAccount(screen: AccountScreen, returnTo: string | undefined): TemplateResult {
    if (['account', 'saved', 'submitted', 'change-password'].includes(screen) && !this.user) return this.sendToSignIn({ name: 'account', screen });
    if (!this.accountElement) {
      this.accountElement = new AscAccount();
      this.accountElement.apiBase = this.apiBase;
      this.accountElement.addEventListener('asc-signed-in', (event) => { this.onSignedIn(event.detail.user); this.otherTabs?.tell('signed-in'); });
      this.accountElement.addEventListener('asc-signed-out', () => { this.otherTabs?.tell('signed-out'); this.clearForms(); this.navigate({ name: 'home' }); });
      this.accountElement.addEventListener('asc-navigate', (event) => this.navigateTo(event.detail.to));
    }
    this.accountElement.screen = screen;
    this.accountElement.user = this.user ?? undefined;
    this.accountElement.returnTo = returnTo ?? '/';
    this.accountElement.reason = this.saveAfterSignIn.size
      ? 'To save your form for later, sign in, or register if you are new. Your answers stay on the form meanwhile, and are saved as soon as you are signed in.'
      : '';
    return html`${this.accountElement}`;
  }

  /** What the timeout warning offers: saving, when a form has unsaved answers; otherwise signing out. */
  @state() private timeoutOffersSave = false;
  @state() private timeoutProblem?: string;
  /** Why the signed-out page is shown: the session timed out, the person saved and signed out, or another tab changed who is signed in. */
  private signedOutBecause: 'timeout' | 'saved' | 'elsewhere' = 'timeout';

  private async showTimeoutWarning(): Promise<void> {
    this.timeoutOffersSave = this.unsavedForms.length > 0;
    this.timeoutProblem = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('#timeout-dialog')?.showModal();
  }

  private renderTimeoutDialog(): TemplateResult {
    return html`
      <dialog id="timeout-dialog" aria-labelledby="timeout-title" aria-describedby="timeout-text" @cancel=${(e: Event) => { e.preventDefault(); void this.carryOn(); }}>
        <h2 id="timeout-title">You will be signed out in 2 minutes</h2>
        <p id="timeout-text">There has been no activity for 18 minutes. To keep your answers safe, we will sign you out and clear them from the screen if there is none in the next 2 minutes.${this.timeoutOffersSave ? ' Save your form now to come back to it later.' : ''}</p>
        ${this.timeoutProblem ? html`<div class="error-summary" role="alert"><p>${this.timeoutProblem}</p></div>` : nothing}
        <div class="button-group">
          <button type="button" class="button" @click=${() => void this.carryOn()}>Carry on with the form</button>
          ${this.timeoutOffersSave
            ? html`<button type="button" class="button secondary" @click=${() => void this.saveAndSignOut()}>Save for later and sign out</button>`
            : html`<button type="button" class="button secondary" @click=${() => void this.signOut()}>Sign out now</button>`}
        </div>
      </dialog>`;
  }

  /** From the timeout warning: saves every form with unsaved answers, then signs out. Signs out only if every save worked. */
  private async saveAndSignOut(): Promise<void> {
    this.timeoutProblem = undefined;
    const outcomes = await Promise.all(this.unsavedForms.map((form) => form.saveForLater()));
    const failed = outcomes.find((outcome) => outcome.kind !== 'saved');
    if (failed) {
      this.timeoutProblem = {
        stale: 'Your form was saved from another tab or window since you opened it here, so we have not saved over it. Carry on with the form to save these answers as a separate copy.',
        gone: 'The copy you saved has been deleted. Carry on with the form to save these answers as a new copy.',
        'signed-out': 'You have already been signed out, so your form could not be saved.',
        failed: `Your form has not been saved: ${'message' in failed ? failed.message : ''}`,
      }[failed.kind as 'stale' | 'gone' | 'signed-out' | 'failed'];
      return;
    }
    this.signedOutBecause = 'saved';
    await this.signOut({ name: 'signed-out' });
  }

  private async carryOn(): Promise<void> {
    this.renderRoot.querySelector<HTMLDialogElement>('#timeout-dialog')?.close();
    await this.session.carryOn();
  }

  override render(): TemplateResult {
    const portal = this.portal;
    return html`
      <a class="skip-link" href="#main" @click=${(e: Event) => { e.preventDefault(); this.renderRoot.querySelector<HTMLElement>('#main')?.focus(); }}>Skip to main content</a>
      <header part="header">
        <div class="header-inner">
          ${this.link({ name: 'home' }, portal?.council.serviceName ?? 'Adult social care', 'service-name')}
          ${this.renderAccountHeader()}
        </div>
      </header>
      <main id="main" tabindex="-1" part="main">
        ${this.signOutFailed ? html`<div class="notice" role="alert"><p>We could not sign you out: check your connection and try again. On a shared computer, close the browser when you finish.</p></div>` : nothing}
        ${this.loadError
          ? html`<h1 tabindex="-1">Sorry, there is a problem with the service</h1><p>${this.loadError}</p>`
          // A form loads its own content: it starts at once rather than after the portal's.
          : this.route.name === 'form' ? this.renderForm(this.route)
          : portal ? this.renderRoute(portal) : html`<p role="status">Loading…</p>`}
      </main>
      ${this.renderTimeoutDialog()}
      <footer>
        <div class="footer-inner">
          ${portal ? html`
            <p>${portal.council.name}. Call ${html`<a href="tel:${portal.council.phone.tel}">${portal.council.phone.display}</a>`}${portal.council.officeHours ? `, ${portal.council.officeHours}` : ''}.</p>
            ${portal.council.outOfHoursPhone ? html`<p>Out of hours, call the Emergency Duty Team on <a href="tel:${portal.council.outOfHoursPhone.tel}">${portal.council.outOfHoursPhone.display}</a>.</p>` : nothing}` : nothing}
        </div>
      </footer>`;
  }

  private renderRoute(portal: PortalContent): TemplateResult {
    const route = this.route;
    switch (route.name) {
      case 'form': return this.renderForm(route);
      case 'home': return this.renderTilePage(portal.home, html`<div class="notice">${richText(portal.notices.urgent)}</div>`);
      case 'referrals': return html`${this.link({ name: 'home' }, 'Back', 'back-link')}
        ${this.renderTilePage(portal.referrals, html`<div class="inset">${richText(portal.notices.safeguarding)}</div>`)}`;
      case 'dols': return this.renderDols(portal);
      case 'account': return this.renderAccount(route.screen, route.returnTo);
      case 'signed-out': return this.signedOutBecause === 'elsewhere'
        ? html`<h1 tabindex="-1">You have been signed out</h1>
          <p>Someone signed out, or signed in as another person, in another tab or window of this browser. To keep them safe, we have cleared the answers that were on screen here.</p>
          <p>${this.link({ name: 'account', screen: 'sign-in' }, 'Sign in again')}</p>`
        : this.signedOutBecause === 'saved'
        ? html`<h1 tabindex="-1">Your form has been saved and you have signed out</h1>
          <p>To carry on, sign in and choose <strong>Saved forms</strong> from the menu under your name. We keep saved forms for 30 days from the last time they were saved.</p>
          <p>${this.link({ name: 'account', screen: 'sign-in' }, 'Sign in again')}</p>`
        : html`<h1 tabindex="-1">You have been signed out</h1>
          <p>Your session ended: there was no activity for 20 minutes, or you had been signed in for 12 hours. To keep them safe, we have cleared the answers that were on screen.</p>
          <p>${this.link({ name: 'account', screen: 'sign-in' }, 'Sign in again')}</p>`;
      case 'not-found': return html`<h1 tabindex="-1">Page not found</h1>
        <p>If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.</p>
        <p>${this.link({ name: 'home' }, 'Go to the home page')}</p>`;
    }
  }

  private tileTarget(tile: Tile): TemplateResult {
    if (tile.form) return this.link({ name: 'form', formId: tile.form }, tile.title);
    if (tile.page) return this.link({ name: tile.page }, tile.title);
    return html`<a href=${tile.href!} rel="noopener noreferrer">${tile.title}</a>`;
  }

  private renderTilePage(page: PortalContent['home'], notice: TemplateResult): TemplateResult {
    return html`
      <h1 tabindex="-1">${page.title}</h1>
      ${(page.content ?? []).map(contentBlock)}
      <ul class="tiles">
        ${page.tiles.map((tile) => html`
          <li class="tile">
            ${icon(tile.icon)}
            <div><h2>${this.tileTarget(tile)}</h2><p>${tile.text}</p></div>
          </li>`)}
      </ul>
      ${notice}
      ${(page.after ?? []).map(contentBlock)}`;
  }

  private renderDols(portal: PortalContent): TemplateResult {
    const dols = portal.dols;
    return html`
      ${this.link({ name: 'referrals' }, 'Back', 'back-link')}
      <h1 tabindex="-1">${dols.title}</h1>
      ${dols.subtitle ? html`<p class="caption">${dols.subtitle}</p>` : nothing}
      ${(dols.content ?? []).map(contentBlock)}
      <ol class="form-links">
        ${dols.forms.map((link) => html`<li>${this.link({ name: 'form', formId: link.form }, link.title, 'strong')}</li>`)}
      </ol>
      ${(dols.after ?? []).map(contentBlock)}`;
  }

  /** A new <asc-form> wired to the portal: its page changes, errors, Close, Cancel and the sign-in it asks for. */
  private createFormElement(formId: string): AscForm {
    const form = new AscForm();
    form.formId = formId;
    form.apiBase = this.apiBase;
    form.addEventListener('asc-page-change', this.onFormPageChange);
    form.addEventListener('asc-validation-failed', () => { this.hasErrors = true; this.updateTitle(); });
    form.addEventListener('asc-submitted', () => {
      if (!form.isConnected || this.formElements.get(formId) !== form) return;
      this.pageTitle = 'Form submitted';
      // The saved copy is gone: the address no longer names it.
      if (this.route.name === 'form' && this.route.formId === formId && this.route.draftId) {
        this.route = { name: 'form', formId, pageId: this.route.pageId };
        history.replaceState(null, '', routePath(this.route, this.basePath));
      }
      this.updateTitle();
    });
    // Once saved, the address names the saved copy, so a reload or a bookmark opens it again.
    form.addEventListener('asc-saved', (event) => {
      // Only the form on screen names the address: one saved while another saved form opens is not it.
      if (!form.isConnected || this.route.name !== 'form' || this.route.formId !== formId || this.formElements.get(formId) !== form) return;
      this.route = { ...this.route, draftId: event.detail.draftId };
      history.replaceState(null, '', routePath(this.route, this.basePath));
    });
    form.addEventListener('asc-close', () => this.navigate(this.formOpenedFrom));
    // The form's "Login or Register" and, as the guide says, Save for later lead to the login screen.
    const toSignIn = (event: Event) => {
      if (this.user) return;
      event.preventDefault();
      if (event.type === 'asc-save-request') this.saveAfterSignIn.add(formId);
      this.navigate({ name: 'account', screen: 'sign-in', returnTo: location.pathname });
    };
    form.addEventListener('asc-sign-in-request', toSignIn);
    form.addEventListener('asc-save-request', toSignIn);
    form.signedIn = this.user !== null;
    form.addEventListener('asc-cancel', () => {
      if (this.formElements.get(formId) === form) this.formElements.delete(formId);
      this.navigate({ name: 'home' });
    });
    return form;
  }

  private renderForm(route: Extract<Route, { name: 'form' }>): TemplateResult {
    let form = this.formElements.get(route.formId);
    // An address that names a saved copy other than the one on screen (a link from Saved forms,
    // a reload, a bookmark) opens that copy.
    if (route.draftId && form?.savedDraftId !== route.draftId) return this.renderOpeningDraft({ ...route, draftId: route.draftId });
    if (!form) {
      form = this.createFormElement(route.formId);
      // The council's guide: "When you start a form, you will need to tick the box to confirm you are not a robot."
      form.captcha = true;
      this.formElements.set(route.formId, form);
    }
    if (route.pageId && form.pageId !== route.pageId) form.pageId = route.pageId;
    // Saved while the person was away from it (signing in): the address now names the saved copy.
    if (!route.draftId && form.savedDraftId) {
      const named = { ...route, draftId: form.savedDraftId };
      queueMicrotask(() => {
        if (this.route !== route) return;
        this.route = named;
        history.replaceState(null, '', routePath(named, this.basePath));
      });
    }
    return html`${form}`;
  }

  /** The draft being opened, so a re-render does not fetch it twice. */
  private openingDraft?: string;
  /** Why a draft could not be opened, for that draft's address only. */
  @state() private draftProblem?: { draftId: string; message: string };

  private renderOpeningDraft(route: Extract<Route, { name: 'form' }> & { draftId: string }): TemplateResult {
    if (!this.accountChecked) return html`<p role="status">Opening your saved form…</p>`;
    if (!this.user) return this.sendToSignIn(route);
    if (this.draftProblem?.draftId === route.draftId) {
      return html`<h1 tabindex="-1">This saved form cannot be opened</h1>
        <p>${this.draftProblem.message}</p>
        <p>${this.link({ name: 'account', screen: 'saved' }, 'Go to your saved forms')}</p>`;
    }
    if (this.openingDraft !== route.draftId) {
      this.openingDraft = route.draftId;
      void this.openDraft(route.draftId);
    }
    return html`<p role="status">Opening your saved form…</p>`;
  }

  /**
   * Carries on with a saved form. Only one form of a kind is open at a time: one with unsaved
   * answers is saved first (and the person told), or, if that fails, stays on screen instead.
   */
  private async openDraft(draftId: string): Promise<void> {
    const stillWanted = () => this.route.name === 'form' && this.route.draftId === draftId;
    try {
      const draft = await draftsApi.open(this.apiBase, draftId);
      if (!stillWanted()) return;
      const open = this.formElements.get(draft.formId);
      let note: TemplateResult | undefined;
      if (open?.hasUnsavedChanges) {
        const outcome = await open.saveForLater();
        if (!stillWanted()) return;
        if (outcome.kind !== 'saved') {
          // Its answers could not be kept: show it, with the reason, rather than replace it.
          this.navigate({ name: 'form', formId: draft.formId, pageId: open.pageId, draftId: open.savedDraftId }, true);
          return;
        }
        note = html`<p>The other ${draft.formTitle} you had open has been saved: you will find it in <strong>Saved forms</strong>.</p>`;
      }
      const form = this.createFormElement(draft.formId);
      form.openDraft(draft, draft.answers, note);
      this.formElements.set(draft.formId, form);
      this.navigate({ name: 'form', formId: draft.formId, pageId: draft.pageId, draftId }, true);
    } catch (error) {
      if (!stillWanted()) return;
      if (error instanceof RequestRefused && error.status === 401) return this.onSessionEnded();
      this.draftProblem = { draftId, message: error instanceof Error ? error.message : String(error) };
    } finally {
      if (this.openingDraft === draftId) this.openingDraft = undefined;
    }
  }

  private onFormPageChange = (event: CustomEvent<AscPageChangeDetail>): void => {
    const { formId, pageId, pageTitle, cause } = event.detail;
    this.pageTitle = pageTitle;
    this.hasErrors = false;
    const draftId = (event.target as AscForm).savedDraftId;
    const route: Route = { name: 'form', formId, pageId, ...(draftId ? { draftId } : {}) };
    const path = routePath(route, this.basePath);
    // Opening a form settles its address without a new history entry; moving between pages adds one.
    if (cause === 'start' || cause === 'host') history.replaceState(null, '', path);
    else if (path !== `${location.pathname}${location.search}`) history.pushState(null, '', path);
    this.route = route;
    this.updateTitle();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'asc-portal': AscPortal;
  }
}
