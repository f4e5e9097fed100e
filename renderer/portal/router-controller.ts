import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { parseRoute, routePath, type Route } from './routes.ts';

/** How the portal came to a new page: its own link or call, or the browser's back and forward. */
export type RouteCause = 'portal' | 'history';

/** What the router needs from the element it serves. */
export interface RouterHost extends ReactiveControllerHost {
  /** The path the portal lives under. */
  readonly basePath: string;
}

/** What the portal does around a move from one page to another. */
export interface RouterEvents {
  /** Before the move: `previous` is still the page on screen. */
  leaving(next: Route, previous: Route, cause: RouteCause): void;
  /** After the move: `route` is now the page on screen. */
  arrived(route: Route, cause: RouteCause): void;
}

/**
 * The portal's addresses: which page is on screen, the browser's history and address bar kept in
 * step with it, and links that move without reloading the page.
 */
export class RouterController implements ReactiveController {
  private current: Route = { name: 'home' };

  constructor(
    private readonly host: RouterHost,
    private readonly events: RouterEvents,
  ) {
    host.addController(this);
  }

  /** The page on screen. */
  get route(): Route {
    return this.current;
  }

  hostConnected(): void {
    this.current = parseRoute(location.pathname, this.host.basePath, location.search);
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /** The address of a page of the portal. */
  path(route: Route): string {
    return routePath(route, this.host.basePath);
  }

  /** Moves to an address of the portal, given as a path ("/account/sign-in?return=…"). */
  navigateTo(path: string): void {
    const url = new URL(path, location.origin);
    this.navigate(parseRoute(url.pathname, this.host.basePath, url.search));
  }

  /** Moves to a page of the portal, adding it to the browser's history (or taking the place of the last entry). */
  navigate(route: Route, replace = false): void {
    this.events.leaving(route, this.current, 'portal');
    this.settle(route, replace);
    this.events.arrived(route, 'portal');
  }

  /**
   * Puts the address in step with what is on screen, without leaving the page: a form that moved
   * to another of its pages adds a history entry; one that only names itself better replaces it.
   */
  settle(route: Route, replace = true): void {
    const path = this.path(route);
    if (replace) history.replaceState(null, '', path);
    else if (path !== `${location.pathname}${location.search}`) history.pushState(null, '', path);
    this.current = route;
    this.host.requestUpdate();
  }

  /** A link to a page of the portal: an ordinary link for a new tab, a move within the page for a plain click. */
  link(route: Route, text: string | TemplateResult, className = ''): TemplateResult {
    return html`<a class=${className} href=${this.path(route)} @click=${(e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      this.navigate(route);
    }}>${text}</a>`;
  }

  private onPopState = (): void => {
    const route = parseRoute(location.pathname, this.host.basePath, location.search);
    this.events.leaving(route, this.current, 'history');
    this.current = route;
    this.host.requestUpdate();
    this.events.arrived(route, 'history');
  };
}
