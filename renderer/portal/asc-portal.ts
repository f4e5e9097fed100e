import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PortalContent } from '../../engine/runtime.ts';
import { fetchFormList, fetchPortal, type FormListEntry } from '../api-client.ts';
import { baseStyles } from '../shared/styles.ts';
import { contentBlock, richText } from '../shared/rich-text.ts';
import { portalStyles } from './styles.ts';
import { icon } from './icons.ts';
import { parseRoute, routePath, type Route } from './routes.ts';
import type { AscPageChangeDetail } from '../form/events.ts';
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
    this.route = parseRoute(location.pathname, this.basePath);
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    super.disconnectedCallback();
  }

  // Answers live only in this page until the person signs in: leaving or reloading it loses them, so the browser asks first.
  private onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if ([...this.formElements.values()].some((form) => Object.keys(form.currentAnswers).length > 0)) event.preventDefault();
  };

  private async load(): Promise<void> {
    try {
      [this.portal, this.forms] = await Promise.all([fetchPortal(this.apiBase), fetchFormList(this.apiBase)]);
      this.updateTitle();
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  private onPopState = (): void => {
    this.route = parseRoute(location.pathname, this.basePath);
    this.updateTitle();
    this.focusMain();
  };

  /** Moves to a page of the portal, adding it to the browser's history. */
  navigate(route: Route, replace = false): void {
    if (route.name === 'form' && this.route.name !== 'form') this.formOpenedFrom = this.route;
    const path = routePath(route, this.basePath);
    if (replace) history.replaceState(null, '', path); else if (path !== location.pathname) history.pushState(null, '', path);
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
      : [{ home: this.portal?.home.title, referrals: this.portal?.referrals.title, dols: this.portal?.dols.title, 'not-found': 'Page not found' }[this.route.name]];
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

  override render(): TemplateResult {
    const portal = this.portal;
    return html`
      <a class="skip-link" href="#main" @click=${(e: Event) => { e.preventDefault(); this.renderRoot.querySelector<HTMLElement>('#main')?.focus(); }}>Skip to main content</a>
      <header part="header">
        <div class="header-inner">
          ${this.link({ name: 'home' }, portal?.council.serviceName ?? 'Adult social care', 'service-name')}
        </div>
      </header>
      <main id="main" tabindex="-1" part="main">
        ${this.loadError
          ? html`<h1 tabindex="-1">Sorry, there is a problem with the service</h1><p>${this.loadError}</p>`
          // A form loads its own content: it starts at once rather than after the portal's.
          : this.route.name === 'form' ? this.renderForm(this.route)
          : portal ? this.renderRoute(portal) : html`<p role="status">Loading…</p>`}
      </main>
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
      case 'home': return this.renderTilePage(portal.home, html`<div class="notice">${richText(portal.notices.urgent)}</div>`);
      case 'referrals': return html`${this.link({ name: 'home' }, 'Back', 'back-link')}
        ${this.renderTilePage(portal.referrals, html`<div class="inset">${richText(portal.notices.safeguarding)}</div>`)}`;
      case 'dols': return this.renderDols(portal);
      case 'form': return this.renderForm(route);
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

  private renderForm(route: Extract<Route, { name: 'form' }>): TemplateResult {
    let form = this.formElements.get(route.formId);
    if (!form) {
      form = new AscForm();
      form.formId = route.formId;
      form.apiBase = this.apiBase;
      form.addEventListener('asc-page-change', this.onFormPageChange);
      form.addEventListener('asc-validation-failed', () => { this.hasErrors = true; this.updateTitle(); });
      form.addEventListener('asc-close', () => this.navigate(this.formOpenedFrom));
      form.addEventListener('asc-cancel', () => {
        this.formElements.delete(route.formId);
        this.navigate({ name: 'home' });
      });
      this.formElements.set(route.formId, form);
    }
    if (route.pageId && form.pageId !== route.pageId) form.pageId = route.pageId;
    return html`${form}`;
  }

  private onFormPageChange = (event: CustomEvent<AscPageChangeDetail>): void => {
    const { formId, pageId, pageTitle, cause } = event.detail;
    this.pageTitle = pageTitle;
    this.hasErrors = false;
    const route: Route = { name: 'form', formId, pageId };
    const path = routePath(route, this.basePath);
    // Opening a form settles its address without a new history entry; moving between pages adds one.
    if (cause === 'start' || cause === 'host') history.replaceState(null, '', path);
    else if (path !== location.pathname) history.pushState(null, '', path);
    this.route = route;
    this.updateTitle();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'asc-portal': AscPortal;
  }
}
