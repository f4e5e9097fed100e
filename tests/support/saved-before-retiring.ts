/**
 * A draft saved while its version was still the current one, for tests of what happens after that
 * version is retired: the real draft service, over the app's own catalogue as it was before.
 */
import type { Answers } from '../../engine/index.ts';
import type { App } from '../../server/index.ts';
import type { Clock } from '../../server/services/clock.ts';
import { createRepositories } from '../../server/repositories/index.ts';
import { createDraftService } from '../../server/services/drafts.ts';
import { createRateLimiter } from '../../server/services/rate-limiter.ts';
import { createAboutPerson } from '../../server/services/about-person.ts';
import { createAnswersAtRest, loadAnswerKeys } from '../../server/services/answers-at-rest.ts';

export interface EarlierSave {
  formId: string;
  formVersion: number;
  pageId: string;
  answers: Answers;
}

/** Saves a draft for the account with this email as if its version had not been retired yet; returns its id. */
export async function savedBeforeRetiring(
  app: App,
  dataDir: string,
  clock: Clock,
  email: string,
  save: EarlierSave,
): Promise<string> {
  const catalogue: App['catalogue'] = {
    ...app.catalogue,
    get: (id, version) => {
      const entry = app.catalogue.get(id, version);
      return entry && { ...entry, definition: { ...entry.definition, status: 'published' } };
    },
  };
  const answersAtRest = createAnswersAtRest(await loadAnswerKeys(undefined, dataDir));
  const repos = createRepositories(app.db);
  const drafts = createDraftService({
    db: app.db,
    drafts: repos.drafts,
    catalogue,
    answersAtRest,
    aboutPerson: createAboutPerson(catalogue, answersAtRest),
    clock,
    limiter: createRateLimiter(repos.rateLimits, clock),
  });
  const user = await app.db('users').where({ email }).first();
  if (!user) throw new Error(`No account for ${email}`);
  return (await drafts.create(user.id as string, save)).id;
}
