/**
 * What a referrer sees of the triage team's work on their submission: a plain status (received,
 * being looked at, closed) and, while the council waits on them, its question. Never the staff's
 * notes, their finer statuses, or who has it.
 */
import type { ReferrerStatus, TriageStatus } from '../../engine/index.ts';
import type { TriageRepository } from '../repositories/triage.ts';
import type { AnswersAtRest } from './answers-at-rest.ts';

export const plainStatus = (status: TriageStatus): ReferrerStatus =>
  status === 'new' ? 'received' : status === 'closed' ? 'closed' : 'being-looked-at';

/** The record a history entry's text is sealed for. */
export const eventRecord = (eventId: string) => `submission-event:${eventId}`;

export function createReferrerStatus(deps: { triage: TriageRepository; answersAtRest: AnswersAtRest }) {
  const { triage, answersAtRest } = deps;
  return {
    /** The question waiting for each of these submissions' referrer, by submission id. */
    async questions(ids: string[]): Promise<Map<string, string>> {
      const sealed = await triage.openQuestions(ids);
      const opened = new Map<string, string>();
      for (const [id, { eventId, text }] of sealed)
        opened.set(id, await answersAtRest.open<string>(eventRecord(eventId), text));
      return opened;
    },
  };
}

export type ReferrerStatusService = ReturnType<typeof createReferrerStatus>;
