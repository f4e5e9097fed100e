/**
 * The audit log's filters as the boxes hold them, checked before they are applied: who (anyone, a
 * member of staff chosen by name, or anyone else by the account id an entry shows, a referrer's
 * or a former member's) and the dates from and to, typed in day, month and year boxes. What is
 * wrong is said in the GOV.UK words, on the box to change.
 */
import { dateMessage, isRealDate, missingDateParts, normaliseDate } from '../../engine/runtime.ts';
import type { DatePart } from '../shared/govuk/index.ts';

/** The boxes: `who` is '' for anyone, a member's id, or BY_ID for the id typed in `whoId`. */
export const AUDIT_BOXES = { reference: '', event: '', who: '', whoId: '', from: '', to: '' };
export type AuditBoxes = typeof AUDIT_BOXES;

/** The choice of "Who" that shows a box for an account id. */
export const BY_ID = 'by-id';

/** What is wrong with a box, and which of a date's boxes to change. */
export interface FilterProblem {
  name: 'whoId' | 'from' | 'to';
  message: string;
  parts?: DatePart[];
}

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A date typed in three boxes: "YYYY-MM-DD", '' when all are empty, or what is wrong with it. */
function dateOf(typed: string, name: 'from' | 'to'): { date: string } | FilterProblem {
  if (!typed.replace(/-/g, '').trim()) return { date: '' };
  const missing = missingDateParts(typed);
  // Named as the legend names the boxes, in the GOV.UK date input's words.
  if (missing.length) return { name, message: dateMessage(`Date ${name}`, missing), parts: missing };
  const date = normaliseDate(typed);
  return isRealDate(date) ? { date } : { name, message: dateMessage(`Date ${name}`) };
}

/** The filters as the API takes them, or the problems to fix first (in the order of the boxes). */
export function checkAuditFilters(
  boxes: AuditBoxes,
): { filters: Record<string, string>; problems: [] } | { problems: FilterProblem[] } {
  const problems: FilterProblem[] = [];
  let who = boxes.who;
  if (who === BY_ID) {
    who = boxes.whoId.trim().toLowerCase();
    if (!who) problems.push({ name: 'whoId', message: 'Enter the account id, as an entry of the log shows it' });
    else if (!ACCOUNT_ID.test(who))
      problems.push({
        name: 'whoId',
        message: 'Enter the account id as an entry of the log shows it, like 3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      });
  }
  const from = dateOf(boxes.from, 'from');
  const to = dateOf(boxes.to, 'to');
  if ('name' in from) problems.push(from);
  if ('name' in to) problems.push(to);
  else if ('date' in from && from.date && to.date && to.date < from.date)
    problems.push({ name: 'to', message: 'Date to must be the same as or after date from' });
  if (problems.length || !('date' in from) || !('date' in to)) return { problems };
  return {
    filters: { reference: boxes.reference, event: boxes.event, who, from: from.date, to: to.date },
    problems: [],
  };
}
