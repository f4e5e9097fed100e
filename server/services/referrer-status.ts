/**
 * What a referrer sees of the triage team's work on their submission: a plain status (received,
 * being looked at, closed) and, while the council waits on them, its question; once they have
 * answered it, the question with their answer. Never the staff's notes, their finer statuses, or
 * who has it.
 */
import type { AnsweredQuestion, ReferrerStatus, TriageStatus } from '../../engine/index.ts';
import type { RepliesRepository } from '../repositories/replies.ts';
import type { AnswersAtRest } from './answers-at-rest.ts';

/** What the referrer sees of the council's questions on one submission. */
export interface Asked {
  /** The question waiting for their answer. */
  question?: string;
  /** The latest question, answered. */
  answered?: AnsweredQuestion;
}

export const plainStatus = (status: TriageStatus): ReferrerStatus =>
  status === 'new' ? 'received' : status === 'closed' ? 'closed' : 'being-looked-at';

/** The record a history entry's text is sealed for. */
export const eventRecord = (eventId: string) => `submission-event:${eventId}`;
/** The record a referrer's answer is sealed for. */
export const replyRecord = (replyId: string) => `submission-reply:${replyId}`;

export function createReferrerStatus(deps: { replies: RepliesRepository; answersAtRest: AnswersAtRest }) {
  const { replies, answersAtRest } = deps;
  return {
    /** The question waiting for each of these submissions' referrer, or the latest they answered, by submission id. */
    async questions(ids: string[]): Promise<Map<string, Asked>> {
      const opened = new Map<string, Asked>();
      for (const [id, latest] of await replies.latestQuestions(ids)) {
        const { reply } = latest;
        // Nothing to show once the retention policy deleted the texts.
        if ((!reply && !latest.waiting) || !latest.text || reply?.text === '') continue;
        const question = await answersAtRest.open<string>(eventRecord(latest.eventId), latest.text);
        opened.set(
          id,
          reply
            ? {
                answered: {
                  question,
                  answer: await answersAtRest.open<string>(replyRecord(reply.id), reply.text),
                  answeredAt: reply.at,
                },
              }
            : { question },
        );
      }
      return opened;
    },
  };
}

export type ReferrerStatusService = ReturnType<typeof createReferrerStatus>;
