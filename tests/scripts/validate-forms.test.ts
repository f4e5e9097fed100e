import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { LockSyntaxError } from '../../scripts/lib/published-lock.ts';
import { mkdtemp, mkdir, readFile, writeFile, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { checkFormFiles, recordPublished, type FileProblem } from '../../scripts/lib/check-form-files.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const run = promisify(execFile);

/** The last line holding `marker` in a fixture (a repeated id's second use): where the checker must point. */
async function lineOf(file: string, marker: string): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findLastIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`${marker} not in ${file}`);
  return index + 1;
}

async function check(
  files: string[],
  formsDir = join(root, 'forms'),
  lockPath = join(root, 'forms/published.lock.json'),
): Promise<FileProblem[]> {
  return checkFormFiles(files, { formsDir, lockPath, cwd: root });
}

// Each broken definition has one fault: the code and pointer the checker must report, and a
// piece of text on the line it must point at.
const BROKEN: Array<[string, string, string, string]> = [
  ['unknown-property', 'schema-unevaluatedProperties', '/pages/1/questions/1/lable', '"lable"'],
  ['unknown-question-type', 'schema-discriminator', '/pages/1/questions/1/type', '"dropdown"'],
  ['missing-label', 'schema-required', '/pages/1/questions/2', '"id": "days"'],
  ['bad-question-id', 'schema-pattern', '/pages/1/questions/1/id', '"Your-Role"'],
  ['duplicate-question-id', 'duplicate-id', '/pages/2/questions/0/id', '"id": "role"'],
  ['duplicate-page-id', 'duplicate-id', '/pages/2/id', '"id": "about-you"'],
  ['condition-names-later-question', 'unknown-question', '/pages/1/questions/0/showIf/question', '"question": "days"'],
  ['condition-names-missing-question', 'unknown-question', '/pages/2/showIf/question', '"isProfesional"'],
  ['condition-unknown-option', 'unknown-option', '/pages/1/questions/3/showIf/equals', '"maybe"'],
  ['condition-wrong-operator', 'bad-condition', '/pages/2/showIf/includes', '"includes"'],
  ['progress-goes-down', 'progress-goes-down', '/pages/2/progress', '"progress": 10,'],
  ['page-never-shown', 'never-shown', '/pages/2/showIf', '"showIf"'],
  ['number-min-above-max', 'bad-limits', '/pages/1/questions/2', '"id": "days"'],
  ['missing-check-answers', 'no-check-answers', '/pages/2', '"id": "more"'],
  ['missing-subject', 'missing-subject', '/pages/2/questions/0', '"id": "notes"'],
  ['text-too-long-limit', 'schema-maximum', '/pages/2/questions/0/maxLength', '"maxLength": 50000'],
  ['trailing-comma', 'json-syntax', '', '"Checker sample",,'],
  ['link-with-space', 'schema-format', '/pages/0/content/0/text/1/href', 'some page'],
  ['about-names-missing-question', 'bad-about-person', '/aboutPerson/0', '"personName"'],
  ['signed-in-on-page', 'signed-in-not-text', '/pages/2/showIf/signedIn', '"signedIn"'],
  ['text-names-missing-question', 'unknown-question', '/pages/2/content/0/showIf/all/1/question', '"isProfesional"'],
  [
    'prefill-from-later-question',
    'unknown-question',
    '/pages/1/questions/4/prefill/question',
    '"question": "signedName"',
  ],
  ['prefill-wrong-type', 'bad-prefill', '/pages/2/questions/1/prefill/question', '"question": "days"'],
  ['prefill-now-on-text', 'bad-prefill', '/pages/2/questions/1/prefill/now', '"now": true'],
  ['prefill-two-sources', 'schema-oneOf', '/pages/2/questions/1/prefill', '"prefill"'],
  ['label-shows-later-answer', 'unknown-question', '/pages/1/questions/3/label', '{personName|the person}'],
  ['label-stray-brace', 'bad-placeholder', '/pages/2/questions/0/hint', '{role}'],
];

const broken = suite('validate-forms on broken definitions');

