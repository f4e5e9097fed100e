/**
 * What an embedded form (session="form") loads once someone signs in or asks to: the account
 * screens in place of the page, who is signed in with Sign out, the timeout warning, and the
 * person's saved copies of this form to carry on with. Where the browser keeps the portal's
 * cookies apart from the page (another site, or a frame from one), signing in cannot work there,
 * so the form says so and offers to continue on the portal, carrying the answers in the address's
 * fragment, which the browser never sends to any server.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AccountUser, Answers, Form, Page, SavedDraft, SignedIn } from '../../engine/runtime.ts';
import { SESSION_IDLE_MS, durationInWords } from '../../engine/runtime.ts';
import { accountApi, SIGN_OUT_FAILED, signOut } from '../account-api.ts';
import { AscAccount } from '../account/asc-account.ts';
import type { AccountScreen } from '../account/account-screens.ts';
import { SessionWatch } from '../shared/session-watch.ts';
import type { TimeoutDialogController } from '../shared/timeout-dialog.ts';
import { carryAddress, continueOnPortal, cookiesKept } from './cookies-apart.ts';
import type { SaveOutcome } from './save-for-later.ts';
import type { SignInReason } from './own-session.ts';
import { portalTimeoutDialog, saveProblem } from './timeout-warning.ts';
import { offerSavedCopies } from './saved-copies.ts';

/** What the embedded form's account reads and sets of the form. */
export interface OwnAccountElement extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly apiBase: string;
  readonly formId: string;
  readonly session: 'form' | 'page';
  signedIn: boolean;
  account?: AccountUser;
  readonly hasUnsavedChanges: boolean;
  readonly savedDraftId?: string;
  saveForLater(): Promise<SaveOutcome>;
  openDraft(draft: SavedDraft, answers: Answers, note?: TemplateResult): void;
}

export interface OwnAccountHost {
  readonly element: OwnAccountElement;
  form(): Form | undefined;
  currentPage(): Page | undefined;
  /** The answers as a saved copy would keep them. */
  answersToSave(): Answers;
  tell(status: TemplateResult | undefined): void;
  /** Shows a banner above the page, taking focus. */
  showBanner(banner: TemplateResult): void;
  /** Shows a note above the page without moving focus (nothing the person asked for). */
  note(banner: TemplateResult): void;
  /** The first page, with no answers and nothing saved: what was on screen is gone. */
  startAfresh(): void;
  /** Moves focus to the page's heading (the form's, or the account screen's) after the next render. */
  focusHeading(): void;
}

type Screen = Extract<AccountScreen, 'sign-in' | 'register' | 'forgotten-password'> | 'elsewhere';
const SCREENS: Record<string, Screen> = {
  '/account/sign-in': 'sign-in',
  '/account/register': 'register',
  '/account/forgotten-password': 'forgotten-password',
};

const SAVE_REASON =
  'To save your form for later, sign in, or register if you are new. Your answers stay on the form meanwhile, and are saved as soon as you are signed in.';

export class OwnAccount {
  private screen?: Screen;
  private saveWhenSignedIn = false;
  /** What going back to the form does once the person has signed in with the screens. */
  private backToFormDoes?: 'save' | 'offer';
  private screens?: AscAccount;
  /** Once the portal has said so: the browser keeps its cookies apart from this page. */
  private apart = false;
  private readonly watch: SessionWatch;
  private readonly dialog: TimeoutDialogController;

