/**
 * The council's retention policy in words, for a closed submission: when its answers (and, for
 * staff, the notes) will be deleted, or were. Dates on the council's clock, as the rest of the page.
 */
import { type AnswersRetention, longDate } from '../../engine/runtime.ts';

/** "The answers and notes were deleted on 3 May 2026, 30 days after it was closed, as the council's retention policy says." */
export function retentionWords(retention: AnswersRetention, what: string, timeZone?: string): string {
  const on = longDate(retention.at, timeZone);
  const days = `${retention.daysAfterClosing} day${retention.daysAfterClosing === 1 ? '' : 's'} after it was closed`;
  return retention.deleted
    ? `The ${what} were deleted on ${on}, ${days}, as the council's retention policy says.`
    : `Its ${what} will be deleted on ${on}, ${days}, as the council's retention policy says.`;
}

/** Short, for a list: "Answers deleted on 3 May 2026", "Answers to be deleted on 3 May 2026". */
export const retentionNote = (retention: AnswersRetention, timeZone?: string): string =>
  `Answers ${retention.deleted ? 'deleted' : 'to be deleted'} on ${longDate(retention.at, timeZone)}`;
