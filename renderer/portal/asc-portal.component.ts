import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PORTAL_SCREENS, type FormSummary, type PortalOnFormPage, type PortalPages } from '../../engine/runtime.ts';
import { fetchFormList, fetchPortal } from '../api-client.ts';
import { SIGN_OUT_FAILED } from '../account-api.ts';
import { baseStyles } from '../shared/styles.ts';
import { portalStyles } from './asc-portal.styles.ts';
import { RouterController } from './router-controller.ts';
import { PageAnnouncer } from './page-announcer.ts';
import { SessionController } from './session-controller.ts';
import type { TimeoutDialogController } from '../shared/timeout-dialog.ts';
import { portalTimeoutDialog } from '../form/timeout-warning.ts';
import { OpenFormsController } from './open-forms.ts';
import { AccountMenuController } from './account-menu.ts';
import { AccountPagesController } from './account-pages.ts';
import { notFoundPage, signedOutPage, signedOutTitle } from './portal-pages.ts';
import type { Route } from './routes.ts';

/** Whether `route` is one of the portal's own pages, whose words may come after the page (PORTAL_SCREENS). */
const isScreen = (route: Route): route is Extract<Route, { name: (typeof PORTAL_SCREENS)[number] }> =>
  (PORTAL_SCREENS as readonly string[]).includes(route.name);

/**
 * The whole portal in one element: the home page with its tiles, the referral and DoLS pages, and
 * each form, every one at its own address, all from forms/portal.json and the form definitions.
 *
 * @summary The referral portal: home, referral and DoLS pages, and the forms.
 * @csspart header - The black header with the service name.
 * @csspart main - The page's main content.
 */
export class AscPortal extends LitElement {
  static override styles = [baseStyles, portalStyles];

  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The path the portal lives under, when not the site's root. */
  @property({ attribute: 'base-path' }) basePath = '/';
  /** Start forms without the check that the person is not a robot: for the form authors' preview (npm run preview) only. */
  @property({ type: Boolean, attribute: 'no-captcha' }) noCaptcha = false;

  /** At a form's address, without its own pages' words until they come (loadScreens). */
  @state() private portal?: PortalOnFormPage;
  /** The portal's own pages (portal-screens.ts), once loaded: with their words, the page at their address preloads them. */
  @state() private screenPages?: typeof import('./portal-screens.ts');
  /** The portal's own pages and their words, being loaded. */
  private screens?: Promise<void>;
  /** A page of the portal's own waits for its words: its heading takes the focus once they come. */
  private screenWaits = false;
  /** Its words could not be had: the page says so, with a way to try again. */
  @state() private screensFailed = false;
  @state() private forms: FormSummary[] = [];
  @state() private loadError?: string;

  private readonly router: RouterController = new RouterController(this, {
    leaving: (next, previous, cause) => {
      if (cause === 'portal') this.menu.close();
      this.openForms.routeWillChange(next, previous, cause);
      this.accountPages.routeWillChange(next, previous);
    },
    arrived: (route) => {
      this.announcer.updateTitle();
      if (route.name !== 'form') void this.announcer.focusHeading();
    },
  });

  private readonly announcer: PageAnnouncer = new PageAnnouncer(this, {
    route: () => this.router.route,
    portal: () => this.portal,
    forms: () => this.forms,
    signedOutTitle: () => signedOutTitle(this.session.signedOutBecause),
  });

  private readonly session: SessionController = new SessionController(this, {
    signedIn: () => this.openForms.signedIn(),
    cleared: () => {
      this.openForms.clear();
      this.accountPages.clear();
      this.timeoutDialog.close();
    },
    warn: () => void this.timeoutDialog.show(),
    navigate: (route) => this.router.navigate(route),
  });

  private readonly timeoutDialog: TimeoutDialogController = portalTimeoutDialog(this, {
    hasUnsavedForms: () => this.openForms.unsaved.length > 0,
    saveForms: async () =>
      (await Promise.all(this.openForms.unsaved.map((form) => form.saveForLater()))).find(
        (outcome) => outcome.kind !== 'saved',
      ),
    carryOn: () => this.session.carryOn(),
    signOut: (saved) => this.session.signOut(saved ? 'saved' : 'chose'),
  });

  private readonly openForms: OpenFormsController = new OpenFormsController(this, {
    route: () => this.router.route,
    navigate: (route, replace) => this.router.navigate(route, replace),
    settle: (route, replace) => this.router.settle(route, replace),
    link: (route, text) => this.router.link(route, text),
    user: () => this.session.user,
    accountChecked: () => this.session.checked,
    sessionEnded: () => this.session.end(),
    sendToSignIn: (wanted) => this.accountPages.sendToSignIn(wanted),
    title: this.announcer,
  });

  private readonly menu: AccountMenuController = new AccountMenuController(this, {
    link: (route, text, className) => this.router.link(route, text, className),
    signOut: () => void this.session.signOut(),
  });