  constructor(private readonly host: OwnAccountHost) {
    const { element } = host;
    this.watch = new SessionWatch(element, {
      warn: () => void this.dialog.show(),
      expire: () => this.ended('timeout'),
      keepAlive: () => accountApi.keepAlive(element.apiBase),
      timeLeft: () => accountApi.sessionLeft(element.apiBase),
    });
    this.dialog = portalTimeoutDialog(element, {
      hasUnsavedForms: () => element.hasUnsavedChanges,
      saveForms: async () => {
        const outcome = await element.saveForLater();
        return outcome.kind === 'saved' ? undefined : outcome;
      },
      carryOn: () => this.watch.carryOn(),
      signOut: (saved) => this.signOut(saved),
    });
    // The portal in another tab shares the session: when the person comes back to this page,
    // the form makes sure the same person is still signed in before anything else is saved.
    element.addController({
      hostConnected: () => {
        document.addEventListener('visibilitychange', this.onBack);
        window.addEventListener('focus', this.onBack);
      },
      hostDisconnected: () => {
        document.removeEventListener('visibilitychange', this.onBack);
        window.removeEventListener('focus', this.onBack);
      },
    });
  }

  private onBack = async (): Promise<void> => {
    const { element } = this.host;
    if (document.visibilityState !== 'visible' || !element.signedIn) return;
    const now = await accountApi.current(element.apiBase).catch(() => undefined);
    if (now === undefined || !element.signedIn) return; // not reached: the next save says so
    if (now && now.user.email === element.account?.email) return;
    this.ended('elsewhere');
    if (now) this.signedIn(now.user, now.idleRemainingMs);
  };

  get showsScreens(): boolean {
    return this.screen !== undefined;
  }

  /** Opens the sign-in in place of the page, or, where signing in cannot work, the way on to the portal. */
  async open(reason: SignInReason): Promise<void> {
    this.saveWhenSignedIn = reason === 'save';
    const cookies = this.apart ? 'apart' : await cookiesKept(this.host.element.apiBase);
    this.host.tell(undefined);
    if (cookies === 'failed') {
      this.host.showBanner(
        html`<p><strong>The sign-in did not load.</strong> Check your connection and try again.</p>`,
      );
      return;
    }
    this.apart = cookies === 'apart';
    this.screen = this.apart ? 'elsewhere' : 'sign-in';
    this.host.element.requestUpdate();
    await this.focusScreen();
  }

  /** Moves focus to the heading of the screen now shown in place of the page. */
  private async focusScreen(): Promise<void> {
    await this.host.element.updateComplete;
    const screens = this.screen === 'elsewhere' ? undefined : this.screens;
    if (screens) await screens.updateComplete;
    (screens ?? this.host.element).renderRoot.querySelector<HTMLElement>('h1')?.focus();
    this.host.element.scrollIntoView?.({ block: 'start' });
  }

  /** Someone is signed in (now, or from before): the form may save, and their saved copies are offered. */
  signedIn(user: AccountUser, idleRemainingMs: number, offerCopies = true): void {
    const { element } = this.host;
    // Signed in already (the check as the form opened answered late): the screens are not needed.
    if (offerCopies && this.screen) this.screen = undefined;
    element.account = user;
    element.signedIn = true;
    this.watch.start(idleRemainingMs);
    element.requestUpdate();
    if (offerCopies) void offerSavedCopies(this.host, () => this.ended('timeout'));
  }

  /** Signed in with the screens: they may still say so (registration completed) until the person continues. */
  private signedInHere({ user, idleRemainingMs }: SignedIn): void {
    this.signedIn(user, idleRemainingMs, false);
    this.backToFormDoes = this.saveWhenSignedIn ? 'save' : 'offer';
    this.saveWhenSignedIn = false;
  }

  /** Back to the form's page from the account screens; a Save for later that waited for the sign-in saves now. */
  private close(): void {
    this.screen = undefined;
    this.host.focusHeading();
    this.host.element.requestUpdate();
    const then = this.backToFormDoes;
    this.backToFormDoes = undefined;
    if (then === 'save') void this.host.element.saveForLater();
    else if (then === 'offer') void offerSavedCopies(this.host, () => this.ended('timeout'));
  }

  private navigate(to: string): void {
    const screen = SCREENS[new URL(to, 'https://portal.invalid').pathname];
    if (!screen) return this.close();
    this.screen = screen;
    this.host.element.requestUpdate();
    void this.focusScreen();
  }

