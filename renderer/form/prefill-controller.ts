/**
 * Fills in what the person need not type again (WCAG 2.2, 3.3.7): their name and email from
 * their account, an answer from an earlier page, the date and time now, and "the same person"
 * once they say so. The engine offers what could go in each box (Form.prefills); this puts an
 * offer in as its question comes into view, and never again once the box has held an answer, so
 * nothing the person typed, cleared or saved is overwritten. Boxes stay editable.
 */
import { html, type ReactiveController } from 'lit';
import type { Answers, Form, PrefillOffer } from '../../engine/runtime.ts';
import type { AnswersController } from './answers-controller.ts';
import type { FormHost } from './form-host.ts';

export class PrefillController implements ReactiveController {
  /** Questions done with: filled, or seen holding an answer. A conditional one is done until its condition stops holding. */
  private readonly done = new Set<string>();
  /** What a conditional prefill put in each box, to take it back if the condition stops holding and the box is untouched. */
  private readonly filled = new Map<string, string>();
  /** What a date or time now put in each box: the moment it was filled, not worth keeping in a saved copy while untouched. */
  private readonly filledWithNow = new Map<string, string>();
  private replaced = -1;

  constructor(
    private readonly host: FormHost,
    private readonly answers: AnswersController,
  ) {
    host.addController(this);
  }

  // Runs after the navigation's hostUpdate, so the page on screen is the one about to render.
  hostUpdate(): void {
    const { form, currentPage: page, element } = this.host;
    if (this.replaced !== this.answers.replaced) {
      // Other answers altogether (a saved form opened, or cancelled): what was done was for those.
      this.replaced = this.answers.replaced;
      this.done.clear();
      this.filled.clear();
      this.filledWithNow.clear();
    }
    // Not while the page waits for its words: what it says it filled in would have no labels.
    if (!form || !page || page.kind === 'checkAnswers' || !this.host.canShow(page)) return;
    if (form.requiresAccount(page.id) && !element.signedIn) return;
    const offers = form.prefills(page.id, this.answers.current, element.account);
    const filledNow: string[] = [];
    const takenBack: string[] = [];
    for (const offer of offers) {
      const id = offer.questionId;
      if (offer.conditional && !offer.holds) {
        if (this.takeBack(id)) takenBack.push(id);
        this.done.delete(id);
      } else if (!this.done.has(id)) this.apply(offer, filledNow);
    }
    this.tell(form, filledNow, takenBack);
  }

  private apply(offer: PrefillOffer, filledNow: string[]): void {
    const id = offer.questionId;
    if (offer.value !== undefined) {
      this.answers.fill(id, offer.value);
      this.done.add(id);
      if (this.host.form?.question(id)?.question.prefill?.now) this.filledWithNow.set(id, JSON.stringify(offer.value));
      if (offer.conditional) {
        this.filled.set(id, JSON.stringify(offer.value));
        filledNow.push(id);
      }
    } else if (offer.answered) this.done.add(id);
  }

  /** The answers without the dates and times now that were filled in and left as they were. */
  withoutUntouchedNow(answers: Answers): Answers {
    const kept = { ...answers };
    for (const [id, filled] of this.filledWithNow) if (JSON.stringify(kept[id]) === filled) delete kept[id];
    return kept;
  }

  /** Empties a box this filled for a condition that no longer holds, unless the person has changed it. */
  private takeBack(id: string): boolean {
    const filled = this.filled.get(id);
    this.filled.delete(id);
    if (filled === undefined || JSON.stringify(this.answers.current[id]) !== filled) return false;
    this.answers.fill(id, undefined);
    return true;
  }

  /** Boxes filled or emptied by an answer the person gave are said politely, as they may be out of sight. */
  private tell(form: Form, filledNow: string[], takenBack: string[]): void {
    if (!filledNow.length && !takenBack.length) return;
    const word = form.wording(this.answers.current);
    const labels = (ids: string[]) => ids.map((id) => word(form.question(id)!.question).label.toLowerCase()).join(', ');
    const from = filledNow.length
      ? form.question(form.question(filledNow[0]!)!.question.prefill?.question ?? '')
      : undefined;
    this.host.tell(
      filledNow.length
        ? html`<p>Filled in ${from ? `from ${from.page.title}` : 'for you'}: ${labels(filledNow)}. You can change them.</p>`
        : html`<p>Emptied again: ${labels(takenBack)}.</p>`,
    );
  }
}