broken('should accept the sound sample', async () => {
  assert.equal(await check([join(here, 'valid.json')]), []);
});

for (const [name, code, pointer, marker] of BROKEN) {
  broken(`should reject ${name} at the right pointer and line`, async () => {
    const file = join(here, 'broken', `${name}.json`);
    const problems = await check([file]);
    assert.is(problems.length, 1, JSON.stringify(problems, null, 1));
    const [problem] = problems as [FileProblem];
    assert.is(problem.code, code);
    assert.is(problem.pointer, pointer);
    assert.is(problem.line, await lineOf(file, marker));
    assert.ok(problem.column > 1 || code === 'json-syntax');
    assert.is(problem.file, `tests/scripts/broken/${name}.json`);
  });
}

broken('should say which question to name when "aboutPerson" names none of the form', async () => {
  const [problem] = await check([join(here, 'broken', 'about-names-missing-question.json')]);
  assert.match(problem!.message, /"personName", which is not a question of this form/);
  assert.match(problem!.message, /Write the id of the text question that holds the person's name, such as "fullName"/);
});

broken('should say what to fix in a prefill or a label showing an answer', async () => {
  const message = async (name: string) => (await check([join(here, 'broken', `${name}.json`)]))[0]?.message ?? '';
  assert.match(await message('prefill-from-later-question'), /copies an answer from an earlier page/);
  assert.match(
    await message('prefill-wrong-type'),
    /"copiedDays" is a text question and cannot hold the answer to "days", a number question/,
  );
  assert.match(
    await message('prefill-now-on-text'),
    /fills a date question with today or a time question with the time now/,
  );
  assert.match(await message('prefill-two-sources'), /exactly one of "account", "question" or "now"/);
  assert.match(await message('label-shows-later-answer'), /"personName", which comes later/);
  assert.match(await message('label-stray-brace'), /Write \{questionId\|words shown until it is answered\}/);
});

broken.run();

const lock = suite('validate-forms and published.lock.json');

const sandboxes: string[] = [];

async function sandbox(): Promise<{ dir: string; formsDir: string; lockPath: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-lock-'));
  sandboxes.push(dir);
  const formsDir = join(dir, 'forms');
  await mkdir(join(formsDir, 'checker-sample'), { recursive: true });
  const file = join(formsDir, 'checker-sample', 'v1.json');
  const definition = JSON.parse(await readFile(join(here, 'valid.json'), 'utf8'));
  definition.status = 'published';
  await writeFile(file, JSON.stringify(definition, null, 2));
  // The real portal content, its links pointed at the sample form, without the rules of forms it lacks.
  const portal = JSON.parse(
    (await readFile(join(root, 'forms/portal.json'), 'utf8')).replace(
      /"form": "[a-z0-9-]+"/g,
      '"form": "checker-sample"',
    ),
  );
  delete portal.triage;
  await writeFile(join(formsDir, 'portal.json'), JSON.stringify(portal, null, 2));
  return { dir, formsDir, lockPath: join(formsDir, 'published.lock.json'), file };
}

lock('should ask for a newly published version to be recorded, then accept it', async () => {
  const box = await sandbox();
  const first = await check([], box.formsDir, box.lockPath);
  assert.equal(
    first.map((p) => p.code),
    ['not-in-lock'],
  );
  assert.match(first[0]!.message, /npm run validate-forms -- --lock/);
  assert.equal(await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath }), {
    added: ['checker-sample@v1'],
    heldBack: [],
  });
  assert.equal(await check([], box.formsDir, box.lockPath), []);
});

lock('should record nothing while the forms have a problem, since a recorded version can never be mended', async () => {
  const box = await sandbox();
  await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
  const definition = JSON.parse(await readFile(box.file, 'utf8'));
  definition.version = 2;
  definition.pages[1].questions[0].label = '   ';
  await writeFile(join(box.formsDir, 'checker-sample', 'v2.json'), JSON.stringify(definition, null, 2));
  assert.equal(await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath }), {
    added: [],
    heldBack: ['checker-sample@v2'],
  });
  assert.not.match(await readFile(box.lockPath, 'utf8'), /checker-sample@v2/);
});

