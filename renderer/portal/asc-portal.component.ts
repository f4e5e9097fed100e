import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FormSummary, PortalPages } from '../../engine/runtime.ts';
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
import { dolsPage, homePage, notFoundPage, referralsPage, signedOutPage, signedOutTitle } from './portal-pages.ts';
import type { Route } from './routes.ts';

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

  @state() private portal?: PortalPages;
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
      [this.portal, this.forms] = await Promise.all([
        fetchPortal(this.apiBase),
        fetchFormList(this.apiBase),
        this.session.check(),
      ]);
      this.announcer.updateTitle();
    } catch (error) {
      this.loadError = (error as Error).message;
    }
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
              : portal
                ? this.renderPage(route, portal)
                : html`<p role="status">Loading…</p>`
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

  private renderPage(route: Exclude<Route, { name: 'form' }>, portal: PortalPages): TemplateResult {
    const link = this.router.link.bind(this.router);
    switch (route.name) {
      case 'home':
        return homePage(portal, link);
      case 'referrals':
        return referralsPage(portal, link);
      case 'dols':
        return dolsPage(portal, link);
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
