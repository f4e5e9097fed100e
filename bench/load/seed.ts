/**
 * Stored submissions for the growth runs, written in bulk through the app's database: `count`
 * more for one account, the 20 newest within the last 30 days (sealed with the app's key, as the
 * list opens them to say whom each is about), the rest spread over the three years before, closed
 * and with their answers deleted by retention (as a long-lived account's older ones are).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Answers } from '../../engine/index.ts';
import type { App } from '../../server/index.ts';
import { createAnswersAtRest, loadAnswerKeys } from '../../server/services/answers-at-rest.ts';
import { newReference } from '../../server/services/references.ts';

const DAY = 86_400_000;
const RECENT = 20;
const BATCH = 2000;

export async function seedSubmissions(
  app: App,
  dataDir: string,
  userId: string,
  { count, offset }: { count: number; offset: number },
  answers: Answers,
): Promise<void> {
  const answersAtRest = createAnswersAtRest(await loadAnswerKeys(undefined, dataDir));
  const digest = createHash('sha256').update(JSON.stringify(answers)).digest('hex');
  const now = Date.now();
  const { id: formId, version: formVersion } = { id: 'dols-form-1', version: 2 };
  for (let start = 0; start < count; start += BATCH) {
    const rows: Array<Record<string, unknown>> = [];
    const sealed: Array<{ submission_id: string; answers: string }> = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const recent = offset + i < RECENT;
      const submittedAt = recent
        ? now - Math.round(((offset + i + 1) * 29 * DAY) / RECENT)
        : now - 31 * DAY - Math.round(Math.random() * 3 * 365 * DAY);
      const id = randomUUID();
      rows.push({
        id,
        reference: newReference(),
        user_id: userId,
        form_id: formId,
        form_version: formVersion,
        key_id: answersAtRest.keyId,
        idempotency_key: randomBytes(16).toString('hex'),
        answers_digest: digest,
        submitted_at: submittedAt,
        status: recent ? 'new' : 'closed',
        status_changed_at: recent ? null : submittedAt + DAY,
        closed_at: recent ? null : submittedAt + DAY,
        answers_deleted_at: recent ? null : submittedAt + 2 * DAY,
      });
      if (recent) sealed.push({ submission_id: id, answers: await answersAtRest.seal(`submission:${id}`, answers) });
    }
    await app.db.transaction(async (trx) => {
      await trx.batchInsert('submissions', rows, 500);
      if (sealed.length) await trx.batchInsert('submission_answers', sealed, 100);
    });
  }
  if (app.db.client.config.client === 'pg') await app.db.raw('analyze submissions');
}