lock(
  'should say only that the version is wrong in a copy whose version was not changed, not that the original changed',
  async () => {
    const box = await sandbox();
    await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
    const definition = JSON.parse(await readFile(box.file, 'utf8'));
    definition.status = 'draft';
    definition.pages[1].questions[0].label = 'Are you a health or care professional?';
    const copy = join(box.formsDir, 'checker-sample', 'v2.json');
    await writeFile(copy, JSON.stringify(definition, null, 2));
    const problems = await check([copy], box.formsDir, box.lockPath);
    assert.equal(
      problems.map((p) => p.code),
      ['version-mismatch'],
    );
    assert.match(problems[0]!.message, /The version is 1 but the file is v2\.json/);
  },
);

lock('should say where a lock file a merge left broken is broken, and how to mend it, not throw', async () => {
  const box = await sandbox();
  await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
  const text = await readFile(box.lockPath, 'utf8');
  await writeFile(box.lockPath, text.replace(/"\n}/, '",\n}'));
  const problems = await check([], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.line]),
    [['lock-syntax', text.trimEnd().split('\n').length]],
  );
  assert.match(problems[0]!.message, /git checkout -- forms\/published\.lock\.json/);
  const recording = await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath }).catch((e) => e);
  assert.instance(recording, LockSyntaxError);
});

lock('should refuse any change to a published version and say to add the next version', async () => {
  const box = await sandbox();
  await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
  const definition = JSON.parse(await readFile(box.file, 'utf8'));
  definition.pages[1].questions[0].label = 'Are you a health or care professional?';
  await writeFile(box.file, JSON.stringify(definition, null, 2));
  const problems = await check([], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.line]),
    [['published-changed', await lineOf(box.file, '"id": "checker-sample"')]],
  );
  assert.match(problems[0]!.message, /make the change in v2\.json/);
});

lock('should allow retiring a published version and reformatting its file', async () => {
  const box = await sandbox();
  await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
  const definition = JSON.parse(await readFile(box.file, 'utf8'));
  // Its successor is published, so the portal's links still lead to a form someone can start.
  await writeFile(join(box.formsDir, 'checker-sample', 'v2.json'), JSON.stringify({ ...definition, version: 2 }));
  await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
  definition.status = 'retired';
  await writeFile(box.file, JSON.stringify(definition, null, 4));
  assert.equal(await check([], box.formsDir, box.lockPath), []);
});

lock('should report a published version whose file was deleted', async () => {
  const box = await sandbox();
  await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
  await rm(box.file);
  const problems = await check([], box.formsDir, box.lockPath);
  // The portal's links to it break too.
  assert.equal(problems.map((p) => p.code).sort(), [
    'published-missing',
    'unknown-form',
    'unknown-form',
    'unknown-form',
    'unknown-form',
  ]);
});

lock('should refuse a file whose name or folder does not match its version and id', async () => {
  const box = await sandbox();
  await cp(box.file, join(box.formsDir, 'checker-sample', 'v2.json'));
  await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
  const problems = await check([], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.pointer]),
    [['version-mismatch', '/version']],
  );
});

lock.after(async () => {
  await Promise.all(sandboxes.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
lock.run();

const portal = suite('validate-forms and portal.json');

portal('should refuse a portal tile that links to a form that does not exist, at its line', async () => {
  const box = await sandbox();
  const content = JSON.parse(await readFile(join(box.formsDir, 'portal.json'), 'utf8'));
  content.referrals.tiles[0].form = 'social-care-referal';
  const portalPath = join(box.formsDir, 'portal.json');
  await writeFile(portalPath, JSON.stringify(content, null, 2));
  await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
  const problems = await check([], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.pointer]),
    [['unknown-form', '/referrals/tiles/0/form']],
  );
  assert.is(problems[0]!.line, await lineOf(portalPath, '"social-care-referal"'));
  assert.match(problems[0]!.message, /Use the id of a form there \(checker-sample\)/);
});

portal('should refuse portal content that breaks its schema, and check it when named on its own', async () => {
  const box = await sandbox();
  const content = JSON.parse(await readFile(join(box.formsDir, 'portal.json'), 'utf8'));
  delete content.council.phone;
  const portalPath = join(box.formsDir, 'portal.json');
  await writeFile(portalPath, JSON.stringify(content, null, 2));
  const problems = await check([portalPath], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.pointer, p.message]),
    [['schema-required', '/council', 'Add "phone": it is required here.']],
  );
});

