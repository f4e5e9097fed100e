/**
 * Forms saved for later, over HTTP on SQLite and PostgreSQL: saving and opening again, each person
 * seeing only their own, encryption at rest, stale tabs refused, the 30 days, the checks that
 * keep a half-typed answer but refuse what no form could have sent, and how many forms, how much
 * and how many saves in a few minutes one account may make.
 */
import { suite } from '../support/suite.ts';
import { randomUUID } from 'node:crypto';
import { compileForm } from '../../engine/index.ts';
import { loadDefinition, loadForms, newestVersion } from '../fixtures/forms.ts';
import * as assert from 'uvu/assert';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createApp, readConfig, type App } from '../../server/index.ts';
import { manualClock, DAY, HOUR, MINUTE } from '../../server/services/clock.ts';
import { createRepositories } from '../../server/repositories/index.ts';
import { forgetExpired } from '../../server/services/housekeeping.ts';
import { createDraftService } from '../../server/services/drafts.ts';
import { createRateLimiter } from '../../server/services/rate-limiter.ts';
import { DRAFT_LIMITS } from '../../server/services/draft-limits.ts';
import { createAboutPerson } from '../../server/services/about-person.ts';
import { createAnswersAtRest, loadAnswerKeys } from '../../server/services/answers-at-rest.ts';
import { statusOf } from '../../server/http/errors.ts';
import { testDatabases } from '../support/databases.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { closeAtEnd } from '../support/shared.ts';
import { client, registerOverApi, signInOverApi, type Client } from '../support/http-client.ts';
import { startTestApp } from '../support/test-app.ts';
import { savedBeforeRetiring } from '../support/saved-before-retiring.ts';
import { capturedLog } from '../support/captured-log.ts';

// A name no form or template contains, to look for in the stored bytes.
const SECRET_NAME = 'Zebedee Quackenbush-Ffoulkes';

const partOfDols1 = {
  referrerName: 'Sam Carter',
  referrerJobTitle: 'Ward manager',
  referrerOrganisation: 'Southport Hospital',
  requestType: 'standard-only',
  personFullName: SECRET_NAME,
  personDobKnown: 'yes',
  personDateOfBirth: '1941-03-09',
};

