import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type SavedDraft, longDate as day, timeOfDay as time } from '../../engine/runtime.ts';
import { draftsApi } from '../drafts-api.ts';
import { RequestRefused } from '../api-client.ts';
import { baseStyles } from '../shared/styles.ts';
import { savedFormsStyles } from './asc-saved-forms.styles.ts';
import { emit } from '../shared/events.ts';
import { buttonGroup, errorSummary } from '../shared/govuk/index.ts';

/** Where a saved form carries on: its form, at the page it was saved on, naming the saved copy. */
const addressOf = (draft: SavedDraft) => `/forms/${draft.formId}/${draft.pageId}?draft=${draft.id}`;

/** The form and whom it is about, as a person tells one saved form from another: "DoLS Form 1 about Edith Marsh". */
const named = (draft: SavedDraft) => `${draft.formTitle}${draft.about ? ` about ${draft.about}` : ''}`;

/**
 * The forms with more than one version in play: a saved copy on an older version than new forms
 * start on (each carries on with the version it was started on), so the list says which is which.
 */
function formsInSeveralVersions(drafts: SavedDraft[]): Set<string> {
  const versions = new Map<string, Set<number>>();
  for (const draft of drafts) {
    const seen = versions.get(draft.formId) ?? new Set<number>();
    seen.add(draft.formVersion);
    if (draft.latestVersion) seen.add(draft.latestVersion);
    versions.set(draft.formId, seen);
  }
  return new Set([...versions].filter(([, seen]) => seen.size > 1).map(([formId]) => formId));
}

/**
 * The signed-in person's forms saved for later, the most recent first: whom each is about, where
 * they got to, when they saved, until when each is kept, the version it was started on when the
 * form has changed since, and the way back into each (or to delete it).
 *
 * @summary Forms saved for later.
 * @event {CustomEvent<AscNavigateDetail>} asc-navigate - Continue was chosen: the page opens the saved form.
 */
@customElement('asc-saved-forms')
export class AscSavedForms extends LitElement {
  static override styles = [baseStyles, savedFormsStyles];

  /** Where the portal's API is; the page's own origin when not set. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** The council's time zone: when forms were saved and sent, on its clock (the browser's own without one). */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  @state() private drafts?: SavedDraft[];
  @state() private problem?: string;
  /** The draft whose Delete is waiting for a yes or no. */
  @state() private confirming?: string;
  @state() private notice?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.drafts = await draftsApi.list(this.apiBase);
      this.problem = undefined;
    } catch (error) {
      this.problem = `We could not fetch your saved forms: ${(error as Error).message}`;
    }
  }

  private async deleteDraft(draft: SavedDraft): Promise<void> {
    try {
      await draftsApi.remove(this.apiBase, draft.id);
    } catch (error) {
      // Already gone (deleted in another tab, or past its 30 days) is what the person wanted anyway.
      if (!(error instanceof RequestRefused && error.status === 404))
        return this.tell(`We could not delete it: ${(error as Error).message}`);
    }
    this.confirming = undefined;
    await this.load();
    await this.tell(`The ${named(draft)} you saved on ${day(draft.savedAt, this.timeZone)} has been deleted.`);
  }

  /** Says what happened above the list, and moves focus there so it is seen and heard. */
  private async tell(notice: string): Promise<void> {
    this.notice = notice;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.notice-text')?.focus();
  }

  // Focus goes to the question, not to "Yes": a second press of Enter must not delete.
  private async confirm(draft: SavedDraft): Promise<void> {
    this.confirming = draft.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#confirm-${draft.id}`)?.focus();
  }

  private async keep(draft: SavedDraft): Promise<void> {
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#delete-${draft.id}`)?.focus();
  }

  private open(event: Event, draft: SavedDraft): void {
    event.preventDefault();
    emit(this, 'asc-navigate', { to: addressOf(draft) });
  }

  // Marks the element once its list (or its problem) is in, so the page keeps what follows it back till then rather than push it down.
  protected override willUpdate(): void {
    this.toggleAttribute('loaded', this.drafts !== undefined || this.problem !== undefined);
  }

  override render(): TemplateResult {
    if (this.problem) return errorSummary({ title: null, description: this.problem });
    if (!this.drafts) return html`<p role="status">Loading your saved forms…</p>`;
    return html`
      ${this.notice ? html`<p class="notice-text" tabindex="-1">${this.notice}</p>` : nothing}
      ${
        this.drafts.length === 0
          ? html`<p>You have no forms saved for later. To save one, choose <strong>Save for later</strong> on any page of a form.</p>`
          : html`
          <p>We keep each saved form for 30 days from the last time it was saved, then delete it.</p>
          <ul class="saved-forms">${this.drafts.map((draft) => this.renderDraft(draft, formsInSeveralVersions(this.drafts!)))}</ul>`
      }`;
  }

  private renderDraft(draft: SavedDraft, severalVersions: Set<string>): TemplateResult {
    const titleId = `title-${draft.id}`;
    return html`
      <li class="saved-form" aria-labelledby=${titleId}>
        <h2 id=${titleId}>${draft.formTitle}${draft.about ? html` <span class="about">about ${draft.about}</span>` : nothing}</h2>
        <dl>
          ${
            severalVersions.has(draft.formId)
              ? html`<div><dt>Form version</dt><dd>${draft.formVersion}${draft.formVersion === draft.latestVersion ? ', the current version' : ', an earlier version (it carries on as you started it)'}</dd></div>`
              : nothing
          }
          <div><dt>Saved</dt><dd>${day(draft.savedAt, this.timeZone)} at ${time(draft.savedAt, this.timeZone)}</dd></div>
          <div><dt>Where you got to</dt><dd>${draft.pageTitle} (${draft.progress}% complete)</dd></div>
          <div><dt>Kept until</dt><dd>${day(draft.deleteAt, this.timeZone)}</dd></div>
        </dl>
        ${
          this.confirming === draft.id
            ? html`
            <div class="confirm" id="confirm-${draft.id}" role="group" tabindex="-1" aria-labelledby="confirm-text-${draft.id}">
              <p id="confirm-text-${draft.id}"><strong>Delete this saved form? This cannot be undone.</strong></p>
              ${buttonGroup(html`
                <button type="button" class="button warning" @click=${() => void this.deleteDraft(draft)}>Yes, delete it</button>
                <button type="button" class="button secondary" @click=${() => void this.keep(draft)}>No, keep it</button>`)}
            </div>`
            : html`
            ${buttonGroup(html`
              <a class="button" href=${addressOf(draft)} @click=${(e: Event) => this.open(e, draft)}>Continue<span class="visually-hidden"> ${named(draft)}, saved ${day(draft.savedAt, this.timeZone)}</span></a>
              <button type="button" class="button secondary" id="delete-${draft.id}" @click=${() => void this.confirm(draft)}>Delete<span class="visually-hidden"> ${named(draft)}, saved ${day(draft.savedAt, this.timeZone)}</span></button>`)}`
        }
      </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'asc-saved-forms': AscSavedForms;
  }
}