portal('should refuse a time zone the portal does not know, at its line, saying what to write', async () => {
  for (const timeZone of ['Europe/Londn', 'BST']) {
    const box = await sandbox();
    const content = JSON.parse(await readFile(join(box.formsDir, 'portal.json'), 'utf8'));
    content.council.timeZone = timeZone;
    const portalPath = join(box.formsDir, 'portal.json');
    await writeFile(portalPath, JSON.stringify(content, null, 2));
    const problems = await check([portalPath], box.formsDir, box.lockPath);
    assert.equal(
      problems.map((p) => [p.code, p.pointer]),
      [['unknown-time-zone', '/council/timeZone']],
      timeZone,
    );
    const [problem] = problems as [FileProblem];
    assert.is(problem.line, await lineOf(portalPath, `"timeZone": "${timeZone}"`));
    assert.ok(problem.column > 1);
    assert.match(problem.message, `"${timeZone}" is not a time zone`);
    assert.match(problem.message, 'Use an IANA time zone such as "Europe/London"');
  }
});

portal('should accept a portal that names no time zone, or another known one', async () => {
  const box = await sandbox();
  const portalPath = join(box.formsDir, 'portal.json');
  const content = JSON.parse(await readFile(portalPath, 'utf8'));
  for (const timeZone of [undefined, 'Europe/Dublin']) {
    content.council.timeZone = timeZone;
    await writeFile(portalPath, JSON.stringify(content, null, 2));
    assert.equal(await check([portalPath], box.formsDir, box.lockPath), [], String(timeZone));
  }
});

/** The sandbox's portal.json with these triage rules for the sample form; its path. */
async function withTriage(box: { formsDir: string; lockPath: string }, rules: unknown): Promise<string> {
  const portalPath = join(box.formsDir, 'portal.json');
  const content = JSON.parse(await readFile(portalPath, 'utf8'));
  content.triage = { 'checker-sample': rules };
  await writeFile(portalPath, JSON.stringify(content, null, 2));
  await recordPublished({ formsDir: box.formsDir, lockPath: box.lockPath });
  return portalPath;
}

portal('should accept triage rules that name questions the published form asks', async () => {
  const box = await sandbox();
  await withTriage(box, {
    urgentWhen: { question: 'role', equals: 'gp' },
    deadlines: [
      {
        label: 'Screening due',
        afterReceived: { workingHours: 4 },
        when: { question: 'isProfessional', equals: 'yes' },
      },
      { label: 'Reply due', afterReceived: { days: 21 } },
    ],
  });
  assert.equal(await check([], box.formsDir, box.lockPath), []);
});

portal(
  'should refuse a triage rule naming a question the published version lacks, at its line, even when a draft has it',
  async () => {
    const box = await sandbox();
    // A draft v2 asks for the date; the published v1, which forms are sent on, does not.
    const draft = JSON.parse(await readFile(box.file, 'utf8'));
    draft.version = 2;
    draft.status = 'draft';
    draft.pages[1].questions.push({ id: 'replyBy', type: 'date', label: 'Reply by', subject: 'the date to reply by' });
    await writeFile(join(box.formsDir, 'checker-sample', 'v2.json'), JSON.stringify(draft, null, 2));
    const portalPath = await withTriage(box, { deadlines: [{ label: 'Reply due', date: { question: 'replyBy' } }] });
    const problems = await check([], box.formsDir, box.lockPath);
    assert.equal(
      problems.map((p) => [p.code, p.pointer]),
      [['unknown-question', '/triage/checker-sample/deadlines/0/date/question']],
    );
    assert.is(problems[0]!.file, relative(root, portalPath));
    assert.is(problems[0]!.line, await lineOf(portalPath, '"replyBy"'));
    assert.match(problems[0]!.message, 'Version 1 of "checker-sample" (published) has no question "replyBy"');
    assert.match(problems[0]!.message, 'Name a date (or worked-out date) question it asks');
  },
);

