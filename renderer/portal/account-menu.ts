import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AccountUser } from '../../engine/runtime.ts';
import { accountMenuItems } from '../account/account-links.ts';
import type { Route } from './routes.ts';

/** What the account menu needs from the portal. */
export interface AccountMenuHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** How the menu's items reach the rest of the portal. */
export interface AccountMenuActions {
  link(route: Route, text: string, className?: string): TemplateResult;
  signOut(): void;
}

/**
 * The top right of the header: "Sign in" for nobody, or the signed-in name, which opens the
 * account menu.
 */
export class AccountMenuController implements ReactiveController {
  private open = false;

  constructor(
    private readonly host: AccountMenuHost,
    private readonly actions: AccountMenuActions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  /** Closes the menu, as a move to another page does. */
  close(): void {
    this.open = false;
    this.host.requestUpdate();
  }

  /** The header's account part; nothing on the account pages, which are the way to sign in. */
  render(user: AccountUser | null, route: Route): TemplateResult {
    if (!user) {
      return route.name === 'account'
        ? html``
        : this.actions.link(
            { name: 'account', screen: 'sign-in', returnTo: location.pathname },
            'Sign in',
            'header-link',
          );
    }
    return html`
      <div class="account-menu" @keydown=${this.onKey} @focusout=${this.onFocusOut}>
        <button type="button" class="menu-button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="account-menu"
          @click=${() => {
            this.open = !this.open;
            this.host.requestUpdate();
          }}>
          <span class="visually-hidden">Account menu for </span>${user.forename} ${user.surname}
        </button>
        <ul id="account-menu" class="menu" ?hidden=${!this.open}>
          ${accountMenuItems(
            (screen, text) => this.actions.link({ name: 'account', screen }, text),
            () => this.actions.signOut(),
          )}
        </ul>
      </div>`;
  }

  // The menu closes as menus do: on Escape (focus back to its button), and when focus or a click goes elsewhere.
  private onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    this.close();
    this.host.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus();
  };

  private onFocusOut = (event: FocusEvent): void => {
    const menu = event.currentTarget as HTMLElement;
    if (!menu.contains(event.relatedTarget as Node | null)) this.close();
  };
}
