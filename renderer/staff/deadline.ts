import { html, nothing, type TemplateResult } from 'lit';
import { type InboxDeadline, longDate, timeOfDay } from '../../engine/runtime.ts';

/** When a deadline falls, as the triage team reads it: a whole day as its date, an exact time with it. */
export function deadlineWhen(deadline: Pick<InboxDeadline, 'at' | 'kind'>, timeZone?: string): string {
  const day = longDate(deadline.at, timeZone);
  return deadline.kind === 'endOfDay' ? day : `${day} at ${timeOfDay(deadline.at, timeZone)}`;
}

/** A referral's next deadline, with the words "Overdue" when it has passed. */
export function deadlineCell(deadline: InboxDeadline | undefined, timeZone?: string): TemplateResult {
  if (!deadline) return html`<span class="secondary">None</span>`;
  return html`${deadline.label}: ${deadlineWhen(deadline, timeZone)}${deadline.overdue ? html` <strong class="tag tag-overdue">Overdue</strong>` : nothing}`;
}

/** The mark beside an urgent referral's reference. */
export const urgentTag = html`<strong class="tag tag-urgent">Urgent</strong>`;

/** The referrer answered the team's question, and nobody has moved the referral on since. */
export const answerTag = html`<strong class="tag tag-answered">Answer received</strong>`;