portal('should refuse triage conditions and deadlines the forms cannot meet, each saying what to fix', async () => {
  const box = await sandbox();
  const portalPath = await withTriage(box, {
    urgentWhen: { question: 'role', equals: 'nurse' },
    urgentUntil: ['Reply due'],
    deadlines: [{ label: 'Screening due', date: { question: 'days' } }],
  });
  const problems = await check([portalPath], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.pointer]),
    [
      ['unknown-option', '/triage/checker-sample/urgentWhen/equals'],
      ['unknown-deadline', '/triage/checker-sample/urgentUntil/0'],
      ['wrong-question-type', '/triage/checker-sample/deadlines/0/date/question'],
    ],
  );
  assert.match(problems[0]!.message, 'Its options are: social-worker, gp');
  assert.match(problems[1]!.message, 'Use one of: Screening due');
  assert.match(problems[2]!.message, '"days" is a number question');
});

portal('should refuse office hours that close before they open, and a bank holiday that is not a date', async () => {
  const box = await sandbox();
  const portalPath = join(box.formsDir, 'portal.json');
  const content = JSON.parse(await readFile(portalPath, 'utf8'));
  content.workingHours.week.friday = { opens: '09:00', closes: '08:30' };
  content.workingHours.bankHolidays[0].date = '2026-02-30';
  await writeFile(portalPath, JSON.stringify(content, null, 2));
  const problems = await check([portalPath], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.pointer]),
    [
      ['closes-before-opening', '/workingHours/week/friday/closes'],
      ['not-a-date', '/workingHours/bankHolidays/0/date'],
    ],
  );
  assert.match(problems[0]!.message, 'On Friday the office closes at 08:30');
});

/** The sandbox's portal.json with its outcomes changed as given (left out when undefined); its path. */
async function withOutcomes(box: { formsDir: string }, outcomes: unknown): Promise<string> {
  const portalPath = join(box.formsDir, 'portal.json');
  const content = JSON.parse(await readFile(portalPath, 'utf8'));
  content.outcomes = outcomes;
  await writeFile(portalPath, JSON.stringify(content, null, 2));
  return portalPath;
}

portal("should accept a council's own outcomes, retired ones among them", async () => {
  const box = await sandbox();
  const portalPath = await withOutcomes(box, [
    { code: 'signposted', label: 'Signposted to community support' },
    { code: 'passed-to-team', label: 'Passed to a team', retired: true },
    { code: 'care-act-assessment-2', label: 'Care Act assessment' },
  ]);
  assert.equal(await check([portalPath], box.formsDir, box.lockPath), []);
});

portal('should refuse portal.json without outcomes, saying what to add', async () => {
  const box = await sandbox();
  const portalPath = await withOutcomes(box, undefined);
  const problems = await check([portalPath], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.pointer, p.line]),
    [['schema-required', '', 1]],
  );
  assert.match(problems[0]!.message, /^Add "outcomes": the outcomes the triage team closes a referral with/);
  assert.match(problems[0]!.message, '{ "code": "passed-to-team", "label": "Passed to a team" }');
});

portal('should refuse an outcome code used twice, at the second, saying how to replace an outcome', async () => {
  const box = await sandbox();
  const portalPath = await withOutcomes(box, [
    { code: 'passed-to-team', label: 'Passed to a team' },
    { code: 'no-further-action', label: 'No further action' },
    { code: 'passed-to-team', label: 'Passed to the locality team' },
  ]);
  const problems = await check([portalPath], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.pointer]),
    [['duplicate-outcome', '/outcomes/2/code']],
  );
  assert.is(problems[0]!.line, await lineOf(portalPath, '"code": "passed-to-team"'));
  assert.match(problems[0]!.message, 'The code "passed-to-team" is already that of outcome 1 ("Passed to a team")');
  assert.match(problems[0]!.message, 'give each outcome its own code');
  assert.match(problems[0]!.message, 'retire the old one and give the new one a new code');
});