  /**
   * Signs out, saving unsaved answers first (`saved` when the timeout warning already has). If
   * they cannot be saved the person is told why and may sign out without saving: on a shared
   * computer, staying signed in is not the safe way out.
   */
  private async signOut(saved = false, withoutSaving = false): Promise<void> {
    const { element } = this.host;
    if (!saved && !withoutSaving && element.hasUnsavedChanges) {
      const outcome = await element.saveForLater();
      if (outcome.kind !== 'saved') {
        this.host.showBanner(html`
          <h2>You are still signed in</h2>
          <p>${saveProblem(outcome)}</p>
          <button type="button" class="button warning" @click=${() => void this.signOut(false, true)}>Sign out without saving</button>`);
        return;
      }
    }
    // Saved now or before: either way the person can carry on with it.
    saved ||= !withoutSaving && element.savedDraftId !== undefined;
    if (!(await signOut(element.apiBase))) {
      this.host.showBanner(html`<p><strong>${SIGN_OUT_FAILED}</strong></p>`);
      return;
    }
    this.ended(saved ? 'saved' : 'chose');
  }

  /** Nobody is signed in any more: what was on screen goes, so nobody else sees it, and the form says why. */
  private ended(because: 'chose' | 'saved' | 'timeout' | 'elsewhere'): void {
    const { element } = this.host;
    this.watch.stop();
    this.dialog.close();
    this.screen = undefined;
    element.signedIn = false;
    element.account = undefined;
    this.host.startAfresh();
    this.host.showBanner(
      because === 'elsewhere'
        ? html`<h2>Who is signed in has changed in another tab or window</h2><p>To keep your answers safe we have cleared them from the screen. Sign in to carry on with a form you saved.</p>`
        : because === 'timeout'
          ? html`<h2>You have been signed out</h2><p>There was no activity for ${durationInWords(SESSION_IDLE_MS)}, so to keep your answers safe we signed you out and cleared them from the screen. Sign in to carry on with a form you saved.</p>`
          : html`<h2>You have signed out</h2>${because === 'saved' ? html`<p>Your form has been saved. To carry on with it, sign in again on this page.</p>` : nothing}`,
    );
  }

  /** The address of this form's page on the portal, with the answers so far. */
  private portalAddress(): string {
    const form = this.host.form()!;
    const pageId = this.host.currentPage()?.id;
    const answers = this.host.answersToSave();
    return carryAddress(this.host.element.apiBase, { formId: form.id, version: form.version, pageId, answers });
  }

  renderScreens(): TemplateResult | typeof nothing {
    const back = html`<p><button type="button" class="link-button" @click=${() => this.close()}>Back to the form</button></p>`;
    if (this.screen === 'elsewhere')
      return html`${back}${continueOnPortal(this.host.element.apiBase, this.portalAddress())}`;
    if (!this.screen) return nothing;
    if (!this.screens) {
      const screens = (this.screens = new AscAccount());
      screens.returnTo = '/';
      screens.addEventListener('asc-signed-in', (event) => this.signedInHere(event.detail));
      screens.addEventListener('asc-navigate', (event) => this.navigate(event.detail.to));
    }
    this.screens.apiBase = this.host.element.apiBase;
    this.screens.timeZone = this.host.form()?.timeZone;
    this.screens.screen = this.screen;
    this.screens.reason = this.saveWhenSignedIn ? SAVE_REASON : '';
    return html`${back}${this.screens}`;
  }

  renderBar(): TemplateResult {
    const { account, signedIn } = this.host.element;
    return html`
      ${
        signedIn && account
          ? html`<div class="signed-in-bar"><p>Signed in as <strong>${account.forename} ${account.surname}</strong></p>
            <button type="button" id="sign-out" class="link-button" @click=${() => void this.signOut()}>Sign out</button></div>`
          : nothing
      }
      ${this.dialog.render()}`;
  }
}