  private readonly accountPages: AccountPagesController = new AccountPagesController(this, {
    user: () => this.session.user,
    saveIsWaiting: () => this.openForms.saveIsWaiting,
    signedIn: (signedIn) => this.session.signedInHere(signedIn),
    signedOut: () => this.session.signedOutHere(),
    navigate: (route, replace) => this.router.navigate(route, replace),
    navigateTo: (path) => this.router.navigateTo(path),
    path: (route) => this.router.path(route),
    timeZone: () => this.portal?.council.timeZone,
    openFormAt: (path) => this.openForms.openFormAt(path),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      // Not loaded here, they are asked for again (loadScreens), and the page says if they fail.
      const screens = isScreen(this.router.route) ? import('./portal-screens.ts').catch(() => undefined) : undefined;
      [this.portal, this.forms, , this.screenPages] = await Promise.all([
        fetchPortal(this.apiBase),
        fetchFormList(this.apiBase),
        this.session.check(),
        screens,
      ]);
      this.announcer.updateTitle();
      // Once the form is on screen, while the person reads it: a later move to home is then at once.
      const later = (then: () => void) =>
        'requestIdleCallback' in window ? requestIdleCallback(then) : setTimeout(then, 500);
      if (this.router.route.name === 'form') later(() => this.loadScreens());
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  /** Whether the portal's own pages can be shown: their code and their words have come. */
  private screensReady(): boolean {
    const portal = this.portal;
    return !!this.screenPages && !!portal && PORTAL_SCREENS.every((screen) => portal[screen]);
  }

  /** Loads the portal's own pages, and their words where the page came without them; again after a failure. */
  private loadScreens(): void {
    const portal = this.portal;
    if (this.screens || !portal || this.screensReady()) return;
    this.screens = Promise.all([
      PORTAL_SCREENS.every((screen) => portal[screen]) ? portal : fetchPortal(this.apiBase),
      this.screenPages ?? import('./portal-screens.ts'),
    ]).then(
      ([whole, pages]) => {
        this.portal = whole;
        this.screenPages = pages;
        this.screensFailed = false;
        const waited = this.screenWaits;
        this.screenWaits = false;
        // Still on the page that waited for them (not gone elsewhere meanwhile): its heading takes the focus.
        if (!waited || !isScreen(this.router.route)) return;
        this.announcer.updateTitle();
        void this.announcer.focusHeading();
      },
      () => {
        this.screens = undefined;
        this.screensFailed = this.screenWaits;
      },
    );
  }

  /** Moves to an address of the portal, given as a path ("/account/sign-in?return=…"). */
  navigateTo(path: string): void {
    this.router.navigateTo(path);
  }

  /** Moves to a page of the portal, adding it to the browser's history. */
  navigate(route: Route, replace = false): void {
    this.router.navigate(route, replace);
  }

  override render(): TemplateResult {
    const portal = this.portal;
    const route = this.router.route;
    return html`
      ${this.announcer.skipLink()}
      <header part="header">
        <div class="header-inner">
          ${this.router.link({ name: 'home' }, portal?.council.serviceName ?? 'Adult social care', 'service-name')}
          <div class="header-account">${this.session.checked ? this.menu.render(this.session.user, route) : nothing}</div>
        </div>
      </header>
      <main id="main" tabindex="-1" part="main" class=${route.name === 'form' ? 'form' : ''}>
        ${this.session.signOutFailed ? html`<div class="notice" role="alert"><p>${SIGN_OUT_FAILED} On a shared computer, close the browser when you finish.</p></div>` : nothing}
        ${
          this.loadError
            ? html`<h1 tabindex="-1">Sorry, there is a problem with the service</h1><p>${this.loadError}</p>`
            : // A form loads its own content: it starts at once rather than after the portal's.
              route.name === 'form'
              ? this.openForms.render(route)
              : portal && (!isScreen(route) || this.screensReady())
                ? this.renderPage(route, portal as PortalPages)
                : this.waitForScreens()
        }
      </main>
      ${this.timeoutDialog.render()}
      <footer>
        <div class="footer-inner">
          ${
            portal
              ? html`
            <p>${portal.council.name}. Call ${html`<a href="tel:${portal.council.phone.tel}">${portal.council.phone.display}</a>`}${portal.council.officeHours ? `, ${portal.council.officeHours}` : ''}.</p>
            ${portal.council.outOfHoursPhone ? html`<p>Out of hours, call the Emergency Duty Team on <a href="tel:${portal.council.outOfHoursPhone.tel}">${portal.council.outOfHoursPhone.display}</a>.</p>` : nothing}`
              : nothing
          }
        </div>
      </footer>`;
  }

  /** "Loading…" while the portal's content, or its own pages' words, come. */
  private waitForScreens(): TemplateResult {
    if (!this.portal) return html`<p role="status">Loading…</p>`;
    this.screenWaits = true;
    if (this.screensFailed)
      return html`<h1 tabindex="-1">Sorry, this page could not be loaded</h1>
        <p>Check your connection, then try again.</p>
        <button type="button" class="button" @click=${() => {
          this.screensFailed = false;
          this.loadScreens();
        }}>Try again</button>`;
    this.loadScreens();
    return html`<p role="status">Loading…</p>`;
  }

  private renderPage(route: Exclude<Route, { name: 'form' }>, portal: PortalPages): TemplateResult {
    const link = this.router.link.bind(this.router);
    switch (route.name) {
      case 'home':
        return this.screenPages!.homePage(portal, link);
      case 'referrals':
        return this.screenPages!.referralsPage(portal, link);
      case 'dols':
        return this.screenPages!.dolsPage(portal, link);
      case 'account':
        return this.accountPages.render(route.screen, route.returnTo);
      case 'submitted-form':
        return this.accountPages.renderSubmittedForm(route.submissionId);
      case 'signed-out':
        return signedOutPage(this.session.signedOutBecause, link);
      case 'not-found':
        return notFoundPage(link);
    }
  }
}
