/**
 * Fills what the inbox finds and sorts submissions by, for those stored before it existed or made
 * by what has changed since, at start: the search index (keyed hashes of the person's name, date
 * of birth and NHS number; again after SESSION_SECRET changed), and the triage facts of open
 * submissions (urgency and deadlines; again after portal.json's triage rules or working hours
 * changed). Each submission's answers are opened with the answer keys; one whose key is not at
 * hand is left for a start that has it, and said so once.
 */
import type { Knex } from 'knex';
import type { Answers } from '../../engine/index.ts';
import type { Repositories } from '../repositories/index.ts';
import { SealedValueError, type AnswersAtRest } from './answers-at-rest.ts';
import type { SearchKeys } from './search-keys.ts';
import type { TriageClock } from './triage/index.ts';
import type { Logger } from './log.ts';
import { deadlineColumns } from '../repositories/deadlines.ts';
import { allAtOnce } from '../db/database.ts';

const BATCH = 100;

interface Stored {
  id: string;
  formId: string;
  formVersion: number;
  answers: string;
}

/** A stored submission's answers, or null when the key they were sealed with is not at hand. */
async function answersOf(answersAtRest: AnswersAtRest, row: Stored): Promise<Answers | null> {
  try {
    return await answersAtRest.open<Answers>(`submission:${row.id}`, row.answers);
  } catch (error) {
    if (error instanceof SealedValueError) return null;
    throw error;
  }
}

/** Writes a submission's triage facts by the rules of today (none for a form version not served). */
async function schedule(
  repos: Repositories,
  triage: TriageClock,
  subject: { id: string; formId: string; formVersion: number; answers: Answers; submittedAt: number },
  trx?: Knex,
): Promise<void> {
  const facts = triage.facts(subject);
  if (facts) await repos.deadlines.set(subject.id, facts, triage.keys[subject.formId]!, trx);
}

/** Opens each submission `next` gives, batch by batch in id order, and hands its answers to `write`: how many were written, and how many could not be opened. */
async function refill<Row extends Stored>(
  answersAtRest: AnswersAtRest,
  next: (afterId: string, limit: number) => Promise<Row[]>,
  write: (row: Row, answers: Answers) => Promise<void>,
): Promise<{ filled: number; unopened: number }> {
  let after = '';
  let filled = 0;
  let unopened = 0;
  for (;;) {
    const batch = await next(after, BATCH);
    for (const row of batch) {
      const answers = await answersOf(answersAtRest, row);
      if (!answers) unopened++;
      else {
        await write(row, answers);
        filled++;
      }
    }
    if (batch.length < BATCH) return { filled, unopened };
    after = batch[batch.length - 1]!.id;
  }
}

const submissions = (n: number) => `${n} submission${n === 1 ? '' : 's'}`;

export async function fillSubmissionIndexes(deps: {
  repos: Repositories;
  answersAtRest: AnswersAtRest;
  searchKeys: SearchKeys;
  triage: TriageClock;
  log: Logger;
}): Promise<{ searchKeys: number; deadlines: number }> {
  const { repos, answersAtRest, searchKeys, triage, log } = deps;
  const search = await refill(
    answersAtRest,
    (after, limit) => repos.triage.unindexed(searchKeys.keyId, after, limit),
    (row, answers) => repos.triage.index(row.id, searchKeys.of(row.formId, row.formVersion, answers), searchKeys.keyId),
  );
  if (search.filled) log.info(`Search index: added the keys of ${submissions(search.filled)}.`);
  if (search.unopened)
    log.warn(
      `Search index: ${submissions(search.unopened)} could not be opened (their key is not in ANSWERS_KEYS) and cannot be found by name, date of birth or NHS number until it is added.`,
    );

  const deadlines = await refill(
    answersAtRest,
    (after, limit) => repos.deadlines.unscheduled(triage.keys, after, limit),
    (row, answers) => schedule(repos, triage, { ...row, answers }),
  );
  if (deadlines.filled)
    log.info(`Triage: worked out the urgency and deadlines of ${submissions(deadlines.filled)} by the current rules.`);
  if (deadlines.unopened)
    log.warn(
      `Triage: ${submissions(deadlines.unopened)} could not be opened (their key is not in ANSWERS_KEYS): the inbox cannot show their urgency or deadlines until it is added.`,
    );
  return { searchKeys: search.filled, deadlines: deadlines.filled };
}

/** What a submission needs written beside it for the inbox: on arrival, and again when a closed one is opened again. */
export function createSubmissionIndexer(deps: {
  repos: Repositories;
  answersAtRest: AnswersAtRest;
  searchKeys: SearchKeys;
  triage: TriageClock;
}) {
  const { repos, answersAtRest, searchKeys, triage } = deps;
  return {
    /**
     * A closed referral's deadlines are left as they were while it is closed (they matter to no
     * one); opened again, it is given them by today's rules. One whose key is not at hand keeps its own.
     */
    async reopened(row: Stored & { submittedAt: number }): Promise<void> {
      const answers = await answersOf(answersAtRest, row);
      if (answers) await schedule(repos, triage, { ...row, answers });
    },

    /**
     * For a submission about to be written: the columns its own row carries (the search key's id,
     * its urgency and deadlines as the inbox sorts by them), and what to write beside it once it
     * is, each table in one statement.
     */
    forNew(subject: { id: string; formId: string; formVersion: number; answers: Answers; submittedAt: number }) {
      const hashes = searchKeys.of(subject.formId, subject.formVersion, subject.answers);
      const facts = triage.facts(subject);
      return {
        columns: {
          search_key_id: searchKeys.keyId,
          ...(facts ? deadlineColumns(facts, triage.keys[subject.formId]!) : {}),
        },
        async write(trx: Knex): Promise<void> {
          await allAtOnce(trx, [
            () => repos.triage.addKeys(subject.id, hashes, trx),
            !!facts && (() => repos.deadlines.addNew(subject.id, facts, trx)),
          ]);
        },
      };
    },
  };
}

export type SubmissionIndexer = ReturnType<typeof createSubmissionIndexer>;
