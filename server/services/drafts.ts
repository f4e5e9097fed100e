/**
 * Forms saved for later: saving (a new draft, or over one from the version it was opened at),
 * the person's list, opening one, deleting one. The answers are checked against the form version
 * the draft was started on, stripped of anything hidden, and sealed before they are stored.
 * Drafts are kept 30 days from their last save, as the guide promises; how many and how much one
 * account may keep, and how often it may save, are in draft-limits.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Answers, DraftSave, OpenedDraft, SavedDraft } from '../../engine/index.ts';
import type { DraftsRepository, DraftListing } from '../repositories/drafts.ts';
import { refuseNewForm, type FormCatalogue, type CatalogueEntry } from './form-catalogue.ts';
import type { AnswersAtRest } from './answers-at-rest.ts';
import type { AboutPerson } from './about-person.ts';
import { ConflictError, FieldErrors, NotFoundError, RefusedError } from './errors.ts';
import { DAY, type Clock } from './clock.ts';
import { createDraftLimits } from './draft-limits.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { Counting } from './metrics.ts';

export const DRAFT_LIFETIME_MS = 30 * DAY;

export class StaleDraftError extends ConflictError {
  override readonly name = 'StaleDraftError';
  constructor() {
    super(
      'stale-draft',
      'This form has been saved from another tab or window since you opened it here, so we have not saved over it.',
    );
  }
}

/** The one answer for a draft that is not there, or not the person's: the same either way. */
export const notFound = () =>
  new NotFoundError('There is no saved form here: it may have been deleted, or kept past its 30 days.');

export function createDraftService(deps: {
  /** The database the saves' transactions run on (each save and its count, one commit). */
  db: Knex;
  drafts: DraftsRepository;
  catalogue: FormCatalogue;
  answersAtRest: AnswersAtRest;
  aboutPerson: AboutPerson;
  clock: Clock;
  limiter: RateLimiter;
  /** Multiplies the rate of saves (RATE_LIMIT_SCALE). */
  rateLimitScale?: number;
  metrics?: Pick<Counting, 'draftSaved'>;
}) {
  const { drafts, catalogue, answersAtRest, aboutPerson, clock } = deps;
  const limits = createDraftLimits(deps);
  const record = (id: string) => `draft:${id}`;

  const summaryOf = (draft: DraftListing, about?: string): SavedDraft => {
    const definition = catalogue.get(draft.formId, draft.formVersion)?.definition;
    const latestVersion = catalogue.get(draft.formId)?.definition.version;
    const page = definition?.pages.find((p) => p.id === draft.pageId);
    return {
      id: draft.id,
      formId: draft.formId,
      formVersion: draft.formVersion,
      formTitle: definition?.title ?? draft.formId,
      ...(latestVersion ? { latestVersion } : {}),
      ...(about ? { about } : {}),
      pageId: draft.pageId,
      pageTitle: page?.title ?? '',
      progress: page?.progress ?? 0,
      version: draft.version,
      savedAt: draft.savedAt,
      deleteAt: draft.savedAt + DRAFT_LIFETIME_MS,
    };
  };

  /** The answers as they will be kept: checked as sent, then hidden ones dropped and each normalised. */
  const checked = (entry: CatalogueEntry, save: DraftSave): Answers => {
    if (!entry.definition.pages.some((page) => page.id === save.pageId)) {
      throw new RefusedError(
        'bad-page',
        `Form "${save.formId}" version ${save.formVersion} has no page "${save.pageId}".`,
      );
    }
    const check = entry.form.check(save.answers);
    if (!check.valid) throw new FieldErrors(check.problems);
    return check.answers;
  };

  const entryFor = (formId: string, formVersion: number): CatalogueEntry => {
    const entry = catalogue.get(formId, formVersion);
    if (!entry) throw new RefusedError('bad-form', `There is no form "${formId}" version ${formVersion} to save.`);
    return entry;
  };

  return {
    /** Saves a new draft; never on a retired version (a draft saved before it was retired is saved over with `update`). */
    async create(userId: string, save: DraftSave): Promise<SavedDraft> {
      const { draft, answers } = await limits.before(userId, async () => {
        const usage = limits.usage(userId);
        const entry = entryFor(save.formId, save.formVersion);
        refuseNewForm(catalogue, entry);
        const answers = checked(entry, save);
        const now = clock.now();
        const id = randomUUID();
        const sealed = await answersAtRest.seal(record(id), answers);
        limits.room(await usage, sealed.length);
        const draft = {
          id,
          userId,
          formId: save.formId,
          formVersion: save.formVersion,
          pageId: save.pageId,
          answers: sealed,
          keyId: answersAtRest.keyId,
          version: 1,
          createdAt: now,
          savedAt: now,
        };
        return { draft, answers };
      });
      await limits.counted(userId, (trx) => drafts.insert(draft, trx));
      deps.metrics?.draftSaved();
      return summaryOf(draft, aboutPerson.inAnswers(save.formId, save.formVersion, answers));
    },

    /** Saves over a draft, which must still be at `fromVersion`; its form and version stay as they were. */
    async update(
      userId: string,
      id: string,
      fromVersion: number,
      save: Omit<DraftSave, 'formId' | 'formVersion'>,
    ): Promise<SavedDraft> {
      const { existing, answers, change } = await limits.before(userId, async () => {
        const [existing, usage] = await Promise.all([drafts.find(id, userId), limits.usage(userId)]);
        if (!existing) throw notFound();
        if (existing.version !== fromVersion) throw new StaleDraftError();
        const answers = checked(entryFor(existing.formId, existing.formVersion), {
          ...save,
          formId: existing.formId,
          formVersion: existing.formVersion,
        });
        const savedAt = clock.now();
        const sealed = await answersAtRest.seal(record(id), answers);
        limits.room(usage, sealed.length, existing.answers.length);
        return {
          existing,
          answers,
          change: { pageId: save.pageId, answers: sealed, keyId: answersAtRest.keyId, savedAt },
        };
      });
      // Checked again by the database: a save from another tab may have landed since the read
      // above, or the draft been deleted.
      await limits.counted(userId, async (trx) => {
        if (!(await drafts.update(id, userId, fromVersion, change, trx)))
          throw (await drafts.find(id, userId, trx)) ? new StaleDraftError() : notFound();
      });
      deps.metrics?.draftSaved();
      return summaryOf(
        { ...existing, ...change, version: fromVersion + 1 },
        aboutPerson.inAnswers(existing.formId, existing.formVersion, answers),
      );
    },

    async list(userId: string): Promise<SavedDraft[]> {
      return Promise.all(
        (await drafts.listForUser(userId)).map(async (draft) =>
          summaryOf(
            draft,
            await aboutPerson.inSealed(draft.formId, draft.formVersion, record(draft.id), draft.answers),
          ),
        ),
      );
    },

    /** A draft with its answers, to carry on with. */
    async open(userId: string, id: string): Promise<OpenedDraft> {
      const draft = await drafts.find(id, userId);
      if (!draft) throw notFound();
      const answers = await answersAtRest.open<Answers>(record(id), draft.answers);
      return { ...summaryOf(draft, aboutPerson.inAnswers(draft.formId, draft.formVersion, answers)), answers };
    },

    async remove(userId: string, id: string): Promise<void> {
      if (!(await drafts.delete(id, userId))) throw notFound();
    },
  };
}

export type DraftService = ReturnType<typeof createDraftService>;
