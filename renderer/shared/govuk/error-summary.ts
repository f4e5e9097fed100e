/**
 * The GOV.UK error summary, after govuk-frontend's error-summary component: a heading and a list
 * of links, each to the box its problem is about.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** One line of the summary. */
export interface ErrorSummaryItem {
  /** What to do, in the words of the box's own error message. */
  message: string | TemplateResult;
  /** The id of the box it is about: the line links there. A problem no box can fix is plain text. */
  fieldId?: string;
}

/** What an error summary says. */
export interface ErrorSummaryOptions<T extends ErrorSummaryItem = ErrorSummaryItem> {
  /** The heading: "There is a problem" when not given; null for none (a problem told in one sentence). */
  title?: string | null;
  /** A sentence under the heading, before the list. */
  description?: string | TemplateResult;
  /** The problems, in the order of the boxes on the page. */
  errors?: readonly T[];
  /** Follows a link instead of focusing its box in the same shadow root (a box on another page, say). */
  onLink?: (item: T, event: Event) => void;
}

/** The class of the box that takes focus; see focusErrorSummary. */
const SUMMARY = 'error-summary';

/**
 * The summary box. It takes focus (focusErrorSummary) while role="alert" stays on the child
 * inside it: focusing and announcing one element race in screen readers (govuk-frontend does
 * the same "to prevent a race condition between the focusing js at the alert").
 */
export function errorSummary<T extends ErrorSummaryItem>(options: ErrorSummaryOptions<T>): TemplateResult {
  const { title = 'There is a problem', description, errors = [], onLink } = options;
  const follow = (item: T) => (event: Event) => {
    event.preventDefault();
    if (onLink) return onLink(item, event);
    const root = (event.currentTarget as Element).getRootNode() as ParentNode;
    const box = root.querySelector<HTMLElement>(`#${CSS.escape(item.fieldId!)}`);
    if (box) revealField(box);
  };
  return html`
    <div class=${SUMMARY} tabindex="-1" part="error-summary">
      <div role="alert">
        ${title === null ? nothing : html`<h2 class="error-summary-title">${title}</h2>`}
        ${description ? html`<p>${description}</p>` : nothing}
        ${
          errors.length
            ? html`<ul class="error-summary-list">
          ${errors.map((item) => html`<li>${item.fieldId ? html`<a href="#${item.fieldId}" @click=${follow(item)}>${item.message}</a>` : item.message}</li>`)}
        </ul>`
            : nothing
        }
      </div>
    </div>`;
}

/** Moves focus to the error summary in `root`, if there is one, as after a failed Continue. */
export function focusErrorSummary(root: ParentNode): void {
  root.querySelector<HTMLElement>(`.${SUMMARY}`)?.focus();
}

/**
 * Focuses a box and scrolls its legend (or label) into view rather than the box itself, as
 * govuk-frontend's summary does: a box scrolled to the top would hide the question it answers.
 */
export function revealField(box: HTMLElement): void {
  box.focus({ preventScroll: true });
  const root = box.getRootNode() as ParentNode;
  const legend = box.closest('fieldset')?.querySelector('legend');
  const boxLabel = box.id ? root.querySelector(`label[for="${CSS.escape(box.id)}"]`) : null;
  (legend ?? boxLabel ?? box).scrollIntoView?.({ block: 'start' });
}
