import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AccountUser, SignedIn } from '../../engine/runtime.ts';
import type { AscAccount } from '../account/asc-account.ts';
import type { AccountScreen } from '../account/account-screens.ts';
import type { Route } from './routes.ts';
import type { CarriedAnswers } from '../form/carried-answers.ts';
import { carryAddress, continueOnPortal, cookiesKept } from '../form/cookies-apart.ts';

/** What the account pages need from the portal. */
export interface AccountPagesHost {
  readonly apiBase: string;
  requestUpdate(): void;
}

/** How the account screens reach the rest of the portal. */
export interface AccountPagesActions {
  user(): AccountUser | null;
  /** Whether a Save for later is waiting for the person to sign in. */
  saveIsWaiting(): boolean;
  signedIn(signedIn: SignedIn): void;
  signedOut(): void;
  navigate(route: Route, replace?: boolean): void;
  navigateTo(path: string): void;
  path(route: Route): string;
  /** The council's time zone, from portal.json. */
  timeZone(): string | undefined;
  /** The form open at a portal address, with its answers so far, to carry to a window of its own. */
  openFormAt(path: string): CarriedAnswers | undefined;
}

/**
 * The account screens' code, fetched the first time one is shown rather than with the portal's
 * first page. Until it arrives the element waits undefined, keeping what it was given (Lit takes
 * properties set before it is defined), and draws itself once it is.
 */
let accountScreensRequested = false;
function loadAccountScreens(): void {
  if (accountScreensRequested) return;
  accountScreensRequested = true;
  Promise.all([import('../account/asc-account.ts'), import('../account/asc-submitted-form.ts')]).catch(() => {
    accountScreensRequested = false; // the next visit tries again
  });
}

/** Screens only for someone signed in. */
const SIGNED_IN_ONLY: readonly AccountScreen[] = ['account', 'saved', 'submitted', 'change-password'];

/**
 * The portal's account pages: one <asc-account> for each visit to them, and the way in for
 * someone not signed in. The element keeps its own state, so this needs none of the portal's
 * lifecycle.
 */
export class AccountPagesController {
  private element?: AscAccount;
  /** In a frame: whether the browser keeps the portal's cookies there (unknown until asked). */
  private keptInFrame?: boolean;
  private askedInFrame = false;

  constructor(
    private readonly host: AccountPagesHost,
    private readonly actions: AccountPagesActions,
  ) {}

  /** Each visit to the account pages starts afresh: no step or address left from the last one. */
  routeWillChange(next: Route, previous: Route): void {
    if (next.name === 'account' && previous.name !== 'account') this.element = undefined;
  }

  /** Forgets the screens, and what was typed in them. */
  clear(): void {
    this.element = undefined;
  }

  /** A page for signed-in people, asked for by someone who is not: to sign in, then back to it. */
  sendToSignIn(wanted: Route): TemplateResult {
    queueMicrotask(() =>
      this.actions.navigate({ name: 'account', screen: 'sign-in', returnTo: this.actions.path(wanted) }, true),
    );
    return html`<p role="status">Taking you to sign in…</p>`;
  }

  /** A form the person submitted, opened again read-only (for them only: the server sees to it). */
  renderSubmittedForm(submissionId: string): TemplateResult {
    if (!this.actions.user()) return this.sendToSignIn({ name: 'submitted-form', submissionId });
    loadAccountScreens();
    return html`<asc-submitted-form api-base=${this.host.apiBase} submission-id=${submissionId} time-zone=${ifDefined(this.actions.timeZone())}
      @asc-navigate=${(event: CustomEvent<{ to: string }>) => this.actions.navigateTo(event.detail.to)}></asc-submitted-form>`;
  }

  /**
   * The portal in a frame on another site, where the browser keeps its cookies apart: signing in
   * cannot work there, so the person is offered the portal in the whole window, with the answers
   * of the form they came from. Undefined where signing in works.
   */
  private apartInFrame(returnTo: string | undefined): TemplateResult | undefined {
    if (!this.askedInFrame) {
      this.askedInFrame = true;
      void cookiesKept(this.host.apiBase).then((cookies) => {
        // Not reached: the sign-in shows, and says so itself if the connection is still down.
        if (cookies === 'failed') this.askedInFrame = false;
        this.keptInFrame = cookies !== 'apart';
        this.host.requestUpdate();
      });
    }
    if (this.keptInFrame === undefined) return html`<p role="status">Loading…</p>`;
    if (this.keptInFrame) return undefined;
    const carried = returnTo ? this.actions.openFormAt(returnTo) : undefined;
    // Only ever an address of the portal itself, whatever the return path says.
    const back = new URL(returnTo ?? '/', location.origin);
    const href = carried
      ? carryAddress(this.host.apiBase, carried)
      : back.origin === location.origin
        ? back.href
        : location.origin;
    return continueOnPortal(this.host.apiBase, href);
  }

  /** The account screen asked for, in the one <asc-account> of this visit. */
  render(screen: AccountScreen, returnTo: string | undefined): TemplateResult {
    const user = this.actions.user();
    if (SIGNED_IN_ONLY.includes(screen) && !user) return this.sendToSignIn({ name: 'account', screen });
    if (!user && window.top !== window.self) {
      const apart = this.apartInFrame(returnTo);
      if (apart) return apart;
    }
    if (!this.element) {
      loadAccountScreens();
      this.element = document.createElement('asc-account') as AscAccount;
      this.element.apiBase = this.host.apiBase;
      this.element.addEventListener('asc-signed-in', (event) => this.actions.signedIn(event.detail));
      this.element.addEventListener('asc-signed-out', () => this.actions.signedOut());
      this.element.addEventListener('asc-navigate', (event) => this.actions.navigateTo(event.detail.to));
    }
    this.element.screen = screen;
    this.element.timeZone = this.actions.timeZone();
    this.element.user = user ?? undefined;
    this.element.returnTo = returnTo ?? '/';
    this.element.reason = this.actions.saveIsWaiting()
      ? 'To save your form for later, sign in, or register if you are new. Your answers stay on the form meanwhile, and are saved as soon as you are signed in.'
      : '';
    return html`${this.element}`;
  }
}
