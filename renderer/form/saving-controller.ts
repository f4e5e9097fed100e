/**
 * Saving for later: the saved copy (draft) the answers are kept in, whether there is anything
 * new to save, and one save at a time, its outcome said on the page.
 */
import { html } from 'lit';
import type { Answers, SavedDraft } from '../../engine/runtime.ts';
import { emit } from '../shared/events.ts';
import type { SaveOutcome } from './save-for-later.ts';
import type { FormHost } from './form-host.ts';

/** Said when the server could not be reached to save. */
export const NOT_REACHED = 'We could not reach the server: check your connection and try again.';

/**
 * What the form says when it could not be saved. Here, with the form, as what saving says
 * otherwise (save-for-later.ts) comes after the first page and may not have come.
 */
export const notSaved = (message: string) => html`
  <h2>Your form has not been saved</h2>
  <p>${message}</p>`;

/** Needs none of the host's lifecycle callbacks, so it is not added to the host; it asks the host to render when its state changes. */
export class SavingController {
  /** The saved copy these answers are kept in, if any, and the answers as saved there. */
  private saved: { draft?: SavedDraft; answers: string } = { answers: '{}' };
  /** The save under way: a second request (a double click, the timeout's save) waits for it rather than race it. */
  private saving?: Promise<SaveOutcome>;
  /** Counts fresh starts (Cancel, a saved form opened): a save that finishes after one belongs to answers no longer here. */
  private generation = 0;

  constructor(private readonly host: FormHost) {}

  /** The saved copy the answers are kept in; undefined until the form is saved. */
  get draft(): SavedDraft | undefined {
    return this.saved.draft;
  }

  /** Whether the answers differ from those saved (before the first save: whether there are any). */
  differsFromSaved(answers: Answers): boolean {
    const form = this.host.form;
    return JSON.stringify(form ? form.prepare(answers) : answers) !== this.saved.answers;
  }

  /** Starts again from a saved copy (or from nothing): a save still under way no longer counts. */
  startFrom(draft?: SavedDraft, answers: Answers = {}): void {
    this.generation++;
    this.saving = undefined;
    this.saved = { draft, answers: JSON.stringify(answers) };
    this.host.requestUpdate();
  }

  /** The answers were sent: as good as saved, and no copy to save them in any more. */
  markSent(answers: Answers): void {
    this.saved = { answers: JSON.stringify(answers) };
  }

  /** Saves the answers (the person must be signed in), saying on the page how it went. */
  saveForLater(options: { asNewCopy?: boolean } = {}): Promise<SaveOutcome> {
    // A save asked for while one is under way waits for it, then saves again only if there is
    // more to save (a double click saves once; typing during the first save is not lost).
    const previous = this.saving;
    const next = previous
      ? previous.then((outcome) =>
          outcome.kind === 'saved' && this.host.element.hasUnsavedChanges ? this.save(options) : outcome,
        )
      : this.save(options);
    const tracked: Promise<SaveOutcome> = next.finally(() => {
      if (this.saving === tracked) this.saving = undefined;
    });
    this.saving = tracked;
    return tracked;
  }

  private async save(options: { asNewCopy?: boolean }): Promise<SaveOutcome> {
    const { host } = this;
    const form = host.form;
    const page = host.currentPage;
    if (!form || !page) return { kind: 'failed', message: 'The form has not loaded yet.' };
    const generation = this.generation;
    host.tell(html`<p>Saving your form…</p>`);
    const request = {
      formId: form.id,
      formVersion: form.version,
      pageId: page.id,
      answers: form.prepare(host.answersToSave),
    };
    const existing = options.asNewCopy ? undefined : this.saved.draft;
    // Saving's own code comes with check your answers (later-parts.ts), or now if not yet.
    const later = await import('./later-parts.ts').catch(() => undefined);
    if (!later) {
      host.tell(undefined);
      host.showBanner(notSaved(NOT_REACHED), false);
      return { kind: 'failed', message: NOT_REACHED };
    }
    const { discardDraft, saveDraft, savedMessage } = later;
    const outcome = await saveDraft(host.element.apiBase, existing, request, options.asNewCopy);
    if (generation !== this.generation) {
      // Cancelled (or another saved form opened) while saving: a copy made just now is not wanted.
      if (outcome.kind === 'saved' && !existing) void discardDraft(host.element.apiBase, outcome.draft);
      return outcome;
    }
    if (outcome.kind === 'saved') this.saved = { draft: outcome.draft, answers: JSON.stringify(request.answers) };
    host.tell(undefined);
    // Only "saved" stops being true when the person types; a problem and its way out stay.
    host.showBanner(
      savedMessage(
        outcome,
        () => void this.saveForLater({ asNewCopy: true }),
        () => host.startCurrentVersion(),
        form.timeZone,
      ),
      outcome.kind === 'saved',
    );
    if (outcome.kind === 'saved')
      emit(host.element, 'asc-saved', {
        formId: form.id,
        version: form.version,
        draftId: outcome.draft.id,
        deleteAt: outcome.draft.deleteAt,
      });
    return outcome;
  }
}
