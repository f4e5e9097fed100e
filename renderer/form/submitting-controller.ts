/**
 * Submitting: sending the complete form once (a retry is never a second referral), what the
 * form says when it cannot be sent, and the submission once the council's server has it.
 */
import { html } from 'lit';
import type { Submission } from '../../engine/runtime.ts';
import { emit } from '../shared/events.ts';
import { retiredMessage } from './retired-version.ts';
import type { FocusController } from './focus-controller.ts';
import type { FormHost } from './form-host.ts';
import type { SavingController } from './saving-controller.ts';

/** Needs none of the host's lifecycle callbacks, so it is not added to the host; it asks the host to render when its state changes. */
export class SubmittingController {
  /** Whether the form is being sent: Submit, Save, Cancel and the ways to other pages wait until it is. */
  sending = false;
  /** The council's server has the form: the page shows the confirmation in its place. */
  submitted?: Submission;
  /** One key for every try of this submission, so a retry is never a second referral; a new one after it is sent. */
  private submitKey?: string;

  constructor(
    private readonly host: FormHost,
    private readonly saving: SavingController,
    private readonly focus: FocusController,
  ) {}

  /** Forgets a submission, as when the form starts again. */
  reset(): void {
    this.submitted = undefined;
    this.submitKey = undefined;
  }

  /** Sends the answers; the form must be complete and the person signed in. */
  async submit(): Promise<void> {
    this.sending = true;
    this.host.requestUpdate();
    try {
      await this.send();
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private async send(): Promise<void> {
    const { host } = this;
    const form = host.form!;
    const answers = form.prepare(host.answers);
    this.submitKey ??= crypto.randomUUID();
    host.clearBanner();
    host.tell(html`<p>Sending your form…</p>`);
    const draft = this.saving.draft;
    // Loaded already: Submit is on Check your answers, which waits for these parts.
    const { submitAnswers } = await import('./later-parts.ts');
    const outcome = await submitAnswers(host.element.apiBase, {
      formId: form.id,
      formVersion: form.version,
      answers,
      idempotencyKey: this.submitKey,
      ...(draft ? { draftId: draft.id } : {}),
    });
    host.tell(undefined);
    switch (outcome.kind) {
      case 'submitted':
        this.submitted = outcome.submission;
        this.submitKey = undefined;
        // Sent is as good as saved: leaving the page now loses nothing.
        this.saving.markSent(answers);
        this.focus.after('heading');
        emit(host.element, 'asc-submitted', {
          formId: form.id,
          version: form.version,
          submissionId: outcome.submission.id,
          reference: outcome.submission.reference,
        });
        return;
      case 'refused': {
        // The server's own check found what this page did not (a date that has since passed, say).
        return host.showErrors(
          host.currentPage!,
          outcome.fields.map((f) => {
            const questionId = f.field.split('.')[0]!;
            const pageId = form.question(questionId)?.page.id ?? host.currentPage!.id;
            return { pageId, questionId, path: f.field, message: f.message };
          }),
        );
      }
      case 'signed-out':
        return host.showBanner(
          html`<h2>Your form has not been sent</h2><p>You have been signed out. Sign in again, then press Submit.</p>`,
          false,
        );
      case 'retired':
        return host.showBanner(
          retiredMessage('Your form has not been sent', outcome.message, () => host.startCurrentVersion()),
          false,
        );
      case 'failed':
        return host.showBanner(html`<h2>Your form has not been sent</h2><p>${outcome.message}</p>`, false);
    }
  }
}
