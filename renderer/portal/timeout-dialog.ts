import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SaveOutcome } from '../form/save-for-later.ts';
import { buttonGroup, errorSummary } from '../shared/govuk/index.ts';
import { SESSION_IDLE_MS, durationInWords } from '../../engine/runtime.ts';
import { WARN_BEFORE_MS } from './session-timer.ts';

/** What the timeout warning needs from the portal. */
export interface TimeoutDialogHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the warning's buttons do. */
export interface TimeoutDialogActions {
  /** Whether any open form has answers not yet saved. */
  hasUnsavedForms(): boolean;
  /** Saves every form with unsaved answers; the first outcome that is not "saved", if any. */
  saveForms(): Promise<SaveOutcome | undefined>;
  /** Tells the server the person is still here. */
  carryOn(): Promise<void>;
  /** Signs out; `saved` when the forms were saved first. */
  signOut(saved: boolean): Promise<void>;
}

/** Why the forms could not be saved before signing out, in the person's words. */
function saveProblem(failed: SaveOutcome): string {
  switch (failed.kind) {
    case 'stale':
      return 'Your form was saved from another tab or window since you opened it here, so we have not saved over it. Carry on with the form to save these answers as a separate copy.';
    case 'gone':
      return 'The copy you saved has been deleted. Carry on with the form to save these answers as a new copy.';
    case 'signed-out':
      return 'You have already been signed out, so your form could not be saved.';
    default:
      return `Your form has not been saved: ${'message' in failed ? failed.message : ''}`;
  }
}

/**
 * The warning before the session times out, with the choice to carry on, or to save and sign out
 * (to sign out, when nothing is left to save). Its minutes are the session timer's.
 */
export class TimeoutDialogController implements ReactiveController {
  /** Whether the warning offers to save: a form has unsaved answers. */
  private offersSave = false;
  private problem?: string;

  constructor(
    private readonly host: TimeoutDialogHost,
    private readonly actions: TimeoutDialogActions,
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
    this.offersSave = this.actions.hasUnsavedForms();
    this.problem = undefined;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.dialog?.showModal();
  }

  /** Closes the warning (the session went on, or ended). */
  close(): void {
    this.dialog?.close();
  }

  private async carryOn(): Promise<void> {
    this.close();
    await this.actions.carryOn();
  }

  /** Saves every form with unsaved answers, then signs out; signs out only if every save worked. */
  private async saveAndSignOut(): Promise<void> {
    this.problem = undefined;
    this.host.requestUpdate();
    const failed = await this.actions.saveForms();
    if (failed) {
      this.problem = saveProblem(failed);
      this.host.requestUpdate();
      return;
    }
    await this.actions.signOut(true);
  }

  /** The dialog, closed until show(). */
  render(): TemplateResult {
    const left = durationInWords(WARN_BEFORE_MS);
    return html`
      <dialog id="timeout-dialog" aria-labelledby="timeout-title" aria-describedby="timeout-text" @cancel=${(
        e: Event,
      ) => {
        e.preventDefault();
        void this.carryOn();
      }}>
        <h2 id="timeout-title">You will be signed out in ${left}</h2>
        <p id="timeout-text">There has been no activity for ${durationInWords(SESSION_IDLE_MS - WARN_BEFORE_MS)}. To keep your answers safe, we will sign you out and clear them from the screen if there is none in the next ${left}.${this.offersSave ? ' Save your form now to come back to it later.' : ''}</p>
        ${this.problem ? errorSummary({ title: null, description: this.problem }) : nothing}
        ${buttonGroup(html`
          <button type="button" class="button" @click=${() => void this.carryOn()}>Carry on with the form</button>
          ${
            this.offersSave
              ? html`<button type="button" class="button secondary" @click=${() => void this.saveAndSignOut()}>Save for later and sign out</button>`
              : html`<button type="button" class="button secondary" @click=${() => void this.actions.signOut(false)}>Sign out now</button>`
          }`)}
      </dialog>`;
  }
}
