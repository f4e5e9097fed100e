import { html, nothing, type TemplateResult } from 'lit';
import { durationInWords, type CodeSent } from '../../engine/runtime.ts';
import type { AccountFormController } from './account-form.ts';
import { KEPT_ON_RESTART, type AccountFlow, type AccountFlowHost } from './account-flow.ts';

/** What a code step does besides checking the code. */
export interface CodeStepActions {
  /** Asks the server for a new code. */
  resend(): Promise<CodeSent>;
  /** Back to where the email address was typed. */
  changeEmail(): void;
  /** Starts again from the flow's first step (the server forgot the steps so far). */
  restart(): void;
}

/**
 * The screen after a code was emailed: where it went and how long it lasts (from the server's
 * answer), the box for it, and what to do when it does not arrive.
 */
export class CodeStep {
  private email = '';
  /** How long the code lasts by the server's clock (the browser's may be wrong), as the answer gave it: it does not tick down as the person types. */
  private lastsMs = 0;

  constructor(
    private readonly form: AccountFormController,
    private readonly actions: CodeStepActions,
  ) {}

  /** The server sent a code. */
  sent(answer: CodeSent): void {
    this.email = answer.email;
    this.lastsMs = answer.expiresInMs;
  }

  /** The address the code went to. */
  get sentTo(): string {
    return this.email;
  }

  private resend(): void {
    void this.form.attempt(async () => {
      this.sent(await this.actions.resend());
      this.form.say(`We have sent a new code to ${this.email}. The old one no longer works.`, 'code');
    }, this.actions.restart);
  }

  /** The screen, whose form `submit` handles; `extra` goes under the code's box (a new password). */
  render(submit: (event: Event) => void, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const expiry = this.lastsMs > 0 ? ` It expires in ${durationInWords(this.lastsMs)}.` : '';
    return html`
      <p>We have sent a code to <strong>${this.email}</strong>.${expiry}</p>
      <form novalidate @submit=${submit}>
        ${this.form.field('code', 'Code', { autocomplete: 'one-time-code', inputmode: 'numeric', width: 'width-10', hint: 'The code is 6 digits, like 123 456. You do not have to type the space.' })}
        ${extra}
        <button type="submit" class="button" ?disabled=${this.form.busy}>Continue</button>
      </form>
      <h2>Not received the email?</h2>
      <p>It can take a few minutes to arrive. If you still do not receive it, check the <strong>junk</strong> folder of your email, and that the address above is right.</p>
      <p><button type="button" class="link-button" @click=${() => this.resend()}>Request a new code</button></p>
      <p><button type="button" class="link-button" @click=${() => this.actions.changeEmail()}>Change the email address</button></p>`;
  }
}

/**
 * A flow one of whose steps is the emailed code (signing in, registering, a forgotten password):
 * its steps, the code screen, and starting again from the first step, the email address kept,
 * when the server has forgotten the steps so far.
 */
export abstract class CodeFlow<Step extends string> implements AccountFlow {
  /** The step the flow is at. */
  protected step: Step;
  /** The code screen. */
  protected readonly code: CodeStep;
  /** Starts again from the first step with the email address kept. */
  protected readonly restartKeeping = () => this.restart(KEPT_ON_RESTART);

  constructor(
    protected readonly host: AccountFlowHost,
    protected readonly form: AccountFormController,
    private readonly firstStep: Step,
    resend: (apiBase: string) => Promise<CodeSent>,
  ) {
    this.step = firstStep;
    this.code = new CodeStep(form, {
      resend: () => resend(host.apiBase),
      changeEmail: () => this.changeEmail(),
      restart: this.restartKeeping,
    });
  }

  restart(keep: readonly string[] = []): void {
    this.goTo(this.firstStep, keep);
  }

  /** Back to where the email address was typed: the first step, unless a flow says otherwise. */
  protected changeEmail(): void {
    this.restartKeeping();
  }

  /** To a step, its boxes empty but for those named in `keep`. */
  protected goTo(step: Step, keep: readonly string[] = []): void {
    this.step = step;
    this.form.start(keep);
  }

  abstract render(): TemplateResult;
}