portal('should refuse an outcome with an empty label, or a code not in small words joined by hyphens', async () => {
  const box = await sandbox();
  const portalPath = await withOutcomes(box, [
    { code: 'passed-to-team', label: 'Passed to a team' },
    { code: 'no-further-action', label: '' },
    { code: 'signposted', label: '   ' },
    { code: 'Not For ASC', label: 'Not for adult social care' },
  ]);
  const problems = await check([portalPath], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.pointer, p.line]),
    [
      ['/outcomes/1/label', await lineOf(portalPath, '"label": ""')],
      ['/outcomes/2/label', await lineOf(portalPath, '"label": "   "')],
      ['/outcomes/3/code', await lineOf(portalPath, '"Not For ASC"')],
    ],
  );
  for (const problem of problems.slice(0, 2))
    assert.match(problem.message, /^Write the outcome's label: the words staff choose it by/);
  assert.match(problems[2]!.message, 'in words joined by hyphens, like "passed-to-team"');
});

portal('should refuse a list of outcomes with none left to offer, empty or every one retired', async () => {
  const box = await sandbox();
  let portalPath = await withOutcomes(box, []);
  let problems = await check([portalPath], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.pointer, p.line]),
    [['/outcomes', await lineOf(portalPath, '"outcomes": []')]],
  );
  assert.match(problems[0]!.message, /^List at least one outcome to close a referral with/);
  portalPath = await withOutcomes(box, [
    { code: 'passed-to-team', label: 'Passed to a team', retired: true },
    { code: 'no-further-action', label: 'No further action', retired: true },
  ]);
  problems = await check([portalPath], box.formsDir, box.lockPath);
  assert.equal(
    problems.map((p) => [p.code, p.pointer, p.line]),
    [['no-outcome-offered', '/outcomes', await lineOf(portalPath, '"outcomes": [')]],
  );
  assert.match(problems[0]!.message, 'Every outcome is retired, so a referral could not be closed');
  assert.match(problems[0]!.message, 'taking "retired" off one or adding a new outcome');
});

portal.after(async () => {
  await Promise.all(sandboxes.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
portal.run();

const cli = suite('npm run validate-forms (the command)');

cli('should print file:line:column  pointer  message and exit 1 for a broken file', async () => {
  const file = 'tests/scripts/broken/duplicate-page-id.json';
  const failure = await run(process.execPath, ['--import', 'tsx', 'scripts/validate-forms.ts', file], {
    cwd: root,
  }).catch((error) => error);
  assert.is(failure.code, 1);
  const line = await lineOf(join(root, file), '"id": "about-you"');
  assert.match(failure.stdout, new RegExp(`^${file}:${line}:7  /pages/2/id  The page id "about-you" is already used`));
});

cli('should print the same as JSON for tools with --json', async () => {
  const failure = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/validate-forms.ts', '--json', 'tests/scripts/broken/missing-label.json'],
    { cwd: root },
  ).catch((error) => error);
  assert.is(failure.code, 1);
  const problems = JSON.parse(failure.stdout);
  assert.equal(Object.keys(problems[0]).sort(), ['code', 'column', 'file', 'line', 'message', 'pointer']);
});

cli('should exit 0 when every given file is sound', async () => {
  const { stdout, stderr } = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/validate-forms.ts', 'tests/scripts/valid.json'],
    { cwd: root },
  );
  assert.is(stdout, '');
  assert.match(stderr, /Every form definition is sound/);
});

cli('should pass every definition in forms/, exiting 0', async () => {
  const result = await run(process.execPath, ['--import', 'tsx', 'scripts/validate-forms.ts'], { cwd: root }).catch(
    (error) => error,
  );
  assert.is(result.code ?? 0, 0, `${result.stdout}${result.stderr}`);
  assert.is(result.stdout, '');
  assert.match(result.stderr, /Every form definition is sound/);
});

cli.run();
