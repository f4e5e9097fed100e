/**
 * The council's retention policy as a submission's readers see it: once closed, when its answers
 * and notes will be deleted (RETENTION_DAYS after closing, by housekeeping's hourly run), and
 * once deleted, when they were.
 */
import type { AnswersRetention, TriageStatus } from '../../engine/index.ts';
import { DAY } from './clock.ts';

/** RETENTION_DAYS, as the services count it. */
export interface RetentionPolicy {
  /** How long a closed submission keeps its answers and notes. */
  closedAnswersKeptForMs: number;
}

/** RETENTION_DAYS as standard: 30. */
export const STANDARD_RETENTION: RetentionPolicy = { closedAnswersKeptForMs: 30 * DAY };

export const retentionPolicy = (days: number): RetentionPolicy => ({ closedAnswersKeptForMs: days * DAY });

/** What the policy did or will do to this submission; none while it is open. */
export function retentionOf(
  submission: { status: TriageStatus; closedAt: number | null; answersDeletedAt: number | null },
  policy: RetentionPolicy,
): AnswersRetention | undefined {
  const { status, closedAt, answersDeletedAt } = submission;
  const keptForDays = Math.round(policy.closedAnswersKeptForMs / DAY);
  if (answersDeletedAt !== null)
    return {
      deleted: true,
      at: answersDeletedAt,
      // As it happened: the days it was kept then, whatever RETENTION_DAYS says now.
      daysAfterClosing: closedAt === null ? keptForDays : Math.floor((answersDeletedAt - closedAt) / DAY),
    };
  if (status !== 'closed' || closedAt === null) return undefined;
  return { deleted: false, at: closedAt + policy.closedAnswersKeptForMs, daysAfterClosing: keptForDays };
}