for (const database of await testDatabases()) {
  const test = suite(`Forms saved for later on ${database.name}`);
  const it = database.skip ? test.skip : test;
  const clock = manualClock();
  let app: App;
  let baseUrl = '';
  let dataDir = '';
  let databaseUrl: string | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let owner: Client;
  let someoneElse: Client;
  let emailCount = 0;

  let ownerEmail = '';

  async function registered(): Promise<{ as: Client; email: string }> {
    const email = `saver${++emailCount}.${database.name.toLowerCase()}@example.org`;
    return { as: await registerOverApi(baseUrl, smtp, email), email };
  }

  const signedIn = (email: string) => signInOverApi(baseUrl, smtp, email);

  test.before(async () => {
    if (database.skip) return;
    smtp = await startSmtpServer();
    closeAtEnd(smtp.close);
    ({ databaseUrl } = await database.create());
    ({ app, baseUrl, dataDir } = await startTestApp(
      { DATABASE_URL: databaseUrl ?? '', SMTP_URL: smtp.url },
      { clock },
    ));
    ({ as: owner, email: ownerEmail } = await registered());
    ({ as: someoneElse } = await registered());
  });

  // Sessions end after 20 idle minutes; each test keeps them alive by starting a few minutes on.
  test.before.each(async () => {
    if (database.skip) return;
    clock.advance(5 * MINUTE);
    for (const as of [owner, someoneElse]) await as.post('/api/account/keep-alive');
  });

  const save = (as: Client, answers: Record<string, unknown> = partOfDols1, pageId = 'the-person') =>
    as.post('/api/drafts', { formId: 'dols-form-1', formVersion: newestVersion('dols-form-1'), pageId, answers });

  it('should save a form for later and open it again at the same page with the same answers', async () => {
    const saved = await save(owner);
    assert.is(saved.status, 201, JSON.stringify(saved.body));
    const { draft } = saved.body;
    assert.is(saved.headers.get('location'), `/api/drafts/${draft.id}`);
    assert.is(saved.headers.get('cache-control'), 'no-store');
    assert.equal(
      { formTitle: draft.formTitle, pageTitle: draft.pageTitle, version: draft.version, savedAt: draft.savedAt },
      {
        formTitle: 'DoLS Form 1: standard request and urgent authorisation',
        pageTitle: 'About the person',
        version: 1,
        savedAt: clock.now(),
      },
    );
    assert.is(draft.deleteAt, clock.now() + 30 * DAY);
    const opened = await owner.get(`/api/drafts/${draft.id}`);
    assert.is(opened.status, 200);
    assert.equal(opened.body.draft.answers, partOfDols1);
    assert.is(opened.body.draft.pageId, 'the-person');
    const listed = (await owner.get('/api/drafts')).body.drafts;
    assert.ok(
      listed.some((d: { id: string; answers?: unknown }) => d.id === draft.id && d.answers === undefined),
      'listed, without its answers',
    );
  });

  it('should save while another part of the service holds the database for a moment', async () => {
    // A write of another kind (a sign-in's count, say) holds the write lock while the person saves.
    const holding = await app.db.transaction();
    await holding('rate_limits').insert({ key: `held-${randomUUID()}`, window_start: 0, count: 1 });
    const saving = save(owner);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await holding.commit();
    const saved = await saving;
    assert.is(saved.status, 201, JSON.stringify(saved.body));
  });

  it('should list the most recently saved first', async () => {
    const first = (await save(owner)).body.draft;
    clock.advance(60_000);
    const second = (await save(owner, { requestType: 'urgent-and-standard' }, 'what-you-are-requesting')).body.draft;
    const ids = (await owner.get('/api/drafts')).body.drafts.map((d: { id: string }) => d.id);
    assert.ok(ids.indexOf(second.id) < ids.indexOf(first.id), ids.join());
  });

  it('should keep the answers encrypted: no answer in clear text in the database', async () => {
    const { draft } = (await save(owner)).body;
    const row = await app.db('drafts').where({ id: draft.id }).first();
    assert.not.match(row.answers, /Quackenbush/);
    assert.match(row.answers, /^[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+$/, 'a compact JWE with no encrypted key (dir)');
    assert.match(row.key_id, /^local-[0-9a-f]{8}$/);
    if (database.name === 'SQLite') {
      const files = (await readdir(dataDir)).filter((name) => name.startsWith('asc-forms.sqlite'));
      assert.ok(files.length > 0, 'found the database files');
      for (const name of files)
        assert.not.ok(
          (await readFile(join(dataDir, name))).includes('Quackenbush'),
          `${name} holds no answer in clear`,
        );
    }
  });

  it("should answer 404 to another person's draft, for reading, saving over and deleting", async () => {
    const { draft } = (await save(owner)).body;
    assert.is((await someoneElse.get(`/api/drafts/${draft.id}`)).status, 404);
    assert.is(
      (await someoneElse.put(`/api/drafts/${draft.id}`, { version: 1, pageId: 'the-person', answers: {} })).status,
      404,
    );
    assert.is((await someoneElse.delete(`/api/drafts/${draft.id}`)).status, 404);
    assert.not.ok((await someoneElse.get('/api/drafts')).body.drafts.some((d: { id: string }) => d.id === draft.id));
    assert.equal((await owner.get(`/api/drafts/${draft.id}`)).body.draft.answers, partOfDols1, 'still whole');
  });

  it('should refuse anyone not signed in', async () => {
    const { draft } = (await save(owner)).body;
    const stranger = client(baseUrl);
    for (const response of [
      await stranger.get('/api/drafts'),
      await stranger.get(`/api/drafts/${draft.id}`),
      await save(stranger),
      await stranger.put(`/api/drafts/${draft.id}`, { version: 1, pageId: 'the-person', answers: {} }),
      await stranger.delete(`/api/drafts/${draft.id}`),
    ]) {
      assert.is(response.status, 401);
    }
  });

  it('should refuse saving over or deleting from another site, and bodies that are not JSON', async () => {
    const { draft } = (await save(owner)).body;
    const fromElsewhere = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    assert.is(
      (await owner.put(`/api/drafts/${draft.id}`, { version: 1, pageId: 'the-person', answers: {} }, fromElsewhere))
        .status,
      403,
    );
    assert.is((await owner.raw('DELETE', `/api/drafts/${draft.id}`, undefined, fromElsewhere)).status, 403);
    assert.is(
      (
        await owner.raw('POST', '/api/drafts', 'formId=dols-form-1', {
          'content-type': 'application/x-www-form-urlencoded',
        })
      ).status,
      415,
    );
    assert.is((await owner.get(`/api/drafts/${draft.id}`)).body.draft.version, 1, 'unchanged');
    assert.is(
      (await owner.post('/api/account/keep-alive', { padding: 'x'.repeat(20_000) })).status,
      413,
      'other routes keep the 16 KB limit',
    );
  });

  it('should refuse a save from a stale tab with 409 and keep the newer answers', async () => {
    const { draft } = (await save(owner)).body;
    const fromFirstTab = await owner.put(`/api/drafts/${draft.id}`, {
      version: 1,
      pageId: 'the-person',
      answers: { ...partOfDols1, personFullName: 'First tab' },
    });
    assert.is(fromFirstTab.status, 200);
    assert.is(fromFirstTab.body.draft.version, 2);
    const fromStaleTab = await owner.put(`/api/drafts/${draft.id}`, {
      version: 1,
      pageId: 'the-person',
      answers: { ...partOfDols1, personFullName: 'Stale tab' },
    });
    assert.is(fromStaleTab.status, 409);
    assert.is(fromStaleTab.body.error.code, 'stale-draft');
    assert.match(fromStaleTab.body.error.message, /another tab or window/);
    assert.is((await owner.get(`/api/drafts/${draft.id}`)).body.draft.answers.personFullName, 'First tab');
  });

  it('should let exactly one of several saves from the same version land', async () => {
    const { draft } = (await save(owner)).body;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        owner.put(`/api/drafts/${draft.id}`, {
          version: 1,
          pageId: 'the-person',
          answers: { personFullName: `Tab ${n}` },
        }),
      ),
    );
    assert.equal(results.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409]);
    const winner = results.findIndex((r) => r.status === 200);
    const kept = (await owner.get(`/api/drafts/${draft.id}`)).body.draft;
    assert.is(kept.version, 2);
    assert.is(kept.answers.personFullName, `Tab ${winner}`, 'the answers of the save that landed');
  });

  it('should keep half-typed answers, drop hidden ones, and refuse what the form does not ask', async () => {
    const halfTyped = {
      personFullName: 'Pat',
      personDobKnown: 'no',
      personDateOfBirth: '1941-03-09',
      personEstimatedAge: 'about eighty',
      referrerEmail: 'pat@',
      referrerPhone: '0151',
    };
    const saved = await save(owner, halfTyped);
    assert.is(saved.status, 201, JSON.stringify(saved.body));
    const kept = (await owner.get(`/api/drafts/${saved.body.draft.id}`)).body.draft.answers;
    assert.equal(
      kept,
      {
        referrerPhone: '0151',
        referrerEmail: 'pat@',
        personFullName: 'Pat',
        personDobKnown: 'no',
        personEstimatedAge: 'about eighty',
      },
      'the date of birth is hidden once "no" is chosen',
    );

    const unknown = await save(owner, { personFullName: 'Pat', favouriteColour: 'blue' });
    assert.is(unknown.status, 400);
    assert.equal(unknown.body.error.fields, [
      {
        field: 'favouriteColour',
        message: 'The answer to "favouriteColour" cannot be saved: the form does not ask this question.',
      },
    ]);
    const badOption = await save(owner, { requestType: 'whenever' });
    assert.is(badOption.status, 400);
    assert.equal(badOption.body.error.fields, [
      {
        field: 'requestType',
        message:
          'The answer to "What are you asking for?" cannot be saved: it is not one of the options the question offers.',
      },
    ]);
    const deepUnknown = await save(owner, { consultees: [{ consulteeName: 'Ann', shoeSize: '7' }] }, 'consultation');
    assert.is(deepUnknown.status, 400, 'an unknown answer inside a group item is refused too, not dropped in silence');
    assert.is(deepUnknown.body.error.fields[0].field, 'consultees.0.shoeSize');
    const badPage = await save(owner, partOfDols1, 'no-such-page');
    assert.is(badPage.status, 400);
    assert.match(badPage.body.error.message, /has no page "no-such-page"/);
    const badForm = await owner.post('/api/drafts', {
      formId: 'dols-form-1',
      formVersion: 99,
      pageId: 'the-person',
      answers: {},
    });
    assert.is(badForm.status, 400);
    assert.match(badForm.body.error.message, /no form "dols-form-1" version 99/);
    const smuggled = await owner.put(`/api/drafts/${saved.body.draft.id}`, {
      version: 1,
      pageId: 'the-person',
      answers: {},
      formId: 'dols-form-2',
    });
    assert.is(smuggled.status, 400);
    assert.match(smuggled.body.error.message, /Unknown field "formId"/);
  });

  it('should answer a body built to be expensive with one refusal, quickly', async () => {
    const consultees = Array.from({ length: 40_000 }, () => ({ consulteeType: 'zzz' }));
    const started = performance.now();
    const response = await save(owner, { consultees }, 'consultation');
    assert.is(response.status, 400);
    assert.is(response.body.error.fields.length, 1);
    assert.match(response.body.error.fields[0].message, /"People to consult"/);
    assert.ok(JSON.stringify(response.body).length < 1000, 'a short answer, not one line per item');
    assert.ok(performance.now() - started < 5000, 'well inside any client timeout');
  });

  it('should keep what was typed past a limit, rather than lose it', async () => {
    const tooLong = 'a'.repeat(12_000);
    const saved = await save(owner, { ...partOfDols1, medicalHistory: tooLong }, 'health-and-communication');
    assert.is(saved.status, 201, 'Next will ask for it to be shorter; the save keeps it');
    assert.is((await owner.get(`/api/drafts/${saved.body.draft.id}`)).body.draft.answers.medicalHistory, tooLong);
  });

  it('should take long answers to a whole form, and refuse a body over 1 MB with 413', async () => {
    const long = 'The person needs two carers for every transfer, and a hoist. '.repeat(80).slice(0, 4900);
    const saved = await save(owner, { ...partOfDols1, medicalHistory: long }, 'health-and-communication');
    assert.is(saved.status, 201);
    assert.is((await owner.get(`/api/drafts/${saved.body.draft.id}`)).body.draft.answers.medicalHistory, long.trim());
    const huge = await save(owner, { medicalHistory: 'x'.repeat(1_100_000) });
    assert.is(huge.status, 413);
  });

  it('should delete a draft when asked, and then know nothing of it', async () => {
    const { draft } = (await save(owner)).body;
    assert.is((await owner.delete(`/api/drafts/${draft.id}`)).status, 204);
    assert.is((await owner.get(`/api/drafts/${draft.id}`)).status, 404);
    assert.is((await owner.delete(`/api/drafts/${draft.id}`)).status, 404);
    assert.is((await owner.get('/api/drafts/not-an-id')).status, 404);
    const late = await owner.put(`/api/drafts/${draft.id}`, { version: 1, pageId: 'the-person', answers: {} });
    assert.is(late.status, 404, 'saving over a deleted draft: not found, not "saved elsewhere"');
  });

  it('should answer 404, not 409, to a save over a draft deleted between reading and writing it', async () => {
    // The real service and repository, with the deletion another tab makes put at the worst moment.
    const repos = createRepositories(app.db);
    const deletingFirst = {
      ...repos.drafts,
      update: async (...args: Parameters<typeof repos.drafts.update>) => {
        // In the save's own transaction, as the database orders it: just before the write.
        await repos.drafts.delete(args[0], args[1], args[4]);
        return repos.drafts.update(...args);
      },
    };
    const answersAtRest = createAnswersAtRest(await loadAnswerKeys(undefined, dataDir));
    const service = createDraftService({
      db: app.db,
      drafts: deletingFirst,
      catalogue: app.catalogue,
      answersAtRest,
      aboutPerson: createAboutPerson(app.catalogue, answersAtRest),
      clock,
      limiter: createRateLimiter(repos.rateLimits, clock),
    });
    const user = (await app.db('users').first()).id as string;
    const draft = await service.create(user, {
      formId: 'dols-form-1',
      formVersion: newestVersion('dols-form-1'),
      pageId: 'the-person',
      answers: {},
    });
    try {
      await service.update(user, draft.id, 1, { pageId: 'the-person', answers: {} });
      assert.unreachable('saved');
    } catch (error) {
      assert.is(statusOf(error), 404);
    }
  });

  it("should not open answers moved into another person's draft", async () => {
    const mine = (await save(owner)).body.draft;
    const theirs = (await save(someoneElse, { personFullName: 'Someone else' })).body.draft;
    const sealed = (await app.db('drafts').where({ id: mine.id }).first()).answers;
    await app.db('drafts').where({ id: theirs.id }).update({ answers: sealed });
    const opened = await someoneElse.get(`/api/drafts/${theirs.id}`);
    assert.is(opened.status, 500);
    assert.not.match(JSON.stringify(opened.body), /Quackenbush/);
  });

  it('should say at start which saved forms cannot be opened because their key is missing', async () => {
    await save(owner);
    const logged = capturedLog();
    const config = readConfig({
      BUILD_DIR: await sharedBuild(),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      SMTP_URL: smtp.url,
      PORT: '0',
      ANSWERS_KEYS: `2027-01:${'cd'.repeat(32)}`,
    });
    const restarted = await createApp(config, { clock, log: logged.log });
    await restarted.close();
    assert.ok(
      logged.lines.some(
        (line) =>
          line.level === 'warn' &&
          /Saved forms sealed with "local-[0-9a-f]{8}" cannot be opened: that key is not in ANSWERS_KEYS/.test(
            line.msg,
          ),
      ),
      logged.text(),
    );
  });

  it('should delete a draft 30 days after its last save, and count again from each save', async () => {
    const kept = (await save(owner)).body.draft;
    const forgotten = (await save(owner)).body.draft;
    clock.advance(20 * DAY);
    // Twenty days on, the session has long ended: the person signs in again and saves one of them.
    owner = await signedIn(ownerEmail);
    assert.is(
      (await owner.put(`/api/drafts/${kept.id}`, { version: 1, pageId: 'the-person', answers: partOfDols1 })).status,
      200,
    );
    clock.advance(10 * DAY + HOUR);
    await forgetExpired(createRepositories(app.db), clock.now());
    owner = await signedIn(ownerEmail);
    assert.is((await owner.get(`/api/drafts/${kept.id}`)).status, 200, 'saved again 10 days ago: kept');
    assert.is((await owner.get(`/api/drafts/${forgotten.id}`)).status, 404, 'last saved 30 days ago: deleted');
  });

  it('should start no new form on a retired version, pointing to the current one, yet save and send one saved on it before it was retired', async () => {
    const formId = 'social-care-referral';
    const current = newestVersion(formId);
    assert.is(app.catalogue.get(formId, 1)?.definition.status, 'retired', 'version 1 is retired');
    const retiredV1 = compileForm(loadDefinition(formId, 1));
    // The answer set is written for the current version: what version 1 asks of it.
    const complete = Object.fromEntries(
      Object.entries(loadForms().find((f) => f.definition.id === formId)!.answers).filter(([id]) =>
        retiredV1.question(id),
      ),
    );
    const refusedAsRetired = (response: { status: number; body: { error: { code: string; message: string } } }) => {
      assert.is(response.status, 409, JSON.stringify(response.body));
      assert.is(response.body.error.code, 'retired-version');
      assert.match(
        response.body.error.message,
        `Version 1 of ‘Referral for social care’ has been replaced by version ${current}`,
      );
    };
    refusedAsRetired(await owner.post('/api/drafts', { formId, formVersion: 1, pageId: 'about-you', answers: {} }));
    refusedAsRetired(
      await owner.post('/api/submissions', { formId, formVersion: 1, answers: complete, idempotencyKey: randomUUID() }),
    );
    assert.is(
      (await owner.get('/api/drafts')).body.drafts.filter((d: { formId: string }) => d.formId === formId).length,
      0,
    );

    // Saved while version 1 was the current one: the same service, over a catalogue from before it was retired.
    const savedId = await savedBeforeRetiring(app, dataDir, clock, ownerEmail, {
      formId,
      formVersion: 1,
      pageId: 'about-you',
      answers: {},
    });
    const savedAgain = await owner.put(`/api/drafts/${savedId}`, {
      version: 1,
      pageId: 'about-you',
      answers: complete,
    });
    assert.is(savedAgain.status, 200, JSON.stringify(savedAgain.body));
    const sent = await owner.post('/api/submissions', {
      formId,
      formVersion: 1,
      answers: complete,
      draftId: savedId,
      idempotencyKey: randomUUID(),
    });
    assert.is(sent.status, 201, JSON.stringify(sent.body));
    assert.is(sent.body.submission.formVersion, 1);
  });

  const LONG_ANSWERS = {
    medicalHistory: 5000,
    careAndTreatment: 10_000,
    restrictions: 5000,
    lessRestrictiveOptions: 5000,
    otherInformation: 5000,
  };
  const stored = async (userId: string) =>
    (await app.db('drafts').where({ user_id: userId }).select('answers')).reduce(
      (sum: number, row: { answers: string }) => sum + row.answers.length,
      0,
    );
  const userIdOf = async (email: string) => (await app.db('users').where({ email }).first()).id as string;

  it('should keep at most 50 saved forms for one account, saying what to do, and still save over those it has', async () => {
    const { as } = await registered();
    for (let n = 0; n < DRAFT_LIMITS.perAccount; n++) {
      if (n > 0 && n % 25 === 0) clock.advance(DRAFT_LIMITS.saves.windowMs);
      assert.is((await save(as, { personFullName: `Person ${n}` })).status, 201);
    }
    clock.advance(DRAFT_LIMITS.saves.windowMs);
    const refused = await save(as, { personFullName: 'One too many' });
    assert.is(refused.status, 400, JSON.stringify(refused.body));
    assert.is(refused.body.error.code, 'too-many-drafts');
    assert.is(
      refused.body.error.message,
      'You have 50 saved forms, as many as we can keep for one account. Delete saved forms you no longer need (choose Saved forms from the menu under your name), then save this one again.',
    );
    const listed = (await as.get('/api/drafts')).body.drafts;
    assert.is(listed.length, DRAFT_LIMITS.perAccount, 'none lost, none added');
    const [newest] = listed;
    assert.is(
      (await as.put(`/api/drafts/${newest.id}`, { version: 1, pageId: 'the-person', answers: {} })).status,
      200,
    );
    assert.is((await as.delete(`/api/drafts/${listed.at(-1).id}`)).status, 204);
    assert.is((await save(as, { personFullName: 'One too many' })).status, 201, 'room again after deleting one');
  });

  it('should keep at most 10 MB of saved answers for one account, refusing a save past it and keeping the copy saved before', async () => {
    const { as, email } = await registered();
    const userId = await userIdOf(email);
    // Every long answer the form asks (at the start), each nearly as long as a save takes (ten times its limit).
    const longAnswers = (share: number, mark: string) => ({
      ...partOfDols1,
      ...Object.fromEntries(
        Object.entries(LONG_ANSWERS).map(([id, limit]) => [id, mark + 'x'.repeat(share * 10 * limit - mark.length)]),
      ),
    });
    const kept: Array<{ id: string; mark: string }> = [];
    let refused: Awaited<ReturnType<typeof save>> | undefined;
    while (!refused && kept.length < DRAFT_LIMITS.perAccount) {
      const mark = `Draft ${kept.length} `;
      const saved = await save(as, longAnswers(0.9, mark), 'health-and-communication');
      if (saved.status === 201) kept.push({ id: saved.body.draft.id, mark });
      else refused = saved;
    }
    assert.ok(refused, 'a save was refused');
    assert.is(refused.status, 400, JSON.stringify(refused.body));
    assert.is(refused.body.error.code, 'drafts-full');
    assert.match(
      refused.body.error.message,
      /all the space we can keep for one account\. Delete saved forms you no longer need/,
    );
    assert.ok((await stored(userId)) <= DRAFT_LIMITS.totalSize, 'within 10 MB');
    assert.is((await as.get('/api/drafts')).body.drafts.length, kept.length, 'every form saved before is kept');

    // Saving over a copy with longer answers, until one would go past the limit.
    clock.advance(DRAFT_LIMITS.saves.windowMs);
    let refusedOver: { id: string; mark: string } | undefined;
    for (const draft of kept) {
      const over = await as.put(`/api/drafts/${draft.id}`, {
        version: 1,
        pageId: 'health-and-communication',
        answers: longAnswers(1, draft.mark),
      });
      if (over.status === 200) continue;
      assert.is(over.status, 400, JSON.stringify(over.body));
      assert.is(over.body.error.code, 'drafts-full');
      assert.match(over.body.error.message, /so the copy saved before is kept as it was/);
      refusedOver = draft;
      break;
    }
    assert.ok(refusedOver, 'a longer save over a copy was refused');
    const opened = (await as.get(`/api/drafts/${refusedOver.id}`)).body.draft;
    assert.is(opened.version, 1);
    assert.is(opened.answers.medicalHistory.length, 45_000, 'the copy saved before, whole');
    assert.ok(opened.answers.medicalHistory.startsWith(refusedOver.mark));
    assert.ok((await stored(userId)) <= DRAFT_LIMITS.totalSize, 'still within 10 MB');
    const shorter = await as.put(`/api/drafts/${refusedOver.id}`, { version: 1, pageId: 'the-person', answers: {} });
    assert.is(shorter.status, 200, 'shorter answers save over it');
  });

  it('should refuse saves past 30 in five minutes with how long to wait, keeping what was saved', async () => {
    const { as } = await registered();
    const { draft } = (await save(as, { personFullName: 'Save 1' })).body;
    for (let n = 2; n <= DRAFT_LIMITS.saves.max; n++) {
      const saved = await as.put(`/api/drafts/${draft.id}`, {
        version: n - 1,
        pageId: 'the-person',
        answers: { personFullName: `Save ${n}` },
      });
      assert.is(saved.status, 200, `save ${n}: ${JSON.stringify(saved.body)}`);
    }
    const tooMany = await as.put(`/api/drafts/${draft.id}`, {
      version: DRAFT_LIMITS.saves.max,
      pageId: 'the-person',
      answers: { personFullName: 'One save too many' },
    });
    assert.is(tooMany.status, 429, JSON.stringify(tooMany.body));
    assert.match(
      tooMany.body.error.message,
      /^You have saved forms a great many times in the last few minutes: wait \d+ minutes?\.$/,
    );
    assert.is((await save(as, { personFullName: 'A new one' })).status, 429, 'new copies too');
    const kept = (await as.get(`/api/drafts/${draft.id}`)).body.draft;
    assert.is(kept.answers.personFullName, `Save ${DRAFT_LIMITS.saves.max}`, 'the last save that landed, kept');
    clock.advance(DRAFT_LIMITS.saves.windowMs);
    const later = await as.put(`/api/drafts/${draft.id}`, {
      version: DRAFT_LIMITS.saves.max,
      pageId: 'the-person',
      answers: { personFullName: 'Saved later' },
    });
    assert.is(later.status, 200, 'saves again once the wait is over');
  });

  test.run();
}
