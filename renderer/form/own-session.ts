/**
 * The form's own account, where no portal is around it (a council's page embedding the form,
 * `session="form"`): it asks the server who is signed in as it opens, and, when the person needs
 * to sign in, shows the account screens in its place. What only signed-in people or people
 * signing in need (the screens, the timeout warning, their saved copies) is in own-account.ts,
 * loaded when first needed, so a page that embeds the form downloads none of it up front.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { AccountStatus } from '../../engine/runtime.ts';
import { getJson, resolve } from '../api-client.ts';
import type { FormHost } from './form-host.ts';
import type { OwnAccount, OwnAccountElement, OwnAccountHost } from './own-account.ts';
import type { PageMessages } from './page-messages.ts';

/** Why the person is asked to sign in: the account gate, or Save for later (which saves once they have). */
export type SignInReason = 'gate' | 'save';

/** What the form says where nobody looks after signing in (neither the form nor the page around it). */
const NOBODY_SIGNS_IN = {
  gate: html`<p><strong>Signing in is not available on this page.</strong> Open the form on the council's portal to sign in.</p>`,
  save: html`<p><strong>To save this form for later, you need to sign in.</strong></p>`,
  submit: html`<p><strong>To submit this form, you need to sign in.</strong></p>`,
};

export class OwnSession implements ReactiveController {
  private loaded?: Promise<OwnAccount>;
  private account?: OwnAccount;
  private checked = false;

  private readonly host: OwnAccountHost;

  constructor(
    element: OwnAccountElement,
    form: FormHost,
    messages: PageMessages,
    actions: Pick<OwnAccountHost, 'startAfresh' | 'focusHeading'>,
  ) {
    this.host = {
      element,
      form: () => form.form,
      currentPage: () => form.currentPage,
      answersToSave: () => form.answersToSave,
      tell: (status) => messages.tell(status),
      showBanner: (banner) => messages.showBanner(banner, false),
      note: (banner) => {
        messages.banner = banner;
        form.requestUpdate();
      },
      ...actions,
    };
    element.addController(this);
  }

  /** Whether the form looks after signing in itself (no page around it does). */
  get active(): boolean {
    return this.host.element.session === 'form';
  }

  hostConnected(): void {
    if (!this.active || this.checked) return;
    this.checked = true;
    void this.check();
  }

  /** Asks the server who is signed in: someone who signed in before on this site carries on signed in. */
  private async check(): Promise<void> {
    const status = await getJson<AccountStatus>(resolve(this.host.element.apiBase, '/api/account')).catch(() => null);
    if (!status?.user) return;
    const account = await this.load().catch(() => undefined);
    account?.signedIn(status.user, status.idleRemainingMs);
  }

  private load(): Promise<OwnAccount> {
    this.loaded ??= import('./own-account.ts').then(
      ({ OwnAccount }) => {
        this.account = new OwnAccount(this.host);
        return this.account;
      },
      (error: unknown) => {
        this.loaded = undefined; // so trying again loads it again
        throw error;
      },
    );
    return this.loaded;
  }

  /**
   * Someone not signed in asked for what needs it (the gate's Login or Register, Save for later,
   * Submit) and the page around the form did not take the request: the form opens its sign-in.
   */
  needed(what: SignInReason | 'submit'): void {
    if (!this.active) {
      if (what === 'gate') this.host.tell(NOBODY_SIGNS_IN.gate);
      else this.host.showBanner(NOBODY_SIGNS_IN[what]);
      return;
    }
    this.signIn(what === 'save' ? 'save' : 'gate');
  }

  /** The screens open in place of the page. */
  private signIn(reason: SignInReason): void {
    this.host.tell(html`<p>Opening the sign-in…</p>`);
    this.load().then(
      (account) => account.open(reason),
      () =>
        this.host.showBanner(
          html`<p><strong>The sign-in did not load.</strong> Check your connection and try again.</p>`,
        ),
    );
  }

  /** Whether the account screens are on screen in place of the form's page. */
  get showsScreens(): boolean {
    return this.account?.showsScreens ?? false;
  }

  /** The account screens when open (in place of the page), else nothing. */
  renderScreens(): TemplateResult | typeof nothing {
    return this.account?.renderScreens() ?? nothing;
  }

  /** Who is signed in, with Sign out, above the page; and the timeout warning, closed until it is needed. */
  renderBar(): TemplateResult | typeof nothing {
    return this.account?.renderBar() ?? nothing;
  }
}
