import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { buttonGroup, errorSummary } from './govuk/index.ts';

/** What the timeout warning needs from the element that shows it. */
export interface TimeoutDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the warning says: its heading, its words, and its button to carry on. */
export interface TimeoutDialogWords {
  title: string;
  /** The words under the heading; `offersSave` when there is something unsaved to save first. */
  text(offersSave: boolean): string;
  carryOn: string;
}

/** What the warning's buttons do. */
export interface TimeoutDialogActions {
  /** Tells the server the person is still here. */
  carryOn(): Promise<void>;
  /** Signs out; `saved` when the work was saved first. */
  signOut(saved: boolean): Promise<void>;
  /** Where there is work to save before signing out (the referrer's forms): whether any is unsaved, and saving it. */
  save?: {
    hasUnsaved(): boolean;
    /** Saves it all; what went wrong, in the person's words, or undefined when all was saved. */
    saveAll(): Promise<string | undefined>;
  };
}

/**
 * The warning before a session times out, a GOV.UK-style modal dialog with focus inside it (the
 * browser's own <dialog>, so focus stays in it and Escape carries on), with the choice to carry
 * on, or to sign out (to save and sign out, when there is work unsaved). The referrer's portal and
 * the staff pages each give their own words.
 */
export class TimeoutDialogController implements ReactiveController {
  /** Whether the warning offers to save: there is unsaved work. */
  private offersSave = false;
  private problem?: string;

  constructor(
    private readonly host: TimeoutDialogHost,
    private readonly actions: TimeoutDialogActions,
    private readonly words: TimeoutDialogWords,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.close();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('#timeout-dialog');
  }

  /** Opens the warning, modal, with focus inside it. */
  async show(): Promise<void> {
    this.offersSave = this.actions.save?.hasUnsaved() ?? false;
    this.problem = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  /** Closes the warning (the session went on, or ended). */
  close(): void {
    this.dialog?.close();
  }

  private async carryOn(): Promise<void> {
    this.close();
    await this.actions.carryOn();
  }

  /** Saves the unsaved work, then signs out; signs out only if all of it was saved. */
  private async saveAndSignOut(): Promise<void> {
    this.problem = undefined;
    this.host.requestUpdate();
    const failed = await this.actions.save?.saveAll();
    if (failed) {
      this.problem = failed;
      this.host.requestUpdate();
      return;
    }
    await this.actions.signOut(true);
  }

  /** The dialog, closed until show(). */
  render(): TemplateResult {
    return html`
      <dialog id="timeout-dialog" aria-labelledby="timeout-title" aria-describedby="timeout-text" @cancel=${(
        e: Event,
      ) => {
        e.preventDefault();
        void this.carryOn();
      }}>
        <h2 id="timeout-title">${this.words.title}</h2>
        <p id="timeout-text">${this.words.text(this.offersSave)}</p>
        ${this.problem ? errorSummary({ title: null, description: this.problem }) : nothing}
        ${buttonGroup(html`
          <button type="button" class="button" @click=${() => void this.carryOn()}>${this.words.carryOn}</button>
          ${
            this.offersSave
              ? html`<button type="button" class="button secondary" @click=${() => void this.saveAndSignOut()}>Save for later and sign out</button>`
              : html`<button type="button" class="button secondary" @click=${() => void this.actions.signOut(false)}>Sign out now</button>`
          }`)}
      </dialog>`;
  }
}
