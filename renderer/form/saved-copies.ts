/** The person's saved copies of the form on a council's page, offered once they are signed in, to carry on with. */
import { html, type TemplateResult } from 'lit';
import { type OpenedDraft, type SavedDraft, longDate, timeOfDay } from '../../engine/runtime.ts';
import { RequestRefused } from '../api-client.ts';
import { draftsApi } from '../drafts-api.ts';
import type { OwnAccountHost } from './own-account.ts';

/** The person's other saved copies of this form, each to carry on with. */
export async function offerSavedCopies(host: OwnAccountHost, sessionEnded: () => void): Promise<void> {
  const { element } = host;
  const drafts = await draftsApi.list(element.apiBase).catch(() => []);
  const copies = drafts.filter((draft) => draft.formId === element.formId && draft.id !== element.savedDraftId);
  if (!copies.length || !element.signedIn) return;
  const timeZone = host.form()?.timeZone;
  const when = (at: number) => `${longDate(at, timeZone)} at ${timeOfDay(at, timeZone)}`;
  host.note(html`
      <h2>${copies.length === 1 ? 'You have saved this form before' : `You have saved this form ${copies.length} times`}</h2>
      <ul class="list">${copies.map(
        (copy) => html`<li>
          <p>${copy.about ? html`About <strong>${copy.about}</strong>, saved` : 'Saved'} on ${when(copy.savedAt)}, at “${copy.pageTitle}”.</p>
          <button type="button" class="button secondary" @click=${() => void resume(host, copy, sessionEnded)}>Carry on with the form saved on ${when(copy.savedAt)}</button>
        </li>`,
      )}</ul>
      <p>Or carry on below with a new form.</p>`);
}

/** Opens a saved copy in place of the form on screen, saving that first if it has unsaved answers. */
async function resume(host: OwnAccountHost, copy: SavedDraft, sessionEnded: () => void): Promise<void> {
  const { element } = host;
  let note: TemplateResult | undefined;
  if (element.hasUnsavedChanges) {
    if ((await element.saveForLater()).kind !== 'saved') return;
    note = html`<p>The answers you had on screen have been saved too: they are kept as a separate copy.</p>`;
  }
  let opened: OpenedDraft;
  try {
    opened = await draftsApi.open(element.apiBase, copy.id);
  } catch (error) {
    if (error instanceof RequestRefused && error.status === 401) return sessionEnded();
    host.showBanner(
      html`<p><strong>Your saved form could not be opened.</strong> ${error instanceof Error ? error.message : ''}</p>`,
    );
    return;
  }
  element.openDraft(opened, opened.answers, note);
}
