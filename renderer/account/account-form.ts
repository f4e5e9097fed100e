import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldProblem } from '../../engine/runtime.ts';
import { RequestRefused } from '../api-client.ts';
import { errorSummary, field, fieldId, focusErrorSummary } from '../shared/govuk/index.ts';

/** What the account form needs from the element that shows it. */
export interface AccountFormHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** How one box of an account screen looks and fills in. */
export interface AccountFieldOptions {
  type?: string;
  autocomplete?: string;
  hint?: string;
  inputmode?: string;
  /** A width class of the GOV.UK input ("width-10"). */
  width?: string;
  /** Another text that describes the box (the password policy). */
  describedBy?: string;
}

/**
 * What every account screen shares: the boxes and what is typed in them, the problems in the
 * error summary and beside their boxes, a status message, one request at a time, and where focus
 * goes after a change (the new step's heading, or the summary after a refusal).
 */
export class AccountFormController implements ReactiveController {
  /** Whether a request is on its way: its button is disabled meanwhile. */
  busy = false;
  private values: Record<string, string> = {};
  private errors: FieldProblem[] = [];
  private message?: string;
  private focusAfter?: 'heading' | 'summary';

  constructor(private readonly host: AccountFormHost) {
    host.addController(this);
  }

  hostUpdated(): void {
    const target = this.focusAfter;
    this.focusAfter = undefined;
    if (target === 'heading') this.host.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    if (target === 'summary') focusErrorSummary(this.host.renderRoot);
  }

  /** What is typed in a box. */
  value(name: string): string {
    return this.values[name] ?? '';
  }

  /** A new step: its boxes empty but for those in `keep`, no problem or message, focus on its heading. */
  start(keep: readonly string[] = []): void {
    this.values = Object.fromEntries(Object.entries(this.values).filter(([key]) => keep.includes(key)));
    this.errors = [];
    this.message = undefined;
    this.focusAfter = 'heading';
    this.host.requestUpdate();
  }

  /** Shows problems found without asking the server, focusing the summary. */
  refuse(errors: FieldProblem[]): void {
    this.errors = errors;
    this.focusAfter = 'summary';
    this.host.requestUpdate();
  }

  /** Says something in the status line (read out by screen readers); clears a box if asked. */
  say(message: string, clear?: string): void {
    this.message = message;
    if (clear) this.values = { ...this.values, [clear]: '' };
    this.host.requestUpdate();
  }

  /**
   * Runs a request; its refusals become the error summary, box by box. A 409 means the steps
   * timed out on the server: `restart` goes back to the first one, and the summary says why.
   */
  async attempt(work: () => Promise<void>, restart: () => void): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.errors = [];
    this.message = undefined;
    this.host.requestUpdate();
    try {
      await work();
    } catch (error) {
      const refused = error instanceof RequestRefused ? error : null;
      if (refused?.status === 409) restart();
      this.refuse(
        refused?.fields.length
          ? refused.fields
          : [{ field: '', message: refused?.message ?? 'Something went wrong: check your connection and try again.' }],
      );
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** One box with its label, hint and error message. */
  field(name: string, label: string, options: AccountFieldOptions = {}): TemplateResult {
    const id = fieldId(name);
    const error = this.errors.find((e) => e.field === name)?.message;
    return field(
      { id, label, hint: options.hint, error, describedBy: options.describedBy },
      (describedBy) => html`
      <input class="input ${options.width ?? ''} ${error ? 'input-error' : ''}" id=${id} name=${name} type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'} inputmode=${options.inputmode ?? nothing} spellcheck="false"
        aria-describedby=${describedBy ?? nothing} .value=${live(this.value(name))}
        @input=${(e: Event) => {
          this.values = { ...this.values, [name]: (e.target as HTMLInputElement).value };
          this.host.requestUpdate();
        }}>`,
    );
  }

  /** The error summary (linking each problem to its box) and the status line, above every screen. */
  renderProblems(): TemplateResult {
    return html`
      ${this.errors.length ? errorSummary({ errors: this.errors.map((e) => ({ message: e.message, fieldId: e.field ? fieldId(e.field) : undefined })) }) : nothing}
      <div role="status" aria-live="polite">${this.message ? html`<div class="status"><p>${this.message}</p></div>` : nothing}</div>`;
  }
}
