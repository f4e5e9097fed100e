/**
 * Fills the search index for submissions made before it existed, or whose hashes were made with
 * another key (SESSION_SECRET changed): each one's answers opened with the answer keys, its
 * search keys written again. Run at start; a submission whose key is not at hand is left
 * for a start that has it, and said so once.
 */
import type { Answers } from '../../engine/index.ts';
import type { TriageRepository } from '../repositories/triage.ts';
import { SealedValueError, type AnswersAtRest } from './answers-at-rest.ts';
import type { SearchKeys } from './search-keys.ts';
import type { Logger } from './log.ts';

const BATCH = 100;

export async function fillSearchIndex(deps: {
  triage: TriageRepository;
  answersAtRest: AnswersAtRest;
  searchKeys: SearchKeys;
  log: Logger;
}): Promise<number> {
  const { triage, answersAtRest, searchKeys, log } = deps;
  let after = '';
  let filled = 0;
  let unopened = 0;
  for (;;) {
    const batch = await triage.unindexed(searchKeys.keyId, after, BATCH);
    for (const submission of batch) {
      let answers: Answers;
      try {
        answers = await answersAtRest.open<Answers>(`submission:${submission.id}`, submission.answers);
      } catch (error) {
        if (!(error instanceof SealedValueError)) throw error;
        unopened++;
        continue;
      }
      await triage.index(
        submission.id,
        searchKeys.of(submission.formId, submission.formVersion, answers),
        searchKeys.keyId,
      );
      filled++;
    }
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1]!.id;
  }
  if (filled) log.info(`Search index: added the keys of ${filled} earlier submission${filled === 1 ? '' : 's'}.`);
  if (unopened)
    log.warn(
      `Search index: ${unopened} submission${unopened === 1 ? '' : 's'} could not be opened (their key is not in ANSWERS_KEYS) and cannot be found by name, date of birth or NHS number until it is added.`,
    );
  return filled;
}
