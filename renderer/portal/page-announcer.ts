import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FormSummary, PortalOnFormPage } from '../../engine/runtime.ts';
import type { Route } from './routes.ts';

/** What the announcer reads from the portal. */
export interface PageAnnouncerHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The portal's content and the page on screen, as the announcer needs them. */
export interface PageAnnouncerSource {
  route(): Route;
  portal(): PortalOnFormPage | undefined;
  forms(): FormSummary[];
  /** The signed-out page's heading, which says why. */
  signedOutTitle(): string;
}

const TITLES: Record<Exclude<Route['name'], 'form' | 'home' | 'referrals' | 'dols' | 'signed-out'>, string> = {
  'not-found': 'Page not found',
  account: 'Your account',
  'submitted-form': 'A form you submitted',
};

/**
 * Tells a person where they are after a move within the page, as a page load would: the
 * document's title names the page (and its errors), and focus goes to its heading.
 */
export class PageAnnouncer {
  /** The title of the form's page on screen, from the form's last page change. */
  formPageTitle = '';
  /** Whether the form's page on screen shows errors. */
  formHasErrors = false;

  constructor(
    private readonly host: PageAnnouncerHost,
    private readonly source: PageAnnouncerSource,
  ) {}

  /** Names the page on screen in the document's title. */
  updateTitle(): void {
    const route = this.source.route();
    const portal = this.source.portal();
    const parts =
      route.name === 'form'
        ? [this.formPageTitle, this.source.forms().find((f) => f.id === route.formId)?.title]
        : [
            route.name === 'home' || route.name === 'referrals' || route.name === 'dols'
              ? portal?.[route.name]?.title
              : route.name === 'signed-out'
                ? this.source.signedOutTitle()
                : TITLES[route.name],
          ];
    // GOV.UK starts the title with "Error:" while a page shows errors, so screen reader users hear it first.
    document.title = `${this.formHasErrors && route.name === 'form' ? 'Error: ' : ''}${[...parts, portal?.council.serviceName ?? ''].filter(Boolean).join(' – ')}`;
  }

  /** Focus on the new page's heading, at the top. A form moves focus itself, so is left alone. */
  async focusHeading(): Promise<void> {
    await this.host.updateComplete;
    if (this.source.route().name === 'form') return;
    this.host.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    window.scrollTo?.(0, 0);
  }

  /** The skip link, which moves focus to the main content (a plain #main would not cross the shadow root). */
  skipLink(): TemplateResult {
    return html`<a class="skip-link" href="#main" @click=${(e: Event) => {
      e.preventDefault();
      this.host.renderRoot.querySelector<HTMLElement>('#main')?.focus();
    }}>Skip to main content</a>`;
  }
}
