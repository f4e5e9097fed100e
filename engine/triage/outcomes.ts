/**
 * The council's closing outcomes (portal.json's outcomes): those offered when closing a referral,
 * and the words for a code a referral was closed with, whatever has become of it since.
 */
import type { Outcome } from '../contracts/portal.types.ts';

/** The outcomes a referral can be closed with now: those not retired, in the council's order. */
export function offeredOutcomes(outcomes: readonly Outcome[]): Outcome[] {
  return outcomes.filter((outcome) => !outcome.retired);
}

/**
 * A code's label, retired or not; a code portal.json no longer lists at all (removed, against its
 * advice) is shown as it is, so a referral closed with it still says something.
 */
export function outcomeLabel(outcomes: readonly Outcome[], code: string): string {
  return outcomes.find((outcome) => outcome.code === code)?.label ?? code;
}
