/** A submission's search keys (the hashes the inbox's search looks up), written in one statement. */
import type { Knex } from 'knex';

export async function addSearchKeys(trx: Knex, submissionId: string, hashes: string[]): Promise<void> {
  const unique = [...new Set(hashes)];
  if (unique.length)
    await trx('submission_search')
      .insert(unique.map((hash) => ({ submission_id: submissionId, hash })))
      .onConflict(['submission_id', 'hash'])
      .ignore();
}
